from typing import Any

from django import forms

from reports.annual import year_choices
from scrutiny.locking import VersionedForm


class AnnualReportForm(forms.Form):
    year = forms.TypedChoiceField(label="Financial year", coerce=int, choices=())
    large_print = forms.BooleanField(
        label="Large print (text at least 16 point)", required=False,
        help_text="Chosen for you if your profile asks for documents in large print.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = year_choices()


class AssessmentForm(VersionedForm, forms.Form):
    text = forms.CharField(
        label="What the panel thinks", widget=forms.Textarea(attrs={"rows": 10}), required=False,
        help_text="In plain words: what went well, what did not, and what the panel wants to see next year.",
        max_length=5000,
    )
