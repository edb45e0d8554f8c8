"""Form pieces every app shares: service errors on the form, the one form-service-redirect
shape of an edit page, single-line text and multiple choices that refuse impossible ids."""

import re
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from scrutiny.locking import EditConflict

# The largest id a database integer column holds; a bigger one in a form is not a choice.
LARGEST_ID = 2**63 - 1


def add_service_errors(form: forms.BaseForm, exc: ValidationError) -> None:
    """Show a service's ValidationError on the form: beside its field, or at the top. An edit
    conflict keeps the person's text and shows the saved version (scrutiny/locking.py)."""
    if isinstance(exc, EditConflict) and hasattr(form, "note_conflict"):
        form.note_conflict(exc)
    elif hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else NON_FIELD_ERRORS, errors)
    else:
        form.add_error(None, exc)


def run_form(
    request: HttpRequest, form: forms.BaseForm, call: Callable[[dict[str, Any]], Any], *,
    success: str | Callable[[Any], str] = "", redirect_to: Any = None,
) -> HttpResponse | None:
    """The shape of every edit page: on a valid POST, call the service with the cleaned data;
    a ValidationError it raises goes on the form (nothing typed is lost). On success, show
    `success` (text, or a function of what the service returned) and redirect to `redirect_to`
    (or to what the service returned). None means: show the form page again."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        result = call(form.cleaned_data)
    except ValidationError as exc:
        add_service_errors(form, exc)
        return None
    text = success(result) if callable(success) else success
    if text:
        messages.success(request, text)
    return redirect(redirect_to if redirect_to is not None else result)


def single_line(value: str | None) -> str:
    """Text with every run of whitespace (line breaks too) made one space, and trimmed."""
    return re.sub(r"\s+", " ", value or "").strip()


class SingleLineCharField(forms.CharField):
    """A title or name: one line, whatever was pasted or posted into it."""

    def to_python(self, value: Any) -> str:
        return single_line(super().to_python(value))


class SafeModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Ticked choices by id; an id too big for the database (which SQLite would answer with an
    OverflowError, a 500) is an invalid choice like any other unknown id."""

    def _check_values(self, value: Any) -> Any:
        key = self.to_field_name or "pk"
        if key == "pk":
            for pk in value:
                text = str(pk).strip()
                if text.lstrip("-").isdigit() and abs(int(text)) > LARGEST_ID:
                    raise ValidationError(
                        self.error_messages["invalid_choice"], code="invalid_choice",
                        params={"value": text},
                    )
        return super()._check_values(value)
