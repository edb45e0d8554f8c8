"""Document checks ("Customer Approved"): adding a document or a new version of one, the
panel's decision, the jargon list and whether the register is public."""

from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from accounts.models import User
from mysteryshop import permissions as perms
from mysteryshop.bilingual import in_english, set_welsh
from mysteryshop.models import CheckedDocument, DocumentLanguage, DocumentStatus, JargonTerm, TextReading
from mysteryshop.readability import MAX_TEXT, SLOW_TO_READ, check_before_reading, extract_text
from mysteryshop.services.locking import claim
from reviews.models import Review, ReviewKind
from scrutiny import jobs
from scrutiny.dates import check_date
from scrutiny.forms import too_long
from scrutiny.permissions import require
from scrutiny.uploads import detect_kind

APPROVAL_YEARS = 2
DOCUMENTS_REFUSAL = _lazy(
    "Only members of the panel and administrators can add documents to check."
)


def _text_from(file: Any, kind: str | None, text: str) -> tuple[str, str]:
    """The words to keep now and how reading them goes. PDF and Word files are read by the
    worker (parsing one can take seconds), after checks that need no parsing; text files at once."""
    if file is not None and kind in SLOW_TO_READ:
        check_before_reading(file, kind)
        return "", TextReading.READING
    if file is not None:
        return extract_text(file, kind or ""), TextReading.READ
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Choose a file or paste the document's text.")})
    problem = too_long(text, MAX_TEXT, noun=_("document's text"))
    if problem:  # kept whole or refused, never cut
        raise ValidationError({"text": problem})
    return text, TextReading.NOT_NEEDED


def _read_later(document: CheckedDocument) -> None:

    if document.text_reading == TextReading.READING:
        jobs.enqueue("mysteryshop.tasks.read_document_text", document.pk)


@transaction.atomic
def document_language(language: str = "") -> str:
    """The language a document is said to be in: the one given, or the page's, or English."""
    for code in (language, translation.get_language() or ""):
        code = code.lower()
        if code in DocumentLanguage.values:
            return code
        if code.split("-")[0] == "cy":
            return DocumentLanguage.WELSH
    return DocumentLanguage.ENGLISH


def add_document(*, by: User, review: Review, title: str, file: Any = None, kind: str | None = None,
                 text: str = "", language: str = "") -> CheckedDocument:
    """Add a leaflet or letter to check, from a file (its text is read out) or pasted text;
    `language` is the one it is written in (the page's when not given)."""
    require(perms.can_check_documents(by, review), DOCUMENTS_REFUSAL)
    if review.kind != ReviewKind.DOCUMENT_REVIEW:
        raise ValidationError(_("Documents are checked in a document review."))
    words, reading = _text_from(file, kind, text)
    document = CheckedDocument.objects.create(
        review=review, title=title.strip(), file=file or "",
        original_name=(getattr(file, "name", "") or "")[:200], text=words, text_reading=reading,
        added_by=by, language=document_language(language),
    )
    _read_later(document)
    return document


def read_document_text(*, document_id: int) -> str:
    """In the worker: read the words out of a document's file and keep them, or say why not."""
    document = CheckedDocument.objects.filter(pk=document_id, text_reading=TextReading.READING).first()
    if document is None or not document.file:
        return "skipped: read already, or its words were typed since"
    name = document.file.name
    with document.file.open("rb") as handle:
        try:
            words, problem = extract_text(handle, detect_kind(handle, name) or ""), ""
        except ValidationError as exc:
            words, problem = None, " ".join(exc.messages)
    changes = {"text_reading": TextReading.READ if words is not None else TextReading.FAILED,
               "text_problem": problem, "updated_at": timezone.now(),
               # A form opened before the words arrived would put the old ones back: its save
               # is caught as an editing clash instead.
               "version": F("version") + 1}
    if words is not None:
        changes["text"] = words
    waiting = CheckedDocument.objects.filter(pk=document_id, text_reading=TextReading.READING, file=name)
    waiting.update(**changes)
    return "read" if words is not None else "failed"


@transaction.atomic
def new_version(*, by: User, document: CheckedDocument) -> CheckedDocument:
    """Start checking the next version of a document: same title, the text to update."""
    require(perms.can_check_documents(by, document.review), DOCUMENTS_REFUSAL)
    if hasattr(document, "next_version"):
        raise ValidationError(_("A newer version of this document is already being checked."))
    return CheckedDocument.objects.create(
        review=document.review, title=document.title, edition=document.edition + 1,
        previous=document, text=document.text, added_by=by, language=document.language,
    )


@transaction.atomic
def update_text(*, by: User, document: CheckedDocument, version: int | None, title: str,
                file: Any = None, kind: str | None = None, text: str = "",
                language: str = "") -> CheckedDocument:
    """Replace a document's words (a new file or pasted text) while it is being checked."""
    require(perms.can_check_documents(by, document.review), DOCUMENTS_REFUSAL)
    current = claim(document, version=version, by=by, noun=_("document"))
    if current.status != DocumentStatus.CHECKING:
        raise ValidationError(_("This version has been decided. Check a new version instead."))
    current.title = title.strip()
    if language:
        current.language = document_language(language)
    words, current.text_reading = _text_from(file, kind, text)
    current.text_problem = ""
    if current.text_reading != TextReading.READING:
        current.text = words  # until the new file is read, its words are the earlier ones
    if file is not None:
        current.file = file
        current.original_name = (getattr(file, "name", "") or "")[:200]
    current.save()
    _read_later(current)
    return current


def default_expiry(today: date) -> date:
    """Customer Approved lasts two years unless the panel says otherwise."""
    try:
        return today.replace(year=today.year + APPROVAL_YEARS)
    except ValueError:  # 29 February
        return today + timedelta(days=365 * APPROVAL_YEARS)


@transaction.atomic
def decide(*, by: User, document: CheckedDocument, version: int | None, approve: bool,
           note: str = "", expires_on: date | None = None) -> CheckedDocument:
    """The panel awards Customer Approved (until an expiry date) or sends the document back."""
    require(perms.can_decide_document(by, document.review), perms.AWARD_REFUSAL)
    current = claim(document, version=version, by=by, noun=_("document"))
    if current.status != DocumentStatus.CHECKING:
        raise ValidationError(_("This version has already been decided."))
    today = timezone.localdate()
    if approve:
        expires_on = expires_on or default_expiry(today)
        if expires_on <= today:
            raise ValidationError({"expires_on": _("The expiry date must be in the future.")})
        check_date(expires_on, field="expires_on", what=_("the date it is approved until"), ahead=10)
        current.status, current.approved_on, current.expires_on = DocumentStatus.APPROVED, today, expires_on
    else:
        if not note.strip():
            raise ValidationError({"note": _("Say what needs to change before it can be approved.")})
        current.status = DocumentStatus.SENT_BACK
    current.decision_note = note.strip()
    current.decided_at, current.decided_by = timezone.now(), by
    current.save()
    return current


@transaction.atomic
def save_jargon(*, by: User, term: str, plain: str, jargon: JargonTerm | None = None,
                version: int | None = None, welsh: dict[str, str] | None = None) -> JargonTerm:
    """Add a jargon word with its plain alternative, or change one; `welsh` may hold the Welsh
    word (`term`) and its plain Welsh (`plain`), which Welsh documents are checked against."""
    require(perms.can_manage_checklists(by), perms.ADMINS_ONLY)
    term, plain = term.strip(), plain.strip()
    if not term or not plain:
        raise ValidationError(_("Give the word and its plain alternative."))
    item = claim(jargon, version=version, by=by, noun=_("jargon word")) if jargon else JargonTerm()
    given = {name: bool((text or "").strip()) for name, text in (welsh or {}).items()}
    if len(set(given.values())) > 1:
        raise ValidationError(_("Give the Welsh word and its plain Welsh alternative, or neither."))
    with in_english():
        item.term, item.plain = term, plain
    set_welsh(item, welsh)
    try:
        with transaction.atomic():
            item.save()
    except IntegrityError:
        raise ValidationError({"term": _("“%(term)s” is already on the list.") % {"term": term}}) from None
    return item


@transaction.atomic
def remove_jargon(*, by: User, jargon: JargonTerm) -> None:
    """Take a word off the jargon list."""
    require(perms.can_manage_checklists(by), perms.ADMINS_ONLY)
    jargon.delete()

