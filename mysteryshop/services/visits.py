"""Recording visits: starting one, answering each standard as it is given (from the page or
from a phone's queue, once per idempotency key), photos, submitting, and findings."""

import uuid
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import User
from mysteryshop import permissions as perms
from mysteryshop.models import (
    Answer,
    AnswerReceipt,
    AnswerType,
    Checklist,
    Site,
    Standard,
    Visit,
    VisitFinding,
    VisitPhoto,
    VisitStatus,
)
from mysteryshop.scoring import percentage, score_answer
from mysteryshop.services.locking import EditConflict, claim, when
from reviews.models import Finding, FindingKind, Review
from reviews.services import add_finding
from scrutiny import written
from scrutiny.dates import check_date
from scrutiny.forms import one_line_break, too_long
from scrutiny.permissions import require


@dataclass(frozen=True)
class Saved:
    answer: Answer
    repeated: bool  # True when this key had been received already (nothing changed)


class AnswerConflict(EditConflict):
    """The answer was changed elsewhere (another phone, or an administrator) meanwhile."""


def check_visit_date(visited_at: datetime) -> None:
    """A visit is made within the last thirty years; a year ahead allows for visits planned."""
    check_date(visited_at, field="visited_at", what=_("the date of the visit"), ahead=1)


def _check_visit_fields(review: Review, checklist: Checklist, site: Site) -> None:
    if review.kind not in perms.VISIT_KINDS:
        raise ValidationError(_("Visits can only be recorded on a mystery-shopping, inspection or "
                                "document programme."))
    if not checklist.is_current:
        raise ValidationError({"checklist": _("Choose the current version of a checklist.")})
    if not site.is_active:
        raise ValidationError({"site": _("This site is no longer in use. Choose another.")})


@transaction.atomic
def start_visit(*, by: User, review: Review, checklist: Checklist, site: Site, channel: str,
                visited_at: datetime, notes: str = "", shopper: User | None = None,
                document: Any = None) -> Visit:
    """Start a draft visit by `by` (or, for administrators, on behalf of `shopper`)."""
    require(perms.can_record_visit(by, review), perms.SHOPPERS_ONLY)
    _check_visit_fields(review, checklist, site)
    check_visit_date(visited_at)
    return Visit.objects.create(
        review=review, checklist=checklist, site=site, channel=channel, visited_at=visited_at,
        notes=notes.strip(), shopper=shopper or by, document=document,
    )


@transaction.atomic
def update_visit(*, by: User, visit: Visit, version: int | None, site: Site, channel: str,
                 visited_at: datetime, notes: str = "") -> Visit:
    """Change where, how and when a visit was made, and its notes."""
    require(perms.can_edit_visit(by, visit), perms.edit_refusal(visit))
    current = claim(visit, version=version, by=by, noun=_("visit"))
    check_visit_date(visited_at)
    if site != current.site and not site.is_active:
        raise ValidationError({"site": _("This site is no longer in use. Choose another.")})
    current.site, current.channel, current.visited_at = site, channel, visited_at
    current.notes = notes.strip()
    current.save()
    return current


def _clean_value(standard: Standard, raw: dict[str, Any]) -> dict[str, Any]:
    """The answer's fields from what was sent, or a ValidationError in plain words."""
    value = {"not_applicable": False, "choice": "", "rating": None, "number": None, "text": ""}
    if str(raw.get("not_applicable", "")).lower() in ("1", "true", "on", "yes"):
        value["not_applicable"] = True
        return value
    kind = standard.answer_type
    if kind == AnswerType.YES_NO:
        choice = str(raw.get("choice", "")).strip().lower()
        if choice == "na":
            value["not_applicable"] = True
        elif choice in ("yes", "no"):
            value["choice"] = choice
        else:
            raise ValidationError(_("Choose yes, no or not applicable."))
    elif kind == AnswerType.RATING:
        try:
            rating = int(raw.get("rating", ""))
        except (TypeError, ValueError, OverflowError):  # OverflowError: a float infinity
            rating = 0
        if not 1 <= rating <= 5:
            raise ValidationError(_("Choose a rating from 1 to 5."))
        value["rating"] = rating
    elif kind == AnswerType.NUMBER:
        try:
            number = Decimal(str(raw.get("number", "")).strip())
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite() or number < 0 or number >= 10**8:
            raise ValidationError(_("Enter a number, such as 4."))
        value["number"] = number.quantize(Decimal("0.01"))
    else:
        text = raw.get("text", "")
        if not isinstance(text, str):
            raise ValidationError(_("Type your answer as words."))
        value["text"] = text = one_line_break(text).strip()
        problem = too_long(text, noun=_("answer"))
        if problem:
            raise ValidationError(problem)
    return value


def refresh_totals(visit: Visit) -> Visit:
    """Add up the visit's answers in the database and store its points and score."""
    totals = visit.answers.aggregate(points=Sum("points"), max_points=Sum("max_points"))
    visit.points = totals["points"] or 0
    visit.max_points = totals["max_points"] or 0
    visit.score = percentage(visit.points, visit.max_points)
    Visit.objects.filter(pk=visit.pk).update(
        points=visit.points, max_points=visit.max_points, score=visit.score,
        updated_at=timezone.now(),
    )
    written.announce(Visit, [visit])
    return visit


@transaction.atomic
def record_answer(*, by: User, visit: Visit, standard: Standard, value: dict[str, Any],
                  key: uuid.UUID | None = None, based_on: int | None = None) -> Saved:
    """Save one answer. The same `key` sent again changes nothing; `based_on` is the answer's
    version the person last saw (None: no check), and an answer changed since is refused."""
    locked = Visit.objects.select_for_update().get(pk=visit.pk)
    if key is not None:
        receipt = AnswerReceipt.objects.filter(key=key).select_related("answer").first()
        if receipt is not None and receipt.answer is not None:  # a receipt always has its answer
            if receipt.visit_id != visit.pk:
                raise ValidationError(_("This answer was sent for a different visit."))
            return Saved(receipt.answer, repeated=True)
    require(perms.can_edit_visit(by, locked), perms.edit_refusal(locked))
    if standard.checklist_id != locked.checklist_id:
        raise ValidationError(_("This standard is not on the visit's checklist."))
    cleaned = _clean_value(standard, value)
    answer = Answer.objects.filter(visit=locked, standard=standard).first()
    if answer is not None and based_on is not None and answer.version != int(based_on):
        raise AnswerConflict(
            _("This answer was changed elsewhere at %(when)s while you were away. The saved answer "
              "is: %(answer)s.") % {"when": when(answer.updated_at),
                                     "answer": answer.display or _("(empty)")},
            current=answer,
        )
    if answer is None:
        answer = Answer(visit=locked, standard=standard, version=0)
    scored = ("not_applicable", "choice", "rating", "number")
    result = score_answer(standard, **{k: cleaned[k] for k in scored})
    for name, val in cleaned.items():
        setattr(answer, name, val)
    answer.points, answer.max_points, answer.passed = result.points, result.max_points, result.passed
    answer.version += 1
    answer.answered_by = by
    answer.save()
    if key is not None:
        try:
            with transaction.atomic():
                AnswerReceipt.objects.create(key=key, visit=locked, answer=answer)
        except IntegrityError:  # the same key arrived twice at once: the other one won
            raise ValidationError(_("This answer is already being saved.")) from None
    refresh_totals(locked)
    return Saved(answer, repeated=False)


def missing_required(visit: Visit) -> list[Standard]:
    """Required standards with no answer yet (not applicable counts as an answer)."""
    given = Answer.objects.filter(visit=visit).exclude(
        not_applicable=False, choice="", rating=None, number=None, text=""  # a text emptied again
    )
    return list(
        Standard.objects.filter(checklist_id=visit.checklist_id, required=True)
        .exclude(pk__in=given.values("standard_id")).select_related("section")
    )


@transaction.atomic
def submit_visit(*, by: User, visit: Visit, version: int | None = None) -> Visit:
    """Send a finished visit to the panel; after this only administrators can change it."""
    require(perms.can_edit_visit(by, visit), perms.edit_refusal(visit))
    current = claim(visit, version=version, by=by, noun=_("visit"))
    if current.is_submitted:
        raise ValidationError(_("This visit has already been submitted."))
    missing = missing_required(current)
    if missing:
        raise ValidationError(
            (_("Answer every required question first. Still to answer: %(question)s") if len(missing) == 1
             else ngettext(
                "Answer every required question first. Still to answer: %(question)s and %(more)s more.",
                "Answer every required question first. Still to answer: %(question)s and %(more)s more.",
                len(missing) - 1)) % {"question": missing[0].question, "more": len(missing) - 1}
        )
    current.status = VisitStatus.SUBMITTED
    current.submitted_at = timezone.now()
    current.save()
    return current


@transaction.atomic
def add_photo(*, by: User, visit: Visit, file: Any, description: str,
              standard: Standard | None = None, key: uuid.UUID | None = None) -> VisitPhoto:
    """Add a photo (already stripped of EXIF by the upload field); a repeated key adds nothing."""
    if key is not None:
        existing = VisitPhoto.objects.filter(key=key).first()
        if existing is not None:
            return existing
    require(perms.can_edit_visit(by, visit), perms.edit_refusal(visit))
    if not (description or "").strip():
        raise ValidationError({"description": _("Say what the photo shows.")})
    if standard is not None and standard.checklist_id != visit.checklist_id:
        standard = None
    return VisitPhoto.objects.create(
        visit=visit, file=file, description=description.strip()[:300], standard=standard,
        key=key, added_by=by,
    )


@transaction.atomic
def raise_finding(*, by: User, review: Review, standard: Standard, visits: list[Visit],
                  statement: str) -> Finding:
    """Turn a failed standard on one or more visits into a weakness finding of the review,
    with those visits kept as its evidence."""
    require(perms.can_raise_finding(by, review), perms.SHOPPERS_ONLY)
    visits = [v for v in visits if v.review_id == review.pk]
    if not visits:
        raise ValidationError(_("Choose at least one visit from this programme."))
    if not statement.strip():
        raise ValidationError({"statement": _("Say what the panel found.")})
    finding = add_finding(review=review, by=by, kind=FindingKind.WEAKNESS, statement=statement)
    source = VisitFinding.objects.create(
        finding=finding, standard_key=standard.key, question=standard.question
    )
    source.visits.set(visits)
    return finding
