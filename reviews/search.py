"""Text search over reviews and evidence: PostgreSQL's full-text search where the database is
PostgreSQL (stemmed words, so "repairs" finds "repair"), a plain contains-every-word match on
SQLite, which newcomers use for development."""

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Exists, OuterRef, Q

from reviews.models import Finding

CONFIG = "english"
EVIDENCE_FIELDS = [
    "title", "source", "description", "figure__measure", "interview__interviewee_role",
    "interview__questions", "interview__notes", "site_visit__place", "site_visit__notes",
]


def _full_text():
    return connection.vendor == "postgresql"


def search_reviews(reviews, text):
    """Reviews whose title or scope, or any of whose findings, match the words."""
    text = (text or "").strip()
    if not text:
        return reviews
    if _full_text():
        query = SearchQuery(text, search_type="websearch", config=CONFIG)
        findings = Finding.objects.annotate(
            search=SearchVector("statement", config=CONFIG)
        ).filter(review=OuterRef("pk"), search=query)
        return reviews.annotate(search=SearchVector("title", "scope", config=CONFIG)).filter(
            Q(search=query) | Q(title__icontains=text) | Exists(findings)
        )
    for word in text.split():
        findings = Finding.objects.filter(review=OuterRef("pk"), statement__icontains=word)
        reviews = reviews.filter(
            Q(title__icontains=word) | Q(scope__icontains=word) | Exists(findings)
        )
    return reviews


def search_evidence(evidence, text):
    """Evidence whose title, description, notes or measure match the words."""
    text = (text or "").strip()
    if not text:
        return evidence
    if _full_text():
        query = SearchQuery(text, search_type="websearch", config=CONFIG)
        return evidence.annotate(search=SearchVector(*EVIDENCE_FIELDS, config=CONFIG)).filter(
            Q(search=query) | Q(title__icontains=text)
        )
    for word in text.split():
        match = Q()
        for field in EVIDENCE_FIELDS:
            match |= Q(**{f"{field}__icontains": word})
        evidence = evidence.filter(match)
    return evidence
