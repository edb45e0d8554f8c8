"""Locust users for `make bench-load`: tenants, officers, managers and administrators who sign in,
read and write, 1 to 3 s apart (what each does: bench/load_people.py).

Who they are comes from bench.load through BENCH_LOAD_PLAN (JSON, bench/load_plan.py). Every
simulated person is a different seeded person; the weights give 35 tenants, 8 officers, 5
managers and 2 administrators of 50."""

import itertools
import json
import os
import random

from locust import HttpUser, between, task

from bench.load_people import ROLES, Page
from bench.load_plan import COUNTS

PLAN = json.loads(os.environ.get("BENCH_LOAD_PLAN", "{}"))
TURNS = {role: itertools.count() for role in ROLES}


class LocustBrowser:
    """The Browser of bench/load_people.py on locust's HTTP session: redirects are not followed
    (a browser's next request is timed apart), and an unexpected status is a failure."""

    def __init__(self, client) -> None:  # type: ignore[no-untyped-def]
        self.client = client

    def _call(self, method: str, path: str, name: str, expect: tuple[int, ...], **kwargs) -> Page:  # type: ignore[no-untyped-def]
        with self.client.request(method, path, name=name, allow_redirects=False, catch_response=True,
                                 **kwargs) as response:
            if response.status_code not in expect:
                response.failure(f"{response.status_code} instead of {expect}")
            return Page(response.status_code, response.text, response.headers.get("Location", ""))

    def get(self, path: str, name: str, expect: tuple[int, ...] = (200,)) -> Page:
        return self._call("GET", path, name, expect)

    def post(self, path, name, *, data=None, body=None, headers=None, expect=(302,)) -> Page:  # type: ignore[no-untyped-def]
        sent = body if body is not None else data
        return self._call("POST", path, name, expect, data=sent, headers=headers)


class _Someone(HttpUser):
    abstract = True
    wait_time = between(1, 3)
    role = ""

    def on_start(self) -> None:
        people = PLAN[self.role]
        entry = json.loads(json.dumps(people[next(TURNS[self.role]) % len(people)]))  # a copy of their own
        # As behind the deployment's proxy: HTTPS, so the CSRF check compares the origin.
        self.client.headers["X-Forwarded-Proto"] = "https"
        self.client.headers["Origin"] = "https://" + self.host.split("://", 1)[1].rstrip("/")
        self.client.headers["Referer"] = self.client.headers["Origin"] + "/"
        self.person = ROLES[self.role](LocustBrowser(self.client), entry, PLAN["password"], random.Random(),
                                       PLAN["authenticator_key"])
        self.person.sign_in()

    @task
    def act(self) -> None:
        self.person.act()


class Tenant(_Someone):
    role, fixed_count = "tenant", COUNTS["tenant"]


class Officer(_Someone):
    role, fixed_count = "officer", COUNTS["officer"]


class Manager(_Someone):
    role, fixed_count = "manager", COUNTS["manager"]


class Admin(_Someone):
    role, fixed_count = "admin", COUNTS["admin"]
