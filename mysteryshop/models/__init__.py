"""The mysteryshop app's models, split by concern; import them from here."""

from mysteryshop.models.checklist import AnswerType, Checklist, ChecklistPurpose, Section, Standard
from mysteryshop.models.document import (
    CheckedDocument,
    DocumentLanguage,
    DocumentStatus,
    JargonTerm,
    TextReading,
)
from mysteryshop.models.visit import (
    Answer,
    AnswerReceipt,
    Channel,
    Site,
    SiteKind,
    Visit,
    VisitFinding,
    VisitPhoto,
    VisitStatus,
)

__all__ = [
    "Answer", "AnswerReceipt", "AnswerType", "Channel", "CheckedDocument", "Checklist",
    "ChecklistPurpose", "DocumentLanguage", "DocumentStatus", "JargonTerm", "Section", "Site",
    "SiteKind", "Standard", "TextReading", "Visit", "VisitFinding", "VisitPhoto", "VisitStatus",
]
