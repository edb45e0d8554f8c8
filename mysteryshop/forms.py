from typing import Any

from django import forms
from django.db.models import Q, QuerySet

from mysteryshop import selectors
from mysteryshop.models import (
    AnswerType,
    Checklist,
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
from scrutiny.uploads import IMAGES, UploadField

DOCUMENT_FILES = frozenset({"pdf", "docx", "txt"})


class ChecklistForm(LockedForm, forms.ModelForm):
    class Meta:
        model = Checklist
        fields = ["title", "purpose", "introduction"]
        field_classes = {"title": SingleLineCharField}
        labels = {"purpose": "What it is for"}
        widgets = {"introduction": forms.Textarea(attrs={"rows": 4})}


class CopyForm(forms.Form):
    title = SingleLineCharField(label="Title of the copy", max_length=200)


class _PartOfChecklistForm(LockedForm):
    """A section or standard: the lock is its checklist's, so after a conflict the saved-version
    box shows this part as saved now (nothing for a part being added)."""

    def note_conflict(self, exc: EditConflict) -> None:
        super().note_conflict(exc)
        pk = self.instance.pk
        self.conflict = type(self.instance).objects.filter(pk=pk).first() if pk else None


class SectionForm(_PartOfChecklistForm, forms.ModelForm):
    class Meta:
        model = Section
        fields = ["title"]
        field_classes = {"title": SingleLineCharField}
        labels = {"title": "Section title"}


class StandardForm(_PartOfChecklistForm, forms.ModelForm):
    class Meta:
        model = Standard
        fields = [
            "question", "guidance", "answer_type", "threshold", "lower_is_better", "unit",
            "weight", "required",
        ]
        labels = {"answer_type": "Type of answer", "required": "Required"}
        widgets = {
            "guidance": forms.Textarea(attrs={"rows": 3}),
            "answer_type": forms.RadioSelect,
        }

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        number = data.get("answer_type") == AnswerType.NUMBER
        mark = data.get("threshold")
        if number and mark is None and data.get("weight"):
            self.add_error("threshold", "Give a pass mark for a number, or set its weight to 0.")
        # Said beside the field here, before the database's own check words it more vaguely.
        if number and mark is not None and not 0 <= mark <= 100:
            self.add_error("threshold", "For a number, the pass mark is from 0 to 100.")
        if data.get("answer_type") == AnswerType.RATING and mark is not None and not 1 <= mark <= 5:
            self.add_error("threshold", "For a rating, the pass mark is a number from 1 to 5.")
        return data


class VisitForm(LockedForm, forms.ModelForm):
    notes = LongTextField(
        required=False, noun="notes",
        help_text="Anything the panel should know about the visit as a whole.",
    )

    class Meta:
        model = Visit
        fields = ["checklist", "site", "channel", "visited_at", "notes"]
        labels = {"site": "Where (site)", "channel": "How (channel)", "visited_at": "Date and time"}
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
            site.queryset = Site.objects.filter(in_use).order_by("kind", "name")
        else:
            site.queryset = selectors.sites_to_start(review=programme, in_use=in_use)
            _group(site, "Sites for this programme", "Other sites")
        if self.instance.pk:
            del self.fields["checklist"]
            return
        checklist = self.fields["checklist"]
        checklist.label_from_instance = lambda c: c.title
        if programme is None:
            checklist.queryset = Checklist.objects.filter(is_current=True).order_by("title")
        else:
            checklist.queryset = selectors.checklists_to_start(review=programme)
            _group(checklist, "Checklists for this programme", "Other checklists")


def _group(field: forms.Field, fitting: str, others: str) -> None:
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
    photo = UploadField(label="Photo", allowed=IMAGES)
    description = forms.CharField(
        label="What the photo shows", max_length=300,
        help_text="Read out to people who cannot see the photo. Do not photograph people.",
    )


def _visit_label(visit: Visit) -> str:
    return f"{visit} – {visit.score if visit.score is not None else '–'}%"


class FindingFromVisitsForm(forms.Form):
    statement = forms.CharField(
        label="What the panel found", widget=forms.Textarea(attrs={"rows": 4}),
        help_text="In plain words. It becomes a weakness finding of the programme's review.",
    )
    visits = SafeModelMultipleChoiceField(
        queryset=Visit.objects.none(), widget=forms.CheckboxSelectMultiple,
        label="Visits that show it", help_text="They are kept as the finding's evidence.",
    )

    def __init__(self, *args: Any, visits: QuerySet[Visit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["visits"].queryset = visits
        self.fields["visits"].label_from_instance = _visit_label


class DocumentForm(LockedForm, forms.Form):
    title = SingleLineCharField(
        max_length=200, help_text="For example: Your new tenancy – what happens next."
    )
    file = UploadField(label="The document", allowed=DOCUMENT_FILES, required=False)
    text = LongTextField(
        label="Or paste its text", required=False, rows=8, max_length=MAX_TEXT, noun="document's text",
        help_text="Used when no file is chosen. At most 200,000 characters.",
    )


class DecisionForm(LockedForm, forms.Form):
    decision = forms.ChoiceField(
        label="The panel's decision", widget=forms.RadioSelect,
        choices=[("approve", "Award Customer Approved"), ("send_back", "Send it back for changes")],
    )
    expires_on = forms.DateField(
        label="Approved until", required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="Leave empty for two years from today.",
    )
    note = LongTextField(
        label="Note to the author", required=False, rows=4, noun="note",
        help_text="Required when sending it back: say what needs to change.",
    )


class JargonForm(LockedForm, forms.ModelForm):
    class Meta:
        model = JargonTerm
        fields = ["term", "plain"]
        labels = {"term": "Jargon word or phrase"}



class SiteForm(LockedForm, forms.ModelForm):
    class Meta:
        model = Site
        fields = ["name", "kind", "address"]
        field_classes = {"name": SingleLineCharField, "address": SingleLineCharField}
        labels = {"name": "Name", "kind": "What kind of place", "address": "Address"}
        help_texts = {
            "name": "As shoppers know it, for example “Perth local office” or “12 High Street”.",
            "address": "Optional. Leave it empty for a phone, email or web service.",
        }


class SiteSearchForm(forms.Form):
    q = forms.CharField(label="Search by name", required=False, max_length=200)
