import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from reports.models import AnnualReport, AssessmentSection, Kind, ReportRequest, Status
from reports.services import request_key
from tests.factories.accounts import UserFactory


class ReportRequestFactory(factory.django.DjangoModelFactory):
    """A report request already in `status`; a done one has a small PDF file."""

    class Meta:
        model = ReportRequest
        skip_postgeneration_save = True

    kind = Kind.ANNUAL
    parameters = factory.Sequence(lambda n: {"year": 2025, "large_print": False, "n": n})
    key = factory.LazyAttribute(
        lambda o: request_key(kind=o.kind, parameters=o.parameters, by=o.requested_by)
    )
    title = "Annual Report to Tenants 2025/26"
    requested_by = factory.SubFactory(UserFactory, role="manager")
    status = Status.QUEUED
    queued_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def with_file(obj, create, extracted, **kwargs):
        if create and obj.status == Status.DONE and not obj.file:
            obj.file.save("report.pdf", ContentFile(b"%PDF-1.7\n% a report\n"), save=False)
            obj.file_name = "report.pdf"
            obj.finished_at = timezone.now()
            obj.save()
        if create and obj.status == Status.FAILED and not obj.error:
            obj.error = "The report could not be made because of a fault in its page layout."
            obj.save()


class AnnualReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AnnualReport
        django_get_or_create = ["year"]

    year = 2025


def approved_report(year, *, by=None, published=False, text="Repairs got better; complaints did not."):
    """An annual report whose assessment the panel has written and approved."""
    record = AnnualReportFactory(year=year)
    AssessmentSection.objects.update_or_create(
        annual_report=record, section="recommendations", defaults={"text": text},
    )
    record.approved_at = timezone.now()
    record.approved_by = by
    record.published = published
    record.save()
    return record
