"""Everything that changes checklists, visits and document checks goes through here."""

from mysteryshop.services.checklists import (
    copy_checklist,
    create_checklist,
    move_section,
    move_standard,
    remove_standard,
    save_section,
    save_standard,
    update_checklist,
)
from mysteryshop.services.documents import (
    add_document,
    decide,
    new_version,
    remove_jargon,
    save_jargon,
    update_text,
)
from mysteryshop.services.locking import EditConflict
from mysteryshop.services.sites import add_site, change_site, set_site_in_use
from mysteryshop.services.visits import (
    AnswerConflict,
    add_photo,
    missing_required,
    raise_finding,
    record_answer,
    refresh_totals,
    start_visit,
    submit_visit,
    update_visit,
)

__all__ = [
    "AnswerConflict", "EditConflict", "add_document", "add_photo", "add_site", "change_site",
    "copy_checklist", "set_site_in_use",
    "create_checklist", "decide", "missing_required", "move_section", "move_standard",
    "new_version", "raise_finding",
    "record_answer", "refresh_totals", "remove_jargon", "remove_standard", "save_jargon",
    "save_section", "save_standard", "start_visit", "submit_visit",
    "update_checklist", "update_text", "update_visit",
]
