from collections.abc import Iterable
from typing import Any

from django import forms
from django.db import models
from django.db.models import QuerySet
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from accounts.models import Role, User
from panels.models import Membership
from reviews.models import (
    CommentKind,
    Document,
    Finding,
    FindingKind,
    Interview,
    PerformanceFigure,
    Review,
    SiteVisit,
    Stage,
)
from reviews.permissions import panels_user_can_propose_in
from reviews.selectors import evidence_choices_shown, evidence_for_choice
from scrutiny.forms import LARGEST_ID, SafeModelMultipleChoiceField, SingleLineCharField
from scrutiny.locking import VersionedForm
from scrutiny.uploads import IMAGES, UploadField

# What the issue asks reviews to take: PDF, Word, Excel (and their OpenDocument twins),
# images and plain text. Presentations and other types are turned away with a message.
EVIDENCE_FILES = frozenset({"pdf", "docx", "doc", "xlsx", "xls", "odt", "ods", "txt", "csv"} | IMAGES)
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _members(panel_ids: Iterable[Any]) -> QuerySet[User]:
    """People who are members of these panels today, for choosing leads and interviewers."""
    user_ids = Membership.objects.current().filter(panel__in=panel_ids).values("user_id")
    return User.objects.filter(pk__in=user_ids, is_active=True).order_by("display_name")


class ReviewForm(VersionedForm, forms.ModelForm):
    questions = forms.CharField(
        label=_("Questions the review sets out to answer"), required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One question on each line. Findings stay linked to a question when you reword it."),
    )

    class Meta:
        model = Review
        fields = [
            "panel", "title", "service_area", "kind", "scope", "questions", "method",
            "planned_start", "planned_end", "lead_member", "supporting_officer",
        ]
        field_classes = {"title": SingleLineCharField}
        labels = {
            "panel": _("Panel"), "title": _("Title"), "service_area": _("Service area"),
            "kind": _("Type of review"), "scope": _("Scope"), "method": _("Method"),
            "lead_member": _("Lead member"), "planned_start": _("Planned start"),
            "planned_end": _("Planned end"), "supporting_officer": _("Supporting officer"),
        }
        widgets = {
            "scope": forms.Textarea(attrs={"rows": 4}),
            "method": forms.Textarea(attrs={"rows": 3}),
            "planned_start": DATE,
            "planned_end": DATE,
        }

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        panel_ids: Iterable[Any]
        if self.instance.pk:
            del self.fields["panel"]
            panel_ids = [self.instance.panel_id]
            self.initial.setdefault(
                "questions", "\n".join(q.text for q in self.instance.questions.all())
            )
        else:
            panels = panels_user_can_propose_in(user)
            self.fields["panel"].queryset = panels
            panel_ids = panels.values("pk")
            if len(panels) == 1:
                self.initial.setdefault("panel", panels[0].pk)
        self.fields["service_area"].queryset = self.fields["service_area"].queryset.filter(
            is_active=True
        )
        self.fields["lead_member"].queryset = _members(panel_ids).filter(role=Role.TENANT)
        self.fields["lead_member"].help_text = gettext("A tenant on the panel who leads this review.")
        self.fields["supporting_officer"].queryset = User.objects.filter(
            role__in=[Role.OFFICER, Role.MANAGER, Role.ADMIN], is_active=True
        ).order_by("display_name")

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        start, end = data.get("planned_start"), data.get("planned_end")
        if start and end and end < start:
            self.add_error("planned_end", gettext("The planned end must be on or after the planned start."))
        return data

    def clean_questions(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["questions"].splitlines() if line.strip()]

    def saved_value(self, name: str, current: models.Model) -> str:
        if name == "questions" and isinstance(current, Review):
            return "\n".join(q.text for q in current.questions.all())
        return super().saved_value(name, current)


class StageForm(forms.Form):
    to_stage = forms.ChoiceField(label=_("Move the review to"), choices=Stage.choices)
    note = forms.CharField(
        label=_("Note (needed when going back a stage)"), required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, review: Review, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_stage"].choices = [
            c for c in Stage.choices if c[0] not in (review.stage, Stage.PROPOSED)
        ]
        if review.next_stage:
            self.initial.setdefault("to_stage", review.next_stage)


class _EvidenceForm(VersionedForm, forms.ModelForm):
    """Shared by every kind: its version catches two people editing at once (scrutiny/locking.py)."""

    def __init__(self, *args: Any, review: Review, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.review = review
        for name in ("interviewers", "visitors"):
            if name in self.fields:
                self.fields[name].queryset = _members([review.panel_id])
                self.fields[name].widget = forms.CheckboxSelectMultiple()


class DocumentForm(_EvidenceForm):
    file = UploadField(label=_("File"), allowed=EVIDENCE_FILES)

    class Meta:
        model = Document
        fields = ["title", "file", "source", "date", "description"]
        field_classes = {"title": SingleLineCharField, "source": SingleLineCharField}
        labels = {"title": _("Title"), "source": _("Source"), "date": _("Date of the document"),
                  "description": _("Description")}
        widgets = {"date": DATE, "description": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"description": _("What it is and why it matters to the review.")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["file"].required = False
            self.fields["file"].help_text = (
                gettext("Leave empty to keep the file already there.") + " " + self.fields["file"].help_text
            )


class FigureForm(_EvidenceForm):
    higher_is_better = forms.TypedChoiceField(
        label=_("Is a higher figure better?"), coerce=lambda v: v == "True",
        choices=[(True, _("Yes, higher is better")), (False, _("No, lower is better"))],
        widget=forms.RadioSelect, initial=True,
    )

    class Meta:
        model = PerformanceFigure
        fields = [
            "measure", "value", "unit", "period", "target", "higher_is_better",
            "comparison_value", "comparison_label", "source", "date", "description",
        ]
        field_classes = {"measure": SingleLineCharField}
        labels = {"measure": _("Measure"), "value": _("Value"), "unit": _("Unit"), "period": _("Period"),
                  "target": _("Target"), "source": _("Source"), "date": _("Date published"),
                  "description": _("Notes"), "comparison_value": _("Comparison figure")}
        widgets = {"date": DATE, "description": forms.Textarea(attrs={"rows": 2})}
        help_texts = {"comparison_value": _("A figure to compare with: another landlord, the "
                                            "national average or last year.")}


class InterviewForm(_EvidenceForm):
    class Meta:
        model = Interview
        fields = ["interviewee_role", "interviewee_name", "date", "interviewers", "questions", "notes"]
        field_classes = {
            "interviewee_role": SingleLineCharField, "interviewee_name": SingleLineCharField,
            "interviewers": SafeModelMultipleChoiceField,
        }
        labels = {"date": _("Date of the interview"), "interviewers": _("Who interviewed them"),
                  "notes": _("Notes")}
        widgets = {
            "date": DATE,
            "questions": forms.Textarea(attrs={"rows": 4}),
            "notes": forms.Textarea(attrs={"rows": 10}),
        }
        help_texts = {"notes": _("What they said. Your notes are saved as a draft while you type.")}


class SiteVisitForm(_EvidenceForm):
    photo = UploadField(label=_("A photo from the visit (optional)"), allowed=IMAGES, required=False)
    photo_description = forms.CharField(
        label=_("What the photo shows"), required=False, max_length=300,
        help_text=_("Read out to people who cannot see the photo."),
    )

    class Meta:
        model = SiteVisit
        fields = ["place", "date", "visitors", "notes"]
        field_classes = {"place": SingleLineCharField, "visitors": SafeModelMultipleChoiceField}
        labels = {"place": _("Place"), "date": _("Date of the visit"), "notes": _("Notes")}
        widgets = {"date": DATE, "notes": forms.Textarea(attrs={"rows": 8})}
        help_texts = {"notes": _("What you saw. Your notes are saved as a draft while you type.")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:  # more photos are added from the visit's page
            del self.fields["photo"]
            del self.fields["photo_description"]

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("photo") and not data.get("photo_description", "").strip():
            self.add_error("photo_description", gettext("Say what the photo shows."))
        return data


class PhotoForm(forms.Form):
    photo = UploadField(label=_("Photo"), allowed=IMAGES)
    photo_description = forms.CharField(
        label=_("What the photo shows"), max_length=300,
        help_text=_("Read out to people who cannot see the photo."),
    )


EVIDENCE_FORMS = {
    "document": DocumentForm,
    "figure": FigureForm,
    "interview": InterviewForm,
    "site_visit": SiteVisitForm,
}


class EvidenceChoiceField(SafeModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.label


class FindingForm(VersionedForm, forms.Form):
    kind = forms.ChoiceField(
        label=_("Is this a strength, a weakness or an observation?"), choices=FindingKind.choices,
        widget=forms.RadioSelect,
    )
    statement = forms.CharField(
        label=_("The finding, in plain words"), widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Saved as a draft while you type, so nothing is lost if you are signed out."),
    )
    question = forms.ModelChoiceField(
        label=_("Which question does it answer?"), queryset=None, required=False,
        empty_label=_("None of the questions"),
    )
    evidence = EvidenceChoiceField(
        label=_("The evidence it rests on"), queryset=None, required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    def __init__(
        self, *args: Any, review: Review, finding: Finding | None = None, evidence_search: str = "",
        **kwargs: Any,
    ) -> None:
        if finding is not None:
            initial = {
                "kind": finding.kind, "statement": finding.statement,
                "question": finding.question_id,
                "evidence": [e.pk for e in finding.evidence.all()],
            }
            initial.update(kwargs.pop("initial", None) or {})
            kwargs["initial"] = initial
        super().__init__(*args, versioned=finding, **kwargs)
        self.fields["question"].queryset = review.questions.all()
        # Any of the review's evidence may be ticked (and an impossible id is still refused),
        # but only a bounded number of boxes is shown: those ticked, then the most recent.
        field = self.fields["evidence"]
        field.queryset = evidence_for_choice(review)
        if not self.is_bound:
            ticked = self.initial.get("evidence")
        elif hasattr(self.data, "getlist"):
            ticked = self.data.getlist("evidence")
        else:
            ticked = self.data.get("evidence")
        ticked = [ticked] if isinstance(ticked, str | int) else ticked or []
        keep = [int(pk) for pk in map(str, ticked) if pk.isdecimal() and int(pk) <= LARGEST_ID]
        shown = evidence_choices_shown(review=review, keep=keep, search=evidence_search)
        field.widget.choices = [(e.pk, e.label) for e in shown]
        total = field.queryset.count()
        if evidence_search or total > len(shown):
            values = {"shown": len(shown), "total": total, "words": evidence_search}
            if evidence_search:
                text = ngettext(
                    "Shown: %(shown)s of the review's %(total)s piece of evidence, those already ticked "
                    "first, then the most recent with “%(words)s” in the title. To tick another, find it "
                    "by title above the form.",
                    "Shown: %(shown)s of the review's %(total)s pieces of evidence, those already ticked "
                    "first, then the most recent with “%(words)s” in the title. To tick another, find it "
                    "by title above the form.", total)
            else:
                text = ngettext(
                    "Shown: %(shown)s of the review's %(total)s piece of evidence, those already ticked "
                    "first, then the most recent. To tick another, find it by title above the form.",
                    "Shown: %(shown)s of the review's %(total)s pieces of evidence, those already ticked "
                    "first, then the most recent. To tick another, find it by title above the form.", total)
            field.help_text = text % values


class CommentForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Your response"), choices=CommentKind.choices, widget=forms.RadioSelect
    )
    text = forms.CharField(
        label=_("What you want to say"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed if you challenge or add to the finding."),
    )


class ProposeFromMeasureForm(forms.Form):
    """Propose a review of a measure listed on "where to look next", for one of the person's panels."""

    measure = forms.CharField(widget=forms.HiddenInput, max_length=10)
    tenure = forms.CharField(widget=forms.HiddenInput, max_length=10)
    panel = forms.ModelChoiceField(
        queryset=None, label=_("Which panel is proposing it"),
        error_messages={"required": _("Choose the panel that is proposing the review."),
                        "invalid_choice": _("Choose one of your panels from the list.")},
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        panels = panels_user_can_propose_in(user).order_by("name")
        self.fields["panel"].queryset = panels
        self.fields["panel"].widget.attrs["class"] = "form-select"
        if len(panels) == 1:  # nothing to choose: the person's one panel
            self.fields["panel"].initial = panels[0].pk
            self.fields["panel"].widget = forms.HiddenInput()
