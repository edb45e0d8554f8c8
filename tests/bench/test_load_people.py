"""The simulated people of `make bench-load` (bench/load_people.py, bench/load_plan.py) on a small
scale landlord: every task of every role reaches a real page or form, with CSRF checks on, and
the writes are made."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from bench import load_plan
from bench.load_people import ROLES, Page
from mysteryshop.models import Answer, Visit
from recommendations.models import ProgressUpdate, Recommendation, Response, Status
from reviews.models import Finding

pytestmark = pytest.mark.django_db


class ClientBrowser:
    """The Browser of bench/load_people.py on Django's test client, as a browser: CSRF checked."""

    def __init__(self) -> None:
        self.client = Client(enforce_csrf_checks=True)
        self.seen: list[tuple[str, int]] = []

    def _check(self, name: str, response, expect: tuple[int, ...]) -> Page:
        self.seen.append((name, response.status_code))
        assert response.status_code in expect, (name, response.status_code, response.content[:2000])
        return Page(response.status_code, response.content.decode(), response.get("Location", ""))

    def get(self, path, name, expect=(200,)):
        return self._check(name, self.client.get(path), expect)

    def post(self, path, name, *, data=None, body=None, headers=None, expect=(302,)):
        if body is not None:
            headers = dict(headers or {})
            kind = headers.pop("Content-Type")
            response = self.client.post(path, body, content_type=kind, headers=headers)
        else:
            response = self.client.post(path, data or {})
        return self._check(name, response, expect)


@pytest.fixture
def plan():
    call_command("seed_scale", "--factor", "0.01", stdout=StringIO())
    return load_plan.build(dict.fromkeys(ROLES, 1))


def test_the_plan_has_people_of_every_role_with_something_to_do(plan):
    for role in ROLES:
        assert len(plan[role]) == 1, role
    tenant = plan["tenant"][0]
    assert tenant["review"] and tenant["programme"]  # the busiest panel's members come first
    assert plan["officer"][0]["recommendations"] and plan["manager"][0]["to_answer"]
    # Every recommendation a manager reads is one they may see: none is a panel's draft.
    read = Recommendation.objects.filter(pk__in=plan["manager"][0]["recommendations"])
    assert read.exists() and not read.filter(status=Status.DRAFT).exists()


def test_every_task_of_every_role_answers_200_or_302_and_writes_what_it_says(plan):
    import random

    before = {model: model.objects.count() for model in (Finding, Visit, Answer, ProgressUpdate, Response)}
    for role, kind in ROLES.items():
        browser = ClientBrowser()
        person = kind(browser, plan[role][0], plan["password"], random.Random(1), plan["authenticator_key"])
        person.sign_in()
        # Staff are sent on from home to the second factor, then back home.
        step = [("home", 302), ("second factor (form)", 200), ("second factor", 302)]
        if role == "tenant":
            step = []
        assert browser.seen[:3 + len(step)] == [
            ("sign in (form)", 200), ("sign in", 302), *step, ("home", 200)]
        for task in kind.TASKS:
            getattr(person, task)()
        if role == "tenant":
            for _ in range(3):  # further questions of the same visit
                person.answer_visit()
        names = {name for name, _ in browser.seen}
        assert "sign out" in names
    after = {model: model.objects.count() for model in before}
    assert after[Finding] == before[Finding] + 1
    assert after[Visit] == before[Visit] + 1
    assert after[Answer] == before[Answer] + 4
    assert after[ProgressUpdate] == before[ProgressUpdate] + 1
    assert after[Response] == before[Response] + 1



def test_the_locust_file_runs_each_role_as_often_as_the_plan_counts():
    # In a process of its own: importing locust patches threads and sockets (gevent).
    import json
    import subprocess
    import sys

    counts = subprocess.run(  # noqa: S603 - this interpreter, fixed code
        [sys.executable, "-c", "import json; from bench import locustfile as f; print(json.dumps("
         "{u.role: u.fixed_count for u in (f.Tenant, f.Officer, f.Manager, f.Admin)}))"],
        capture_output=True, text=True, check=True, timeout=120,
    ).stdout
    assert json.loads(counts) == load_plan.COUNTS
    assert sum(load_plan.COUNTS.values()) == 50 and set(load_plan.COUNTS) == set(ROLES)
