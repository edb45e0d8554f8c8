"""A report that fails says why in plain words and can be tried again; transient failures are
retried by the task, and what is stuck is queued again by the outbox's one re-queue job."""

from datetime import timedelta

from django.template import Template
from django.utils import timezone

from reports import makers, services
from reports.models import Kind, ReportRequest, Status
from reports.tasks import make_report
from scrutiny import jobs
from scrutiny.jobs import requeue_waiting_jobs
from scrutiny.models import Job
from tests.factories.reports import ReportRequestFactory


def _broken_template(template_name, context=None):
    return Template("{% if %}broken{% endif %}").render(context)  # a template error, as in a bad edit


def test_a_template_error_fails_the_request_with_a_readable_message(client, world, run_tasks, monkeypatch):
    monkeypatch.setattr(makers, "render_pdf_and_pages", _broken_template)
    client.force_login(world.manager)

    run_tasks(client.post, f"/reports/ask/reviews/{world.review.pk}/")

    report = ReportRequest.objects.get()
    assert report.status == Status.FAILED
    assert report.error.startswith("The report could not be made because of a fault in its page layout")
    assert "TemplateSyntaxError" in report.error_detail  # kept for administrators, not shown
    page = client.get(f"/reports/{report.pk}/").content.decode()
    assert "fault in its page layout" in page and "TemplateSyntaxError" not in page
    assert f'action="/reports/{report.pk}/retry/"' in page


def test_retrying_a_failed_report_makes_it_once_the_fault_is_fixed(client, world, run_tasks, monkeypatch):
    monkeypatch.setattr(makers, "render_pdf_and_pages", _broken_template)
    client.force_login(world.manager)
    run_tasks(client.post, f"/reports/ask/reviews/{world.review.pk}/")
    report = ReportRequest.objects.get()
    monkeypatch.undo()

    response = run_tasks(client.post, f"/reports/{report.pk}/retry/")

    report.refresh_from_db()
    assert response.status_code == 302
    assert report.status == Status.DONE and report.error == "" and report.file
    assert ReportRequest.objects.count() == 1


def test_only_a_failed_report_can_be_retried(client, world):
    report = ReportRequestFactory(requested_by=world.manager, status=Status.DONE)
    client.force_login(world.manager)

    response = client.post(f"/reports/{report.pk}/retry/", follow=True)

    assert "Only a report that failed can be tried again." in response.content.decode()


def test_a_transient_failure_is_retried_and_then_succeeds(world, run_tasks, monkeypatch):
    calls = []
    real = makers.render_pdf_and_pages

    def flaky(template_name, context=None):
        calls.append(template_name)
        if len(calls) == 1:
            raise OSError("disk briefly unavailable")
        return real(template_name, context)

    monkeypatch.setattr(makers, "render_pdf_and_pages", flaky)

    report, _ = run_tasks(services.request_report, kind=Kind.REVIEW, parameters={"review": world.review.pk},
                          by=world.manager, title="Review report")

    report.refresh_from_db()
    assert len(calls) == 2
    assert report.status == Status.DONE and report.attempts == 2


def test_a_transient_failure_on_the_last_try_fails_in_plain_words(world):
    report = ReportRequestFactory(kind=Kind.REVIEW, parameters={"review": 0}, requested_by=world.manager)

    def down(report):
        raise OSError("storage down")

    makers.MAKERS[Kind.REVIEW], real = down, makers.MAKERS[Kind.REVIEW]
    try:
        assert services.make_report(request_id=report.pk, last_try=True) == "failed"
    finally:
        makers.MAKERS[Kind.REVIEW] = real
    report.refresh_from_db()
    assert report.status == Status.FAILED and "did not answer, even after several tries" in report.error


def _job_for(report, **fields):
    job = Job.objects.create(task=services.MAKE_REPORT, args=[report.pk], queued_at=timezone.now(), **fields)
    ReportRequest.objects.filter(pk=report.pk).update(job=job)
    return job


def test_a_request_being_made_by_a_live_worker_is_not_made_twice(world):
    report = ReportRequestFactory(
        requested_by=world.manager, status=Status.RUNNING, started_at=timezone.now()
    )
    job = _job_for(report, attempts=1, leased_until=timezone.now() + timedelta(seconds=30))

    result = make_report.apply(kwargs={"request_id": report.pk, jobs.JOB_KWARG: job.pk}).get()

    assert result.startswith("skipped")
    report.refresh_from_db()
    assert report.status == Status.RUNNING and report.attempts == 0


def test_a_report_whose_worker_stopped_is_made_again_once_its_lease_runs_out(world, run_tasks, settings):
    report = ReportRequestFactory(
        kind=Kind.REVIEW, parameters={"review": world.review.pk}, requested_by=world.manager,
        status=Status.RUNNING, started_at=timezone.now() - timedelta(minutes=5), attempts=1,
    )
    _job_for(report, attempts=1, leased_until=timezone.now() - timedelta(seconds=1))

    requeued = run_tasks(requeue_waiting_jobs)

    report.refresh_from_db()
    assert requeued == 1
    assert report.status == Status.DONE and report.attempts == 2


def test_a_report_whose_job_gave_up_fails_in_plain_words(world, settings):
    settings.JOB_MAX_ATTEMPTS = 3
    report = ReportRequestFactory(requested_by=world.manager, status=Status.RUNNING,
                                  started_at=timezone.now() - timedelta(days=1), attempts=3)
    _job_for(report, attempts=3, leased_until=timezone.now() - timedelta(days=1))

    requeue_waiting_jobs()

    report.refresh_from_db()
    assert report.status == Status.FAILED
    assert report.error.startswith("The report was started 3 times but never finished")


def test_old_files_are_deleted_after_the_retention_period(client, world, settings):
    settings.REPORT_RETENTION_DAYS = 30
    old = ReportRequestFactory(requested_by=world.manager, status=Status.DONE)
    recent = ReportRequestFactory(requested_by=world.manager, status=Status.DONE)
    ReportRequest.objects.filter(pk=old.pk).update(finished_at=timezone.now() - timedelta(days=31))
    path = old.file.path

    assert services.delete_old_files() == 1

    old.refresh_from_db()
    recent.refresh_from_db()
    assert not old.file and old.file_deleted_at is not None
    assert recent.file
    import os
    assert not os.path.exists(path)
    client.force_login(world.manager)
    assert "This file was removed" in client.get(f"/reports/{old.pk}/").content.decode()
    assert client.get(f"/reports/{old.pk}/download/").status_code == 404


def test_a_tracker_report_whose_asker_no_longer_has_an_account_fails_saying_why(world):
    # The tracker shows what the person who asked may see: with their account gone, there is no one.
    report = ReportRequestFactory(kind=Kind.TRACKER, parameters={"filters": {}}, requested_by=world.manager)
    ReportRequest.objects.filter(pk=report.pk).update(requested_by=None)

    outcome = services.make_report(request_id=report.pk)

    report.refresh_from_db()
    assert outcome == "failed" and report.status == Status.FAILED
    assert "The person who asked for this report no longer has an account" in report.error_detail
