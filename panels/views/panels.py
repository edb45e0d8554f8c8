"""The panel list, a panel's page, setting panels up and their terms of reference."""

from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from accounts.http import AuthenticatedHttpRequest
from accounts.models import User
from panels import kept_parts, permissions, selectors, services
from panels.forms import PanelForm
from panels.kept_members import members_key
from panels.models import Membership, Panel
from panels.selectors.volunteering import PAGE_FIGURES_SECONDS, figures_key
from panels.views.common import panel_page_sections, viewable_panel
from scrutiny import uploads
from scrutiny.forms import run_form
from scrutiny.permissions import require
from scrutiny.translated import version

# The panel page shows this many members; the members page lists everyone, a page at a time.
MEMBERS_SHOWN = 12


@login_required
def panel_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    closed = request.GET.get("show") == "closed"
    return render(
        request,
        "panels/panel_list.html",
        {
            "panels": selectors.visible_panels(request.user, closed=closed),
            "closed": closed,
            "can_create": permissions.can_create_panel(request.user),
        },
    )


@login_required
def detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    panel = viewable_panel(request, pk)
    user = request.user
    can_manage = permissions.can_manage_panel(user, panel)
    show_contacts = permissions.can_see_contact_details(user, panel)
    membership = permissions.current_membership(user, panel)
    can_see_figures = permissions.can_view_panel_figures(user, panel)
    first_members, members = _first_members(panel, show_contacts=show_contacts, can_manage=can_manage)
    return render(
        request,
        "panels/panel_detail.html",
        {
            "panel": panel,
            "next_meetings": _next_meetings(panel, user, membership),
            "first_members": first_members,
            "member_count": members["count"],
            "members_shown": members["shown"],
            "panel_figures": _panel_figures(panel, can_see_figures=can_see_figures),
            "pending": kept_parts.pending_names(panel.pk, lambda: selectors.pending_places(panel))
            if can_manage else [],
            "sections": panel_page_sections(panel, user),
            "can_manage": can_manage,
            "can_edit": permissions.can_edit_panel(user, panel),
            "can_see_figures": can_see_figures,
            "show_contacts": show_contacts,
            "membership": membership,
            "terms_in_english": version(panel, "terms_of_reference")[1],
        },
    )


def _panel_figures(panel: Panel, *, can_see_figures: bool) -> SafeString:
    """Training due and this year's volunteering figures, kept under the panel's figures version
    (panels/selectors/volunteering.py) for as long as the figures may be: meetings become held as
    they end, with nothing saved."""
    period = selectors.financial_year()

    def draw() -> tuple[dict[str, Any], int]:
        context = {"panel": panel, "period": period, "can_see_figures": can_see_figures,
                   "figures": selectors.page_figures(panel=panel, period=period),
                   "due_count": selectors.page_due_count(panel)}
        return context, PAGE_FIGURES_SECONDS

    return kept_parts.kept(
        "panels:panel-figures", template="panels/_panel_figures.html", keys=[figures_key(panel.pk)],
        varies=[panel.pk, can_see_figures, period.start, period.end], draw=draw,
    )[0]


def _next_meetings(panel: Panel, user: User, membership: Membership | None) -> SafeString:
    """The panel's next few meetings, with the person's own attendance: kept for each person."""
    def draw() -> tuple[dict[str, Any], int]:
        upcoming = list(selectors.upcoming_meetings(panel, user)[:3])
        return {"upcoming": upcoming, "membership": membership}, kept_parts.until_first_ends(upcoming)

    return kept_parts.kept(
        "panels:next-meetings", template="panels/_next_meetings.html",
        keys=[kept_parts.meetings_key(panel.pk)],
        varies=[panel.pk, user.pk, membership is not None], draw=draw,
    )[0]


def _first_members(
    panel: Panel, *, show_contacts: bool, can_manage: bool
) -> tuple[SafeString, dict[str, int]]:
    """The first few members (chairs and officers first; everyone is on the members page), with
    how many there are and how many are shown: the same for everyone who may see and do the same."""
    def draw() -> tuple[dict[str, Any], int]:
        members = selectors.current_members(panel)
        shown = list(members[:MEMBERS_SHOWN])
        count = members.count() if len(shown) == MEMBERS_SHOWN else len(shown)
        context = {"members": shown, "member_count": count, "show_contacts": show_contacts,
                   "can_manage": can_manage, "kept": {"count": count, "shown": len(shown)}}
        return context, kept_parts.KEPT_SECONDS

    return kept_parts.kept(
        "panels:first-members", template="panels/_first_members.html", keys=[members_key(panel.pk)],
        varies=[panel.pk, show_contacts, can_manage], draw=draw,
    )


def _save_panel(request: AuthenticatedHttpRequest, form: forms.BaseForm, panel: Panel | None = None) -> Panel:
    data = dict(form.cleaned_data)
    terms_file = data.pop("terms_file", None)
    remove = data.pop("remove_terms_file", False)
    if panel is None:
        return services.create_panel(by=request.user, terms_file=terms_file, **data)
    return services.update_panel(
        panel=panel, by=request.user, terms_file=terms_file, remove_terms_file=remove, **data
    )


@login_required
def new(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_create_panel(request.user), _("Only administrators can set up panels."))
    form = PanelForm(request.POST or None, request.FILES or None)
    done = run_form(
        request, form, lambda data: _save_panel(request, form),
        success=lambda panel: _("%(panel)s has been set up. Now add its members.") % {"panel": panel.name},
    )
    return done or render(request, "panels/panel_form.html", {"form": form})


@login_required
def edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    panel = get_object_or_404(Panel, pk=pk)
    require(
        permissions.can_edit_panel(request.user, panel),
        _("Only administrators can change a panel's details."),
    )
    form = PanelForm(request.POST or None, request.FILES or None, instance=panel)
    done = run_form(
        request, form, lambda data: _save_panel(request, form, panel),
        success=_("The panel's details have been saved."),
    )
    return done or render(request, "panels/panel_form.html", {"form": form, "panel": panel})


@login_required
def terms_of_reference(request: AuthenticatedHttpRequest, pk: int) -> FileResponse:
    panel = viewable_panel(request, pk)
    if not panel.terms_of_reference_file:
        raise Http404("This panel has no terms of reference document.")
    name = _("%(panel)s terms of reference") % {"panel": panel.name}
    return uploads.serve(panel.terms_of_reference_file, download_name=name)
