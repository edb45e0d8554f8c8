from typing import Any

from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from reports.annual import year_choices
from scrutiny.locking import VersionedForm
from scrutiny.translated import ENGLISH, WELSH, welsh_on


class AnnualReportForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Financial year"), coerce=int, choices=())
    large_print = forms.BooleanField(
        label=_("Large print (text at least 16 point)"), required=False,
        help_text=_("Chosen for you if your profile asks for documents in large print."),
    )
    language = forms.ChoiceField(
        label=_("Language"), choices=(), required=False, widget=forms.RadioSelect,
        help_text=_("The report is made in Welsh or in English."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = year_choices()
        if welsh_on():  # both languages offered; the page's is chosen for you
            # Each language by its own name, as a language chooser shows them: Cymraeg, English.
            self.fields["language"].choices = list(settings.LANGUAGES)
            self.fields["language"].initial = WELSH if translation.get_language() == WELSH else ENGLISH
        else:
            del self.fields["language"]

    def clean_language(self) -> str:
        codes = [code for code, _label in settings.LANGUAGES]
        chosen = self.cleaned_data.get("language")
        return chosen if chosen in codes else (translation.get_language() or ENGLISH)


class AssessmentForm(VersionedForm, forms.Form):
    text = forms.CharField(
        label=_("What the panel thinks"), widget=forms.Textarea(attrs={"rows": 10}), required=False,
        help_text=_(
            "In plain words: what went well, what did not, and what the panel wants to see next year."
        ),
        max_length=5000,
    )
    text_cy = forms.CharField(
        label=_("The panel's view in Welsh"), widget=forms.Textarea(attrs={"rows": 10, "lang": "cy"}),
        required=False, max_length=5000,
        help_text=_("Leave it empty and Welsh pages show the English."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not welsh_on():  # the site offers no Welsh: nothing to write it in
            del self.fields["text_cy"]
