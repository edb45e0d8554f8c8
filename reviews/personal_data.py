from typing import Any

from django.utils.translation import gettext

from accounts.models import User
from reviews.models import Draft, Evidence, Finding, FindingComment, Interview, SiteVisit, StageChange


def collect(user: User) -> tuple[str, dict[str, Any]] | None:
    """What the reviews app holds about a person, as (title, data) for their download."""
    data = {
        "findings_raised": [
            {"review": f.review.title, "kind": f.get_kind_display(), "statement": f.statement,
             "logged_at": f.created_at.isoformat()}
            for f in Finding.objects.filter(raised_by=user).select_related("review")
        ],
        "responses_to_findings": [
            {"finding": c.finding.statement[:200], "response": c.get_kind_display(), "text": c.text,
             "at": c.created_at.isoformat()}
            for c in FindingComment.objects.filter(author=user).select_related("finding")
        ],
        "evidence_added": [
            {"review": e.review.title, "kind": e.get_kind_display(), "title": e.title,
             "added_at": e.created_at.isoformat()}
            for e in Evidence.objects.filter(added_by=user).select_related("review")
        ],
        "interviews_you_carried_out": [
            {"review": i.review.title, "interviewee_role": i.interviewee_role,
             "date": i.date.isoformat() if i.date else None}
            for i in Interview.objects.filter(interviewers=user).select_related("review")
        ],
        "site_visits_you_went_on": [
            {"review": v.review.title, "place": v.place, "date": v.date.isoformat() if v.date else None}
            for v in SiteVisit.objects.filter(visitors=user).select_related("review")
        ],
        "stage_moves_you_made": [
            {"review": s.review.title, "to": s.get_to_stage_display(), "at": s.changed_at.isoformat()}
            for s in StageChange.objects.filter(changed_by=user).select_related("review")
        ],
        "unsaved_drafts": [
            {"form": d.form, "saved_at": d.saved_at.isoformat(), "text": d.data}
            for d in Draft.objects.filter(user=user)
        ],
    }
    if not any(data.values()):
        return None
    return gettext("Scrutiny reviews"), data
