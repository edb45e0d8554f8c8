"""The Administration pages for service areas (the forms are used only here)."""

from typing import Any

from django import forms
from django.db import models
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.http import AuthenticatedHttpRequest
from reviews import service_areas
from reviews.models import ServiceArea
from scrutiny.forms import SingleLineCharField, run_form
from scrutiny.locking import VersionedForm
from scrutiny.permissions import ADMIN_REFUSAL, role_required

IN_USE = [("yes", _("In use: new reviews can choose it")), ("no", _("Not in use: kept on past reviews only"))]


def _yes(value: str) -> bool:
    return value == "yes"


class NewServiceAreaForm(forms.Form):
    name = SingleLineCharField(label=_("Name of the service"), max_length=100,
                               help_text=_("For example: Repairs, Complaints, Anti-social behaviour."))


class ServiceAreaForm(VersionedForm, forms.Form):
    name = SingleLineCharField(label=_("Name of the service"), max_length=100)
    is_active = forms.TypedChoiceField(label=_("Use"), choices=IN_USE, coerce=_yes, widget=forms.RadioSelect)

    def __init__(self, *args: Any, area: ServiceArea, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"name": area.name, "is_active": "yes" if area.is_active else "no"})
        super().__init__(*args, versioned=area, **kwargs)

    def saved_value(self, name: str, current: models.Model) -> str:
        if name == "is_active":
            return str(dict(IN_USE)["yes" if current.is_active else "no"])
        return super().saved_value(name, current)


@role_required("admin", message=ADMIN_REFUSAL)
def service_area_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Every service area with how many reviews use it, and a form to add one."""
    form = NewServiceAreaForm(request.POST or None)
    done = run_form(
        request, form, lambda data: service_areas.add_service_area(by=request.user, **data),
        success=lambda area: gettext("“%(name)s” has been added.") % {"name": area.name},
        redirect_to="reviews:service-areas",
    )
    return done or render(request, "reviews/service_areas.html", {
        "form": form, "areas": service_areas.service_areas_with_use(),
    })


@role_required("admin", message=ADMIN_REFUSAL)
def service_area_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Rename a service area or take it out of use."""
    area = get_object_or_404(ServiceArea, pk=pk)
    form = ServiceAreaForm(request.POST or None, area=area)
    done = run_form(
        request, form,
        lambda data: service_areas.change_service_area(area=area, by=request.user, **data),
        success=gettext("The service area has been saved."), redirect_to="reviews:service-areas",
    )
    return done or render(request, "reviews/service_area_edit.html", {"form": form, "area": area})
