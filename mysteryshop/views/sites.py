"""Pages for the sites visits are made to: list and search, add, change, take out of use."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.http import AuthenticatedHttpRequest
from mysteryshop import permissions as perms
from mysteryshop import selectors, services
from mysteryshop.bilingual import welsh_from
from mysteryshop.forms import SiteForm, SiteSearchForm
from mysteryshop.models import Site
from mysteryshop.views.common import paginate
from scrutiny.forms import run_form
from scrutiny.permissions import require


@login_required
def site_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Every site, searchable by name, 20 a page."""
    require(perms.can_manage_sites(request.user), perms.SITES_REFUSAL)
    search = SiteSearchForm(request.GET or None)
    query = search.cleaned_data["q"] if search.is_valid() else ""
    return render(request, "mysteryshop/site_list.html", {
        "page": paginate(request, selectors.sites(user=request.user, search=query)), "search": search,
        "query": urlencode({"q": query}) if query else "",
    })


@login_required
def site_add(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(perms.can_manage_sites(request.user), perms.SITES_REFUSAL)
    form = SiteForm(request.POST or None)
    done = run_form(
        request, form, lambda data: services.add_site(
            by=request.user, name=data["name"], kind=data["kind"], address=data["address"],
            welsh=welsh_from(data, ("name",)),
        ),
        success=lambda site: _("“%(name)s” has been added. Visits can now choose it.") % {"name": site.name},
        redirect_to="mysteryshop:sites",
    )
    return done or render(request, "mysteryshop/form.html", {
        "form": form, "heading": _("Add a site"), "sites_page": True,
        "intro": _("A place or service that shoppers visit: a local office, an empty home, a hostel, "
                   "or a phone, email or web service."),
        "submit_label": _("Add the site"), "cancel_url": reverse("mysteryshop:sites"),
    })


@login_required
def site_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    require(perms.can_manage_sites(request.user), perms.SITES_REFUSAL)
    site = get_object_or_404(Site, pk=pk)
    form = SiteForm(request.POST or None, instance=site)
    done = run_form(
        request, form, lambda data: services.change_site(
            site=site, by=request.user, name=data["name"], kind=data["kind"],
            address=data["address"], version=data.get("version"), welsh=welsh_from(data, ("name",)),
        ),
        success=lambda saved: _("“%(name)s” has been saved.") % {"name": saved.name},
        redirect_to="mysteryshop:sites",
    )
    return done or render(request, "mysteryshop/form.html", {
        "form": form, "heading": _("Change %(thing)s") % {"thing": site.name}, "sites_page": True,
        "submit_label": _("Save changes"), "cancel_url": reverse("mysteryshop:sites"),
    })


@login_required
@require_POST
def site_use(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Take a site out of use, or put it back."""
    require(perms.can_manage_sites(request.user), perms.SITES_REFUSAL)
    site = get_object_or_404(Site, pk=pk)
    in_use = request.POST.get("in_use") == "yes"
    services.set_site_in_use(site=site, by=request.user, in_use=in_use)
    if in_use:
        messages.success(request, _("“%(name)s” is back in use.") % {"name": site.name})
    else:
        messages.success(request, _("“%(name)s” is out of use. Visits already made keep it.")
                         % {"name": site.name})
    return redirect("mysteryshop:sites")
