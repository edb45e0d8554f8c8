"""The Administration pages for service areas (the forms are used only here)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from reviews import service_areas
from reviews.models import ServiceArea
from scrutiny.forms import SingleLineCharField, add_service_errors
from scrutiny.locking import EditConflict
from scrutiny.permissions import ADMIN_REFUSAL, role_required

IN_USE = [("yes", "In use: new reviews can choose it"), ("no", "Not in use: kept on past reviews only")]


def _yes(value: str) -> bool:
    return value == "yes"


class NewServiceAreaForm(forms.Form):
    name = SingleLineCharField(label="Name of the service", max_length=100,
                               help_text="For example: Repairs, Complaints, Anti-social behaviour.")


class ServiceAreaForm(forms.Form):
    name = SingleLineCharField(label="Name of the service", max_length=100)
    is_active = forms.TypedChoiceField(label="Use", choices=IN_USE, coerce=_yes, widget=forms.RadioSelect)
    # What the page showed, so that a change someone else made meanwhile is not overwritten.
    was_name = forms.CharField(widget=forms.HiddenInput, max_length=100, strip=False)
    was_active = forms.TypedChoiceField(choices=IN_USE, coerce=_yes, widget=forms.HiddenInput)

    def __init__(self, *args, area: ServiceArea, **kwargs):
        state = "yes" if area.is_active else "no"
        kwargs.setdefault("initial", {
            "name": area.name, "is_active": state, "was_name": area.name, "was_active": state,
        })
        super().__init__(*args, **kwargs)


@role_required("admin", message=ADMIN_REFUSAL)
def service_area_list(request):
    """Every service area with how many reviews use it, and a form to add one."""
    form = NewServiceAreaForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            area = service_areas.add_service_area(by=request.user, name=form.cleaned_data["name"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"“{area.name}” has been added.")
            return redirect("reviews:service-areas")
    return render(request, "reviews/service_areas.html", {
        "form": form, "areas": service_areas.service_areas_with_use(),
    })


@role_required("admin", message=ADMIN_REFUSAL)
def service_area_edit(request, pk):
    """Rename a service area or take it out of use."""
    area = get_object_or_404(ServiceArea, pk=pk)
    form = ServiceAreaForm(request.POST or None, area=area)
    if request.method == "POST" and form.is_valid():
        try:
            service_areas.change_service_area(area=area, by=request.user, **form.cleaned_data)
        except EditConflict as exc:
            area.refresh_from_db()
            data = request.POST.copy()
            data["was_name"], data["was_active"] = area.name, "yes" if area.is_active else "no"
            form = ServiceAreaForm(data, area=area)
            form.is_valid()
            form.add_error(
                None, f"{exc.messages[0]} Your choice is still in the form: save again to keep it."
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "The service area has been saved.")
            return redirect("reviews:service-areas")
    return render(request, "reviews/service_area_edit.html", {"form": form, "area": area})
