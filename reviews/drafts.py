"""The long forms that save drafts while people type, and who may save each one.

A draft is keyed by person, form and object (the review for a new item, the item itself when
editing), so each person's unfinished text waits for them on the form it belongs to."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.db import models
from django.http import QueryDict

from accounts.models import User
from reviews import permissions as perms
from reviews.forms import CommentForm, FindingForm, InterviewForm, SiteVisitForm
from reviews.models import Draft, Evidence, Finding, Review
from scrutiny.locking import VersionedForm


@dataclass(frozen=True)
class DraftForm:
    model: type[models.Model]
    allowed: Callable[[User, Any], bool]  # the permission function: may this person save it?
    form_class: type[forms.BaseForm]

    def load(self, object_id: int) -> models.Model | None:
        qs = self.model.objects.all()
        if self.model is not Review:
            qs = qs.select_related("review")
        return qs.filter(pk=object_id).first()

    @property
    def field_names(self) -> list[str]:
        """The fields worth keeping: everything typed or chosen, never a file; and, on an edit
        form, the version it started from, so that saving the draft later still reports an edit
        someone else saved meanwhile (scrutiny/locking.py adds that field to each form)."""
        names = [
            name for name, field in self.form_class.base_fields.items()
            if not isinstance(field, forms.FileField)
        ]
        return [*names, "version"] if issubclass(self.form_class, VersionedForm) else names


DRAFT_FORMS = {
    "finding-add": DraftForm(Review, perms.can_add_finding, FindingForm),
    "finding-edit": DraftForm(Finding, perms.can_edit_finding, FindingForm),
    "comment-add": DraftForm(Finding, perms.can_comment, CommentForm),
    "interview-add": DraftForm(Review, perms.can_add_evidence, InterviewForm),
    "interview-edit": DraftForm(Evidence, perms.can_edit_evidence, InterviewForm),
    "site_visit-add": DraftForm(Review, perms.can_add_evidence, SiteVisitForm),
    "site_visit-edit": DraftForm(Evidence, perms.can_edit_evidence, SiteVisitForm),
}

MULTIPLE = (forms.MultipleChoiceField, forms.ModelMultipleChoiceField)


def collect(draft_form: DraftForm, post: QueryDict) -> dict[str, Any]:
    """The draftable fields from a posted form, lists for multiple choices."""
    data: dict[str, Any] = {}
    for name in draft_form.field_names:
        field = draft_form.form_class.base_fields.get(name)
        if isinstance(field, MULTIPLE):
            if name in post:
                data[name] = post.getlist(name)[:500]
        elif name in post:
            data[name] = post.get(name, "")
    return data


def restore(draft: Draft | None) -> dict[str, Any]:
    """Form initial values from a draft (empty if there is none)."""
    return dict(draft.data) if draft else {}
