from typing import Any

from django.utils.translation import gettext

from accounts.models import User
from recommendations.models import Action, ProgressUpdate, Recommendation, ReminderSent, Response, Transition


def collect(user: User) -> tuple[str, dict[str, Any]] | None:
    """What this app holds about a person, as (title, data) for their download, or None."""
    data = {
        "recommendations_written": [
            {"review": r.review.title, "number": r.code, "text": r.text, "created_at": r.created_at}
            for r in Recommendation.objects.filter(created_by=user).select_related("review")
        ],
        "recommendations_owned": [
            {"review": r.review.title, "number": r.code, "due_date": r.due_date}
            for r in Recommendation.objects.filter(owner=user).select_related("review")
        ],
        "responses_given": [
            {"recommendation": str(r.recommendation), "decision": r.get_decision_display(),
             "reason": r.reason, "at": r.responded_at}
            for r in Response.objects.filter(responded_by=user).select_related("recommendation")
        ],
        "steps_taken": [
            {"recommendation": str(t.recommendation), "to": t.get_to_status_display(), "note": t.note,
             "at": t.at}
            for t in Transition.objects.filter(by=user).select_related("recommendation")
        ],
        "actions_owned": [
            {"what": a.what, "due_date": a.due_date, "status": a.get_status_display()}
            for a in Action.objects.filter(owner=user)
        ],
        "progress_updates": [
            {"recommendation": str(u.recommendation), "text": u.text, "file": u.evidence_name,
             "at": u.created_at}
            for u in ProgressUpdate.objects.filter(written_by=user).select_related("recommendation")
        ],
        "reminder_emails": [r.date for r in ReminderSent.objects.filter(user=user)],
    }
    if not any(data.values()):
        return None
    return gettext("Recommendations"), data
