from typing import Any

from accounts.models import User
from assessments.models import Assessor, ImprovementAction, Score


def collect(user: User) -> tuple[str, dict[str, Any]]:
    """What this app holds about a person, as (title, data) for their download."""
    invitations = Assessor.objects.filter(user=user).select_related("self_assessment").order_by("invited_at")
    scores = (
        Score.objects.filter(assessor__user=user)
        .select_related("assessor__self_assessment", "outcome")
        .order_by("assessor__self_assessment_id", "outcome__code")
    )
    actions = ImprovementAction.objects.filter(owner=user).select_related("outcome").order_by("due_date")
    return "Self-assessments", {
        "invited_to_score": [
            {
                "self_assessment": a.self_assessment.title,
                "as": a.get_perspective_display(),
                "finished_at": a.finished_at.isoformat() if a.finished_at else None,
            }
            for a in invitations
        ],
        "scores": [
            {
                "self_assessment": s.assessor.self_assessment.title,
                "outcome": s.outcome.code,
                "score": s.value if s.value is not None else "don't know",
                "comment": s.comment,
                "evidence_link": s.evidence_url,
            }
            for s in scores
        ],
        "actions_you_own": [
            {
                "outcome": a.outcome.code,
                "what": a.what,
                "due_date": a.due_date.isoformat(),
                "status": a.get_status_display(),
                "progress": a.progress,
            }
            for a in actions
        ],
    }
