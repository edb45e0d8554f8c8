"""Scoring: weights, not applicable, pass marks and numbers, worked out as answers are saved."""

from decimal import Decimal

import pytest

from mysteryshop import services
from mysteryshop.models import AnswerType
from mysteryshop.scoring import score_answer
from tests.factories.mysteryshop import StandardFactory, VisitFactory, number_standard

pytestmark = pytest.mark.django_db


def test_yes_earns_the_weight_and_no_earns_nothing():
    standard = StandardFactory(weight=3)
    assert score_answer(standard, choice="yes") == (Decimal(3), Decimal(3), True)
    assert score_answer(standard, choice="no") == (Decimal(0), Decimal(3), False)


def test_not_applicable_counts_for_nothing():
    standard = StandardFactory(weight=3)
    result = score_answer(standard, not_applicable=True)
    assert (result.points, result.max_points, result.passed) == (0, 0, None)


def test_rating_earns_a_share_and_passes_at_its_mark():
    standard = StandardFactory(answer_type=AnswerType.RATING, weight=4, threshold=Decimal(4))
    assert score_answer(standard, rating=5) == (Decimal(4), Decimal(4), True)
    assert score_answer(standard, rating=3).points == Decimal(2)
    assert score_answer(standard, rating=3).passed is False
    assert score_answer(standard, rating=1).points == Decimal(0)


def test_rating_passes_at_three_when_no_mark_is_set():
    standard = StandardFactory(answer_type=AnswerType.RATING)
    assert score_answer(standard, rating=3).passed is True
    assert score_answer(standard, rating=2).passed is False


def test_lower_is_better_number_passes_at_or_under_the_mark():
    rings = number_standard(threshold=Decimal(5), lower_is_better=True, weight=2)
    assert score_answer(rings, number=Decimal(5)) == (Decimal(2), Decimal(2), True)
    assert score_answer(rings, number=Decimal(6)) == (Decimal(0), Decimal(2), False)


def test_higher_is_better_number_passes_at_or_over_the_mark():
    standard = number_standard(threshold=Decimal(80), lower_is_better=False)
    assert score_answer(standard, number=Decimal(80)).passed is True
    assert score_answer(standard, number=Decimal("79.5")).passed is False


def test_written_answers_and_zero_weights_are_not_scored():
    text = StandardFactory(answer_type=AnswerType.TEXT)
    assert score_answer(text).max_points == 0
    judged_only = StandardFactory(weight=0)
    assert score_answer(judged_only, choice="no") == (0, 0, False)


def test_visit_score_is_the_weighted_share_with_not_applicable_left_out():
    visit = VisitFactory()
    shopper = visit.shopper
    checklist = visit.checklist
    heavy = StandardFactory(section__checklist=checklist, weight=3)
    light = StandardFactory(section__checklist=checklist, weight=1)
    skipped = StandardFactory(section__checklist=checklist, weight=5)
    rings = number_standard(section__checklist=checklist, weight=2)
    from panels.models import Membership

    Membership.objects.create(panel=visit.review.panel, user=shopper, role="member")
    services.record_answer(by=shopper, visit=visit, standard=heavy, value={"choice": "yes"})
    services.record_answer(by=shopper, visit=visit, standard=light, value={"choice": "no"})
    services.record_answer(by=shopper, visit=visit, standard=skipped, value={"choice": "na"})
    services.record_answer(by=shopper, visit=visit, standard=rings, value={"number": "7"})
    visit.refresh_from_db()
    # 3 of (3 + 1 + 2) points; the not-applicable weight of 5 is left out.
    assert (visit.points, visit.max_points, visit.score) == (Decimal(3), Decimal(6), Decimal("50.0"))
    assert visit.answers.get(standard=rings).passed is False


def test_changing_an_answer_changes_the_score():
    visit = VisitFactory(shopper__role="admin")
    standard = StandardFactory(section__checklist=visit.checklist, weight=2)
    services.record_answer(by=visit.shopper, visit=visit, standard=standard, value={"choice": "no"})
    services.record_answer(by=visit.shopper, visit=visit, standard=standard, value={"choice": "yes"})
    visit.refresh_from_db()
    assert visit.score == Decimal("100.0")
    assert visit.answers.count() == 1
