"""What a panel role changes: the chair, vice-chair and supporting officer run the panel's
business, a member takes part, and a former member no longer sees the panel's pages.

The site roles (people) are on no panel here: tenants are refused, staff follow their role."""

import datetime

from django.utils import timezone

from tests.factories.panels import MeetingFactory, MembershipFactory, PanelFactory
from tests.permission_matrix import (
    FORBIDDEN,
    OK,
    REDIRECT,
    Row,
    panel_cast,
    panel_roles,
)

F = FORBIDDEN


def rows(people):
    today = timezone.localdate()
    panel = PanelFactory(name="Roles panel")
    cast = panel_cast(panel)
    upcoming = MeetingFactory(panel=panel)
    past = MeetingFactory(panel=panel, date=today - datetime.timedelta(days=7))

    def fresh_membership(role):
        return MembershipFactory(panel=panel, joined_on=datetime.date(2024, 1, 1)).pk

    view = panel_roles(tenant=F, officer=OK, manager=OK, admin=OK, chair=OK, vice_chair=OK,
                       supporting_officer=OK, member=OK, former_member=F)
    manage = panel_roles(tenant=F, officer=F, manager=F, admin=OK, chair=OK, vice_chair=OK,
                         supporting_officer=OK, member=F, former_member=F)
    managed = {role: REDIRECT if code == OK else code for role, code in manage.items()}
    admin_only = panel_roles(tenant=F, officer=F, manager=F, admin=OK, chair=F, vice_chair=F,
                             supporting_officer=F, member=F, former_member=F)
    apologise = panel_roles(tenant=F, officer=F, manager=F, admin=F, chair=OK, vice_chair=OK,
                            supporting_officer=OK, member=OK, former_member=F)
    figures = {**manage, "officer": OK, "manager": OK}  # staff see every panel's figures
    meeting_data = {"title": "Panel meeting", "date": (today + datetime.timedelta(days=3)).isoformat(),
                    "start_time": "10:00", "end_time": "12:00", "place": "Housing Office"}

    def row(name, url, expected, **kwargs):
        return Row(name, url, expected, cast=cast, **kwargs)

    return [
        row("panels:detail", f"/panels/{panel.pk}/", view),
        row("panels:members", f"/panels/{panel.pk}/members/", view),
        row("panels:meetings", f"/panels/{panel.pk}/meetings/", view),
        row("panels:meeting", f"/panels/meetings/{upcoming.pk}/", view),
        row("panels:edit", f"/panels/{panel.pk}/edit/", admin_only),
        row("panels:add-member", f"/panels/{panel.pk}/members/add/", manage),
        row("panels:add-member", f"/panels/{panel.pk}/members/add/", managed, method="post",
            data=lambda role: {"email": f"joiner-{role}@example.org", "display_name": "New Person",
                               "role": "member", "joined_on": today.isoformat()}),
        row("panels:add-member-list", f"/panels/{panel.pk}/members/add-list/", manage),
        row("panels:add-member-list", f"/panels/{panel.pk}/members/add-list/", managed, method="post",
            data=lambda role: {"people": f"New Person, listed-{role}@example.org", "confirm": "yes"}),
        row("panels:change-role", lambda role: f"/panels/members/{fresh_membership(role)}/role/", manage),
        row("panels:change-role", lambda role: f"/panels/members/{fresh_membership(role)}/role/", managed,
            method="post", data={"role": "vice_chair"}),
        row("panels:end-membership", lambda role: f"/panels/members/{fresh_membership(role)}/leave/",
            managed, method="post", data={"left_on": today.isoformat()}),
        row("panels:new-meeting", f"/panels/{panel.pk}/meetings/new/", manage),
        row("panels:new-meeting", f"/panels/{panel.pk}/meetings/new/", managed, method="post",
            data=meeting_data),
        row("panels:attendance", f"/panels/meetings/{past.pk}/attendance/", manage),
        row("panels:add-paper", f"/panels/meetings/{upcoming.pk}/papers/add/", manage),
        row("panels:add-item", f"/panels/meetings/{past.pk}/items/add/", manage),
        row("panels:apologies", f"/panels/meetings/{upcoming.pk}/apologies/", apologise),
        row("panels:panel-figures", f"/panels/{panel.pk}/volunteering/", figures),
    ]
