"""A person's own-data download holds what the reports app keeps about them: the reports they
asked for, the Annual Report requests waiting for the panel's approval, and the approvals,
reminders and assessment wording they gave."""

import json

from django.apps import apps
from django.contrib.auth import get_user_model

from reports.models import AnnualReport, AssessmentSection, ReportRequest
from tests.factories.reports import ReportRequestFactory


def _download(client, person):
    client.force_login(person)
    return json.loads(client.get("/accounts/profile/my-data.json").content)


def test_a_waiting_annual_report_request_is_in_the_persons_download(client, world):
    client.force_login(world.member)
    client.post("/reports/ask/annual/", {"year": world.year, "large_print": "on"})

    data = _download(client, world.member)

    first, second = world.year, (world.year + 1) % 100
    waiting = data["Reports"]["waiting_for_the_panel_to_approve"]
    assert len(waiting) == 1
    assert waiting[0]["report"] == f"Annual Report to Tenants {first}/{second:02d} (large print)"
    assert waiting[0]["asked_at"]
    assert waiting[0]["made_at"] is None


def test_the_download_holds_every_reports_record_that_names_the_person(client, world):
    ReportRequestFactory(requested_by=world.member, title="Review report: Complaints handling")
    record = AnnualReport.objects.create(year=world.year, approved_by=world.member, reminded_by=world.member)
    AssessmentSection.objects.create(annual_report=record, section="volunteering", text="We grew.",
                                     updated_by=world.member)

    section = _download(client, world.member)["Reports"]

    assert [r["title"] for r in section["reports_asked_for"]] == ["Review report: Complaints handling"]
    assert section["assessments_approved"] == [world.year]
    assert section["approval_reminders_sent"] == [world.year]
    assert [(s["year"], s["section"]) for s in section["assessment_wording_last_saved"]] == [
        (world.year, "volunteering")
    ]


def test_someone_the_reports_app_holds_nothing_about_has_no_reports_section(client, world):
    ReportRequest.objects.all().delete()
    assert "Reports" not in _download(client, world.outsider)


def test_every_field_of_the_reports_app_naming_a_person_is_checked_above():
    # A new field that names a person must be added to the download (and to the test above).
    user = get_user_model()
    found = {
        f"{model.__name__}.{field.name}"
        for model in apps.get_app_config("reports").get_models()
        if not model.__name__.startswith("Historical")
        for field in model._meta.concrete_fields
        if field.is_relation and field.related_model is user
    }
    assert found == {
        "ReportRequest.requested_by", "AnnualReport.approved_by", "AnnualReport.reminded_by",
        "WaitingRequest.requested_by", "AssessmentSection.updated_by",
    }


def test_erasing_a_person_drops_their_waiting_requests(client, world):
    from accounts.services import erase_person
    from reports.models import WaitingRequest

    client.force_login(world.member)
    client.post("/reports/ask/annual/", {"year": world.year})
    client.force_login(world.manager)
    client.post("/reports/ask/annual/", {"year": world.year})

    erase_person(user=world.member, by=world.admin)

    assert list(WaitingRequest.objects.values_list("requested_by", flat=True)) == [world.manager.pk]
