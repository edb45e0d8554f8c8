from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.models import Role, User
from recommendations.models import Action, ActionStatus, Decision, Priority, Recommendation, Status
from reviews.models import Finding, Review, ServiceArea
from scrutiny.forms import SafeModelMultipleChoiceField
from scrutiny.locking import VersionedForm
from scrutiny.uploads import DOCUMENTS, UploadField


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


def _owners() -> QuerySet[User]:
    return User.objects.filter(role__in=[Role.OFFICER, Role.MANAGER], is_active=True).order_by("display_name")


class OwnerField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.display_name} ({obj.get_role_display().lower()})"


class RecommendationForm(VersionedForm, forms.ModelForm):
    findings = SafeModelMultipleChoiceField(
        queryset=Finding.objects.none(), required=False, widget=forms.CheckboxSelectMultiple,
        label=_("Findings it rests on"), help_text=_("Tick the findings that led to this recommendation."),
    )

    class Meta:
        model = Recommendation
        fields = ["text", "rationale", "findings", "expected_benefit", "priority", "service_area"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "rationale": forms.Textarea(attrs={"rows": 4}),
            "expected_benefit": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {"text": _("Recommendation"), "service_area": _("Service area"), "priority": _("Priority")}

    def __init__(self, *args: Any, review: Review, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["findings"].queryset = Finding.objects.filter(review=review).order_by("created_at")
        self.fields["findings"].label_from_instance = lambda f: f"{f.get_kind_display()}: {f.statement}"
        self.fields["service_area"].queryset = ServiceArea.objects.filter(is_active=True)
        self.fields["service_area"].empty_label = gettext("Same as the review")
        self.fields["priority"].choices = Priority.choices
        if not self.fields["findings"].queryset.exists():
            self.fields["findings"].help_text = gettext("This review has no findings recorded yet.")


class SubmitTogetherForm(forms.Form):
    """Which of a review's drafts to submit together; all are ticked to begin with."""

    recommendations = SafeModelMultipleChoiceField(
        queryset=Recommendation.objects.none(), widget=forms.CheckboxSelectMultiple,
        label=_("Recommendations to submit"), help_text=_("Untick any the panel has not agreed yet."),
        error_messages={"required": _("Tick at least one recommendation to submit.")},
    )

    #: At most this many drafts are offered at once, so the page stays a readable size.
    LIMIT = 50

    def __init__(self, *args: Any, review: Review, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        all_drafts = Recommendation.objects.filter(review=review, status=Status.DRAFT).order_by("number")
        self.draft_count = all_drafts.count()
        first = list(all_drafts.values_list("pk", flat=True)[: self.LIMIT])
        drafts = all_drafts.filter(pk__in=first)
        field = self.fields["recommendations"]
        field.queryset = drafts
        field.label_from_instance = lambda rec: f"{rec.code}: {rec.text}"
        self.initial.setdefault("recommendations", [rec.pk for rec in drafts])


class ResponseForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("The landlord's response"), choices=Decision.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Needed if the recommendation is partly accepted or rejected: the panel will see it."),
    )
    owner = OwnerField(
        queryset=User.objects.none(), required=False, label=_("Owner of the action plan (optional)"),
        empty_label=_("Not decided yet"),
        help_text=_("If you know who will do the work, choose them and a due date now: the "
                    "recommendation then goes straight to in progress. If not, it shows as \"No owner yet\" "
                    "on the tracker and managers' home pages until a manager assigns one."),
    )
    due_date = forms.DateField(label=_("Due date (optional)"), required=False, widget=DateInput())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = _owners()


class ActionPlanForm(forms.Form):
    owner = OwnerField(
        queryset=User.objects.none(), label=_("Owner of the action plan"), empty_label=_("Choose someone")
    )
    due_date = forms.DateField(label=_("Due date"), widget=DateInput())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = _owners()


class ImplementForm(forms.Form):
    """What was done and a file to show it; for each action still open, whether it was done or
    dropped (and why), so the panel never checks a recommendation with work left unexplained."""

    summary = forms.CharField(
        label=_("What was done"), widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("In plain words the panel will understand."),
    )
    evidence = UploadField(
        allowed=DOCUMENTS, label=_("Evidence it was done"),
        error_messages={
            "required": _("Choose a file that shows it was done, such as a new leaflet or a report.")
        },
    )

    def __init__(self, *args: Any, recommendation: Recommendation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.open_actions = list(recommendation.actions.open().order_by("due_date", "pk"))
        for action in self.open_actions:
            self.fields[f"action_{action.pk}"] = forms.ChoiceField(
                label=gettext('What happened to the action "%(action)s"?') % {"action": action.what},
                choices=[(ActionStatus.DONE, gettext("It was done")),
                         (ActionStatus.DROPPED, gettext("It was dropped"))],
                widget=forms.RadioSelect,
                help_text=gettext("It is %(status)s, owned by %(owner)s.") % {
                    "status": action.get_status_display().lower(), "owner": action.owner},
                error_messages={"required": gettext('Say whether "%(action)s" was done or dropped.') % {
                    "action": action.what[:80]}},
            )
            self.fields[f"reason_{action.pk}"] = forms.CharField(
                label=gettext('Why "%(action)s" was dropped') % {"action": action.what[:80]}, required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text=gettext("Only if it was dropped: the panel will see this."),
            )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        for action in self.open_actions:
            dropped = data.get(f"action_{action.pk}") == ActionStatus.DROPPED
            if dropped and not data.get(f"reason_{action.pk}", "").strip():
                self.add_error(f"reason_{action.pk}",
                               gettext('Say why "%(action)s" was dropped.') % {"action": action.what[:80]})
        return data

    def service_arguments(self) -> dict[str, Any]:
        """The cleaned data as services.implement takes it."""
        data = self.cleaned_data
        return {
            "summary": data["summary"], "evidence": data["evidence"],
            "what_happened": {
                a.pk: (data.get(f"action_{a.pk}", ""), data.get(f"reason_{a.pk}", ""))
                for a in self.open_actions
            },
        }


class VerifyForm(forms.Form):
    impact_statement = forms.CharField(
        label=_("What has changed for tenants"), widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_('This is shown on the "You said, we did" page.'),
    )


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label=_("What still needs to be done"), widget=forms.Textarea(attrs={"rows": 5})
    )


class ActionForm(VersionedForm, forms.ModelForm):
    owner = OwnerField(queryset=User.objects.none(), label=_("Owner"), empty_label=_("Choose someone"))

    class Meta:
        model = Action
        fields = ["what", "owner", "due_date", "status", "dropped_reason"]
        widgets = {"what": forms.Textarea(attrs={"rows": 3}), "due_date": DateInput(),
                   "dropped_reason": forms.Textarea(attrs={"rows": 2})}
        labels = {"dropped_reason": _("Why it was dropped (only if it was)"), "due_date": _("Due date")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = _owners()
        if self.instance.pk is None:
            del self.fields["status"]
            del self.fields["dropped_reason"]
            self.initial.setdefault("due_date", timezone.localdate())
        else:
            self.fields["status"].choices = ActionStatus.choices


class ProgressForm(forms.Form):
    text = forms.CharField(label=_("Progress"), widget=forms.Textarea(attrs={"rows": 4}))
    action = forms.ModelChoiceField(
        queryset=Action.objects.none(), required=False, label=_("Which action (optional)"),
        empty_label=_("The recommendation as a whole"),
    )
    evidence = UploadField(allowed=DOCUMENTS, label=_("Evidence (optional)"), required=False)

    def __init__(self, *args: Any, recommendation: Recommendation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["action"].queryset = recommendation.actions.order_by("due_date", "pk")
