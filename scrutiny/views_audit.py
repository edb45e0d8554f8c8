"""The audit trail page: administrators see sign-ins, role changes, exports and downloads of
personal data, a page at a time, narrowed by kind, person and dates."""

from typing import Any

from django import forms
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from scrutiny import audit
from scrutiny.http import AuthenticatedHttpRequest
from scrutiny.models import AuditKind
from scrutiny.permissions import role_required

PAGE_SIZE = 50


class DateInput(forms.DateInput):
    input_type = "date"


class AuditFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("What happened"), required=False,
                             choices=[("", _("Anything")), *AuditKind.choices])
    person = forms.CharField(label=_("Person (name or email)"), required=False, max_length=200)
    since = forms.DateField(label=pgettext_lazy("from a date", "From"), required=False, widget=DateInput())
    until = forms.DateField(label=pgettext_lazy("to a date", "To"), required=False, widget=DateInput())

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data  # what Form.clean returns, which the stubs allow to be None
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            self.add_error("until", gettext("The end date must be on or after the start date."))
        return data


@role_required("admin", message=_("Only administrators can see the audit trail."))
def audit_trail(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The audit trail, newest first, for administrators."""
    form = AuditFilterForm(request.GET or None)
    criteria = form.cleaned_data if form.is_bound and form.is_valid() else {}
    found = audit.events(**{k: v for k, v in criteria.items() if v})
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return render(request, "audit.html", {"form": form, "page": page, "query": params.urlencode()})
