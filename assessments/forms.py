from collections.abc import Iterator
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from assessments.models import ActionStatus, Framework, Outcome, SelfAssessment, default_scale
from assessments.models.assessment import scale_label
from assessments.services import Answer
from panels.forms import DateInput
from panels.models import Panel
from scrutiny.forms import LongTextField, SafeModelMultipleChoiceField, SingleLineCharField
from scrutiny.locking import EditConflict, VersionedForm


class PersonChoice(SafeModelMultipleChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return f"{obj.display_name} ({obj.get_role_display().lower()})"


class SelfAssessmentForm(VersionedForm, forms.Form):
    """Setting up (or changing) a self-assessment. When changing one, the version field catches
    two coordinators saving at once (scrutiny/locking.py)."""

    title = SingleLineCharField(
        max_length=200, label=_("Title"), help_text=_("For example: Tenant engagement self-assessment 2026.")
    )
    framework = forms.ModelChoiceField(
        Framework.objects.none(), label=_("Framework"), help_text=_("The standards and outcomes to score.")
    )
    panel = forms.ModelChoiceField(
        Panel.objects.none(),
        label=_("Panel"),
        required=False,
        empty_label=_("No panel"),
        help_text=_("The panel running it: its chair and supporting officer can then remind people and see "
                    "who has finished."),
    )
    opens_on = forms.DateField(label=_("Opens on"), widget=DateInput)
    closes_on = forms.DateField(
        label=_("Closes on"),
        widget=DateInput,
        help_text=_("Scores stay private until this date has passed or it is closed early."),
    )
    assessors = PersonChoice(
        User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label=_("Who will score"),
        help_text=_("Panel members and staff from any team. Each scores on their own."),
    )
    scale = forms.CharField(
        label=_("Scale"),
        widget=forms.Textarea(attrs={"rows": 4}),
        initial="\n".join(default_scale()),
        help_text=_("One point a line, lowest first. Scores are 1, 2, 3 and so on."),
    )
    allow_dont_know = forms.BooleanField(
        label=_('Offer "don\'t know" as an answer'), required=False, initial=True
    )

    def __init__(
        self, *args: Any, panels: QuerySet[Panel] | None = None, instance: SelfAssessment | None = None,
        **kwargs: Any,
    ) -> None:
        if instance is not None:
            kwargs.setdefault(
                "initial",
                {
                    "title": instance.title,
                    "framework": instance.framework_id,
                    "panel": instance.panel_id,
                    "opens_on": instance.opens_on,
                    "closes_on": instance.closes_on,
                    "assessors": [a.user_id for a in instance.assessors.all() if a.user_id],
                    "scale": "\n".join(scale_label(label) for label in instance.scale),
                    "allow_dont_know": instance.allow_dont_know,
                },
            )
        super().__init__(*args, versioned=instance, **kwargs)
        self.fields["framework"].queryset = Framework.objects.filter(outcomes__isnull=False).distinct()
        self.fields["panel"].queryset = panels if panels is not None else Panel.objects.filter(is_active=True)
        self.fields["assessors"].queryset = User.objects.filter(is_active=True).order_by(
            "role", "display_name"
        )
        if instance is not None:
            del self.fields["framework"]  # the outcomes scored cannot change under people's feet
        else:
            today = timezone.localdate()
            # The usual scale in the page's language (kept in English: clean_scale).
            self.initial.setdefault("scale", "\n".join(scale_label(label) for label in default_scale()))
            self.initial.setdefault("opens_on", today)
            self.initial.setdefault("closes_on", today + timezone.timedelta(days=28))

    def clean_scale(self) -> list[str]:
        points = [line.strip() for line in self.cleaned_data["scale"].splitlines() if line.strip()]
        # The usual scale, as a Welsh page shows it, is kept as the usual scale: each page then
        # shows it in its own language.
        if points == [scale_label(label) for label in default_scale()]:
            return default_scale()
        return points

    def saved_value(self, name: str, current: Any) -> str:
        if name == "scale":
            return "\n".join(current.scale)
        if name == "assessors":
            return ", ".join(a.name for a in current.assessors.select_related("user"))
        return super().saved_value(name, current)


DONT_KNOW = "dont_know"


class StandardScoresForm(forms.Form):
    """The assessor's scores for every outcome of one standard (one screen on a phone)."""

    def __init__(
        self, *args: Any, outcomes: list[Outcome], self_assessment: SelfAssessment, scores: dict,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        choices = [(str(v), label) for v, label in self_assessment.scale_choices()]
        self.value_labels = dict(choices)
        if self_assessment.allow_dont_know:
            choices.append((DONT_KNOW, gettext("Don't know")))
        self.outcomes = outcomes
        self.clashes: dict = {}
        for outcome in outcomes:
            score = scores.get(outcome.pk)
            initial = None
            if score is not None:
                initial = DONT_KNOW if score.value is None else str(score.value)
            self.fields[f"o{outcome.pk}-value"] = forms.ChoiceField(
                label=gettext("Score for %(code)s") % {"code": outcome.code},
                choices=choices,
                required=False,
                widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
                initial=initial,
            )
            self.fields[f"o{outcome.pk}-comment"] = LongTextField(
                label=gettext("Comment (optional)"),
                required=False,
                noun="comment",
                widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
                initial=score.comment if score else "",
            )
            self.fields[f"o{outcome.pk}-evidence_url"] = forms.URLField(
                label=gettext("Link to evidence (optional)"),
                required=False,
                max_length=500,
                assume_scheme="https",
                widget=forms.URLInput(attrs={"class": "form-control"}),
                initial=score.evidence_url if score else "",
            )
            # The score's version when the page was drawn (0: none yet), to catch the same
            # person saving it in another window meanwhile.
            self.fields[f"o{outcome.pk}-version"] = forms.IntegerField(
                widget=forms.HiddenInput, required=False, min_value=0, max_value=2**31,
                initial=score.version if score else 0,
            )

    def rows(self) -> list[tuple[Outcome, Any, Any, Any, Any, list[tuple[str, str]]]]:
        """(outcome, value field, comment field, evidence field, version field, the score saved
        in another window if it clashed) for the template."""
        return [
            (o, self[f"o{o.pk}-value"], self[f"o{o.pk}-comment"], self[f"o{o.pk}-evidence_url"],
             self[f"o{o.pk}-version"], self._saved_rows(o.pk))
            for o in self.outcomes
        ]

    def _saved_rows(self, outcome_pk: int) -> list[tuple[str, str]]:
        """(label, saved value) of a score that clashed, for the "saved version" box."""
        if outcome_pk not in self.clashes:
            return []
        score = self.clashes[outcome_pk]
        if score is None:
            return [(gettext("Score"), gettext("(cleared)"))]
        value = gettext("Don't know") if score.value is None else self.value_labels.get(str(score.value), "")
        return [(gettext("Score"), value), (gettext("Comment"), score.comment),
                (gettext("Link to evidence"), score.evidence_url)]

    def answers(self) -> Iterator[Answer]:
        """(outcome, value or None, don't know, comment, evidence link, version) per outcome."""
        for outcome in self.outcomes:
            raw = self.cleaned_data.get(f"o{outcome.pk}-value") or ""
            yield (
                outcome,
                int(raw) if raw.isdecimal() else None,
                raw == DONT_KNOW,
                self.cleaned_data.get(f"o{outcome.pk}-comment", ""),
                self.cleaned_data.get(f"o{outcome.pk}-evidence_url", ""),
                self.cleaned_data.get(f"o{outcome.pk}-version"),
            )

    def note_saved(self, versions: dict[int, int], clashes: dict) -> None:
        """After saving: carry each score's version now saved, so that saving again from this
        page is not taken for a clash; keep the person's text where a score clashed, and the
        score saved elsewhere (None: cleared there) to show beside it."""
        data = self.data.copy()
        for outcome_pk, version in versions.items():
            data[f"o{outcome_pk}-version"] = version
        self.data = data
        self.clashes = clashes


class ActionForm(forms.Form):
    what = forms.CharField(label=_("What will be done"), widget=forms.Textarea(attrs={"rows": 3}))
    owner = forms.ModelChoiceField(User.objects.none(), label=_("Who will do it"),
                                   empty_label=_("Choose a person"))
    due_date = forms.DateField(label=_("By when"), widget=DateInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = User.objects.filter(is_active=True).order_by("display_name")
        self.fields["owner"].label_from_instance = lambda u: (
            f"{u.display_name} ({u.get_role_display().lower()})"
        )


class ActionUpdateForm(VersionedForm, ActionForm):
    """Pass versioned=the action: its owner and a coordinator may both be updating it."""

    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)
    progress = forms.CharField(
        label=_("Progress so far"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class FrameworkImportForm(forms.Form):
    name = SingleLineCharField(
        max_length=200,
        required=False,
        label=_("Name"),
        help_text=_("For example: Tpas engagement standards (our copy). "
                    "A YAML file may give the name itself."),
    )
    source = forms.CharField(max_length=300, required=False, label=_("Source"),
                             help_text=_("Where the text comes from."))
    file = forms.FileField(label=_("CSV or YAML file"), help_text=_("Up to 2 MB."))

    def clean_file(self) -> UploadedFile:
        upload = self.cleaned_data["file"]
        if upload.size > 2 * 1024 * 1024:
            raise forms.ValidationError(gettext("The file is larger than 2 MB."))
        if not upload.name.lower().endswith((".csv", ".yaml", ".yml", ".txt")):
            raise forms.ValidationError(gettext("Choose a .csv, .yaml or .yml file."))
        return upload


class FiguresImportForm(forms.Form):
    file = forms.FileField(label=_("CSV file"), help_text=_("Up to 2 MB."))

    def clean_file(self) -> UploadedFile:
        upload = self.cleaned_data["file"]
        if upload.size > 2 * 1024 * 1024:
            raise forms.ValidationError(gettext("The file is larger than 2 MB."))
        return upload


class FigureForm(VersionedForm, forms.Form):
    """Pass versioned=the saved figure, if there is one: two officers may be correcting it."""

    value = forms.DecimalField(label=_("Value"), max_digits=12, decimal_places=2)
    target = forms.DecimalField(label=_("Target"), max_digits=12, decimal_places=2, required=False)
    peer_average = forms.DecimalField(
        label=_("Peer or national average"), max_digits=12, decimal_places=2, required=False
    )
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def note_conflict(self, exc: EditConflict) -> None:
        # A figure someone else entered after this form was opened becomes the version to replace.
        if self.versioned is None:
            self.track(exc.current)
        super().note_conflict(exc)
