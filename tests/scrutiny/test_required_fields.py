"""A field that must be filled in looks it: every form in the project, found automatically, is
rendered as the pages render it (crispy-forms), and each field's label is compared with
whether the field is required. A form added by a later app is held to it as soon as it exists.

The rule: a required field's label carries the * mark (read as "(required)" by screen
readers) and never says "(optional)"; an optional field's label carries no mark.
"""

import datetime
import inspect
import pkgutil
import re
from collections.abc import Callable, Iterator
from importlib import import_module
from pathlib import Path
from typing import Any

import pytest
from django import forms
from django.apps import apps
from django.conf import settings
from django.template import Context, Template
from django.utils import timezone

from tests.factories.accounts import UserFactory
from tests.factories.panels import MeetingFactory
from tests.factories.recommendations import RecommendationFactory
from tests.factories.reviews import ReviewFactory

FIELD = Template("{% load crispy_forms_tags %}{{ field|as_crispy_field }}")
LABEL = re.compile(r"<(label|legend)\b[^>]*>(.*?)</\1>", re.S)
MISSING = re.compile(r"missing \d+ required keyword-only arguments?: (.+)$")


def project_form_classes() -> Iterator[type[forms.BaseForm]]:
    """Every form class defined in the project's own apps (Django's admin pages are exempt)."""
    base = Path(settings.BASE_DIR).resolve()
    for config in apps.get_app_configs():
        # The project's apps are folders at the top of the checkout; a virtualenv inside the
        # checkout (as on a fresh clone) holds Django's and libraries' apps deeper down.
        if Path(config.path).resolve().parent != base:
            continue
        package = import_module(config.name)
        names = [config.name] + [
            info.name for info in pkgutil.walk_packages(package.__path__, f"{config.name}.")
        ]
        for name in names:
            if any(part in ("migrations", "tests", "admin") for part in name.split(".")):
                continue
            module = import_module(name)
            for _, cls in inspect.getmembers(module, inspect.isclass):
                if (issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__
                        and hasattr(cls, "base_fields") and not cls.__name__.startswith("_")
                        and not _model_form_base(cls)):
                    yield cls


def _model_form_base(cls: type[forms.BaseForm]) -> bool:
    """A base for model forms, with no model of its own (scrutiny.translated.BothLanguagesForm)."""
    return issubclass(cls, forms.ModelForm) and cls._meta.model is None


def _assessment_pieces() -> dict[str, Any]:
    from tests.factories.assessments import OutcomeFactory, SelfAssessmentFactory

    outcome = OutcomeFactory()
    return {"outcomes": [outcome], "self_assessment": SelfAssessmentFactory(), "scores": {}}


def _attendance_pieces() -> dict[str, Any]:
    from panels import selectors

    meeting = MeetingFactory(date=timezone.localdate() - datetime.timedelta(days=1))
    return {"meeting": meeting, "rows": selectors.attendance_sheet(meeting)}


# What a form's constructor may need, by the name of its keyword argument. A new form that
# needs something else makes the test fail with the name to add here.
BUILDERS: dict[str, Callable[[], dict[str, Any]]] = {
    "review": lambda: {"review": ReviewFactory()},
    "reviews": lambda: {"reviews": type(ReviewFactory())._default_manager.all()},
    "user": lambda: {"user": UserFactory(role="admin")},
    "recommendation": lambda: {"recommendation": RecommendationFactory(status="in_progress")},
    "people": lambda: {"people": type(UserFactory())._default_manager.all()},
    "meeting": _attendance_pieces,
    "rows": _attendance_pieces,
    "outcomes": _assessment_pieces,
    "self_assessment": _assessment_pieces,
    "scores": _assessment_pieces,
    "visits": lambda: {"visits": apps.get_model("mysteryshop", "Visit").objects.all()},
    "person": lambda: {"person": UserFactory()},
    "area": lambda: {"area": apps.get_model("reviews", "ServiceArea").objects.get_or_create(name="Gas")[0]},
}


def build_form(cls: type[forms.BaseForm]) -> forms.BaseForm:
    """An unbound form of the class, given whatever its constructor asks for."""
    kwargs: dict[str, Any] = {}
    for _ in range(5):
        try:
            return cls(**kwargs)
        except TypeError as exc:
            match = MISSING.search(str(exc))
            if not match:
                raise
            for name in re.findall(r"'(\w+)'", match.group(1)):
                assert name in BUILDERS, (
                    f"{cls.__module__}.{cls.__name__} needs {name!r}: teach "
                    "tests/scrutiny/test_required_fields.py BUILDERS how to make one"
                )
                kwargs.update(BUILDERS[name]())
    raise AssertionError(f"could not build {cls.__name__}")


def label_of(field: forms.BoundField) -> str:
    """The HTML inside the field's label (or legend, for a group of radios or ticks)."""
    html = FIELD.render(Context({"field": field}))
    match = LABEL.search(html)
    assert match, f"{field.name} is rendered with no label"
    return match.group(2)


def label_problems(form: forms.BaseForm) -> list[str]:
    problems = []
    for field in form.visible_fields():
        label = label_of(field)
        marked = "asteriskField" in label
        text = re.sub(r"<[^>]+>", "", label)
        where = f"{type(form).__module__}.{type(form).__name__}.{field.name}"
        if field.field.required and not marked:
            problems.append(f"{where} is required but its label has no * mark")
        if not field.field.required and marked:
            problems.append(f"{where} is optional but its label is marked required")
        if field.field.required and "(optional)" in text:
            problems.append(f"{where} is required but its label says (optional)")
    return problems


def test_the_discovery_finds_the_forms_of_every_app():
    found = {f"{cls.__module__}.{cls.__name__}" for cls in project_form_classes()}
    assert {"recommendations.forms.ImplementForm", "reviews.forms.FindingForm",
            "panels.forms.MeetingForm", "accounts.forms.SignInForm"} <= found


@pytest.mark.django_db
def test_every_field_of_every_form_is_marked_required_exactly_when_it_is():
    problems = []
    for cls in project_form_classes():
        problems += label_problems(build_form(cls))
    assert problems == []


@pytest.mark.django_db
def test_a_form_with_an_unmarked_required_field_is_caught():
    class Careless(forms.Form):
        name = forms.CharField(label="Name (optional)")

    assert label_problems(Careless()) == [
        f"{__name__}.Careless.name is required but its label says (optional)"
    ]
