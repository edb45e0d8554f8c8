"""The review page's report section keeps the review's newest PDF request under the version of its
report requests: every change to one of them (the worker's status changes, bulk ones included)
shows on the very next visit, and a request for another review leaves it kept."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from reports import services
from reports.models import Kind, ReportRequest, Status
from scrutiny.models import Job
from tests.factories.reports import ReportRequestFactory


def visit(client, review):
    """The page, and whether it read the review's report requests (not when they were kept)."""
    with CaptureQueriesContext(connection) as queries:
        page = client.get(review.get_absolute_url()).content.decode()
    return page, any('FROM "reports_reportrequest"' in q["sql"] for q in queries)


def asked(world, status=Status.QUEUED, **fields):
    return ReportRequestFactory(kind=Kind.REVIEW, parameters={"review": world.review.pk}, status=status,
                                requested_by=world.member, **fields)


def test_the_newest_request_is_read_once_then_kept(client, world):
    asked(world)
    client.force_login(world.manager)

    first, read_first = visit(client, world.review)
    again, read_again = visit(client, world.review)

    assert read_first and not read_again
    assert "Your report is in the queue." in first and "Your report is in the queue." in again


def started(report):
    report.status, report.started_at = Status.RUNNING, timezone.now()
    report.save(update_fields=["status", "started_at"])


def given_up(report):
    report.job = Job.objects.create(task="reports.make_report", args=[report.pk], attempts=3)
    ReportRequest.objects.filter(pk=report.pk).update(job=report.job)  # not shown: nothing renewed
    services.give_up(given_up=[report.job])  # in bulk, as the worker's clean-up does


def old_file_deleted(report):
    later = timezone.now() + timedelta(days=3650)
    assert services.delete_old_files(now=later) == 1  # in bulk


# Each change of the newest request, its status before, and the words the page shows after it.
CHANGES = {
    "asked for": (None, lambda w, r: asked(w), "Your report is in the queue."),
    "started by the worker": (Status.QUEUED, lambda w, r: started(r), "The report is being made."),
    "given up by the worker": (Status.RUNNING, lambda w, r: given_up(r), "The report could not be made."),
    "tried again": (Status.FAILED, lambda w, r: services.retry(report=r, by=w.member),
                    "Your report is in the queue."),
    "its file deleted": (Status.DONE, lambda w, r: old_file_deleted(r), "This file was removed"),
    "deleted": (Status.DONE, lambda w, r: r.delete(), "Make the PDF</button>"),
}


@pytest.mark.parametrize("change", CHANGES)
def test_a_change_to_the_reviews_request_shows_on_the_next_visit(client, world, change):
    before, write, shown = CHANGES[change]
    report = asked(world, status=before, finished_at=timezone.now()) if before else None
    client.force_login(world.member)
    page, _ = visit(client, world.review)
    assert shown not in page

    write(world, report)

    page, read = visit(client, world.review)
    assert read and shown in page


def test_a_request_for_another_review_leaves_it_kept(client, world):
    asked(world)
    client.force_login(world.manager)
    visit(client, world.review)

    other = ReportRequestFactory(kind=Kind.REVIEW, parameters={"review": world.review.pk + 1000})
    started(other)
    ReportRequestFactory()  # an Annual Report

    page, read = visit(client, world.review)
    assert not read and "Your report is in the queue." in page
    assert ReportRequest.objects.count() == 3


def test_the_retry_button_is_shown_only_to_those_who_may_use_it_when_kept(client, world):
    report = asked(world, status=Status.FAILED)
    retry = f'action="/reports/{report.pk}/retry/"'
    client.force_login(world.chair)  # a tenant who did not ask for it
    page, _ = visit(client, world.review)
    assert "The report could not be made." in page and retry not in page

    for person, may in ((world.member, True), (world.chair, False), (world.officer, True)):
        client.force_login(person)
        page, read = visit(client, world.review)
        assert not read and (retry in page) == may
    client.force_login(world.outsider)  # another panel's tenant may not see the review at all
    assert client.get(world.review.get_absolute_url()).status_code == 403


def test_a_tenant_who_may_see_the_review_reads_nothing_more_for_a_made_pdf(client, world):
    asked(world, status=Status.DONE)
    client.force_login(world.chair)
    visit(client, world.review)

    with CaptureQueriesContext(connection) as queries:
        page = client.get(world.review.get_absolute_url()).content.decode()

    assert "Your report is ready." in page
    assert not any('SELECT 1 AS "a" FROM "reviews_review"' in q["sql"] for q in queries)  # may they see it?
