"""Everything that changes a review, its evidence or its findings goes through here."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext

from accounts.models import User
from panels.models import Membership
from panels.permissions import can_manage_panel, is_member
from reviews import permissions as perms
from reviews.models import (
    Document,
    Draft,
    EvidenceKind,
    Finding,
    FindingComment,
    Interview,
    PerformanceFigure,
    Review,
    ScopeQuestion,
    SiteVisit,
    SiteVisitPhoto,
    Stage,
    StageChange,
)
from scrutiny.forms import single_line
from scrutiny.locking import claim
from scrutiny.permissions import require

if TYPE_CHECKING:
    from django.core.files import File

    from panels.models import Panel
    from reviews.models import Evidence, ServiceArea

EVIDENCE_MODELS = {
    EvidenceKind.DOCUMENT: Document,
    EvidenceKind.FIGURE: PerformanceFigure,
    EvidenceKind.INTERVIEW: Interview,
    EvidenceKind.SITE_VISIT: SiteVisit,
}
# Many-to-many fields of each evidence kind: people from the review's panel.
EVIDENCE_PEOPLE: dict[str, str] = {
    EvidenceKind.INTERVIEW: "interviewers", EvidenceKind.SITE_VISIT: "visitors",
}


# ---------------------------------------------------------------------------------- reviews

def _question_texts(questions: Iterable[str]) -> list[str]:
    return [line.strip() for line in questions if line and line.strip()]


def _sync_questions(review: Review, questions: Iterable[str]) -> None:
    """Make the review's questions match the list: unchanged wording keeps its row (and the
    findings linked to it), reworded questions keep their place, extra rows go."""
    texts = _question_texts(questions)
    existing = list(review.questions.all())
    by_text = {}
    for q in existing:
        by_text.setdefault(q.text, []).append(q)
    rows = [by_text[t].pop(0) if by_text.get(t) else None for t in texts]
    spare = [q for q in existing if q not in rows]
    for i, row in enumerate(rows):
        if row is None and spare:
            rows[i] = spare.pop(0)
    ScopeQuestion.objects.filter(pk__in=[q.pk for q in spare]).delete()
    kept = [r for r in rows if r is not None]
    # Numbers are unique per review, so move kept rows out of the way before renumbering.
    ScopeQuestion.objects.filter(pk__in=[r.pk for r in kept]).update(number=F("number") + 1000)
    for number, (row, text) in enumerate(zip(rows, texts, strict=True), start=1):
        if row is None:
            ScopeQuestion.objects.create(review=review, number=number, text=text)
        else:
            ScopeQuestion.objects.filter(pk=row.pk).update(number=number, text=text)
    from reviews import findings_section

    findings_section.forget(review_id=review.pk)  # the updates above send no signals


def _check_people(*, panel: Panel, lead_member: User | None, supporting_officer: User | None) -> None:
    errors = {}
    if lead_member and not Membership.objects.current().filter(panel=panel, user=lead_member).exists():
        errors["lead_member"] = gettext("%(person)s is not a member of %(panel)s. Choose a member.") % {
            "person": lead_member, "panel": panel}
    if supporting_officer and not supporting_officer.works_for_landlord:
        errors["supporting_officer"] = gettext(
            "%(person)s does not work for the landlord. Choose an officer."
        ) % {"person": supporting_officer}
    if errors:
        raise ValidationError(errors)


def _check_dates(planned_start: datetime.date | None, planned_end: datetime.date | None) -> None:
    if planned_start and planned_end and planned_end < planned_start:
        raise ValidationError({"planned_end": gettext(
            "The planned end must be on or after the planned start.")})


@transaction.atomic
def create_review(
    *, by: User, panel: Panel, title: str, kind: str, service_area: ServiceArea | None = None,
    scope: str = "", method: str = "", questions: Iterable[str] = (),
    planned_start: datetime.date | None = None, planned_end: datetime.date | None = None,
    lead_member: User | None = None, supporting_officer: User | None = None,
) -> Review:
    """Propose a review for a panel, with its draft scope and questions. A member's proposal
    waits for the chair, vice-chair or supporting officer to confirm it; one they set up
    themselves starts at scoping."""
    require(perms.can_create_review(by, panel), perms.ONLY_MEMBERS)
    _check_people(panel=panel, lead_member=lead_member, supporting_officer=supporting_officer)
    _check_dates(planned_start, planned_end)
    stage = Stage.SCOPING if can_manage_panel(by, panel) else Stage.PROPOSED
    review = Review.objects.create(
        panel=panel, title=single_line(title), kind=kind, service_area=service_area, scope=scope,
        method=method, planned_start=planned_start, planned_end=planned_end, lead_member=lead_member,
        supporting_officer=supporting_officer, created_by=by, stage=stage,
    )
    StageChange.objects.create(review=review, from_stage="", to_stage=stage, changed_by=by)
    _sync_questions(review, questions)
    return review


@transaction.atomic
def update_review(
    *, review: Review, by: User, title: str, kind: str, service_area: ServiceArea | None = None,
    scope: str = "", method: str = "", questions: Iterable[str] = (),
    planned_start: datetime.date | None = None, planned_end: datetime.date | None = None,
    lead_member: User | None = None, supporting_officer: User | None = None,
    version: int | None = None,
) -> Review:
    """Change a review's details and questions (its panel and stage are changed elsewhere);
    refuse if someone else saved it after `version` was read."""
    refusal = perms.SCOPE_CLOSED if is_member(by, review.panel_id) else perms.ONLY_LEADS
    require(perms.can_edit_review(by, review), refusal)
    review = claim(review, version=version, by=by, noun="review")
    # Checked again on the row as saved: a member may not edit a review that has just moved on.
    require(perms.can_edit_review(by, review), refusal)
    _check_people(panel=review.panel, lead_member=lead_member, supporting_officer=supporting_officer)
    _check_dates(planned_start, planned_end)
    for name, value in {
        "title": single_line(title), "kind": kind, "service_area": service_area, "scope": scope,
        "method": method, "planned_start": planned_start, "planned_end": planned_end,
        "lead_member": lead_member, "supporting_officer": supporting_officer,
    }.items():
        setattr(review, name, value)
    review.save()
    _sync_questions(review, questions)
    return review


@transaction.atomic
def confirm_review(*, review: Review, by: User, note: str = "") -> StageChange:
    """The chair, vice-chair or supporting officer confirms a member's proposal: it moves to
    scoping, recorded on the review's stages like any other move."""
    require(perms.can_confirm_review(by, review), perms.ONLY_LEADS)
    if review.stage != Stage.PROPOSED:
        raise ValidationError(gettext("Only a proposed review can be confirmed. This one already has been."))
    return move_stage(review=review, to_stage=Stage.SCOPING, by=by, note=note)


@transaction.atomic
def move_stage(*, review: Review, to_stage: str, by: User, note: str = "") -> StageChange:
    """Move a review to another stage, recording who moved it, when and (going back) why."""
    require(perms.can_move_stage(by, review), perms.ONLY_LEADS)
    review = Review.objects.select_for_update().get(pk=review.pk)
    if to_stage not in Stage.values:
        raise ValidationError({"to_stage": gettext("Choose a stage from the list.")})
    if to_stage == review.stage:
        raise ValidationError({"to_stage": gettext("The review is already at %(stage)s.") % {
            "stage": review.get_stage_display()}})
    if to_stage == Stage.PROPOSED:
        raise ValidationError({"to_stage": gettext(
            "A review that has been confirmed cannot go back to proposed.")})
    note = (note or "").strip()
    if Stage.position(to_stage) < Stage.position(review.stage) and not note:
        raise ValidationError({"note": gettext("Say why the review is going back to an earlier stage.")})
    change = StageChange.objects.create(
        review=review, from_stage=review.stage, to_stage=to_stage, changed_by=by, note=note
    )
    review.stage = to_stage
    review.save(update_fields=["stage", "updated_at"])
    return change


# --------------------------------------------------------------------------------- evidence

def _default_title(kind: str, fields: dict[str, Any]) -> str:
    if kind == EvidenceKind.FIGURE:
        return fields.get("measure", "")
    if kind == EvidenceKind.INTERVIEW:
        role = fields.get("interviewee_role", "").strip()
        if not role:
            return gettext("Interview with a member of staff")
        return gettext("Interview with %(role)s") % {"role": role}
    if kind == EvidenceKind.SITE_VISIT:
        return gettext("Visit to %(place)s") % {"place": fields.get("place", "").strip()}
    return ""


def _check_panel_people(review: Review, people: Iterable[User]) -> None:
    members = set(
        Membership.objects.current().filter(panel=review.panel_id).values_list("user_id", flat=True)
    )
    outsiders = [p for p in people if p.pk not in members]
    if outsiders:
        names = ", ".join(str(p) for p in outsiders)
        raise ValidationError(gettext(
            "%(people)s: not a member of %(panel)s. Choose members of the panel."
        ) % {"people": names, "panel": review.panel})


def _set_people(evidence: Evidence, kind: str, people: Iterable[User] | None) -> None:
    if kind in EVIDENCE_PEOPLE and people is not None:
        _check_panel_people(evidence.review, people)
        getattr(evidence, EVIDENCE_PEOPLE[kind]).set(people)


@transaction.atomic
def add_evidence(
    *, review: Review, by: User, kind: str, fields: dict[str, Any], people: Iterable[User] | None = None,
    photo: File | None = None, photo_description: str = "",
) -> Evidence:
    """Add a document, performance figure, interview or site visit to a review.

    `fields` are the kind's own fields and the shared ones (title, source, date, description);
    `people` are the interviewers or the people who went on a site visit."""
    require(perms.can_add_evidence(by, review), perms.EVIDENCE_REFUSAL)
    model = EVIDENCE_MODELS[kind]
    fields = dict(fields)
    if kind != EvidenceKind.DOCUMENT:  # other kinds are named after what they record
        fields["title"] = _default_title(kind, fields)[:200]
    else:
        upload = fields["file"]
        fields.setdefault("original_name", getattr(upload, "name", "")[:200])
        fields.setdefault("size", getattr(upload, "size", 0) or 0)
    evidence = model.objects.create(review=review, added_by=by, **fields)
    _set_people(evidence, kind, people)
    if photo is not None:
        if not isinstance(evidence, SiteVisit):
            raise ValidationError({"photo": gettext("Only a site visit can have photos.")})
        add_photo(site_visit=evidence, by=by, file=photo, description=photo_description)
    _discard_drafts(by, f"{kind}-add", review.pk)
    return evidence


@transaction.atomic
def update_evidence(
    *, evidence: Evidence, by: User, version: int, fields: dict[str, Any],
    people: Iterable[User] | None = None,
) -> Evidence:
    """Change a piece of evidence; refuse if someone else saved it after `version` was read."""
    require(perms.can_edit_evidence(by, evidence), gettext(
        "Only the person who added this, the panel's chair, vice-chair or supporting officer, or an "
        "administrator can change it."))
    current = claim(EVIDENCE_MODELS[evidence.kind].objects.get(pk=evidence.pk), version=version,
                    by=by, noun=evidence.get_kind_display().lower())
    fields = dict(fields)
    if fields.get("file") and evidence.kind == EvidenceKind.DOCUMENT:
        fields["original_name"] = fields["file"].name[:200]
        fields["size"] = fields["file"].size or 0
        # The replaced file goes once the new one is safely recorded.
        old_file = current.file
        transaction.on_commit(lambda: old_file.storage.delete(old_file.name))
    elif "file" in fields:
        del fields["file"]  # no new file chosen: keep the one already there
    if evidence.kind != EvidenceKind.DOCUMENT:
        fields["title"] = _default_title(evidence.kind, fields)[:200]
    for name, value in fields.items():
        setattr(current, name, value)
    current.save()
    _set_people(current, evidence.kind, people)
    _discard_drafts(by, f"{evidence.kind}-edit", evidence.pk)
    return current


@transaction.atomic
def add_photo(*, site_visit: SiteVisit, by: User, file: File, description: str) -> SiteVisitPhoto:
    """Add a photo (already stripped of EXIF by the upload field) to a site visit."""
    require(perms.can_add_evidence(by, site_visit.review), perms.EVIDENCE_REFUSAL)
    if not (description or "").strip():
        raise ValidationError({"photo_description": gettext("Say what the photo shows.")})
    return SiteVisitPhoto.objects.create(
        site_visit=site_visit, file=file, description=description.strip(), added_by=by
    )


# --------------------------------------------------------------------------------- findings

def _check_finding_links(
    review: Review, question: ScopeQuestion | None, evidence: Iterable[Evidence]
) -> None:
    if question is not None and question.review_id != review.pk:
        raise ValidationError({"question": gettext("Choose one of this review's questions.")})
    if any(e.review_id != review.pk for e in evidence):
        raise ValidationError({"evidence": gettext("Choose evidence gathered for this review.")})


@transaction.atomic
def add_finding(
    *, review: Review, by: User, kind: str, statement: str, question: ScopeQuestion | None = None,
    evidence: Iterable[Evidence] = (),
) -> Finding:
    """Log a finding for a review, linked to the evidence it rests on."""
    require(perms.can_add_finding(by, review), perms.FINDINGS_REFUSAL)
    evidence = list(evidence)
    _check_finding_links(review, question, evidence)
    finding = Finding.objects.create(
        review=review, kind=kind, statement=statement.strip(), question=question, raised_by=by
    )
    finding.evidence.set(evidence)
    _discard_drafts(by, "finding-add", review.pk)
    return finding


@transaction.atomic
def update_finding(
    *, finding: Finding, by: User, version: int, kind: str, statement: str,
    question: ScopeQuestion | None = None, evidence: Iterable[Evidence] = (),
) -> Finding:
    """Reword a finding; refuse if someone else saved it after `version` was read."""
    require(perms.can_edit_finding(by, finding), perms.FINDINGS_REFUSAL)
    current = claim(finding, version=version, by=by, noun="finding")
    evidence = list(evidence)
    _check_finding_links(current.review, question, evidence)
    current.kind = kind
    current.statement = statement.strip()
    current.question = question
    current.save()
    current.evidence.set(evidence)
    _discard_drafts(by, "finding-edit", finding.pk)
    return current


@transaction.atomic
def add_comment(*, finding: Finding, by: User, kind: str, text: str = "") -> FindingComment:
    """A member agrees with, challenges or adds to a finding."""
    require(perms.can_comment(by, finding), perms.FINDINGS_REFUSAL)
    text = (text or "").strip()
    if kind != "agree" and not text:
        raise ValidationError({"text": gettext("Say what you challenge or want to add.")})
    comment = FindingComment.objects.create(finding=finding, author=by, kind=kind, text=text)
    _discard_drafts(by, "comment-add", finding.pk)
    return comment


# ----------------------------------------------------------------------------------- drafts

MAX_DRAFT_CHARACTERS = 100_000
# Long enough to come back after a holiday; short enough not to keep forgotten personal text.
DRAFT_KEEP_DAYS = 90


def save_draft(*, user: User, form: str, object_id: int | None, data: dict[str, Any]) -> Draft:
    """Keep what someone is typing into a long form; the caller has checked permission."""
    size = sum(len(v) if isinstance(v, str) else sum(len(x) for x in v) for v in data.values())
    if size > MAX_DRAFT_CHARACTERS:
        raise ValidationError(gettext("This draft is too long to save. Split it into more than one item."))
    draft, _ = Draft.objects.update_or_create(
        user=user, form=form, object_id=object_id, defaults={"data": data}
    )
    return draft


def discard_draft(*, user: User, form: str, object_id: int | None) -> None:
    """Throw away someone's own draft (they chose to, or the form was saved)."""
    _discard_drafts(user, form, object_id)


def delete_old_drafts(*, keep_days: int = DRAFT_KEEP_DAYS) -> int:
    """Delete drafts nobody has touched for a while; returns how many went."""
    cutoff = timezone.now() - timedelta(days=keep_days)
    deleted, _ = Draft.objects.filter(saved_at__lt=cutoff).delete()
    return deleted


def _discard_drafts(user: User, form: str, object_id: int | None) -> None:
    Draft.objects.filter(user=user, form=form, object_id=object_id).delete()



