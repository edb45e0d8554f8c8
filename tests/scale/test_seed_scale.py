"""`manage.py seed_scale` builds a landlord of the size asked for, once."""

from io import StringIO

import pytest
from django.core.management import call_command

from accounts.models import User
from assessments.models import Score, SelfAssessment
from mysteryshop.models import Answer, Visit
from panels.models import Membership, Panel
from recommendations.models import Action, Recommendation, Transition
from reviews.models import Evidence, Finding, FindingComment, PerformanceFigure, Review
from reviews.scale import LARGE_REVIEW
from scrutiny.scale import EMAIL_DOMAIN

pytestmark = pytest.mark.django_db

MODELS = [User, Panel, Membership, Review, Evidence, PerformanceFigure, Finding, FindingComment,
          Recommendation, Action, Transition, SelfAssessment, Score, Visit, Answer]


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def seed(factor: float) -> None:
    call_command("seed_scale", "--factor", str(factor), stdout=StringIO())


def test_a_small_landlord_has_the_scaled_counts_and_one_very_large_review():
    seed(0.01)
    # Tenants, officers, managers, administrators: at least two of each.
    assert User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").count() == 20 + 3 + 2 + 2
    assert Panel.objects.filter(name__startswith="Scale: ").count() == 2
    # Four reviews, plus the mystery-shopping programme that holds 100 visits over the last year
    # and the programme of the last finished report year (reports/scale.py, 10 visits).
    assert Review.objects.count() == 6
    # 1% of 40,000 findings, give or take rounding of the random spread over reviews.
    assert 380 <= Finding.objects.count() <= 420
    assert 280 <= Evidence.objects.count() <= 320
    assert Recommendation.objects.count() == 60
    large = Review.objects.get(title=LARGE_REVIEW)
    assert large.findings.count() == 60  # 1% of 1,500, at least 60
    assert Visit.objects.count() == 110 and Answer.objects.count() == 110 * 30
    assert Visit.objects.values("review").distinct().count() == 2
    # Self-assessments: the assessments app's step (its own tests check its counts).
    assert SelfAssessment.objects.filter(title__startswith="Scale: ").count() >= 2
    # Every piece of evidence has its kind's own row (multi-table inheritance inserted in bulk).
    assert all(e.details is not None for e in Evidence.objects.all()[:50])


def test_seeding_again_adds_nothing():
    seed(0.01)
    before = counts()
    seed(0.01)
    assert counts() == before


def test_a_larger_factor_makes_proportionally_more_rows():
    seed(0.02)
    assert Recommendation.objects.count() == 120
    assert 780 <= Finding.objects.count() <= 820
