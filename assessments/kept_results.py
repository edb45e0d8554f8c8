"""A self-assessment's pooled results, worked out once and kept in the cache.

Pooling every assessor's scores is about a quarter of the results page. The results are kept
under the self-assessment's own version, renewed by a score, an assessor or the self-assessment
itself changing (saved, deleted, or written in bulk and announced through scrutiny/written.py),
under the page's language (the titles are in it), and under the frameworks' version, renewed by
any standard, outcome or framework changing. A
score in another self-assessment leaves them kept."""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils import translation

from assessments import selectors
from assessments.models import Assessor, Framework, Outcome, Score, SelfAssessment, Standard
from scrutiny import written
from scrutiny.freshness import renew, versions

KEPT_SECONDS = 60 * 60
FRAMEWORKS_KEY = "assessments:frameworks-version"


def scores_key(self_assessment_id: int | None) -> str:
    return f"assessments:scores-version:{self_assessment_id}"


def pooled_results(*, assessment: SelfAssessment) -> selectors.PooledResults:
    """selectors.pooled_results, from the cache when nothing it is worked out from has changed."""
    # The outcomes' and standards' titles are the page's language's (assessments/translation.py).
    language = translation.get_language()
    kept_under = versions(scores_key(assessment.pk), FRAMEWORKS_KEY)
    key = f"assessments:pooled:{assessment.pk}:{language}:{kept_under}"
    found = cache.get(key)
    if found is None:
        found = selectors.pooled_results(assessment=assessment)
        cache.set(key, found, KEPT_SECONDS)
    return found


def _renew_assessments(ids: Any) -> None:
    renew(*(scores_key(pk) for pk in set(ids)))


def _assessments_of(*, assessor_ids: Any) -> list[int]:
    return list(Assessor.objects.filter(pk__in=assessor_ids).values_list("self_assessment_id", flat=True))


def _score_changed(sender: type, instance: Score, **kwargs: Any) -> None:
    _renew_assessments(_assessments_of(assessor_ids=[instance.assessor_id]))


def _assessor_changed(sender: type, instance: Assessor, **kwargs: Any) -> None:
    _renew_assessments([instance.self_assessment_id])


def _assessment_changed(sender: type, instance: SelfAssessment, **kwargs: Any) -> None:
    _renew_assessments([instance.pk])


def _framework_changed(sender: type, **kwargs: Any) -> None:
    renew(FRAMEWORKS_KEY)


def _written(sender: type, rows: list | None = None, **kwargs: Any) -> None:
    if rows is None and sender in (Score, Assessor):
        renew(FRAMEWORKS_KEY)  # some rows, unknown: every kept result
    elif sender is Score:
        assessors = {row.assessor_id for row in rows or []}
        _renew_assessments(_assessments_of(assessor_ids=assessors))
    elif sender is Assessor:
        _renew_assessments(row.self_assessment_id for row in rows or [])
    elif sender in (Framework, Standard, Outcome):
        renew(FRAMEWORKS_KEY)


def connect_signals() -> None:
    for receiver, model in (
        (_score_changed, Score), (_assessor_changed, Assessor), (_assessment_changed, SelfAssessment),
        (_framework_changed, Framework), (_framework_changed, Standard), (_framework_changed, Outcome),
    ):
        for signal in (post_save, post_delete):
            signal.connect(receiver, sender=model, dispatch_uid=f"assessments-kept-{model.__name__}")
    written.rows_written.connect(_written, dispatch_uid="assessments-kept-written")
