"""Building, changing and copying checklists. A checklist already used by a visit is never
changed in place: the change goes into a new version, and visits keep the one they used."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from mysteryshop import permissions as perms
from mysteryshop.bilingual import both, in_english, set_welsh
from mysteryshop.models import Checklist, Section, Standard
from mysteryshop.services.locking import claim
from scrutiny.permissions import require

# The standard's fields written for tenants, in English and Welsh (mysteryshop/translation.py).
TRANSLATED_STANDARD = ("question", "guidance", "unit")
STANDARD_FIELDS = (
    "question", "guidance", "answer_type", "threshold", "lower_is_better", "unit", "weight",
    "required",
)


def _check_current(checklist: Checklist) -> None:
    if not checklist.is_current:
        raise ValidationError(
            _("This is an old version of the checklist, kept because visits were scored against "
              "it. Change the current version instead.")
        )


def _check_standard(fields: dict[str, Any]) -> None:
    kind = fields.get("answer_type")
    mark = fields.get("threshold")
    if kind == "rating" and mark is not None and not 1 <= mark <= 5:
        raise ValidationError({"threshold": _("For a rating, the pass mark is a number from 1 to 5.")})
    if kind == "number" and mark is not None and not 0 <= mark <= 100:
        raise ValidationError({"threshold": _("For a number, the pass mark is from 0 to 100.")})
    if kind == "number" and mark is None and fields.get("weight"):
        raise ValidationError(
            {"threshold": _("Give a pass mark for a number, or set its weight to 0 so it is not scored.")}
        )


def _copy_into(source: Checklist, target: Checklist, *, keep_keys: bool) -> dict[int, Any]:
    """Copy sections and standards; returns old pk -> new object for both."""
    mapping: dict[int, Any] = {}
    sections = list(source.sections.all())
    for section in sections:
        mapping[("section", section.pk)] = Section.objects.create(
            checklist=target, position=section.position, **both(section, "title")
        )
    new_standards = []
    olds = list(Standard.objects.filter(checklist=source).order_by("pk"))
    for old in olds:
        extra = {"key": old.key} if keep_keys else {}
        new_standards.append(Standard(
            checklist=target, section=mapping[("section", old.section_id)], position=old.position,
            **{f: getattr(old, f) for f in STANDARD_FIELDS if f not in TRANSLATED_STANDARD},
            **both(old, *TRANSLATED_STANDARD), **extra,
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
        family=checklist.family, number=checklist.number + 1, purpose=checklist.purpose,
        is_current=True, created_by=by, **both(checklist, "title", "introduction"),
    )
    return new, _copy_into(checklist, new, keep_keys=True)


def _begin_change(checklist: Checklist, *, version: int | None, by: User) -> tuple[Checklist, dict]:
    """Claim the checklist as edited from `version` (a clash if someone saved it meanwhile), then
    give the version to change and the map from old sections and standards to theirs."""
    current = claim(checklist, version=version, by=by, noun=_("checklist"))
    _check_current(current)
    current.save(update_fields=["version", "updated_at"])
    return _editable(current, by)


@transaction.atomic
def create_checklist(*, by: User, title: str, purpose: str, introduction: str = "",
                     welsh: dict[str, str] | None = None) -> Checklist:
    """Start a new checklist with no sections yet; `welsh` holds the Welsh title and introduction."""
    require(perms.can_manage_checklists(by), perms.ADMINS_ONLY)
    with in_english():
        checklist = Checklist(title=title.strip(), purpose=purpose, introduction=introduction.strip(),
                              created_by=by)
        set_welsh(checklist, welsh)
        checklist.save()
    return checklist


@transaction.atomic
def update_checklist(*, by: User, checklist: Checklist, version: int | None, title: str,
                     purpose: str, introduction: str = "", welsh: dict[str, str] | None = None) -> Checklist:
    """Change a checklist's title and introduction (in a new version if it is in use)."""
    require(perms.can_manage_checklists(by), perms.ADMINS_ONLY)
    with in_english():
        target, _mapping = _begin_change(checklist, version=version, by=by)
        target.title, target.purpose, target.introduction = title.strip(), purpose, introduction.strip()
        set_welsh(target, welsh)
        target.save()
    return target


@transaction.atomic
def copy_checklist(*, by: User, checklist: Checklist, title: str) -> Checklist:
    """Make an independent copy of a checklist to adapt, starting at version 1."""
    require(perms.can_manage_checklists(by), perms.ADMINS_ONLY)
    words = both(checklist, "title", "introduction")
    if title.strip():
        words.update(title=title.strip(), title_en_gb=title.strip(), title_cy=None)
    else:
        words.update(title=_("Copy of %(title)s") % {"title": words["title"]})
        words["title_en_gb"] = words["title"]
    with in_english():
        copy = Checklist.objects.create(purpose=checklist.purpose, created_by=by, **words)
        _copy_into(checklist, copy, keep_keys=False)
    return copy


@transaction.atomic
def save_section(*, by: User, checklist: Checklist, version: int | None, title: str,
                 section: Section | None = None, welsh: dict[str, str] | None = None) -> Section:
    """Add a section at the end, or rename one; returns it as it is in the version changed."""
    require(perms.can_manage_checklists(by), perms.ADMINS_ONLY)
    with in_english():
        target, mapping = _begin_change(checklist, version=version, by=by)
        if section is None:
            last = target.sections.order_by("-position").first()
            section = Section(checklist=target, position=(last.position + 1) if last else 1)
        else:
            section = mapping.get(("section", section.pk), section)
        section.title = title.strip()
        set_welsh(section, welsh)
        section.save()
    return section


@transaction.atomic
def save_standard(*, by: User, checklist: Checklist, version: int | None, section: Section,
                  fields: dict[str, Any], standard: Standard | None = None,
                  welsh: dict[str, str] | None = None) -> Standard:
    """Add a standard to a section, or change one; returns it in the version changed."""
    require(perms.can_manage_checklists(by), perms.ADMINS_ONLY)
    _check_standard(fields)
    if section.checklist_id != checklist.pk:
        raise ValidationError({"section": _("Choose a section of this checklist.")})
    with in_english():
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
        set_welsh(standard, welsh)
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
        raise ValidationError(_("This is already the first one.") if direction == "up"
                              else _("This is already the last one."))
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
