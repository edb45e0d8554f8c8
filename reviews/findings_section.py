"""The findings part of a review's page, kept in the cache.

A page of findings costs a handful of queries and about half the page's rendering, and it is the
same for everyone who may see the review (nothing in it depends on who is looking). It is kept
under the review's own versions (scrutiny/freshness.py), which only a change it shows renews:
the review's version by a finding of the review, a response to one, a piece of its evidence (a
site visit's photos and visitors, an interview's interviewers), a finding's evidence links, a
question or the review itself; the panel's and the service area's by their names; the people's
by a change of anyone's name or an erasure. The report draft's body (reviews/report_section.py)
is kept under the same versions. A finding in one review leaves every other review's kept.
Bulk updates that bypass signals call forget() themselves."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from django.apps import apps
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString

from accounts.models import User
from panels.models import Panel
from reviews import selectors
from reviews.models import (
    Evidence,
    Finding,
    FindingComment,
    Interview,
    Review,
    ScopeQuestion,
    ServiceArea,
    SiteVisit,
    SiteVisitPhoto,
    StageChange,
)
from scrutiny.freshness import renew, versions

KEPT_SECONDS = 60 * 60
PEOPLE_KEY = "reviews:people-version"
SHOWN_OF_A_PERSON = frozenset({"display_name", "email"})  # str(user)


def review_key(review_id: int | None) -> str:
    return f"reviews:review-version:{review_id}"


def forget(*, review_id: int | None) -> None:
    """Renew the review's version: whatever is kept of it is out of date (now, and again when the
    change commits, so that nothing drawn meanwhile from the data before it is kept)."""
    renew(review_key(review_id))


def version(review: Review) -> str:
    """The versions of everything the review's kept sections show, as one short digest: part of
    their keys (which stay within memcached's 250 characters)."""
    found = versions(
        review_key(review.pk), f"reviews:panel-version:{review.panel_id}",
        f"reviews:service-area-version:{review.service_area_id}", PEOPLE_KEY,
    )
    return hashlib.sha256(found.encode()).hexdigest()[:32]


def section_key(review: Review, *, digest: str, group_by: str, page_number: Any) -> str:
    """Where the section is kept, given the review's `version()`."""
    page = hashlib.sha256(str(page_number).encode()).hexdigest()[:16]
    # Its words are the page's language's: a Welsh page never gets the English fragment.
    return f"reviews:findings-section:{review.pk}:{digest}:{group_by}:{page}:{translation.get_language()}"


def draw_section(review: Review, *, questions: list, group_by: str, page_number: Any) -> SafeString:
    """The review's findings section drawn afresh (one page, grouped one way)."""
    context = selectors.findings_page(review, questions=questions, group_by=group_by, page_number=page_number)
    context.update(review=review, group_by=group_by)
    return render_to_string("reviews/_findings_section.html", context)


def findings_section(review: Review, *, questions: list, group_by: str, page_number: Any) -> SafeString:
    """The review's findings section (one page, grouped one way), from the cache when kept."""
    key = section_key(review, digest=version(review), group_by=group_by, page_number=page_number)
    html = cache.get(key)
    if html is None:
        html = draw_section(review, questions=questions, group_by=group_by, page_number=page_number)
        cache.set(key, html, KEPT_SECONDS)
    return html


def _review_ids(query: Any, **lookup: Any) -> list[int]:
    return list(query.filter(**lookup).values_list("review_id", flat=True).distinct())


def _renew_reviews(review_ids: list[int]) -> None:
    renew(*(review_key(pk) for pk in review_ids))


def _own_review(sender: type, instance: Any, **kwargs: Any) -> None:
    # A finding, a piece of evidence (of any kind), a question or a stage move: it names its review.
    forget(review_id=instance.review_id)


def _review_changed(sender: type, instance: Review, **kwargs: Any) -> None:
    forget(review_id=instance.pk)


def _comment_changed(sender: type, instance: FindingComment, **kwargs: Any) -> None:
    # After its finding is deleted (a cascade) there is none to find: the finding renewed it.
    _renew_reviews(_review_ids(Finding.objects, pk=instance.finding_id))


def _photo_changed(sender: type, instance: SiteVisitPhoto, **kwargs: Any) -> None:
    _renew_reviews(_review_ids(Evidence.objects, pk=instance.site_visit_id))


def _links_changed(sender: type, instance: Finding | Evidence, **kwargs: Any) -> None:
    """A finding's evidence links, or an interview's interviewers or a site visit's visitors,
    changed: from either side, each names its review (people have no side: related_name "+")."""
    forget(review_id=instance.review_id)


def _panel_changed(sender: type, instance: Panel, **kwargs: Any) -> None:
    renew(f"reviews:panel-version:{instance.pk}")


def _service_area_changed(sender: type, instance: ServiceArea, **kwargs: Any) -> None:
    renew(f"reviews:service-area-version:{instance.pk}")


def _person_changed(
    sender: type, instance: User, created: bool = False, update_fields: Any = None, **kwargs: Any
) -> None:
    # Someone new is on no review yet; a sign-in saves the person's last_login alone.
    if not created and (update_fields is None or SHOWN_OF_A_PERSON & set(update_fields)):
        renew(PEOPLE_KEY)


def connect_signals() -> None:
    """Each model a kept section shows renews the versions it belongs to. The kinds of evidence
    are their own models (multi-table inheritance) and send their own signals."""
    evidence = [m for m in apps.get_models() if issubclass(m, Evidence)]
    receivers: list[tuple[Callable[..., None], list[Any]]] = [
        (_own_review, [Finding, ScopeQuestion, StageChange, *evidence]), (_review_changed, [Review]),
        (_comment_changed, [FindingComment]), (_photo_changed, [SiteVisitPhoto]),
        (_panel_changed, [Panel]), (_service_area_changed, [ServiceArea]), (_person_changed, [User]),
    ]
    for receiver, models in receivers:
        for model in models:
            for signal in (post_save, post_delete):
                uid = f"reviews-kept-{receiver.__name__}-{model.__name__}"
                signal.connect(receiver, sender=model, dispatch_uid=uid)
    for through in (Finding.evidence.through, Interview.interviewers.through, SiteVisit.visitors.through):
        uid = f"reviews-kept-links-{through.__name__}"
        m2m_changed.connect(_links_changed, sender=through, dispatch_uid=uid)
