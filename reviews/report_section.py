"""The body of a review's report draft page, kept in the cache.

The body (scope, method, the first evidence of each kind and one page of findings) costs about
fifteen queries and most of the page's rendering at scale, and it is the same for everyone who
may see the review: nothing in it depends on who is looking, and it shows no recommendations.
It is kept under the review's versions (reviews/findings_section.py), which any change the
body shows renews, and no change elsewhere does. Callers check that the person may see the review first."""

from __future__ import annotations

import hashlib
from typing import Any

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString

from reviews import selectors
from reviews.findings_section import KEPT_SECONDS, version
from reviews.models import Review


def report_body(review: Review, *, page_number: Any) -> SafeString:
    """The review's report draft body (one page of findings), from the cache when kept."""
    page = hashlib.sha256(str(page_number).encode()).hexdigest()[:16]
    # Its words are the page's language's: a Welsh page never gets the English body.
    key = f"reviews:report-body:{review.pk}:{version(review)}:{page}:{translation.get_language()}"
    html = cache.get(key)
    if html is None:
        context = selectors.report(review, page_number=page_number)
        html = render_to_string("reviews/_report_body.html", context)
        cache.set(key, html, KEPT_SECONDS)
    return html
