"""The findings part of a review's page, kept in the cache.

A page of findings costs a handful of queries and about half the page's rendering, and it is the
same for everyone who may see the review (nothing in it depends on who is looking). It is kept
under a key holding a generation that any change it shows starts anew: a finding, a response
to one, a piece of evidence, a finding's evidence links, a question, a review, or a person (the
names shown, and erasure). The report draft's body (reviews/report_section.py) is kept under
the same generation, so the panel's and service area's names, site visits' photos and
interviews' interviewers start a new one too. Bulk updates that bypass signals call forget()
themselves."""

from __future__ import annotations

import hashlib
from typing import Any

from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.template.loader import render_to_string
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
    SiteVisitPhoto,
)
from scrutiny.freshness import current, renew

GENERATION_KEY = "reviews:findings-generation"
KEPT_SECONDS = 60 * 60
WATCHED = (
    Finding, FindingComment, Evidence, ScopeQuestion, Review, User, Panel, ServiceArea, SiteVisitPhoto,
)


def forget() -> None:
    """Start a new generation: every kept findings section is out of date (now, and again when
    the change commits, so that nothing drawn meanwhile from the data before it is kept)."""
    renew(GENERATION_KEY)


def generation() -> str:
    """The current generation: part of the key of everything kept from it."""
    return current(GENERATION_KEY)


def findings_section(review: Review, *, questions: list, group_by: str, page_number: Any) -> SafeString:
    """The review's findings section (one page, grouped one way), from the cache when kept."""
    page = hashlib.sha256(str(page_number).encode()).hexdigest()[:16]
    key = f"reviews:findings-section:{generation()}:{review.pk}:{group_by}:{page}"
    html = cache.get(key)
    if html is None:
        context = selectors.findings_page(
            review, questions=questions, group_by=group_by, page_number=page_number
        )
        context.update(review=review, group_by=group_by)
        html = render_to_string("reviews/_findings_section.html", context)
        cache.set(key, html, KEPT_SECONDS)
    return html


def _changed(sender: type, instance: object = None, update_fields: Any = None, **kwargs: Any) -> None:
    # A sign-in saves the person's last_login alone: nothing the section shows.
    if isinstance(instance, WATCHED) and update_fields != frozenset({"last_login"}):
        forget()


def _links_changed(sender: type, **kwargs: Any) -> None:
    forget()


def connect_signals() -> None:
    # No sender: the kinds of evidence are their own models (multi-table inheritance) and send
    # their own signals.
    post_save.connect(_changed, dispatch_uid="reviews-findings-section-save")
    post_delete.connect(_changed, dispatch_uid="reviews-findings-section-delete")
    m2m_changed.connect(
        _links_changed, sender=Finding.evidence.through, dispatch_uid="reviews-findings-links"
    )
    m2m_changed.connect(
        _links_changed, sender=Interview.interviewers.through, dispatch_uid="reviews-interviewers"
    )
