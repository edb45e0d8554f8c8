"""What every measure uses: signed-in clients, timing of pages, results and where they go."""

from __future__ import annotations

import json
import os
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.baselines import no_middleware_client
from bench.urls import BARE_PATH, NO_MIDDLEWARE_PATH


@dataclass
class Result:
    """One line of the benchmark: a measure, for a role where it matters, and its figures."""

    measure: str
    role: str = ""
    values: dict[str, Any] = field(default_factory=dict)
    note: str = ""

    def line(self) -> str:
        shown = "  ".join(f"{k}={_fmt(v)}" for k, v in self.values.items())
        return f"{self.measure:<34} {self.role:<8} {shown}{'  # ' + self.note if self.note else ''}"


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.1f}" if value >= 10 else f"{value:.2f}"
    return str(value)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


@dataclass
class Bench:
    """The state shared by measures: how many requests, the bare view's time, signed-in clients."""

    runs: int = 30
    clients: dict[str, Client] = field(default_factory=dict)
    no_middleware: Client = field(default_factory=no_middleware_client)
    ids: dict[str, Any] = field(default_factory=dict)
    results: list[Result] = field(default_factory=list)

    def time_page(self, measure: str, role: str, path: str, *, runs: int | None = None) -> Result:
        """Request a page `runs` times as a role, in turn with the two baselines (bench/baselines.py):
        queries, median and p95, CPU, size, the baselines' figures and the ratios to them.

        Every request draws the page afresh: no page is kept whole (fragments a page keeps in
        the cache under their data's versions, such as a review's findings, are kept as in real
        use)."""
        runs = runs or self.runs
        client = self.clients[role] if role else Client()
        # The log holds at most 9,000 queries; when full its length stops growing and a
        # capture would count nothing (migrate and seed_scale fill it).
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as queries:
            first = client.get(path)
        query_count = len(queries)  # now: the log may be emptied by the requests that follow
        # The page and a baseline in turn (page, no middleware, page, middleware, ...), so each
        # ratio compares requests made under the same load on the machine.
        baselines = {"none": (self.no_middleware, NO_MIDDLEWARE_PATH), "mw": (client, BARE_PATH)}
        client.get(path)  # warm
        for who, where in baselines.values():
            who.get(where)
        loads = [os.getloadavg()[0]]
        times: dict[str, list[float]] = {"page": [], "none": [], "mw": []}
        cpu: dict[str, list[float]] = {"page": [], "none": [], "mw": []}
        for n in range(max(runs, 2) * 2):  # at least one request of each baseline
            key = "page" if n % 2 == 0 else ("none" if n % 4 == 1 else "mw")
            who, where = (client, path) if key == "page" else baselines[key]
            started, started_cpu = time.perf_counter(), time.process_time()
            response = who.get(where)
            times[key].append((time.perf_counter() - started) * 1000)
            cpu[key].append((time.process_time() - started_cpu) * 1000)
            if key == "page":
                page = response
        loads.append(os.getloadavg()[0])
        median = {key: statistics.median(values) for key, values in times.items()}
        values = {
            "status": first.status_code,
            "queries": query_count,
            "median_ms": round(median["page"], 2),
            "p95_ms": round(percentile(times["page"], 0.95), 2),
            # This process's CPU time (the app's work, not the database's): far less disturbed
            # by other work on a shared machine than the wall-clock times above.
            "cpu_ms": round(statistics.median(cpu["page"]), 2),
            "kb": round(len(page.content) / 1024, 1),
            # The baselines, measured in turn with this page: the trivial view with no
            # middleware, and behind the product's middleware as the same person.
            "bare_ms": round(median["none"], 2),
            "mw_ms": round(median["mw"], 2),
            "bare_cpu_ms": round(statistics.median(cpu["none"]), 2),
            "mw_cpu_ms": round(statistics.median(cpu["mw"]), 2),
            "x_bare": round(median["page"] / median["none"], 1),
            "x_mw": round(median["page"] / median["mw"], 1),
            # The same by CPU time: on a busy machine the wall-clock ratios follow the waiting.
            "x_bare_cpu": round(statistics.median(cpu["page"]) / statistics.median(cpu["none"]), 1),
            "load": round(max(loads), 2),
        }
        return Result(measure, role, values, note=path)

    def timed(self, measure: str, role: str, work: Callable[[], Any], *, runs: int = 5) -> Result:
        """Time a piece of work (not a page): median and p95 of `runs` calls."""
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            work()
            times.append((time.perf_counter() - started) * 1000)
        return Result(measure, role, {"median_ms": round(statistics.median(times), 2),
                                      "p95_ms": round(percentile(times, 0.95), 2)})


def write_json(path: str, bench: Bench, meta: dict[str, Any]) -> None:
    """Write the results; paths inside the checkout are written relative to it."""
    root = str(Path(__file__).resolve().parent.parent) + "/"
    text = json.dumps({**meta, "results": [asdict(r) for r in bench.results]}, indent=2)
    Path(path).write_text(text.replace(root, "") + "\n")
