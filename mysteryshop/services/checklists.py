"""Building, changing and copying checklists. A checklist already used by a visit is never
changed in place: the change goes into a new version, and visits keep the one they used."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.models import User
from mysteryshop import permissions as perms
from mysteryshop.models import Checklist, Section, Standard
from mysteryshop.services.locking import claim
from scrutiny.permissions import require

STANDARD_FIELDS = (
    "question", "guidance", "answer_type", "threshold", "lower_is_better", "unit", "weight",
    "required",
)


def _check_current(checklist: Checklist) -> None:
    if not checklist.is_current:
        raise ValidationError(
            "This is an old version of the checklist, kept because visits were scored against "
            "it. Change the current version instead."
        )


def _check_standard(fields: dict[str, Any]) -> None:
    kind = fields.get("answer_type")
    mark = fields.get("threshold")
    if kind == "rating" and mark is not None and not 1 <= mark <= 5:
        raise ValidationError({"threshold": "For a rating, the pass mark is a number from 1 to 5."})
    if kind == "number" and mark is not None and not 0 <= mark <= 100:
        raise ValidationError({"threshold": "For a number, the pass mark is from 0 to 100."})
    if kind == "number" and mark is None and fields.get("weight"):
        raise ValidationError(
            {"threshold": "Give a pass mark for a number, or set its weight to 0 so it is not scored."}
        )


def _copy_into(source: Checklist, target: Checklist, *, keep_keys: bool) -> dict[int, Any]:
    """Copy sections and standards; returns old pk -> new object for both."""
    mapping: dict[int, Any] = {}
    sections = list(source.sections.all())
    for section in sections:
        mapping[("section", section.pk)] = Section.objects.create(
            checklist=target, position=section.position, title=section.title
        )
    new_standards = []
    olds = list(Standard.objects.filter(checklist=source).order_by("pk"))
    for old in olds:
        extra = {"key": old.key} if keep_keys else {}
        new_standards.append(Standard(
            checklist=target, section=mapping[("section", old.section_id)], position=old.position,
            **{f: getattr(old, f) for f in STANDARD_FIELDS}, **extra,
        ))
    Standard.objects.bulk_create(new_standards)
    for old, new in zip(olds, new_standards, strict=True):
        mapping[("standard", old.pk)] = new
    return mapping


def _editable(checklist: Checklist, by: User) -> tuple[Checklist, dict]:
    """The version to change: this one if no visit uses it, else a new version made from it."""
    if not checklist.visits.exists():
        return checklist, {}
    Checklist.objects.filter(pk=checklist.pk).update(is_current=False)
    new = Checklist.objects.create(
        family=checklist.family, number=checklist.number + 1, title=checklist.title,
        purpose=checklist.purpose, introduction=checklist.introduction, is_current=True,
        created_by=by,
    )
    return new, _copy_into(checklist, new, keep_keys=True)


def _begin_change(checklist: Checklist, *, version: int | None, by: User) -> tuple[Checklist, dict]:
    """Claim the checklist as edited from `version` (a clash if someone saved it meanwhile), then
    give the version to change and the map from old sections and standards to theirs."""
    current = claim(checklist, version=version, by=by, noun="checklist")
    _check_current(current)
    current.save(update_fields=["version", "updated_at"])
    return _editable(current, by)


@transaction.atomic
def create_checklist(*, by: User, title: str, purpose: str, introduction: str = "") -> Checklist:
    """Start a new checklist with no sections yet."""
    require(perms.can_manage_checklists(by), perms.ADMINS_ONLY)
    return Checklist.objects.create(
        title=title.strip(), purpose=purpose, introduction=introduction.strip(), created_by=by
    )


@transaction.atomic
def update_checklist(*, by: User, checklist: Checklist, version: int | None, title: str,
                     purpose: str, introduction: str = "") -> Checklist:
    """Change a checklist's title and introduction (in a new version if it is in use)."""
    require(perms.can_manage_checklists(by), perms.ADMINS_ONLY)
    target, _ = _begin_change(checklist, version=version, by=by)
    target.title, target.purpose, target.introduction = title.strip(), purpose, introduction.strip()
    target.save()
    return target


@transaction.atomic
def copy_checklist(*, by: User, checklist: Checklist, title: str) -> Checklist:
    """Make an independent copy of a checklist to adapt, starting at version 1."""
    require(perms.can_manage_checklists(by), perms.ADMINS_ONLY)
    copy = Checklist.objects.create(
        title=title.strip() or f"Copy of {checklist.title}", purpose=checklist.purpose,
        introduction=checklist.introduction, created_by=by,
    )
    _copy_into(checklist, copy, keep_keys=False)
    return copy


@transaction.atomic
def save_section(*, by: User, checklist: Checklist, version: int | None, title: str,
                 section: Section | None = None) -> Section:
    """Add a section at the end, or rename one; returns it as it is in the version changed."""
    require(perms.can_manage_checklists(by), perms.ADMINS_ONLY)
    target, mapping = _begin_change(checklist, version=version, by=by)
    if section is None:
        last = target.sections.order_by("-position").first()
        return Section.objects.create(
            checklist=target, title=title.strip(), position=(last.position + 1) if last else 1
        )
    section = mapping.get(("section", section.pk), section)
    section.title = title.strip()
    section.save()
    return section


@transaction.atomic
def save_standard(*, by: User, checklist: Checklist, version: int | None, section: Section,
                  fields: dict[str, Any], standard: Standard | None = None) -> Standard:
    """Add a standard to a section, or change one; returns it in the version changed."""
    require(perms.can_manage_checklists(by), perms.ADMINS_ONLY)
    _check_standard(fields)
    if section.checklist_id != checklist.pk:
        raise ValidationError({"section": "Choose a section of this checklist."})
    target, mapping = _begin_change(checklist, version=version, by=by)
    section = mapping.get(("section", section.pk), section)
    if standard is None:
        last = section.standards.order_by("-position").first()
        standard = Standard(checklist=target, position=(last.position + 1) if last else 1)
    else:
        standard = mapping.get(("standard", standard.pk), standard)
    standard.section = section
    for name in STANDARD_FIELDS:
        if name in fields:
            setattr(standard, name, fields[name])
    standard.save()
    return standard


@transaction.atomic
def remove_standard(*, by: User, checklist: Checklist, version: int | None,
                    standard: Standard) -> Checklist:
    """Take a standard out of the checklist (out of a new version if it is in use)."""
    require(perms.can_manage_checklists(by), perms.ADMINS_ONLY)
    target, mapping = _begin_change(checklist, version=version, by=by)
    mapping.get(("standard", standard.pk), standard).delete()
    return target


def _swap(items: list[Any], item: Any, direction: str) -> None:
    """Number the items 1, 2, 3... in their order with `item` moved one place up or down."""
    at = next(i for i, other in enumerate(items) if other.pk == item.pk)
    to = at - 1 if direction == "up" else at + 1
    if direction not in ("up", "down") or not 0 <= to < len(items):
        raise ValidationError(f"This is already the {'first' if direction == 'up' else 'last'} one.")
    items[at], items[to] = items[to], items[at]
    for position, other in enumerate(items, start=1):
        other.position = position
    type(item).objects.bulk_update(items, ["position"])


@transaction.atomic
def move_section(*, by: User, checklist: Checklist, version: int | None, section: Section,
                 direction: str) -> Section:
    """Move a section one place up or down (in a new version if the checklist is in use)."""
    require(perms.can_manage_checklists(by), perms.ADMINS_ONLY)
    target, mapping = _begin_change(checklist, version=version, by=by)
    section = mapping.get(("section", section.pk), section)
    _swap(list(target.sections.order_by("position", "pk")), section, direction)
    return section


@transaction.atomic
def move_standard(*, by: User, checklist: Checklist, version: int | None, standard: Standard,
                  direction: str) -> Standard:
    """Move a standard one place up or down within its section (in a new version if in use)."""
    require(perms.can_manage_checklists(by), perms.ADMINS_ONLY)
    target, mapping = _begin_change(checklist, version=version, by=by)
    standard = mapping.get(("standard", standard.pk), standard)
    _swap(list(Standard.objects.filter(section_id=standard.section_id).order_by("position", "pk")),
          standard, direction)
    return standard
