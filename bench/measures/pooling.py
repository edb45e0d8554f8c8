"""Self-assessments at scale: pooling 96 outcomes scored by 40 assessors (the selector the
results page and the Annual Report use), the results page itself, and importing the
96-outcome framework file."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from bench.core import Bench, Result

ORDER = 60


def measure(bench: Bench) -> Iterable[Result]:
    from accounts.models import User
    from accounts.scale import email
    from assessments import imports, samples
    from assessments.models import SelfAssessment
    from assessments.scale import LARGE_ASSESSMENT
    from assessments.selectors import pooled_results

    sa = SelfAssessment.objects.get(title=LARGE_ASSESSMENT)
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as queries:
        pooled = pooled_results(assessment=sa)
    result = bench.timed("self-assessment pooling", "", lambda: pooled_results(assessment=sa), runs=10)
    result.values["queries"] = len(queries)
    result.note = f"{len(pooled.outcomes)} outcomes x {pooled.assessors} assessors, {connection.vendor}"
    yield result
    yield bench.time_page("self-assessment results page", "admin", f"/assessments/{sa.pk}/results/", runs=10)

    admin = User.objects.get(email=email("admin", 1))
    data = samples.ninety_six_csv().encode()

    def import_once():
        with transaction.atomic():
            imports.import_framework(by=admin, data=data, filename="bench.csv", name="Bench: import timing")
            transaction.set_rollback(True)  # measure the import, keep nothing

    imported = bench.timed("framework import (96 outcomes)", "admin", import_once, runs=5)
    imported.note = "CSV parsed, checked and saved in one transaction (rolled back)"
    yield imported
