"""The recommendation page's body, kept in the cache.

Nothing in the body depends on who is looking: it is kept under the recommendation's own
version, renewed by every write the page shows (the recommendation, its response, actions,
progress and linked findings: recommendations/signals.py), and the versions of its review (its
title and findings), panel and service area names and people's names (reviews/findings_section.py),
with the language and the day (what is overdue changes with it). The person's own parts (the
buttons of the steps they may take, the "Update" link of each action they may change) are drawn
for each request from the recommendation's status and owners, read afresh."""

from __future__ import annotations

import hashlib
from typing import Any

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone, translation

from recommendations import selectors
from recommendations.models import Recommendation
from reviews.findings_section import PEOPLE_KEY, review_key
from scrutiny.freshness import renew, versions

KEPT_SECONDS = 60 * 60


def recommendation_key(recommendation_id: int | None) -> str:
    return f"recommendations:recommendation-version:{recommendation_id}"


def forget(*, recommendation_id: int | None) -> None:
    renew(recommendation_key(recommendation_id))


def _version(rec: Recommendation) -> str:
    found = versions(
        recommendation_key(rec.pk), review_key(rec.review_id), f"reviews:panel-version:{rec.review.panel_id}",
        f"reviews:service-area-version:{rec.service_area_id}", PEOPLE_KEY,
    )
    return hashlib.sha256(found.encode()).hexdigest()[:32]


def _draw(pk: int) -> dict[str, Any]:
    rec = selectors.detail(pk)
    actions = selectors.actions_for(rec)
    context = {"rec": rec, "actions": actions, "updates": selectors.progress_for(rec)}
    return {
        "title": render_to_string("recommendations/_detail_title.html", context).strip(),
        "breadcrumbs": render_to_string("recommendations/_detail_breadcrumbs.html", context),
        "head": render_to_string("recommendations/_detail_head.html", context),
        "plan": render_to_string("recommendations/_detail_plan.html", context),
        "rows": [
            {
                "pk": action.pk, "owner_id": action.owner_id,
                "cells": render_to_string("recommendations/_detail_action_cells.html", {"action": action}),
                "update": render_to_string(
                    "recommendations/_detail_action_update.html", {"rec": rec, "action": action}
                ),
            }
            for action in actions
        ],
        "tail": render_to_string("recommendations/_detail_tail.html", context),
    }


def kept_body(rec: Recommendation) -> dict[str, Any]:
    """The page's parts that are the same for everyone who may see it, from the cache when kept.
    `rec` need only hold what the versions name (its review's panel, its service area)."""
    language = translation.get_language()
    key = f"recommendations:detail:{rec.pk}:{_version(rec)}:{language}:{timezone.localdate().isoformat()}"
    body = cache.get(key)
    if body is None:
        body = _draw(rec.pk)
        cache.set(key, body, KEPT_SECONDS)
    return body
