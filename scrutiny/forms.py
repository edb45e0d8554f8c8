"""Form pieces every app shares: service errors on the form, the one form-service-redirect
shape of an edit page, single-line text and multiple choices that refuse impossible ids."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MaxLengthValidator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from scrutiny.locking import EditConflict, VersionedForm
from scrutiny.models import SiteSettings
from scrutiny.translated import ENGLISH, BothLanguagesForm, both_columns, column

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# The largest id a database integer column holds; a bigger one in a form is not a choice.
LARGEST_ID = 2**63 - 1
# The most a long text (a comment, a note, a text answer) may hold, as in the annual report's
# assessment: enough for several pages, and refused with a message rather than cut.
LONG_TEXT = 5000


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


def one_line_break(value: str) -> str:
    """Text with each line break as one character: a browser counts a break as one against a
    box's maxlength but sends it as two (CR LF), which would make a full box too long here."""
    return value.replace("\r\n", "\n").replace("\r", "\n")


def too_long(text: str, limit: int = LONG_TEXT, *, noun: StrOrPromise = "text") -> str | None:
    """The plain refusal for text over `limit` characters, or None if it fits."""
    if len(text) <= limit:
        return None
    values = {"noun": noun, "length": f"{len(text):,}", "limit": f"{limit:,}"}
    if str(noun).endswith("s"):  # "notes" are, "a note" is
        return gettext("Your %(noun)s are %(length)s characters long. Shorten them to %(limit)s characters "
                       "or fewer.") % values
    return gettext("Your %(noun)s is %(length)s characters long. Shorten it to %(limit)s characters "
                   "or fewer.") % values


class LongTextField(forms.CharField):
    """A comment or note in a box of several lines, limited to LONG_TEXT characters (the box
    says so by its maxlength; a longer text sent anyway is refused with a message)."""

    def __init__(self, *, rows: int = 3, max_length: int = LONG_TEXT, noun: StrOrPromise = "text",
                 **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": rows}))
        super().__init__(max_length=max_length, **kwargs)
        self.noun = noun
        self.validators = [v for v in self.validators if not isinstance(v, MaxLengthValidator)]

    def to_python(self, value: Any) -> str | None:
        text = super().to_python(value)
        return None if text is None else one_line_break(text)

    def validate(self, value: Any) -> None:
        super().validate(value)
        if self.max_length is None:
            return  # __init__ always sets a limit; none would mean nothing to check
        problem = too_long(value, self.max_length, noun=self.noun)
        if problem:
            raise ValidationError(problem, code="max_length")


class SafeModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Ticked choices by id; an id too big for the database (which SQLite would answer with an
    OverflowError, a 500) is an invalid choice like any other unknown id."""

    def _check_values(self, value: Any) -> Any:
        key = self.to_field_name or "pk"
        if key == "pk":
            for pk in value:
                text = str(pk).strip()
                if text.lstrip("-").isdecimal() and abs(int(text)) > LARGEST_ID:
                    raise ValidationError(
                        self.error_messages["invalid_choice"], code="invalid_choice",
                        params={"value": text},
                    )
        return super()._check_values(value)


MONTHS = [(n, name) for n, name in enumerate(
    [_("January"), _("February"), _("March"), _("April"), _("May"), _("June"), _("July"), _("August"),
     _("September"), _("October"), _("November"), _("December")], start=1)]

# What the landlord writes for tenants on the site settings page, in English and in Welsh.
SITE_WORDS = ("landlord_name", "logo_alt_text", "tenant_word", "contact_text")


class SiteSettingsForm(VersionedForm, BothLanguagesForm):
    """The site settings page: the landlord's details (what tenants read in English and Welsh
    side by side), the site's languages, then every switch apps have registered."""

    landlord_name_en_gb = SingleLineCharField(max_length=200)
    landlord_name_cy = SingleLineCharField(max_length=200, required=False)
    financial_year_start_month = forms.TypedChoiceField(
        label=_("Financial year starts in"), choices=MONTHS, coerce=int
    )

    class Meta:
        model = SiteSettings
        fields = [
            *both_columns("landlord_name"), "logo", *both_columns("logo_alt_text"), "brand_colour", "country",
            "regulator_code", "shr_code", "org_id", "rents_homes", "has_shared_ownership",
            "financial_year_start_month", *both_columns("tenant_word"), "contact_email", "contact_phone",
            *both_columns("contact_text"), "welsh", "first_language", "public_you_said_we_did",
        ]
        labels = {
            "brand_colour": _("Header colour"),
            "regulator_code": _("Regulator's landlord code"),
            "shr_code": _("Scottish Housing Regulator's landlord code"),
            "rents_homes": _("Rented homes"),
            "has_shared_ownership": _("Shared ownership homes"),
            "contact_email": _("Contact email"),
            "contact_phone": _("Contact phone number"),
            "public_you_said_we_did": _('Show "You said, we did" to the public'),
        }
        widgets = {"brand_colour": forms.TextInput(attrs={"type": "color"}),
                   **{column(name, code): forms.Textarea(attrs={"rows": 3})
                      for name in ("contact_text",) for code, _label in settings.LANGUAGES}}

    def __init__(self, data: Any = None, *args: Any, **kwargs: Any) -> None:
        from scrutiny import switches

        if data is not None:
            data = _plain_names_as_english(data)
        super().__init__(data, *args, **kwargs)
        self.switches = switches.registered()
        for switch in self.switches:
            self.fields[f"switch_{switch.key}"] = forms.BooleanField(
                label=switch.label, help_text=switch.help_text, required=False,
                initial=self.instance.switches.get(switch.key, switch.default),
            )

    def saved_value(self, name: str, current: Any) -> str:
        if name.startswith("switch_"):
            switch = next(s for s in self.switches if f"switch_{s.key}" == name)
            return gettext("Yes") if current.switches.get(switch.key, switch.default) else gettext("No")
        if name == "financial_year_start_month":
            return str(dict(MONTHS).get(current.financial_year_start_month, ""))
        return super().saved_value(name, current)

    def settings_fields(self) -> dict[str, Any]:
        """The cleaned values of the record's own fields (logo: a file, False to remove, None to keep)."""
        values = {name: self.cleaned_data[name] for name in self.Meta.fields if name in self.fields}
        if values["logo"] is not False and "logo" not in self.files:
            values["logo"] = None
        return values

    def switch_values(self) -> dict[str, bool]:
        """Each registered switch's ticked state, by key."""
        return {s.key: bool(self.cleaned_data.get(f"switch_{s.key}")) for s in self.switches}


def _plain_names_as_english(data: Any) -> Any:
    """A form sent with a translated field's plain name ("landlord_name", as before there was a
    Welsh version, and as scripts still send it) gives that field's English; the languages are
    left as they are unless the form sends them."""
    english = {name: column(name, ENGLISH) for name in SITE_WORDS}
    if not any(name in data and english[name] not in data for name in english):
        return data
    data = data.copy()
    for name, english_name in english.items():
        if name in data and english_name not in data:
            data[english_name] = data[name]
    site = SiteSettings.load()
    if "first_language" not in data:
        data["first_language"] = site.first_language
    if "welsh" not in data and site.welsh:
        data["welsh"] = "on"
    return data
