"""Each change the tracker's kept figures count renews the versions they are kept under
(recommendations.selectors.tracker_figures): its panel's and the one over every panel. A change
that no figure counts, or a finding, a meeting or anything else in another app, renews nothing."""

from typing import Any

from django.db.models.signals import post_delete, post_save

from accounts.models import User
from recommendations.models import Action, Recommendation, Response
from recommendations.selectors import forget_figures
from reviews.models import Review

SHOWN_OF_A_PERSON = frozenset({"display_name", "email"})  # the owner's name filters the tracker


def _recommendation_changed(sender: type, instance: Recommendation, **kwargs: Any) -> None:
    forget_figures(panel_ids=Review.objects.filter(pk=instance.review_id).values_list("panel_id", flat=True))


def _part_changed(sender: type, instance: Response | Action, **kwargs: Any) -> None:
    # A response's decision and an action's due date and status are counted (overdue).
    recommendation = Recommendation.objects.filter(pk=instance.recommendation_id)
    forget_figures(panel_ids=recommendation.values_list("review__panel_id", flat=True))


def _review_changed(sender: type, instance: Review, **kwargs: Any) -> None:
    # Its title is one of the tracker's filters.
    forget_figures(panel_ids=[instance.panel_id])


def _person_changed(sender: type, instance: User, created: bool = False, update_fields: Any = None,
                    **kwargs: Any) -> None:
    if not created and (update_fields is None or SHOWN_OF_A_PERSON & set(update_fields)):
        owned = Recommendation.objects.filter(owner=instance).values_list("review__panel_id", flat=True)
        forget_figures(panel_ids=owned.distinct())


for _receiver, _model in (
    (_recommendation_changed, Recommendation), (_part_changed, Response), (_part_changed, Action),
    (_review_changed, Review), (_person_changed, User),
):
    for _signal in (post_save, post_delete):
        _signal.connect(_receiver, sender=_model, dispatch_uid=f"recommendations-figures-{_model.__name__}")
