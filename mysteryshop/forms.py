from typing import Any

from django import forms
from django.db.models import Q, QuerySet
from django.utils import translation
from django.utils.functional import Promise
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from mysteryshop import selectors
from mysteryshop.models import (
    AnswerType,
    Checklist,
    DocumentLanguage,
    JargonTerm,
    Section,
    Site,
    Standard,
    Visit,
)
from mysteryshop.readability import MAX_TEXT
from reviews.models import Review
from scrutiny.forms import LongTextField, SafeModelMultipleChoiceField, SingleLineCharField
from scrutiny.locking import EditConflict
from scrutiny.locking import VersionedForm as LockedForm
from scrutiny.translated import ENGLISH, LANGUAGE_NAMES, WELSH, BothLanguagesForm, column
from scrutiny.uploads import IMAGES, UploadField

DOCUMENT_FILES = frozenset({"pdf", "docx", "txt"})


class WelshBeside(BothLanguagesForm):
    """A form for what the landlord writes for tenants (mysteryshop/translation.py): each field
    keeps its name for the English, with its Welsh version (`<field>_cy`, optional, left out when
    the site has Welsh off) just after it. The services save both (mysteryshop/bilingual.py)."""

    translated: tuple[str, ...] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in self.translated:
            if self.instance.pk and name in self.fields:
                # The English, whatever the page's language (reading `obj.field` gives the page's).
                self.initial[name] = getattr(self.instance, column(name, ENGLISH)) or ""
            welsh = self.fields.get(column(name, WELSH))
            if welsh is not None and name in self.fields:
                # The Welsh box is labelled in Welsh, "Enw (Welsh)" beside "Name": it says which
                # field it is to the person who writes the Welsh, and no label holds another.
                with translation.override(WELSH):
                    in_welsh = str(capfirst(self.fields[name].label or name))
                welsh.label = format_html('<span lang="cy">{}</span> ({})', in_welsh, LANGUAGE_NAMES[WELSH])


class ChecklistForm(LockedForm, WelshBeside):
    translated = ("title", "introduction")

    class Meta:
        model = Checklist
        fields = ["title", "title_cy", "purpose", "introduction", "introduction_cy"]
        field_classes = {"title": SingleLineCharField, "title_cy": SingleLineCharField}
        labels = {"title": _("Title"), "purpose": _("What it is for"), "introduction": _("Introduction")}
        widgets = {"introduction": forms.Textarea(attrs={"rows": 4}),
                   "introduction_cy": forms.Textarea(attrs={"rows": 4})}


class CopyForm(forms.Form):
    title = SingleLineCharField(label=_("Title of the copy"), max_length=200)


class _PartOfChecklistForm(LockedForm):
    """A section or standard: the lock is its checklist's, so after a conflict the saved-version
    box shows this part as saved now (nothing for a part being added)."""

    def note_conflict(self, exc: EditConflict) -> None:
        super().note_conflict(exc)
        pk = self.instance.pk
        self.conflict = type(self.instance).objects.filter(pk=pk).first() if pk else None


class SectionForm(_PartOfChecklistForm, WelshBeside):
    translated = ("title",)

    class Meta:
        model = Section
        fields = ["title", "title_cy"]
        field_classes = {"title": SingleLineCharField, "title_cy": SingleLineCharField}
        labels = {"title": _("Section title")}


class StandardForm(_PartOfChecklistForm, WelshBeside):
    translated = ("question", "guidance", "unit")

    class Meta:
        model = Standard
        fields = [
            "question", "question_cy", "guidance", "guidance_cy", "answer_type", "threshold",
            "lower_is_better", "unit", "unit_cy", "weight", "required",
        ]
        labels = {
            "question": _("Question"), "guidance": _("Guidance"), "answer_type": _("Type of answer"),
            "lower_is_better": _("Lower is better"), "unit": _("Unit"), "weight": _("Weight"),
            "required": _("Required"),
        }
        widgets = {
            "guidance": forms.Textarea(attrs={"rows": 3}),
            "guidance_cy": forms.Textarea(attrs={"rows": 3}),
            "answer_type": forms.RadioSelect,
        }

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        number = data.get("answer_type") == AnswerType.NUMBER
        mark = data.get("threshold")
        if number and mark is None and data.get("weight"):
            self.add_error("threshold", _("Give a pass mark for a number, or set its weight to 0."))
        # Said beside the field here, before the database's own check words it more vaguely.
        if number and mark is not None and not 0 <= mark <= 100:
            self.add_error("threshold", _("For a number, the pass mark is from 0 to 100."))
        if data.get("answer_type") == AnswerType.RATING and mark is not None and not 1 <= mark <= 5:
            self.add_error("threshold", _("For a rating, the pass mark is a number from 1 to 5."))
        return data


class VisitForm(LockedForm, forms.ModelForm):
    notes = LongTextField(
        required=False, noun=_("notes"), label=_("Notes"),
        help_text=_("Anything the panel should know about the visit as a whole."),
    )

    class Meta:
        model = Visit
        fields = ["checklist", "site", "channel", "visited_at", "notes"]
        labels = {"checklist": _("Checklist"), "site": _("Where (site)"), "channel": _("How (channel)"),
                  "visited_at": _("Date and time")}
        widgets = {
            "visited_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        }

    def __init__(self, *args: Any, programme: Review | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        in_use = Q(is_active=True)
        if self.instance.pk and self.instance.site_id:
            in_use |= Q(pk=self.instance.site_id)  # an old visit keeps a site taken out of use
        site = self.fields["site"]
        site.label_from_instance = lambda s: f"{s.name} ({s.get_kind_display().lower()})"
        if programme is None:
            site.queryset = Site.objects.filter(in_use).order_by("kind", "name_en_gb")
        else:
            site.queryset = selectors.sites_to_start(review=programme, in_use=in_use)
            _group(site, _("Sites for this programme"), _("Other sites"))
        if self.instance.pk:
            del self.fields["checklist"]
            return
        checklist = self.fields["checklist"]
        checklist.label_from_instance = lambda c: c.title
        if programme is None:
            checklist.queryset = Checklist.objects.filter(is_current=True).order_by("title_en_gb")
        else:
            checklist.queryset = selectors.checklists_to_start(review=programme)
            _group(checklist, _("Checklists for this programme"), _("Other checklists"))


def _group(field: forms.Field, fitting: str | Promise, others: str | Promise) -> None:
    """Show a choice's options (annotated `fits`) in two labelled groups, those that fit first;
    a plain list when every option is in one group. The form still checks against the queryset."""
    groups: dict[bool, list] = {True: [], False: []}
    for item in field.queryset:
        groups[item.fits].append((item.pk, field.label_from_instance(item)))
    if not (groups[True] and groups[False]):
        return
    empty = [("", field.empty_label)] if field.empty_label is not None else []
    field.choices = [*empty, (fitting, groups[True]), (others, groups[False])]


class PhotoForm(forms.Form):
    photo = UploadField(label=_("Photo"), allowed=IMAGES)
    description = forms.CharField(
        label=_("What the photo shows"), max_length=300,
        help_text=_("Read out to people who cannot see the photo. Do not photograph people."),
    )


def _visit_label(visit: Visit) -> str:
    return f"{visit} – {visit.score if visit.score is not None else '–'}%"


class FindingFromVisitsForm(forms.Form):
    statement = forms.CharField(
        label=_("What the panel found"), widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("In plain words. It becomes a weakness finding of the programme's review."),
    )
    visits = SafeModelMultipleChoiceField(
        queryset=Visit.objects.none(), widget=forms.CheckboxSelectMultiple,
        label=_("Visits that show it"), help_text=_("They are kept as the finding's evidence."),
    )

    def __init__(self, *args: Any, visits: QuerySet[Visit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["visits"].queryset = visits
        self.fields["visits"].label_from_instance = _visit_label


class DocumentForm(LockedForm, forms.Form):
    title = SingleLineCharField(
        label=_("Title"), max_length=200, help_text=_("For example: Your new tenancy – what happens next.")
    )
    file = UploadField(label=_("The document"), allowed=DOCUMENT_FILES, required=False)
    language = forms.ChoiceField(
        label=_("The language it is written in"), required=False, widget=forms.RadioSelect,
        choices=DocumentLanguage.choices,
        help_text=_("Welsh documents are checked against the Welsh jargon list."),
    )
    text = LongTextField(
        label=_("Or paste its text"), required=False, rows=8, max_length=MAX_TEXT,
        noun=_("document's text"),
        help_text=_("Used when no file is chosen. At most 200,000 characters."),
    )


class DecisionForm(LockedForm, forms.Form):
    decision = forms.ChoiceField(
        label=_("The panel's decision"), widget=forms.RadioSelect,
        choices=[("approve", _("Award Customer Approved")), ("send_back", _("Send it back for changes"))],
    )
    expires_on = forms.DateField(
        label=_("Approved until"), required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Leave empty for two years from today."),
    )
    note = LongTextField(
        label=_("Note to the author"), required=False, rows=4, noun=_("note"),
        help_text=_("Required when sending it back: say what needs to change."),
    )


class JargonForm(LockedForm, WelshBeside):
    """The English word and its plain English; beside them the Welsh word a Welsh document uses,
    with its plain Welsh (both or neither)."""

    translated = ("term", "plain")

    class Meta:
        model = JargonTerm
        fields = ["term", "plain", "term_cy", "plain_cy"]
        labels = {"term": _("Jargon word or phrase")}



class SiteForm(LockedForm, WelshBeside):
    translated = ("name",)

    class Meta:
        model = Site
        fields = ["name", "name_cy", "kind", "address"]
        field_classes = {"name": SingleLineCharField, "name_cy": SingleLineCharField,
                         "address": SingleLineCharField}
        labels = {"name": _("Name"), "kind": _("What kind of place"), "address": _("Address")}
        help_texts = {
            "name": _("As shoppers know it, for example “Perth local office” or “12 High Street”."),
            "address": _("Optional. Leave it empty for a phone, email or web service."),
        }


class SiteSearchForm(forms.Form):
    q = forms.CharField(label=_("Search by name"), required=False, max_length=200)
