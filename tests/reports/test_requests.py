"""Asking for a report: it is queued at once, identical requests share one, the status page
follows it, and the file downloads when done."""

import re

import pytest
from django.db import IntegrityError

from reports import services
from reports.models import Kind, ReportRequest, Status
from tests.factories.reports import ReportRequestFactory, approved_report


def test_asking_creates_a_queued_request_and_returns_at_once(client, world):
    approved_report(world.year)
    client.force_login(world.manager)

    response = client.post("/reports/ask/annual/", {"year": world.year})

    report = ReportRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/reports/{report.pk}/"
    assert report.status == Status.QUEUED  # nothing ran inside the request
    assert report.kind == Kind.ANNUAL and report.parameters == {"year": world.year, "large_print": False}
    assert report.requested_by == world.manager and report.queued_at is not None


def test_identical_requests_while_one_waits_share_it(client, world):
    approved_report(world.year)
    client.force_login(world.manager)
    client.post("/reports/ask/annual/", {"year": world.year})
    client.force_login(world.chair)

    response = client.post("/reports/ask/annual/", {"year": world.year}, follow=True)

    assert ReportRequest.objects.count() == 1
    assert "already being made, so you will get the same one" in response.content.decode()


def test_a_second_active_request_with_the_same_key_is_refused_by_the_database(world):
    first = ReportRequestFactory(requested_by=world.manager)
    with pytest.raises(IntegrityError):
        ReportRequestFactory(requested_by=world.manager, parameters=first.parameters, key=first.key)


def test_a_finished_request_does_not_block_a_new_one(world):
    params = {"year": world.year, "large_print": False}
    ReportRequestFactory(status=Status.DONE, parameters=params, requested_by=world.manager)

    report, created = services.request_report(kind=Kind.ANNUAL, parameters=params, by=world.chair, title="t")

    assert created and report.status == Status.QUEUED


def test_large_print_is_offered_by_default_to_people_who_asked_for_it(client, world):
    world.member.large_print_documents = True
    world.member.save()
    client.force_login(world.member)

    page = client.get("/reports/").content.decode()
    world.chair.large_print_documents = False
    client.force_login(world.chair)
    other = client.get("/reports/").content.decode()

    assert "checked" in re.search(r'<input[^>]*id="id_large_print"[^>]*>', page).group(0)
    assert "checked" not in re.search(r'<input[^>]*id="id_large_print"[^>]*>', other).group(0)


def test_the_annual_report_waits_for_the_panel_to_approve_its_assessment(client, world):
    client.force_login(world.manager)

    response = client.post("/reports/ask/annual/", {"year": world.year}, follow=True)

    assert not ReportRequest.objects.exists()
    assert "The panel has not yet approved its assessment" in response.content.decode()


def test_the_status_page_polls_while_waiting_and_stops_when_done(client, world):
    report = ReportRequestFactory(requested_by=world.manager)
    client.force_login(world.manager)

    waiting = client.get(f"/reports/{report.pk}/").content.decode()
    done = ReportRequestFactory(requested_by=world.manager, status=Status.DONE)
    fragment = client.get(f"/reports/{done.pk}/status/").content.decode()

    assert f'hx-get="/reports/{report.pk}/status/"' in waiting and 'hx-trigger="every 3s"' in waiting
    assert "Waiting to start" in waiting
    assert "hx-trigger" not in fragment
    assert f'href="/reports/{done.pk}/download/"' in fragment


def test_a_done_report_downloads_as_a_private_attachment(client, world):
    report = ReportRequestFactory(requested_by=world.manager, status=Status.DONE)
    client.force_login(world.chair)

    response = client.get(f"/reports/{report.pk}/download/")

    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert response["Content-Type"] == "application/pdf"
    assert 'attachment; filename="report.pdf"' in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"


def test_a_report_not_ready_has_nothing_to_download(client, world):
    report = ReportRequestFactory(requested_by=world.manager)
    client.force_login(world.manager)

    assert client.get(f"/reports/{report.pk}/download/").status_code == 404


def test_a_tenant_cannot_see_another_panels_review_report(client, world):
    report = ReportRequestFactory(kind=Kind.REVIEW, parameters={"review": world.review.pk},
                                  requested_by=world.manager, status=Status.DONE)
    client.force_login(world.outsider)
    assert client.get(f"/reports/{report.pk}/download/").status_code == 403
    client.force_login(world.member)
    assert client.get(f"/reports/{report.pk}/download/").status_code == 200


def test_the_worker_makes_the_review_report(client, world, run_tasks):
    client.force_login(world.member)

    run_tasks(client.post, f"/reports/ask/reviews/{world.review.pk}/")

    report = ReportRequest.objects.get()
    assert report.status == Status.DONE, report.error_detail
    assert report.file_name == "review-report-complaints-handling.pdf"
    assert report.pages >= 1 and report.file_size > 1000
    assert report.started_at <= report.finished_at
    page = client.get(f"/reports/{report.pk}/").content.decode()
    assert "Download review-report-complaints-handling.pdf" in page
