"""`get_<field>_display()` without translating every choice on each call.

Django's `get_<field>_display()` builds a dictionary of the field's choices on every call, and
building it hashes each label: a translated label is translated again to be hashed. A list of 50
members, each with a role, translated every role name 50 times: a quarter of the members page's
time. The dictionary is kept per field instead (labels still translated only when shown, in the
language of the moment), and built again if the field's choices are replaced. Choices given as a
callable are left to Django, as are values it cannot hash."""

from __future__ import annotations

from functools import partialmethod
from typing import Any

from django.apps import apps
from django.db import models
from django.utils.choices import CallableChoiceIterator
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable

_django_display = models.Model._get_FIELD_display


def _labels(field: models.Field) -> dict[Any, Any] | None:
    choices = field.choices
    kept = field.__dict__.get("_labels_by_value")
    if kept is not None and kept[0] is choices:
        return kept[1]
    if isinstance(choices, CallableChoiceIterator):
        return None
    try:
        labels = {make_hashable(value): label for value, label in field.flatchoices}
    except TypeError:
        return None
    field.__dict__["_labels_by_value"] = (choices, labels)
    return labels


def display(self: models.Model, field: models.Field) -> Any:
    """The label of the field's value, as Django's `get_<field>_display()` gives it."""
    labels = _labels(field)
    if labels is None:
        return _django_display(self, field)
    value = getattr(self, field.attname)
    try:
        label = labels.get(make_hashable(value), value)
    except TypeError:
        return _django_display(self, field)
    return force_str(label, strings_only=True)


def install() -> None:
    """Every model's `get_<field>_display()` made by Django uses `display` (from ready())."""
    for model in apps.get_models(include_auto_created=True):
        for klass in model.__mro__:
            for name, attribute in list(vars(klass).items()):
                if (
                    name.startswith("get_") and name.endswith("_display")
                    and isinstance(attribute, partialmethod) and attribute.func is _django_display
                ):
                    setattr(klass, name, partialmethod(display, *attribute.args, **attribute.keywords))
