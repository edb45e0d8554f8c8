"""A panel's members: who is on it now and before, adding, inviting, roles and leaving."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts.services import already_invited
from panels import permissions, selectors, services
from panels.forms import AddMemberForm, EndMembershipForm, MembershipRoleForm
from panels.models import Membership, PanelInvitation
from panels.views.common import MANAGERS_ONLY, managed_panel, viewable_panel
from scrutiny.forms import run_form
from scrutiny.page_cache import kept_for_person
from scrutiny.permissions import require

MEMBERS_PER_PAGE = 50


@login_required
@kept_for_person
def members(request, pk):
    panel = viewable_panel(request, pk)
    can_manage = permissions.can_manage_panel(request.user, panel)
    return render(
        request,
        "panels/members.html",
        {
            "panel": panel,
            "members": Paginator(selectors.current_members(panel), MEMBERS_PER_PAGE).get_page(
                request.GET.get("page")
            ),
            "past": Paginator(selectors.past_members(panel), MEMBERS_PER_PAGE).get_page(
                request.GET.get("past_page")
            ),
            "pending": list(selectors.pending_places(panel)) if can_manage else [],
            "can_manage": can_manage,
            "show_contacts": permissions.can_see_contact_details(request.user, panel),
        },
    )


@login_required
def add_member(request, pk):
    panel = managed_panel(request, pk)
    can_choose = permissions.can_choose_site_role(request.user)
    form = AddMemberForm(request.POST or None, can_choose_site_role=can_choose)

    def said(result) -> str:
        outcome, thing = result
        if outcome == "added":
            return f"{thing.user.display_name} is now a member of {panel.name}."
        if outcome == "already invited":
            return (f"{already_invited(thing.invitation).removesuffix('.')}; they will join "
                    f"{panel.name} when they accept.")
        return (f"An invitation is on its way to {thing.invitation.email}. They will join "
                f"{panel.name} when they accept it.")

    done = run_form(
        request, form, lambda data: services.add_or_invite(panel=panel, by=request.user, **data),
        success=said, redirect_to=reverse("panels:members", args=[panel.pk]),
    )
    return done or render(request, "panels/add_member.html", {"panel": panel, "form": form})


def _managed_membership(request, pk):
    membership = get_object_or_404(Membership.objects.select_related("panel", "user"), pk=pk)
    require(permissions.can_manage_panel(request.user, membership.panel), MANAGERS_ONLY)
    return membership


@login_required
def change_role(request, pk):
    membership = _managed_membership(request, pk)
    form = MembershipRoleForm(request.POST or None, initial={"role": membership.role})
    done = run_form(
        request, form,
        lambda data: services.change_role(membership=membership, by=request.user, **data),
        success=lambda _: f"{membership.user.display_name} is now {membership.get_role_display().lower()}.",
        redirect_to=reverse("panels:members", args=[membership.panel_id]),
    )
    return done or render(
        request,
        "panels/membership_form.html",
        {
            "form": form,
            "membership": membership,
            "panel": membership.panel,
            "title": f"Change {membership.user.display_name}'s role",
            "submit_label": "Change the role",
        },
    )


@login_required
def end_membership(request, pk):
    membership = _managed_membership(request, pk)
    form = EndMembershipForm(request.POST or None)
    done = run_form(
        request, form,
        lambda data: services.end_membership(membership=membership, by=request.user, **data),
        success=f"{membership.user.display_name} has left {membership.panel.name}.",
        redirect_to=reverse("panels:members", args=[membership.panel_id]),
    )
    return done or render(
        request,
        "panels/membership_form.html",
        {
            "form": form,
            "membership": membership,
            "panel": membership.panel,
            "title": f"Record that {membership.user.display_name} has left",
            "submit_label": "Record that they left",
        },
    )


@require_POST
@login_required
def cancel_place(request, pk):
    place = get_object_or_404(PanelInvitation.objects.select_related("panel", "invitation"), pk=pk)
    require(permissions.can_manage_panel(request.user, place.panel), MANAGERS_ONLY)
    try:
        services.cancel_place(place=place, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"The place kept for {place.invitation.display_name} has been withdrawn.")
    return redirect("panels:members", place.panel_id)
