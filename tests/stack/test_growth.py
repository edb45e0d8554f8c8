"""Horizontal growth: two gunicorn instances and two Celery workers on the same PostgreSQL and
Redis (loopback). Recommendations drafted at once through both instances get numbers with no
duplicates and no gaps; reminder runs taken by both workers at once send each person one digest;
report requests made through both instances are each made once, none lost.
"""

import subprocess
import sys
import threading
from datetime import timedelta

import pytest
from django.utils import timezone

from recommendations.models import Recommendation, ReminderSent
from tests.factories.accounts import UserFactory
from tests.factories.panels import MembershipFactory, PanelFactory
from tests.factories.recommendations import ActionFactory, RecommendationFactory
from tests.factories.reviews import ReviewFactory
from tests.stack.conftest import (
    SHARED_STACK_CACHE,
    Browser,
    Stack,
    _free_port,
    stack_env,
    use_real_password_hashers,
)
from tests.stack.services import PrivateRedis
from tests.stack.test_faults import wait
from tests.stack.test_stack import csrf_token, sign_in

DRAFTS_PER_THREAD = 5


@pytest.fixture(scope="module")
def _started(broker_url, static_root, django_db_setup, tmp_path_factory):
    """Two web instances and two workers sharing one database and one Redis (a private one),
    started once for this module's tests, which neither stop nor reconfigure them."""
    folder = tmp_path_factory.mktemp("growth")
    redis = PrivateRedis(folder)
    redis.start()
    stack = Stack(folder, stack_env(folder, redis.url, static_root, CACHE_URL=SHARED_STACK_CACHE))
    second_port = _free_port()
    try:
        stack.start_web()
        stack.start_web("web2", port=second_port)
        stack.start_worker("worker")
        stack.start_worker("worker2")
        for name in ("worker", "worker2"):
            stack.wait_for(lambda n=name: " ready." in stack.log(n), f"{name} to be ready", name)
        yield stack, [stack.url, f"http://127.0.0.1:{second_port}"]
    finally:
        stack.close()
        redis.stop()


@pytest.fixture
def stack(_started, transactional_db, settings):
    """The module's started stack, as `running_stack` gives it: logs since the test began, an
    empty mail folder, every process still running."""
    shared, _ = _started
    use_real_password_hashers(settings)
    shared.begin_test()
    yield shared
    shared.print_logs()


@pytest.fixture
def two_of_everything(stack, _started):
    """The addresses of the two web instances."""
    return _started[1]


def on(url, browser):
    """The same signed-in person, talking to another instance (sessions live in the database)."""
    other = Browser(url)
    other.cookies = browser.cookies
    return other


def test_numbering_stays_whole_when_two_instances_take_drafts_at_once(stack, two_of_everything):
    panel = PanelFactory()
    review = ReviewFactory(panel=panel)
    members = [UserFactory(role="tenant", email=f"member{n}@example.org") for n in range(4)]
    for member in members:
        MembershipFactory(panel=panel, user=member)
    browsers = [sign_in(stack, member) for member in members]
    path = f"/recommendations/reviews/{review.pk}/new/"
    answers: list[int] = []
    lock = threading.Lock()

    def draft(thread: int) -> None:
        # Threads 0 and 2 use the first instance, 1 and 3 the second.
        browser = on(two_of_everything[thread % 2], browsers[thread])
        for n in range(DRAFTS_PER_THREAD):
            form = browser.get(path)
            response = browser.post(path, data={
                "text": f"Recommendation {n} from thread {thread}", "priority": "medium",
                "csrfmiddlewaretoken": csrf_token(form),
            }, follow=False)
            with lock:
                answers.append(response.status_code)

    threads = [threading.Thread(target=draft, args=(t,)) for t in range(len(members))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    total = DRAFTS_PER_THREAD * len(members)
    assert answers == [302] * total
    numbers = sorted(Recommendation.objects.filter(review=review).values_list("number", flat=True))
    assert numbers == list(range(1, total + 1))  # no duplicates, nothing lost, no gaps
    # Both instances served drafts. Gunicorn writes a request's access-log line after sending
    # its response, so the last lines may still be on their way: wait for all of them.
    def served():
        return stack.log("web").count(f"POST {path}"), stack.log("web2").count(f"POST {path}")

    wait(lambda: sum(served()) >= total, f"the {total} drafts in the web instances' logs")
    assert all(served()) and sum(served()) == total


def test_reminder_runs_taken_by_two_workers_at_once_send_each_person_one_digest(stack, two_of_everything):
    owners = [UserFactory(role="officer", email=f"owner{n}@example.org") for n in range(5)]
    soon = timezone.localdate() + timedelta(days=2)
    for owner in owners:
        rec = RecommendationFactory(status="in_progress", owner=owner, due_date=soon + timedelta(days=30))
        ActionFactory(recommendation=rec, owner=owner, due_date=soon)
    runs = 6

    sender = (
        "import sys; from scrutiny.celery import app; "
        "[app.send_task('recommendations.tasks.send_reminders', queue=sys.argv[1]) "
        f"for _ in range({runs})]"
    )
    result = subprocess.run(
        [sys.executable, "-c", sender, stack.queue], env=stack.env, capture_output=True, text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr

    wait(lambda: _succeeded(stack, "worker") + _succeeded(stack, "worker2") == runs, "every run to end")
    assert _succeeded(stack, "worker") >= 1 and _succeeded(stack, "worker2") >= 1  # both took runs
    assert ReminderSent.objects.count() == len(owners)
    # Each digest is an outbox job of its own, sent after the run that wrote it.
    wait(lambda: ReminderSent.objects.filter(emailed_at__isnull=False).count() == len(owners),
         "every digest to be emailed")
    to = sorted(line for p in stack.mail_dir.iterdir() for line in p.read_text().splitlines()
                if line.startswith("To: "))
    assert to == sorted(f"To: {owner.email}" for owner in owners)


def _succeeded(stack, name: str) -> int:
    return len([line for line in stack.log(name).splitlines()
                if "send_reminders[" in line and "succeeded" in line])


def test_report_requests_through_both_instances_are_each_made_once(stack, two_of_everything):
    from reports.models import ReportRequest
    from scrutiny.models import Job

    managers = [UserFactory(role="manager", email=f"manager{n}@example.org") for n in range(4)]
    browsers = [sign_in(stack, manager) for manager in managers]
    choices = ["high", "medium", "low", "urgent"]  # a different report for each
    answers: list[int] = []
    lock = threading.Lock()

    def ask(n: int) -> None:
        browser = on(two_of_everything[n % 2], browsers[n])
        token = csrf_token(browser.get("/reports/"))
        response = browser.post(f"/reports/ask/tracker/?priority={choices[n]}",
                                data={"csrfmiddlewaretoken": token}, follow=False)
        with lock:
            answers.append(response.status_code)

    threads = [threading.Thread(target=ask, args=(n,)) for n in range(len(managers))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [302] * len(managers)

    report_jobs = Job.objects.filter(task="reports.tasks.make_report")

    def all_done() -> bool:
        # The outbox marks its job done just after the task has saved the report, so wait for both.
        return (ReportRequest.objects.filter(status="done").count() == len(managers)
                and report_jobs.filter(done_at__isnull=False).count() == len(managers))

    wait(all_done, "every report to be made and its job marked done", deadline=600)
    assert ReportRequest.objects.count() == len(managers)  # none lost, none doubled
    assert set(ReportRequest.objects.values_list("attempts", flat=True)) == {1}  # each made once
    assert report_jobs.count() == len(managers)  # one outbox job a request, none doubled

    def made() -> list[str]:
        return [line for name in ("worker", "worker2") for line in stack.log(name).splitlines()
                if "make_report[" in line and "succeeded" in line]

    # Each worker logs a task's end just after the task has saved the report: waited for.
    wait(lambda: len(made()) >= len(managers), "each worker to log the reports it made")
    assert len(made()) == len(managers) and all("'done'" in line for line in made())
