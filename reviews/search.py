"""Text search over reviews and evidence: PostgreSQL's full-text search where the database is
PostgreSQL (stemmed words, so "repairs" finds "repair"), a plain contains-every-word match on
SQLite, which newcomers use for development.

On PostgreSQL each review, finding and piece of evidence keeps its search words in a stored,
GIN-indexed `search` column, written when it is saved (the signals below) and for every row
by `refresh_all()` (the migration that added the columns, and seed_scale after bulk inserts),
so a search reads an index instead of building every row's words on every query.
"""

from __future__ import annotations

from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet, Value
from django.db.models.signals import post_save

from reviews.models import Document, Evidence, Finding, Interview, PerformanceFigure, Review, SiteVisit

CONFIG = "english"
# The shortest text a trigram index can find inside a title; shorter text is matched as words.
TRIGRAM = 3
EVIDENCE_FIELDS = [
    "title", "source", "description", "figure__measure", "interview__interviewee_role",
    "interview__questions", "interview__notes", "site_visit__place", "site_visit__notes",
]
# The same fields as read from a saved object (its own fields, or its kind's).
_EVIDENCE_ATTRIBUTES = ["title", "source", "description", "measure", "interviewee_role", "questions",
                        "notes", "place"]
# What refresh_all() runs: every row's search words from the same text refresh() uses. Fixed
# statements, no input in them.
_REFRESH_ALL = [
    "UPDATE reviews_review SET search = to_tsvector('english', coalesce(title, '') || ' ' || "
    "coalesce(scope, ''))",
    "UPDATE reviews_finding SET search = to_tsvector('english', statement)",
    "UPDATE reviews_evidence SET search = to_tsvector('english', coalesce(title, '') || ' ' || "
    "coalesce(source, '') || ' ' || coalesce(description, ''))",
    "UPDATE reviews_evidence e SET search = e.search || to_tsvector('english', k.measure) "
    "FROM reviews_performancefigure k WHERE k.evidence_ptr_id = e.id",
    "UPDATE reviews_evidence e SET search = e.search || to_tsvector('english', k.interviewee_role || ' ' || "
    "k.questions || ' ' || k.notes) FROM reviews_interview k WHERE k.evidence_ptr_id = e.id",
    "UPDATE reviews_evidence e SET search = e.search || to_tsvector('english', k.place || ' ' || k.notes) "
    "FROM reviews_sitevisit k WHERE k.evidence_ptr_id = e.id",
]


def _full_text() -> bool:
    return connection.vendor == "postgresql"


def search_reviews(reviews: QuerySet, text: str) -> QuerySet:
    """Reviews whose title or scope, or any of whose findings, match the words."""
    text = (text or "").strip()
    if not text:
        return reviews
    if _full_text():
        query = SearchQuery(text, search_type="websearch", config=CONFIG)
        # An IN over the matching findings (one GIN index scan, hashed) rather than EXISTS,
        # which PostgreSQL runs again for every review when joined by OR.
        findings = Finding.objects.filter(search=query).values("review_id")
        return reviews.filter(Q(search=query) | Q(title__icontains=text) | Q(pk__in=findings))
    for word in text.split():
        mentioning = Finding.objects.filter(review=OuterRef("pk"), statement__icontains=word)
        reviews = reviews.filter(
            Q(title__icontains=word) | Q(scope__icontains=word) | Exists(mentioning)
        )
    return reviews


def search_evidence(evidence: QuerySet, text: str) -> QuerySet:
    """Evidence whose title, description, notes or measure match the words."""
    text = (text or "").strip()
    if not text:
        return evidence
    if _full_text():
        query = SearchQuery(text, search_type="websearch", config=CONFIG)
        if len(text) < TRIGRAM:
            return evidence.filter(search=query)
        # Part of a word in a title ("compl") too, read from the titles' trigram index.
        return evidence.filter(Q(search=query) | Q(title__icontains=text))
    for word in text.split():
        match = Q()
        for field in EVIDENCE_FIELDS:
            match |= Q(**{f"{field}__icontains": word})
        evidence = evidence.filter(match)
    return evidence


def _words(*values: Any) -> Value:
    return Value(" ".join(str(v) for v in values if v))


def refresh(*, instance: Review | Finding | Evidence) -> None:
    """Write one saved review's, finding's or piece of evidence's search words (PostgreSQL only)."""
    if not _full_text() or instance.pk is None:
        return
    model: type[Review] | type[Finding] | type[Evidence]
    if isinstance(instance, Review):
        text = _words(instance.title, instance.scope)
        model = Review
    elif isinstance(instance, Finding):
        text = _words(instance.statement)
        model = Finding
    else:
        text = _words(*(getattr(instance, name, "") for name in _EVIDENCE_ATTRIBUTES))
        model = Evidence
    model.objects.filter(pk=instance.pk).update(search=SearchVector(text, config=CONFIG))


def _on_save(sender: type, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        refresh(instance=instance)


def connect_signals() -> None:
    for model in (Review, Finding, Evidence, Document, PerformanceFigure, Interview, SiteVisit):
        post_save.connect(_on_save, sender=model, dispatch_uid=f"reviews-search-{model.__name__}")


def refresh_all(*, using: Any = None) -> None:
    """Write every review's, finding's and piece of evidence's search words in a few statements
    (after bulk inserts, which send no signals). Does nothing off PostgreSQL."""
    conn = using or connection
    if conn.vendor != "postgresql":
        return
    with conn.cursor() as cursor:
        for statement in _REFRESH_ALL:
            cursor.execute(statement)
