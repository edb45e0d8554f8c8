"""Optimistic locking for edit forms two people can open at once.

Three small pieces, used together:

* `Versioned`, a model mixin: a `version` number that goes up by one on every edit.
* `VersionedForm`, a form mixin: carries the version the person started from in a hidden
  field, and on a conflict keeps the person's own text in the form while showing the saved
  version above it (templates/includes/edit_conflict.html, included by the shared form
  templates).
* `claim()`, called by a service inside its transaction: re-reads the row under a lock and
  refuses the save with `EditConflict` if someone else saved it since the person's version.

`scrutiny.forms.add_service_errors` hands an `EditConflict` to the form, so a view that already
shows service errors on its form needs nothing more.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.contrib.auth.models import _User as User
    from django_stubs_ext import StrOrPromise

KEEP_BOTH = _(
    "Your text is still in the form. The saved version is shown above it: check both, then "
    "save again to replace it with yours."
)


class Versioned(models.Model):
    """A record that people edit in forms: its version catches two people editing at once."""

    version = models.PositiveIntegerField(
        default=1, editable=False, help_text=_("Goes up by one on every change made in a form.")
    )

    class Meta:
        abstract = True


V = TypeVar("V", bound=models.Model)


class EditConflict(ValidationError):
    """Someone else saved the item after this person started editing it."""

    def __init__(self, message: str, *, current: models.Model) -> None:
        super().__init__(message, code="conflict")
        self.current = current


def _when(moment: Any) -> str:
    local = timezone.localtime(moment)
    if local.date() == timezone.localdate():
        return date_format(local, "H:i")
    return date_format(local, "j F Y, H:i")


def _who(current: models.Model, by: User | None) -> str:
    """Who saved the version in the way, from the audit trail where the model keeps one."""
    history = getattr(current, "history", None)
    last = history.select_related("history_user").first() if history is not None else None
    if last is None or not last.history_user_id:
        return pgettext("who saved a change", "Someone else")
    if by is not None and last.history_user_id == by.pk:
        return pgettext("who saved a change", "You (in another window)")
    # The name as it reads in the sentence: "by Ann" in Welsh ("gan Ann").
    return pgettext("who saved a change", "%(name)s") % {"name": str(last.history_user)}


def conflict_message(*, current: models.Model, by: User | None, noun: StrOrPromise) -> str:
    """The sentence that tells the person someone saved the item while they were editing it."""
    saved_at = getattr(current, "updated_at", None)
    when = gettext(" at %(time)s") % {"time": _when(saved_at)} if saved_at else ""
    return gettext("%(who)s saved a change to this %(noun)s%(when)s while you were editing it.") % {
        "who": _who(current, by), "noun": noun, "when": when}


def claim(instance: V, *, version: int | None, by: User | None, noun: StrOrPromise) -> V:
    """Re-read `instance` under a row lock and return it with the next version, ready to change
    and save; raise EditConflict if someone saved it after `version` was read.

    `version=None` means the caller is code, not a form (seeds, imports): no check is made.
    Call inside `transaction.atomic`.
    """
    current = type(instance)._default_manager.select_for_update().get(pk=instance.pk)
    if version is not None and current.version != int(version):
        raise EditConflict(conflict_message(current=current, by=by, noun=noun), current=current)
    current.version = current.version + 1
    return current


def _display(current: models.Model, name: str) -> str:
    """A saved value as a person would read it."""
    display = getattr(current, f"get_{name}_display", None)
    if callable(display):
        return str(display())
    value = getattr(current, name, "")
    if isinstance(value, models.Manager):
        return ", ".join(str(item) for item in value.all())
    if isinstance(value, models.fields.files.FieldFile):
        return value.name.rsplit("/", 1)[-1] if value.name else ""
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if isinstance(value, datetime.datetime):
        return _when(value)
    if isinstance(value, datetime.date):
        return date_format(value, "j F Y")
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M")
    return "" if value is None else str(value)


if TYPE_CHECKING:
    _FormBase = forms.BaseForm
else:
    # A plain mixin at run time, so that code looking for form classes does not take it for one.
    _FormBase = object


class VersionedForm(_FormBase):
    """Form mixin for editing a `Versioned` record: put it first, before `forms.ModelForm`
    (`class MeetingForm(VersionedForm, forms.ModelForm)`), or pass `versioned=` to a plain form."""

    conflict: models.Model | None = None

    def __init__(self, *args: Any, versioned: models.Model | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        record = versioned if versioned is not None else getattr(self, "instance", None)
        self.versioned: models.Model | None = None
        if record is not None and record.pk:
            self.track(record)

    def track(self, record: models.Model) -> None:
        """Carry `record`'s version in a hidden field, to be checked when the form is saved."""
        self.versioned = record
        self.fields["version"] = forms.IntegerField(
            widget=forms.HiddenInput, required=False, min_value=0, max_value=2**31,
            initial=record.version,
        )

    def clean_version(self) -> int:
        # A form sent without its version cannot prove it saw the latest save: treat it as old.
        return self.cleaned_data.get("version") or 0

    def saved_value(self, name: str, current: models.Model) -> str:
        """The saved value of one field, shown beside the person's text after a conflict."""
        return _display(current, name)

    def note_conflict(self, exc: EditConflict) -> None:
        """Keep what the person typed, based now on the saved version, and say what happened."""
        self.conflict = exc.current
        data = self.data.copy()
        data[self.add_prefix("version")] = exc.current.version
        self.data = data
        self.add_error(None, ValidationError(f"{exc.messages[0]} {KEEP_BOTH}", code="conflict"))

    @property
    def conflict_rows(self) -> list[tuple[str, str]]:
        """(label, saved value) for each visible field, for the "saved version" box."""
        if self.conflict is None:
            return []
        return [
            (str(field.label), self.saved_value(field.name, self.conflict))
            for field in self.visible_fields()
        ]
