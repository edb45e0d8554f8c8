"""Asking for the Annual Report before the panel approves its assessment is not a dead end: the
page says who must approve, staff can remind them (not over and over), and the report is made,
and the person told, once the panel approves."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from accounts.models import Notice
from panels.models import PanelRole
from reports import assessment, tasks
from reports.models import AnnualReport, ReportRequest, Status
from scrutiny.models import Job
from tests.factories.accounts import UserFactory
from tests.factories.panels import MembershipFactory, PanelFactory


@pytest.fixture
def vice_chair(world):
    """A vice-chair of another panel who asked to be phoned, not emailed."""
    person = UserFactory(role="tenant", display_name="Ewan Grant", contact_preference="phone")
    MembershipFactory(panel=PanelFactory(name="Quality Panel"), user=person, role=PanelRole.VICE_CHAIR)
    return person


def test_asking_too_early_says_who_must_approve_and_that_the_report_will_follow(client, world, vice_chair):
    client.force_login(world.manager)

    response = client.post("/reports/ask/annual/", {"year": world.year}, follow=True)

    page = response.content.decode()
    assert response.redirect_chain[-1][0] == f"/reports/annual/{world.year}/assessment/"
    assert "Morag Fraser, chair of SURE Team" in page
    assert "Ewan Grant, vice-chair of Quality Panel" in page
    assert "Iain Reid" not in page  # a member, who cannot approve
    assert "we will make your report" in page.lower()
    assert '<button type="submit" class="btn btn-primary">Remind them</button>' in page
    assert not ReportRequest.objects.exists()


def test_a_reminder_reaches_each_approver_the_way_they_asked(client, world, vice_chair, run_tasks):
    client.force_login(world.manager)

    response = run_tasks(client.post, f"/reports/annual/{world.year}/remind/", follow=True)

    assert [m.to for m in mail.outbox] == [[world.chair.email]]
    assert "approve" in mail.outbox[0].subject.lower()
    assert f"/reports/annual/{world.year}/assessment/" in mail.outbox[0].body
    notice = Notice.objects.get(user=vice_chair)
    assert notice.url == f"/reports/annual/{world.year}/assessment/"
    page = response.content.decode()
    assert "A reminder is on its way" in page
    assert "Last reminder sent" in page and "by Helen Baird" in page


def test_a_second_reminder_the_same_day_is_refused(client, world, run_tasks):
    client.force_login(world.manager)
    run_tasks(client.post, f"/reports/annual/{world.year}/remind/")
    first = AnnualReport.objects.get(year=world.year).reminded_at
    client.force_login(world.officer)

    response = run_tasks(client.post, f"/reports/annual/{world.year}/remind/", follow=True)

    assert len(mail.outbox) == 1
    assert AnnualReport.objects.get(year=world.year).reminded_at == first
    page = response.content.decode()
    assert "A reminder was sent less than a day ago" in page
    assert "Remind them</button>" not in page


def test_a_reminder_can_be_sent_again_after_a_day(client, world, run_tasks):
    client.force_login(world.manager)
    run_tasks(client.post, f"/reports/annual/{world.year}/remind/")
    a_day_ago = timezone.now() - timedelta(days=1, minutes=1)
    AnnualReport.objects.filter(year=world.year).update(reminded_at=a_day_ago)

    run_tasks(client.post, f"/reports/annual/{world.year}/remind/")

    assert len(mail.outbox) == 2


def test_a_tenant_cannot_send_reminders(client, world, run_tasks):
    client.force_login(world.member)

    response = run_tasks(client.post, f"/reports/annual/{world.year}/remind/")

    assert response.status_code == 403
    assert not AnnualReport.objects.filter(year=world.year, reminded_at__isnull=False).exists()
    assert not mail.outbox


def test_no_reminder_once_approved(client, world, run_tasks):
    assessment.save_section(year=world.year, section="recommendations", text="Good year.", version=None,
                            by=world.chair)
    assessment.approve(year=world.year, by=world.chair)
    client.force_login(world.manager)

    response = run_tasks(client.post, f"/reports/annual/{world.year}/remind/", follow=True)

    assert "already approved" in response.content.decode()
    assert not mail.outbox


def test_approval_makes_the_waiting_report_and_tells_whoever_asked(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world.manager)
    client.post("/reports/ask/annual/", {"year": world.year, "large_print": "on"})
    assessment.save_section(year=world.year, section="recommendations", text="Good year.", version=None,
                            by=world.chair)

    assessment.approve(year=world.year, by=world.chair)

    job = Job.objects.get(task="reports.tasks.make_waiting_reports")
    assert job.args == [world.year]
    with django_capture_on_commit_callbacks(execute=False):  # the PDF itself is made later
        tasks.make_waiting_reports(world.year)
    report = ReportRequest.objects.get()
    assert report.requested_by == world.manager and report.status == Status.QUEUED
    assert report.parameters == {"year": world.year, "large_print": True}
    assert [m.to for m in mail.outbox] == [[world.manager.email]]
    assert f"/reports/{report.pk}/" in mail.outbox[0].body
    # Running the job again makes nothing twice.
    with django_capture_on_commit_callbacks(execute=False):
        tasks.make_waiting_reports(world.year)
    assert ReportRequest.objects.count() == 1 and len(mail.outbox) == 1


def test_the_reports_page_lists_what_waits_for_approval_until_it_is_made(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world.manager)
    client.post("/reports/ask/annual/", {"year": world.year})

    page = client.get("/reports/").content.decode()

    assert "Waiting for the panel to approve" in page
    assert "Annual Report to Tenants 20" in page.split("Waiting for the panel to approve", 1)[1]
    assert f'href="/reports/annual/{world.year}/assessment/"' in page
    client.force_login(world.officer)
    assert "Waiting for the panel to approve" not in client.get("/reports/").content.decode()
    assessment.save_section(year=world.year, section="recommendations", text="Good year.", version=None,
                            by=world.chair)
    assessment.approve(year=world.year, by=world.chair)
    with django_capture_on_commit_callbacks(execute=False):
        tasks.make_waiting_reports(world.year)
    client.force_login(world.manager)
    assert "Waiting for the panel to approve" not in client.get("/reports/").content.decode()


def test_with_no_chair_an_administrator_approves_and_is_reminded(client, world, run_tasks):
    world.chair.memberships.update(role=PanelRole.MEMBER)
    client.force_login(world.manager)

    response = run_tasks(client.post, f"/reports/annual/{world.year}/remind/", follow=True)

    assert "an administrator must approve" in response.content.decode()
    assert [m.to for m in mail.outbox] == [[world.admin.email]]
