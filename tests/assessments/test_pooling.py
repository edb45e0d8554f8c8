"""Pooled results on a small example worked by hand.

Four assessors (two tenants T1, T2; two staff S1, S2) score three outcomes on the 1-4 scale;
"-" is "don't know".

            T1  T2  S1  S2 | scores  mean   median  spread (population SD)   don't know
    1.1      4   3   4   4 |   4     15/4=3.75  4      sqrt(3/16)=0.4330...   0
    1.2      1   2   -   3 |   3      6/3=2     2      sqrt(2/3)=0.8164...    1/4
    2.1      2   2   4   4 |   4     12/4=3     3      1                      0

1.1: deviations .25,-.75,.25,.25 -> squares .0625+.5625+.0625+.0625 = .75; /4 = .1875.
1.2: deviations -1,0,1 -> 2/3.  2.1: deviations -1,-1,1,1 -> 4/4 = 1.
Tenants' and staff's means: 1.1 3.5 v 4 (gap -0.5); 1.2 1.5 v 3 (gap -1.5; S1's "don't know"
left out); 2.1 2 v 4 (gap -2). Ranked best first: 1.1 (3.75), 2.1 (3), 1.2 (2).
"""

import datetime
import math

import pytest
from django.utils import timezone

from assessments.selectors import compare_with_earlier, pooled_results
from tests.factories.accounts import UserFactory
from tests.factories.assessments import AssessorFactory, ScoreFactory, SelfAssessmentFactory, framework_with

pytestmark = pytest.mark.django_db

TABLE = {
    "1.1": [4, 3, 4, 4],
    "1.2": [1, 2, None, 3],
    "2.1": [2, 2, 4, 4],
}


def _assessment(table=TABLE, framework=None, **kwargs):
    framework = framework or framework_with(2, 2)
    sa = SelfAssessmentFactory(framework=framework, **kwargs)
    people = [
        UserFactory(role="tenant"),
        UserFactory(role="tenant"),
        UserFactory(role="officer"),
        UserFactory(role="manager"),
    ]
    assessors = [AssessorFactory(self_assessment=sa, user=p) for p in people]
    outcomes = {o.code: o for o in framework.outcomes.all()}
    for code, values in table.items():
        for assessor, value in zip(assessors, values, strict=True):
            ScoreFactory(assessor=assessor, outcome=outcomes[code], value=value)
    return sa


def _by_code(results):
    return {r.code: r for r in results.outcomes}


def test_counts_means_medians_and_spread_match_the_hand_worked_table():
    results = _by_code(pooled_results(assessment=_assessment()))
    assert (results["1.1"].scores, results["1.2"].scores, results["2.1"].scores) == (4, 3, 4)
    assert results["1.1"].mean == pytest.approx(3.75)
    assert results["1.2"].mean == pytest.approx(2.0)
    assert results["2.1"].mean == pytest.approx(3.0)
    assert (results["1.1"].median, results["1.2"].median, results["2.1"].median) == (4.0, 2.0, 3.0)
    assert results["1.1"].spread == pytest.approx(math.sqrt(0.1875))
    assert results["1.2"].spread == pytest.approx(math.sqrt(2 / 3))
    assert results["2.1"].spread == pytest.approx(1.0)


def test_dont_know_is_counted_as_a_share_and_left_out_of_the_mean():
    results = _by_code(pooled_results(assessment=_assessment()))
    assert results["1.2"].responses == 4
    assert results["1.2"].dont_know_share == pytest.approx(0.25)
    assert results["1.1"].dont_know_share == 0
    # (1 + 2 + 3) / 3, not (1 + 2 + 0 + 3) / 4
    assert results["1.2"].mean == pytest.approx(2.0)


def test_an_outcome_nobody_scored_has_no_numbers_and_is_not_ranked():
    results = pooled_results(assessment=_assessment())
    unscored = _by_code(results)["2.2"]
    assert (unscored.scores, unscored.mean, unscored.median, unscored.dont_know_share) == (
        0,
        None,
        None,
        None,
    )
    assert "2.2" not in [r.code for r in results.ranked]


def test_outcomes_are_ranked_and_split_into_strengths_and_weaknesses():
    results = pooled_results(assessment=_assessment())
    assert [r.code for r in results.ranked] == ["1.1", "2.1", "1.2"]
    assert [r.code for r in results.strengths] == ["1.1"]
    assert [r.code for r in results.weaknesses] == ["1.2"]


def test_tenants_and_staff_are_side_by_side_with_the_biggest_difference_first():
    results = pooled_results(assessment=_assessment())
    by_code = _by_code(results)
    assert (by_code["1.2"].tenant_mean, by_code["1.2"].staff_mean) == (1.5, 3.0)
    assert (by_code["1.2"].tenant_scores, by_code["1.2"].staff_scores) == (2, 1)
    assert [(r.code, r.gap) for r in results.differences] == [("2.1", -2.0), ("1.2", -1.5), ("1.1", -0.5)]


def test_heatmap_counts_each_score_per_standard_with_dont_know_last():
    results = pooled_results(assessment=_assessment())
    # Standard 1: 1.1 gives 4,3,4,4 and 1.2 gives 1,2,-,3. Standard 2: 2.1 gives 2,2,4,4.
    assert results.heatmap == [("1", "Standard 1", [1, 1, 2, 3, 1]), ("2", "Standard 2", [0, 2, 0, 2, 0])]


def test_comparison_with_the_earlier_self_assessment_shows_what_improved_and_slipped():
    today = timezone.localdate()
    framework = framework_with(2, 2)
    earlier = _assessment(
        {"1.1": [2, 2, 2, 2], "1.2": [2, 2, 2, 2], "2.1": [3, 3, 3, 3]},
        framework=framework,
        opens_on=today - datetime.timedelta(days=400),
        closes_on=today - datetime.timedelta(days=380),
    )
    later = _assessment(
        framework=framework,
        opens_on=today - datetime.timedelta(days=30),
        closes_on=today - datetime.timedelta(days=1),
    )
    comparison = compare_with_earlier(assessment=later)
    assert comparison.earlier == earlier
    assert [(c.code, c.change) for c in comparison.improved] == [("1.1", 1.75)]
    assert comparison.slipped == []  # 1.2 did not move (2 -> 2), 2.1 stayed at 3
    assert comparison.changes[framework.outcomes.get(code="2.1").pk].change == 0


def test_each_outcome_prints_its_numbers_and_both_views_in_one_line():
    results = _by_code(pooled_results(assessment=_assessment()))
    assert results["1.2"].summary == "Mean 2.00 · median 2.0 · spread 0.82 · 3 scores · 25% don't know"
    assert results["1.2"].views == "tenants 1.50 · staff 3.00"
    assert results["2.2"].summary == "No scores"
