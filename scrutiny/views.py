import sys

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db.utils import InterfaceError, OperationalError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.cache import cache_control
from django.views.i18n import JavaScriptCatalog

from scrutiny import extensions, services, uploads
from scrutiny.forms import SiteSettingsForm, run_form
from scrutiny.http import AuthenticatedHttpRequest
from scrutiny.models import SiteSettings
from scrutiny.permissions import ADMIN_REFUSAL, role_required


@login_required
def home(request: AuthenticatedHttpRequest) -> HttpResponse:
    """What is the signed-in person's: each app adds a section (extensions.HOME_SECTIONS)."""
    return render(request, "home.html", {
        "sections": extensions.sections(extensions.HOME_SECTIONS, request.user),
        "account_links": extensions.links(extensions.HOME_LINKS, request.user),
    })


def site_logo(request: HttpRequest) -> FileResponse:
    """The landlord's logo, public because it is on the sign-in page."""
    site = SiteSettings.load()
    if not site.logo:
        raise Http404("No logo has been uploaded.")
    return uploads.serve(site.logo, download_name="logo")


@cache_control(public=True, max_age=7 * 24 * 3600)
def favicon(request: HttpRequest) -> FileResponse:
    """The site's icon, which every browser asks for at /favicon.ico before reading any page."""
    return FileResponse(
        (settings.BASE_DIR / "static" / "favicon.ico").open("rb"), content_type="image/x-icon"
    )


# The same for everyone in a language, and changed only by a new release: kept by the browser for
# an hour (public: left so by PrivatePagesMiddleware), so a page costs no extra request after the first.
javascript_catalogue = cache_control(public=True, max_age=60 * 60)(JavaScriptCatalog.as_view())


def accessibility(request: HttpRequest) -> HttpResponse:
    """The accessibility statement public-sector sites must publish."""
    return render(request, "accessibility.html")


def server_error(request: HttpRequest) -> HttpResponse:
    """The error page: a clear 503 while the database cannot be reached, else the plain 500.

    Rendered without context processors, as they may need the database that has failed."""
    exc = sys.exc_info()[1]
    if isinstance(exc, (OperationalError, InterfaceError)):
        body = render_to_string("503_database.html")
        response = HttpResponse(body, status=503)
        response["Retry-After"] = "30"
        return response
    return HttpResponse(render_to_string("500.html"), status=500)


@role_required("admin", message=ADMIN_REFUSAL)
def administration(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The administrator's own pages, each app's registered as extensions.ADMINISTRATION_PAGES."""
    pages = [
        {"title": title, "url": reverse(url_name), "description": description}
        for title, url_name, description in extensions.registered(extensions.ADMINISTRATION_PAGES)
    ]
    return render(request, "administration.html", {"pages": pages})


@role_required("admin", message=ADMIN_REFUSAL)
def site_settings(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The landlord's name, logo, colours, contact details and the site's switches."""
    site = SiteSettings.objects.get(pk=SiteSettings.load().pk)
    form = SiteSettingsForm(request.POST or None, request.FILES or None, instance=site)
    done = run_form(
        request, form, lambda data: services.update_site_settings(
            by=request.user, version=data["version"], fields=form.settings_fields(),
            switch_values=form.switch_values(),
        ), success=gettext("The site settings have been saved."), redirect_to="site-settings",
    )
    return done or render(request, "site_settings.html", {"form": form})
