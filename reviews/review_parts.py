"""The parts of a review's page that are the same for everyone who may see it, kept in the cache.

Its details (panel, type, service area, stage, dates, lead member and supporting officer), who
proposed it, its stages and every move between them, its scope, questions and method, its counts
of evidence and its latest evidence cost about ten queries and half the page's drawing. Nothing in
them depends on who is looking (the page shows the buttons to add evidence and the stage form's
fields only to those who may use them, and its forms' tokens are its own), so they are kept
under the review's versions (reviews/findings_section.py), which every change they show renews: a
stage move, a question, a piece of evidence or the review itself its own, the panel's and the
service area's names theirs, anyone's name the people's. They are read in one cache call with
the page of findings, under the same versions. Callers check that the person may see the review."""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.template.loader import get_template
from django.utils import translation
from django.utils.safestring import SafeString

from reviews import selectors
from reviews.findings_section import KEPT_SECONDS, draw_section, section_key, version
from reviews.forms import StageForm
from reviews.models import Review, Stage

PARTS = ("details", "proposer", "stages", "stage_fields", "scope", "evidence_counts", "recent_evidence",
         "add_evidence")


def _draw_parts(review: Review, questions: list) -> dict[str, SafeString]:
    context = selectors.review_page(review, findings=False, questions=questions)
    # The stage form's fields hold only what the stage implies (the next stage): the page shows
    # them, inside its own form with its CSRF token, to those who may move the stage.
    stage_form = StageForm(review=review) if review.stage != Stage.PROPOSED else None
    context.update(review=review, stage_form=stage_form)
    template = get_template("reviews/_review_parts.html")
    return {part: SafeString(template.render({**context, "part": part}).strip()) for part in PARTS}


def review_page_parts(review: Review, *, group_by: str, page_number: Any) -> dict[str, SafeString]:
    """The review page's kept parts by name (see PARTS) and its page of findings ("findings"),
    each from the cache when kept and drawn afresh when not."""
    digest = version(review)
    parts_key = f"reviews:page-parts:{review.pk}:{digest}:{translation.get_language()}"
    findings_key = section_key(review, digest=digest, group_by=group_by, page_number=page_number)
    found = cache.get_many([parts_key, findings_key])
    parts, findings = found.get(parts_key), found.get(findings_key)
    if parts is None or findings is None:
        questions = list(review.questions.all())
        if parts is None:
            parts = _draw_parts(review, questions)
            cache.set(parts_key, parts, KEPT_SECONDS)
        if findings is None:
            findings = draw_section(review, questions=questions, group_by=group_by, page_number=page_number)
            cache.set(findings_key, findings, KEPT_SECONDS)
    return {**parts, "findings": findings}
