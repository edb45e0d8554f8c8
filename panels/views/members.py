"""A panel's members: who is on it now and before, adding, inviting, roles and leaving."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from accounts.http import AuthenticatedHttpRequest
from panels import kept_parts, permissions, selectors, services
from panels.forms import AddMemberForm, EndMembershipForm, MemberListForm, MembershipRoleForm
from panels.kept_members import member_rows, members_key
from panels.models import Membership, Panel, PanelInvitation
from panels.services.member_list import MOST_AT_ONCE
from panels.views.common import MANAGERS_ONLY, managed_panel, viewable_panel
from scrutiny.forms import run_form
from scrutiny.permissions import require
from scrutiny.translated import shown

MEMBERS_PER_PAGE = 50


@login_required
def members(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    panel = viewable_panel(request, pk)
    can_manage = permissions.can_manage_panel(request.user, panel)
    show_contacts = permissions.can_see_contact_details(request.user, panel)
    current = Paginator(selectors.current_members(panel), MEMBERS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "panels/members.html",
        {
            "panel": panel,
            "members": current,
            # Drawn once and kept while nothing it shows changes (the rows are read only then).
            "member_rows": member_rows(
                panel_id=panel.pk, page=current, show_contacts=show_contacts, can_manage=can_manage
            ),
            "past_members": _past_members(panel, request.GET.get("past_page", "")[:20]),
            "pending": Paginator(
                selectors.pending_places(panel) if can_manage else PanelInvitation.objects.none(),
                MEMBERS_PER_PAGE,
            ).get_page(request.GET.get("invited_page")),
            "can_manage": can_manage,
            "show_contacts": show_contacts,
        },
    )


def _past_members(panel: Panel, page: str) -> SafeString:
    """A page of the people who have left, kept under the panel's members version (renewed by its
    memberships and its members' names) and today's date; the same for everyone who may see it."""
    panel_name = shown(panel, "name")

    def draw() -> tuple[dict[str, Any], int]:
        past = Paginator(selectors.past_members(panel), MEMBERS_PER_PAGE).get_page(page)
        return {"past": past, "panel_name": panel_name}, kept_parts.KEPT_SECONDS

    return kept_parts.kept(
        "panels:past-members", template="panels/_past_members.html", keys=[members_key(panel.pk)],
        varies=[panel.pk, page, str(panel_name)], draw=draw,
    )[0]


@login_required
def add_member(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    panel = managed_panel(request, pk)
    can_choose = permissions.can_choose_site_role(request.user)
    form = AddMemberForm(request.POST or None, can_choose_site_role=can_choose)

    def said(result: tuple[str, Any]) -> str:
        outcome, thing = result
        if outcome == "added":
            return _("%(name)s is now a member of %(panel)s.") % {
                "name": thing.user.display_name, "panel": panel.name}
        if outcome == "already invited":
            invitation = thing.invitation
            invited_at = timezone.localtime(invitation.sent_at or invitation.created_at)
            return _(
                "%(name)s was invited on %(date)s and has not accepted yet; they will join %(panel)s "
                "when they accept."
            ) % {"name": invitation.display_name, "date": date_format(invited_at, "j F Y"),
                 "panel": panel.name}
        return _(
            "An invitation is on its way to %(email)s. They will join %(panel)s when they accept it."
        ) % {"email": thing.invitation.email, "panel": panel.name}

    done = run_form(
        request, form, lambda data: services.add_or_invite(panel=panel, by=request.user, **data),
        success=said, redirect_to=reverse("panels:members", args=[panel.pk]),
    )
    return done or render(request, "panels/add_member.html", {"panel": panel, "form": form})


@login_required
def add_member_list(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Add or invite many people at once: the list is checked and shown line by line first, and
    added (all of it, or nobody) only when the person confirms what they saw."""
    panel = managed_panel(request, pk)
    can_choose = permissions.can_choose_site_role(request.user)
    form = MemberListForm(request.POST or None, request.FILES or None, can_choose_site_role=can_choose)
    checked = None
    if request.method == "POST" and form.is_valid():
        text = form.cleaned_data["people"]
        refused = []
        if "confirm" in request.POST:
            try:
                done = services.add_member_list(panel=panel, by=request.user, text=text)
            except ValidationError as exc:
                refused = exc.messages
            else:
                messages.success(request, _list_added(done, panel))
                return redirect("panels:members", panel.pk)
        checked = services.check_member_list(panel=panel, by=request.user, text=text)
        # A list read from a file goes in the box, to be corrected there and checked again.
        form = MemberListForm({"people": text}, can_choose_site_role=can_choose)
        form.is_valid()
        for problem in dict.fromkeys(checked.problems + refused):
            form.add_error("people", problem)
    return render(
        request,
        "panels/add_member_list.html",
        {"panel": panel, "form": form, "checked": checked, "most": MOST_AT_ONCE},
    )


def _list_added(done: dict[str, int], panel: Panel) -> str:
    said = []
    if count := done["added"]:
        said.append(ngettext("%(count)s person added to %(panel)s", "%(count)s people added to %(panel)s",
                             count) % {"count": count, "panel": panel.name})
    if count := done["invited"]:
        said.append(ngettext(
            "%(count)s person invited to the site, to join when they accept",
            "%(count)s people invited to the site, to join when they accept", count,
        ) % {"count": count})
    if count := done["already invited"]:
        said.append(ngettext(
            "%(count)s person already invited: %(panel)s was added to their invitation",
            "%(count)s people already invited: %(panel)s was added to their invitation", count,
        ) % {"count": count, "panel": panel.name})
    return "; ".join(said) + "."


def _managed_membership(request: AuthenticatedHttpRequest, pk: int) -> Membership:
    membership = get_object_or_404(Membership.objects.select_related("panel", "user"), pk=pk)
    require(permissions.can_manage_panel(request.user, membership.panel), MANAGERS_ONLY)
    return membership


@login_required
def change_role(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    membership = _managed_membership(request, pk)
    form = MembershipRoleForm(request.POST or None, initial={"role": membership.role})
    done = run_form(
        request, form,
        lambda data: services.change_role(membership=membership, by=request.user, **data),
        success=lambda _done: _("%(name)s is now %(role)s.") % {
            "name": membership.user.display_name, "role": membership.get_role_display().lower()},
        redirect_to=reverse("panels:members", args=[membership.panel_id]),
    )
    return done or render(
        request,
        "panels/membership_form.html",
        {
            "form": form,
            "membership": membership,
            "panel": membership.panel,
            "title": _("Change %(name)s's role") % {"name": membership.user.display_name},
            "submit_label": _("Change the role"),
        },
    )


@login_required
def end_membership(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    membership = _managed_membership(request, pk)
    form = EndMembershipForm(request.POST or None)
    done = run_form(
        request, form,
        lambda data: services.end_membership(membership=membership, by=request.user, **data),
        success=_("%(name)s has left %(panel)s.") % {
            "name": membership.user.display_name, "panel": membership.panel.name},
        redirect_to=reverse("panels:members", args=[membership.panel_id]),
    )
    return done or render(
        request,
        "panels/membership_form.html",
        {
            "form": form,
            "membership": membership,
            "panel": membership.panel,
            "title": _("Record that %(name)s has left") % {"name": membership.user.display_name},
            "submit_label": _("Record that they left"),
        },
    )


@require_POST
@login_required
def cancel_place(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    place = get_object_or_404(PanelInvitation.objects.select_related("panel", "invitation"), pk=pk)
    require(permissions.can_manage_panel(request.user, place.panel), MANAGERS_ONLY)
    try:
        services.cancel_place(place=place, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The place kept for %(name)s has been withdrawn.") % {
            "name": place.invitation.display_name})
    return redirect("panels:members", place.panel_id)
