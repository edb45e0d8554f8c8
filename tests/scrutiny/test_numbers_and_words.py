"""Numbers and words as people write them, in the pages and report text people read: a figure
with its unit after a space (a percentage sign straight after), no trailing zeros the person
did not type, plurals right, names and job titles as typed, and a possessive that reads."""

import datetime
import html
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone

from assessments.models import Indicator, IndicatorValue
from mysteryshop.models import Answer, DocumentStatus, VisitStatus
from recommendations.models import Status as RecStatus
from reports.annual import current_year, year_of
from scrutiny.models import SiteSettings
from tests.factories.accounts import UserFactory
from tests.factories.assessments import FrameworkFactory
from tests.factories.mysteryshop import CheckedDocumentFactory, StandardFactory, VisitFactory
from tests.factories.panels import MembershipFactory, PanelFactory
from tests.factories.recommendations import RecommendationFactory
from tests.factories.reviews import (
    InterviewFactory,
    PerformanceFigureFactory,
    ReviewFactory,
    ServiceAreaFactory,
)

pytestmark = pytest.mark.django_db


def _text(response):
    """The page's words as a reader meets them: tags dropped, entities read, spaces folded."""
    import re

    body = re.sub(r"<[^>]+>", " ", response.content.decode())
    return " ".join(html.unescape(body).split())


def _landlord(name):
    site = SiteSettings.load()
    site.landlord_name = name
    site.save()


def test_a_landlord_name_ending_in_s_takes_an_apostrophe_alone(client):
    _landlord("Tayside Homes")
    tenant = UserFactory(role="tenant")
    client.force_login(tenant)
    page = _text(client.get("/"))
    assert "on Tayside Homes' tenant scrutiny site" in page
    assert "Homes's" not in page
    client.force_login(UserFactory(role="officer"))
    assert "scrutinise Tayside Homes' services" in _text(client.get("/panels/"))


def test_a_landlord_name_not_ending_in_s_keeps_its_apostrophe_s(client):
    _landlord("Glenbrae Housing")
    client.force_login(UserFactory(role="tenant"))
    assert "on Glenbrae Housing's tenant scrutiny site" in _text(client.get("/"))


def test_the_invitation_email_says_the_landlords_name_as_written(client, django_capture_on_commit_callbacks):
    _landlord("Tayside Homes")
    client.force_login(UserFactory(role="admin"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/invitations/", {"email": "new@example.org", "display_name": "Ann Roy",
                                               "role": "tenant"})
    assert mail.outbox, "the invitation was not sent"
    assert mail.outbox[-1].subject == "You are invited to Tayside Homes' tenant scrutiny site"
    assert "to join Tayside Homes' tenant scrutiny site" in mail.outbox[-1].body


@pytest.fixture
def figures_review(db):
    panel = PanelFactory(name="SURE Team")
    member = UserFactory(role="tenant")
    MembershipFactory(panel=panel, user=member)
    review = ReviewFactory(panel=panel, service_area=ServiceAreaFactory(name="Perth and Kinross repairs"))
    days = PerformanceFigureFactory(review=review, measure="Average days to relet", value=Decimal("21.9"),
                                    unit="days", target=Decimal("20"), period="2015/16")
    share = PerformanceFigureFactory(review=review, measure="Repairs on time", value=Decimal("72.5"),
                                     unit="%", target=Decimal("90"), period="2015/16")
    InterviewFactory(review=review, interviewee_role="Head of Housing Services")
    return review, days, share, member


def test_evidence_figures_read_with_their_unit_and_no_added_zeros(client, figures_review):
    review, days, share, member = figures_review
    client.force_login(member)
    detail = _text(client.get(days.get_absolute_url()))
    assert "21.9 days" in detail and "20 days" in detail
    assert "21.90" not in detail and "21.9days" not in detail
    detail = _text(client.get(share.get_absolute_url()))
    assert "72.5%" in detail and "72.50" not in detail
    listing = _text(client.get("/reviews/evidence/"))
    assert "21.9 days (2015/16)" in listing and "72.5% (2015/16)" in listing


def test_the_review_report_keeps_figures_job_titles_and_places_as_written(client, figures_review):
    review, _, _, member = figures_review
    client.force_login(member)
    page = _text(client.get(f"/reviews/{review.pk}/report/"))
    assert "21.9 days 20 days" in page and "72.5% 90% (not met)" in page
    assert "(with Head of Housing Services)" in page
    assert "of Perth and Kinross repairs" in page
    assert "head of housing" not in page and "perth and kinross" not in page


def test_indicator_figures_show_the_precision_entered(client):
    framework = FrameworkFactory(name="Charter")
    indicator = Indicator.objects.create(framework=framework, code="I5", title="Tenants satisfied",
                                         unit="%")
    days = Indicator.objects.create(framework=framework, code="I9", title="Days to relet", unit="days")
    IndicatorValue.objects.create(indicator=indicator, year=2024, value=Decimal("84"), target=Decimal("90"))
    IndicatorValue.objects.create(indicator=indicator, year=2023, value=Decimal("86.4"))
    IndicatorValue.objects.create(indicator=days, year=2024, value=Decimal("1"))
    client.force_login(UserFactory(role="officer"))
    page = _text(client.get(f"/assessments/frameworks/{framework.pk}/figures/?year=2024"))
    assert "84% " in page and "Last year 86.4% · target 90%" in page
    assert "86.40" not in page
    assert "1 day " in page


def test_a_number_answer_of_one_says_minute_not_minutes(client):
    standard = StandardFactory(answer_type="number", unit="minutes", question="How long did you wait?")
    visit = VisitFactory(checklist=standard.checklist, status=VisitStatus.SUBMITTED,
                         submitted_at=timezone.now())
    Answer.objects.create(visit=visit, standard=standard, number=Decimal("1"))
    client.force_login(UserFactory(role="admin"))
    page = _text(client.get(visit.get_absolute_url()))
    assert "1 minute" in page and "1 minutes" not in page


def test_the_annual_report_counts_one_document_and_one_change_in_the_singular(client):
    year = current_year() - 1
    middle = year_of(year).period.start + datetime.timedelta(days=60)
    when = timezone.make_aware(datetime.datetime.combine(middle, datetime.time(12)))
    CheckedDocumentFactory(status=DocumentStatus.APPROVED, approved_on=middle,
                           expires_on=middle + datetime.timedelta(days=365))
    rec = RecommendationFactory(status=RecStatus.VERIFIED)
    rec.__class__.objects.filter(pk=rec.pk).update(submitted_at=when, verified_at=when)
    rec.response.responded_at = when
    rec.response.save()
    client.force_login(UserFactory(role="manager"))
    page = _text(client.get(f"/reports/annual/{year}/"))
    assert "awarded 1 document the Customer Approved mark" in page
    assert "1 change was checked by tenants" in page
    assert "Of the 1 recommendation the landlord answered" in page
    assert "1 documents" not in page and "1 changes" not in page


def test_the_review_pdf_keeps_figures_job_titles_and_places_as_written(figures_review):
    from reports import makers
    from reports.models import Kind, ReportRequest
    from tests.reports.pdf_checks import read

    review = figures_review[0]
    made = makers.make(ReportRequest(kind=Kind.REVIEW, parameters={"review": review.pk},
                                     requested_by=UserFactory(role="manager")))
    _, text, _ = read(made.content)
    assert "21.9 days" in text and "72.5%" in text
    assert "Head of Housing Services" in text and "Perth and Kinross repairs" in text
