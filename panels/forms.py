import datetime
from decimal import Decimal
from typing import Any, cast

from django import forms
from django.db import models
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from accounts.models import Role, User
from panels.models import AttendanceStatus, Meeting, MeetingItemKind, Panel, PanelRole, Training
from scrutiny.dates import Period, financial_year, recent_financial_years
from scrutiny.forms import SingleLineCharField
from scrutiny.locking import VersionedForm
from scrutiny.translated import ENGLISH, LANGUAGE_NAMES, WELSH, BothLanguagesForm, both_columns, column
from scrutiny.uploads import DOCUMENTS, UploadField


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%H:%M")


# The panel's words in English keep their plain names in the form ("name", "purpose",
# "terms_of_reference"); the Welsh are "<field>_cy" beside them.
PANEL_TRANSLATED = ("name", "purpose", "terms_of_reference")
PANEL_LABELS = {"name": _("Name"), "purpose": _("Purpose"), "terms_of_reference": _("Terms of reference")}


class PanelForm(VersionedForm, BothLanguagesForm):
    terms_file = UploadField(
        label=_("Terms of reference document"),
        required=False,
        allowed=DOCUMENTS,
    )
    remove_terms_file = forms.BooleanField(label=_("Remove the terms of reference document"), required=False)

    class Meta:
        model = Panel
        fields = [
            *both_columns("name"), "kind", *both_columns("purpose"), *both_columns("terms_of_reference"),
            "is_active",
        ]
        field_classes = {"name_en_gb": SingleLineCharField, "name_cy": SingleLineCharField}
        labels = {"kind": _("Type of panel"), "is_active": _("The panel is active (untick to close it)")}
        widgets = {
            "purpose_en_gb": forms.Textarea(attrs={"rows": 3}),
            "purpose_cy": forms.Textarea(attrs={"rows": 3}),
            "terms_of_reference_en_gb": forms.Textarea(attrs={"rows": 8}),
            "terms_of_reference_cy": forms.Textarea(attrs={"rows": 8}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The fields' names in words (the model's are made from the column names, never translated).
        # The English goes by the field's own name (see below the class), so it is set up here.
        for name, label in PANEL_LABELS.items():
            english, welsh = self.fields[name], self.fields.get(column(name, WELSH))
            model_field = cast(models.Field, Panel._meta.get_field(name))
            english.label = format_lazy("{} ({})", label, LANGUAGE_NAMES[ENGLISH])
            english.help_text, english.required = model_field.help_text, not model_field.blank
            if welsh is not None:
                welsh.label = format_lazy("{} ({})", label, LANGUAGE_NAMES[WELSH])
        if self.instance.pk:
            for name in PANEL_TRANSLATED:
                self.initial[name] = getattr(self.instance, column(name, ENGLISH))
        if not (self.instance.pk and self.instance.terms_of_reference_file):
            del self.fields["remove_terms_file"]

    def saved_value(self, name: str, current: Any) -> str:
        if name in PANEL_TRANSLATED:
            return getattr(current, column(name, ENGLISH)) or ""
        return super().saved_value(name, current)


# The English goes by the field's own name ("name", not "name_en_gb"), as before there was Welsh:
# forms posted, and pages and tests that read them, are unchanged.
PanelForm.base_fields = {
    name.removesuffix("_en_gb") if name.removesuffix("_en_gb") in PANEL_TRANSLATED else name: field
    for name, field in PanelForm.base_fields.items()
}


class AddMemberForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
        help_text=_("If they already use this site they are added straight away; if not, we email them "
        "an invitation and they join the panel when they accept it."),
    )
    display_name = SingleLineCharField(
        label=_("Name"),
        max_length=150,
        required=False,
        help_text=_("Only needed for someone who does not use this site yet."),
    )
    role = forms.ChoiceField(
        label=_("Role on the panel"), choices=PanelRole.choices, initial=PanelRole.MEMBER
    )
    site_role = forms.ChoiceField(
        label=_("What they do on the site"),
        choices=Role.choices,
        initial=Role.TENANT,
        required=False,
        help_text=_("Only for someone new: tenants take part in panels; officers and managers work for "
        "the landlord."),
    )
    joined_on = forms.DateField(label=_("Date they joined"), widget=DateInput(), initial=timezone.localdate)

    def __init__(self, *args: Any, can_choose_site_role: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not can_choose_site_role:
            del self.fields["site_role"]


LIST_FILE_KINDS = frozenset({"csv", "txt"})


class MemberListForm(forms.Form):
    """A list of people to add to a panel, typed or pasted, or a CSV file with the same columns."""

    people = forms.CharField(
        label=_("People to add, one on each line"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 12, "autocomplete": "off", "spellcheck": "false"}),
        help_text=_("Write each person's name, email address and role on the panel, separated by "
        "commas, for example: Jo Smith, jo.smith@example.org, vice-chair. Leave the role out for a "
        "member. You can paste rows from a spreadsheet."),
    )
    list_file = UploadField(
        label=_("Or choose a CSV file"),
        required=False,
        allowed=LIST_FILE_KINDS,
        help_text=_("A spreadsheet saved as CSV, with the columns name, email address and role. "
        "Its rows are shown above for you to check before anyone is added."),
    )

    def __init__(self, *args: Any, can_choose_site_role: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if can_choose_site_role:
            self.fields["people"].help_text = format_lazy(
                "{} {}", self.fields["people"].help_text,
                _("As an administrator you can add a fourth part for someone new: tenant, officer, "
                  "manager or administrator (tenant if you leave it out)."),
            )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        upload = data.get("list_file")
        if upload:
            upload.seek(0)
            raw = upload.read()
            # Excel saves CSV as UTF-8 with a byte-order mark, or as Windows-1252.
            try:
                data["people"] = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                data["people"] = raw.decode("cp1252", errors="replace")
        elif not (data.get("people") or "").strip() and "people" not in self.errors:
            self.add_error("people", _("Write the people to add, or choose a CSV file with them."))
        return data


class MembershipRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role on the panel"), choices=PanelRole.choices)


class EndMembershipForm(forms.Form):
    left_on = forms.DateField(
        label=_("Date they left"),
        widget=DateInput(),
        initial=timezone.localdate,
        help_text=_("The first day they are no longer a member. Their past membership is kept."),
    )


class TrainingForm(forms.ModelForm):
    certificate_file = UploadField(label=_("Certificate"), required=False, allowed=DOCUMENTS)
    remove_certificate = forms.BooleanField(label=_("Remove the certificate"), required=False)

    class Meta:
        model = Training
        fields = ["course", "provider", "completed_on", "expires_on"]
        field_classes = {"course": SingleLineCharField, "provider": SingleLineCharField}
        widgets = {"completed_on": DateInput(), "expires_on": DateInput()}
        labels = {"course": _("Course"), "provider": _("Provider")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not (self.instance.pk and self.instance.certificate):
            del self.fields["remove_certificate"]

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        completed_on, expires_on = data.get("completed_on"), data.get("expires_on")
        if completed_on and expires_on and expires_on <= completed_on:
            self.add_error("expires_on", _("The refresher date must be after the date the course was done."))
        return data

    def clean_completed_on(self) -> datetime.date:
        completed_on = self.cleaned_data["completed_on"]
        if completed_on > timezone.localdate():
            raise forms.ValidationError(_("The date the course was done cannot be in the future."))
        return completed_on


class MeetingForm(VersionedForm, forms.ModelForm):
    online_link = forms.URLField(
        label=_("Online meeting link"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("A Teams or Zoom link, if people can join online."),
    )

    class Meta:
        model = Meeting
        fields = ["title", "date", "start_time", "end_time", "place", "online_link", "agenda"]
        field_classes = {"title": SingleLineCharField, "place": SingleLineCharField}
        labels = {
            "title": _("Name of the meeting"), "start_time": _("Starts at"), "end_time": _("Ends at"),
            "date": _("Date"), "place": _("Place"), "agenda": _("Agenda"),
        }
        widgets = {
            "date": DateInput(),
            "start_time": TimeInput(),
            "end_time": TimeInput(),
            "agenda": forms.Textarea(attrs={"rows": 6}),
        }


    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("The meeting must end after it starts."))
        return data


class MeetingEditForm(MeetingForm):
    class Meta(MeetingForm.Meta):
        fields = [*MeetingForm.Meta.fields, "minutes", "is_cancelled"]
        labels = {
            **MeetingForm.Meta.labels, "minutes": _("Minutes"), "is_cancelled": _("The meeting is cancelled"),
        }
        widgets = {**MeetingForm.Meta.widgets, "minutes": forms.Textarea(attrs={"rows": 10})}


class PaperForm(forms.Form):
    title = SingleLineCharField(label=_("Title of the paper"), max_length=200)
    file = UploadField(label=_("File"), allowed=DOCUMENTS)


class MeetingItemForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Decision or action"),
        choices=MeetingItemKind.choices,
        widget=forms.RadioSelect,
        initial=MeetingItemKind.DECISION,
    )
    text = forms.CharField(label=_("What was decided or agreed"), widget=forms.Textarea(attrs={"rows": 3}))
    owner = forms.ModelChoiceField(
        label=_("Who will do it (actions only)"),
        queryset=None,
        required=False,
        empty_label=_("Nobody named"),
    )
    due_on = forms.DateField(label=_("To be done by (actions only)"), widget=DateInput(), required=False)

    def __init__(self, *args: Any, people: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = people


class ApologiesForm(forms.Form):
    note = forms.CharField(
        label=_("Message for the chair (optional)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Other members do not see this message."),
    )


STATUS_CHOICES = [("", _("Not recorded")), *AttendanceStatus.choices]


class AttendanceForm(forms.Form):
    """One status and one hours field per person on the sheet (see selectors.attendance_sheet)."""

    def __init__(self, *args: Any, rows: list[dict[str, Any]], meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rows = rows
        for row in rows:
            user, attendance = row["user"], row["attendance"]
            status_name, hours_name = f"status_{user.pk}", f"hours_{user.pk}"
            self.fields[status_name] = forms.ChoiceField(
                label=gettext("%(name)s: attendance") % {"name": user.display_name},
                choices=STATUS_CHOICES,
                required=False,
                initial=attendance.status if attendance else "",
            )
            self.fields[hours_name] = forms.DecimalField(
                label=gettext("%(name)s: volunteer hours") % {"name": user.display_name},
                required=False,
                min_value=0,
                max_value=24,
                decimal_places=2,
                initial=attendance.hours if attendance else None,
                widget=forms.NumberInput(attrs={"step": "0.25", "inputmode": "decimal"}),
                help_text=gettext("Leave empty for the meeting's length (%(hours)s hours).") % {
                    "hours": meeting.length_hours},
            )
            row["status_field"], row["hours_field"] = self[status_name], self[hours_name]

    def entries(self) -> list[tuple[User, str, Decimal | None]]:
        return [
            (
                row["user"],
                self.cleaned_data.get(f"status_{row['user'].pk}") or "",
                self.cleaned_data.get(f"hours_{row['user'].pk}"),
            )
            for row in self.rows
        ]


class PeriodForm(forms.Form):
    """Choose the period for volunteering figures: a financial year, or dates of your own."""

    year = forms.ChoiceField(label=_("Financial year"), required=False)
    start = forms.DateField(label=_("Or from"), required=False, widget=DateInput())
    end = forms.DateField(
        label=pgettext_lazy("the end of a period of dates", "to"), required=False, widget=DateInput()
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.years = recent_financial_years(6)
        self.fields["year"].choices = [(p.start.isoformat(), p.label) for p in self.years]

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        start, end = data.get("start"), data.get("end")
        if bool(start) != bool(end):
            raise forms.ValidationError(_("Give both dates, or choose a financial year."))
        if start and end and end < start:
            self.add_error("end", _("The end date must be on or after the start date."))
        return data

    def period(self) -> Period:
        """The chosen period; the current financial year if nothing (valid) was chosen."""
        if not self.is_bound or not self.is_valid():
            return financial_year()
        if self.cleaned_data.get("start"):
            return Period(self.cleaned_data["start"], self.cleaned_data["end"])
        if self.cleaned_data.get("year"):
            start = datetime.date.fromisoformat(self.cleaned_data["year"])
            return next(p for p in self.years if p.start == start)
        return financial_year()
