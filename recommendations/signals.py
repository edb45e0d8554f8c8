"""Each change the tracker's kept figures count renews the versions they are kept under
(recommendations.selectors.tracker_figures): its panel's and the one over every panel. A change
that no figure counts, or a finding, a meeting or anything else in another app, renews nothing.

Every write the recommendation's page shows (recommendations/detail_page.py) renews its own
version: the recommendation, its response, actions, progress and which findings it rests on.

The tracker's filter fields (recommendations/filter_fields.py) offer every panel, service area,
review title and owner's name: a change to one of them renews the choices' version."""

from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save

from accounts.models import User
from panels.models import Panel
from recommendations.detail_page import forget as forget_page
from recommendations.filter_fields import CHOICES_KEY
from recommendations.models import Action, ProgressUpdate, Recommendation, Response
from recommendations.selectors import forget_figures
from reviews.models import Review, ServiceArea
from scrutiny.freshness import renew
from scrutiny.written import rows_written

SHOWN_OF_A_PERSON = frozenset({"display_name", "email"})  # the owner's name filters the tracker
OFFERED_OF_A_PERSON = frozenset({"display_name", "role", "is_active"})  # owners offered as choices


def _recommendation_changed(sender: type, instance: Recommendation, **kwargs: Any) -> None:
    forget_figures(panel_ids=Review.objects.filter(pk=instance.review_id).values_list("panel_id", flat=True))


def _part_changed(sender: type, instance: Response | Action, **kwargs: Any) -> None:
    # A response's decision and an action's due date and status are counted (overdue).
    recommendation = Recommendation.objects.filter(pk=instance.recommendation_id)
    forget_figures(panel_ids=recommendation.values_list("review__panel_id", flat=True))


def _page_changed(sender: type, instance: Recommendation, **kwargs: Any) -> None:
    forget_page(recommendation_id=instance.pk)


def _page_part_changed(sender: type, instance: Response | Action | ProgressUpdate, **kwargs: Any) -> None:
    forget_page(recommendation_id=instance.recommendation_id)


def _findings_linked(sender: type, instance: Any, action: str, reverse: bool, pk_set: Any,
                     **kwargs: Any) -> None:
    if not reverse:  # a recommendation's findings changed
        if action.startswith("post_"):
            forget_page(recommendation_id=instance.pk)
        return
    if action == "pre_clear":  # a finding unlinked from every recommendation: read which before
        recommendation_ids: Any = instance.recommendations.values_list("pk", flat=True)
    elif action in ("post_add", "post_remove"):
        recommendation_ids = pk_set or ()
    else:
        return
    for recommendation_id in recommendation_ids:
        forget_page(recommendation_id=recommendation_id)


def _review_changed(sender: type, instance: Review, **kwargs: Any) -> None:
    # Its title is one of the tracker's filters.
    forget_figures(panel_ids=[instance.panel_id])
    renew(CHOICES_KEY)


def _choice_changed(sender: type, **kwargs: Any) -> None:
    renew(CHOICES_KEY)


def _person_changed(sender: type, instance: User, created: bool = False, update_fields: Any = None,
                    **kwargs: Any) -> None:
    if created or update_fields is None or OFFERED_OF_A_PERSON & set(update_fields):
        renew(CHOICES_KEY)
    if not created and (update_fields is None or SHOWN_OF_A_PERSON & set(update_fields)):
        owned = Recommendation.objects.filter(owner=instance).values_list("review__panel_id", flat=True)
        forget_figures(panel_ids=owned.distinct())


for _receiver, _model in (
    (_recommendation_changed, Recommendation), (_part_changed, Response), (_part_changed, Action),
    (_review_changed, Review), (_person_changed, User),
    (_choice_changed, Panel), (_choice_changed, ServiceArea),
):
    for _signal in (post_save, post_delete):
        _signal.connect(_receiver, sender=_model, dispatch_uid=f"recommendations-figures-{_model.__name__}")
for _model in (Review, User, Panel, ServiceArea):  # written in bulk, announced (scrutiny/written.py)
    rows_written.connect(_choice_changed, sender=_model,
                         dispatch_uid=f"recommendations-choices-{_model.__name__}")
for _page_receiver, _shown in (
    (_page_changed, Recommendation), (_page_part_changed, Response), (_page_part_changed, Action),
    (_page_part_changed, ProgressUpdate),
):
    for _signal in (post_save, post_delete):
        _signal.connect(_page_receiver, sender=_shown, dispatch_uid=f"recommendations-page-{_shown.__name__}")
m2m_changed.connect(_findings_linked, sender=Recommendation.findings.through,
                    dispatch_uid="recommendations-page-findings")
