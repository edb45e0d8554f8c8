from typing import Any

from django.utils.translation import gettext as _

from mysteryshop.models import CheckedDocument, Visit, VisitPhoto


def collect(user: Any) -> tuple[str, dict] | None:
    """What the mysteryshop app holds about a person, as (title, data) for their download."""
    data = {
        "visits_you_recorded": [
            {"programme": v.review.title, "site": v.site.name, "channel": v.get_channel_display(),
             "when": v.visited_at.isoformat(), "status": v.get_status_display(),
             "score": None if v.score is None else str(v.score), "notes": v.notes,
             "answers": [{"question": a.standard.question, "answer": a.display}
                         for a in v.answers.all()]}
            for v in Visit.objects.filter(shopper=user).select_related("review", "site")
            .prefetch_related("answers__standard")
        ],
        "photos_you_added": [
            {"visit": p.visit_id, "description": p.description, "added_at": p.created_at.isoformat()}
            for p in VisitPhoto.objects.filter(added_by=user)
        ],
        "documents_you_added": [
            {"title": d.title, "version": d.edition, "added_at": d.created_at.isoformat()}
            for d in CheckedDocument.objects.filter(added_by=user)
        ],
    }
    if not any(data.values()):
        return None
    return _("Visits and inspections"), data
