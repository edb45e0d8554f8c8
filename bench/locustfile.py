"""Locust users for `make bench-load`: people reading the main pages, 1 to 3 s apart.

The pages and each role's session cookie come from bench.load through BENCH_LOAD_PLAN (JSON)."""

import json
import os
import random

from locust import HttpUser, between, task

PLAN = json.loads(os.environ.get("BENCH_LOAD_PLAN", '{"cookies": {}, "pages": []}'))


class Reader(HttpUser):
    wait_time = between(1, 3)

    def on_start(self) -> None:
        roles = sorted({role for _, role, _ in PLAN["pages"]})
        self.role = random.choice(roles)  # noqa: S311 - load test, not security
        self.client.headers["Cookie"] = PLAN["cookies"][self.role]
        self.client.headers["X-Forwarded-Proto"] = "https"

    @task
    def read_a_page(self) -> None:
        name, role, path = random.choice([p for p in PLAN["pages"] if p[1] == self.role])  # noqa: S311
        self.client.get(path, name=name)
