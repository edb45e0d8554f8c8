"""The pooled results page's body, drawn once and kept in the cache.

Drawing a hundred outcomes, their numbers and the chart is most of the page. The body shows the
self-assessment's pooled results and its comparison with the one before: it is kept under the
versions of both self-assessments' scores (assessments/kept_results.py, renewed by a score, an
assessor or the self-assessment changing), the frameworks' version, the page's language, and
whether the person may plan actions (then under who they are too, since the links beside each
weakness come from other apps and may depend on them). Which self-assessment came before is
read afresh on every visit, so one closing in between is never missed."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from assessments import selectors
from assessments.kept_results import FRAMEWORKS_KEY, pooled_results, scores_key
from scrutiny import charts, extensions
from scrutiny.freshness import versions

if TYPE_CHECKING:
    from accounts.models import User
    from assessments.models import SelfAssessment

KEPT_SECONDS = 60 * 60


def heatmap(results: selectors.PooledResults) -> charts.Chart:
    """Standards × score: how many scores of each value each standard received."""
    columns = [f"{i} {label}" for i, label in enumerate(results.scale, start=1)] + [gettext("Don't know")]
    return charts.heatmap(
        title=gettext("How each standard was scored"),
        description=gettext("For each standard, the number of scores at each point of the scale. Bigger dots "
                            "mean more people gave that score."),
        row_labels=[f"{code} {title}" for code, title, _ in results.heatmap],
        column_labels=columns,
        values=[counts for _, _, counts in results.heatmap],
    )


def result_links(
    sa: SelfAssessment, rows: list[selectors.OutcomeResult], user: User
) -> dict[int, list[dict]]:
    """Buttons later apps add beside each weakness (making a recommendation from it)."""
    found: dict[int, list] = {}
    outcomes = {row.outcome_id: row.code for row in rows}
    for links in extensions.functions(extensions.ASSESSMENT_RESULT_LINKS):
        for outcome_id, items in links(assessment=sa, outcomes=outcomes, user=user).items():
            found.setdefault(outcome_id, []).extend(items)
    return found


def _drawn(sa: SelfAssessment, earlier: SelfAssessment | None, user: User, can_plan: bool) -> str:
    pooled = pooled_results(assessment=sa)
    more = result_links(sa, pooled.weaknesses, user) if can_plan else {}
    by_standard: dict[str, list] = {}
    for row in pooled.outcomes:
        by_standard.setdefault(f"{row.standard_code} {row.standard_title}", []).append(row)
    return render_to_string("assessments/_results.html", {
        "sa": sa,
        "pooled": pooled,
        "chart": heatmap(pooled),
        "comparison": selectors.comparison(assessment=sa, earlier=earlier),
        "by_standard": by_standard,
        "weaknesses": [(row, more.get(row.outcome_id, [])) for row in pooled.weaknesses],
        "can_plan": can_plan,
        "scale_max": sa.scale_max,
    })


def results_section(*, sa: SelfAssessment, user: User, can_plan: bool) -> SafeString:
    """The results page's body for this person, from the cache when nothing it shows has changed."""
    earlier = selectors.earlier_assessment(assessment=sa)
    names = [scores_key(sa.pk), FRAMEWORKS_KEY] + ([scores_key(earlier.pk)] if earlier else [])
    # The links beside each weakness come from other apps (extensions.ASSESSMENT_RESULT_LINKS).
    adders = extensions.functions(extensions.ASSESSMENT_RESULT_LINKS)
    links = [f"{f.__module__}.{f.__qualname__}" for f in adders]
    who = (user.pk, links) if can_plan else None
    raw = repr([sa.pk, earlier.pk if earlier else None, translation.get_language(), can_plan, who,
                versions(*names)])
    key = "assessments:results-section:" + hashlib.sha256(raw.encode()).hexdigest()
    html = cache.get(key)
    if html is None:
        html = _drawn(sa, earlier, user, can_plan)
        cache.set(key, html, KEPT_SECONDS)
    return SafeString(html)
