"""The reviews app's models, split by concern; import them from here."""

from simple_history import register

from reviews.models.draft import Draft
from reviews.models.evidence import (
    Document,
    Evidence,
    EvidenceKind,
    Interview,
    PerformanceFigure,
    SiteVisit,
    SiteVisitPhoto,
)
from reviews.models.finding import CommentKind, Finding, FindingComment, FindingKind
from reviews.models.review import Review, ReviewKind, ScopeQuestion, ServiceArea, Stage, StageChange

__all__ = [
    "CommentKind", "Document", "Draft", "Evidence", "EvidenceKind", "Finding", "FindingComment",
    "FindingKind", "Interview", "PerformanceFigure", "Review", "ReviewKind", "ScopeQuestion",
    "ServiceArea", "SiteVisit", "SiteVisitPhoto", "Stage", "StageChange",
]

# Every saved wording of a finding is kept (finding.history), so text replaced after an editing
# conflict can still be found. Registered here so the history model lives in reviews.models.
register(Finding, app="reviews", excluded_fields=["created_at", "search"])
