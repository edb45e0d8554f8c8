"""Every panels URL against every role.

Panel "ours" has people["tenant"] as a member and people["officer"] as its supporting officer
(so the officer manages it); the manager and admin are not members. Panel "theirs" has no
members among people. Rows that change data make a fresh thing for each role.
"""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts.models import Invitation
from panels.models import Meeting, MeetingItem, MeetingPaper, Panel, PanelInvitation, PanelRole
from tests.factories.accounts import UserFactory
from tests.factories.panels import MeetingFactory, MembershipFactory, PanelFactory, TrainingFactory
from tests.permission_matrix import (
    FORBIDDEN,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    REDIRECT,
    Row,
    admins_only,
    everyone,
    expect,
)

B = "/panels"
MANAGERS = {"tenant": FORBIDDEN, "officer": OK, "manager": FORBIDDEN, "admin": OK}  # of "ours"
MEMBERS = {"tenant": OK, "officer": OK, "manager": FORBIDDEN, "admin": FORBIDDEN}  # of "ours"
STAFF = {"tenant": FORBIDDEN, "officer": OK, "manager": OK, "admin": OK}


def _done(codes):
    return {role: REDIRECT if code == OK else code for role, code in codes.items()}


def _post_only():
    return everyone(NOT_ALLOWED, anonymous=NOT_ALLOWED)


def _file(name="paper.txt"):
    return SimpleUploadedFile(name, b"Notes for the meeting.")


def rows(people):
    today = timezone.localdate()
    ours = PanelFactory(name="Ours", terms_of_reference_file=_file("terms.txt"))
    theirs = PanelFactory(name="Theirs", terms_of_reference_file=_file("terms.txt"))
    MembershipFactory(panel=ours, user=people["tenant"])
    MembershipFactory(panel=ours, user=people["officer"], role=PanelRole.SUPPORTING_OFFICER)
    colleague = MembershipFactory(panel=ours).user  # another tenant on our panel
    outsider = UserFactory()  # a tenant on no panel
    stranger_membership = MembershipFactory(panel=ours)
    upcoming = MeetingFactory(panel=ours)
    past = MeetingFactory(panel=ours, date=today - datetime.timedelta(days=14))
    elsewhere = MeetingFactory(panel=theirs)
    paper = MeetingPaper.objects.create(meeting=past, title="Report", file=_file())
    hidden_paper = MeetingPaper.objects.create(meeting=elsewhere, title="Report", file=_file())
    training = TrainingFactory(user=colleague, certificate=_file("certificate.txt"))
    no_certificate = TrainingFactory(user=colleague)
    tomorrow = (today + datetime.timedelta(days=1)).isoformat()

    def fresh_membership(role):
        return MembershipFactory(panel=ours).pk

    def fresh_place(role):
        invitation = Invitation(email=f"place-{role}@example.org", display_name="Invited Person")
        invitation.new_token()
        invitation.save()
        return PanelInvitation.objects.create(panel=ours, invitation=invitation).pk

    def me(role):
        return people.get(role, people["tenant"]).pk

    meeting_data = {
        "title": "Panel meeting",
        "date": tomorrow,
        "start_time": "10:00",
        "end_time": "12:00",
        "place": "Housing Office",
    }
    return [
        Row("panels:list", f"{B}/", everyone(OK)),
        Row("panels:list", f"{B}/?show=closed", everyone(OK)),
        Row("panels:new", f"{B}/new/", admins_only()),
        Row(
            "panels:new",
            f"{B}/new/",
            admins_only(REDIRECT),
            method="post",
            data=lambda role: {"name": f"Working group {role}", "kind": "working_group", "is_active": "on"},
        ),
        Row("panels:detail", f"{B}/{ours.pk}/", everyone(OK)),
        Row("panels:detail", f"{B}/{theirs.pk}/", expect(**STAFF)),
        Row("panels:detail", f"{B}/999999/", everyone(NOT_FOUND)),
        Row("panels:edit", f"{B}/{ours.pk}/edit/", admins_only()),
        Row(
            "panels:edit",
            f"{B}/{ours.pk}/edit/",
            admins_only(REDIRECT),
            method="post",
            data=lambda role: {
                "name": "Ours", "kind": "scrutiny_panel", "is_active": "on",
                "version": Panel.objects.get(pk=ours.pk).version,
            },
        ),
        Row("panels:terms", f"{B}/{ours.pk}/terms-of-reference/", everyone(OK)),
        Row("panels:terms", f"{B}/{theirs.pk}/terms-of-reference/", expect(**STAFF)),
        # Members
        Row("panels:members", f"{B}/{ours.pk}/members/", everyone(OK)),
        Row("panels:members", f"{B}/{theirs.pk}/members/", expect(**STAFF)),
        Row("panels:add-member", f"{B}/{ours.pk}/members/add/", expect(**MANAGERS)),
        Row("panels:add-member", f"{B}/{theirs.pk}/members/add/", admins_only()),
        Row(
            "panels:add-member",
            f"{B}/{ours.pk}/members/add/",
            expect(**_done(MANAGERS)),
            method="post",
            data=lambda role: {
                "email": f"new-{role}@example.org",
                "display_name": "New Person",
                "role": "member",
                "joined_on": today.isoformat(),
            },
        ),
        Row("panels:add-member-list", f"{B}/{ours.pk}/members/add-list/", expect(**MANAGERS)),
        Row("panels:add-member-list", f"{B}/{theirs.pk}/members/add-list/", admins_only()),
        Row(
            "panels:add-member-list",
            f"{B}/{ours.pk}/members/add-list/",
            expect(**MANAGERS),  # checking the list shows it, changing nothing
            method="post",
            data=lambda role: {"people": f"Listed Person, listed-{role}@example.org, member"},
        ),
        Row(
            "panels:add-member-list",
            f"{B}/{ours.pk}/members/add-list/",
            expect(**_done(MANAGERS)),
            method="post",
            data=lambda role: {"people": f"Listed Person, confirmed-{role}@example.org", "confirm": "yes"},
        ),
        Row("panels:change-role", f"{B}/members/{stranger_membership.pk}/role/", expect(**MANAGERS)),
        Row(
            "panels:change-role",
            lambda role: f"{B}/members/{fresh_membership(role)}/role/",
            expect(**_done(MANAGERS)),
            method="post",
            data={"role": "vice_chair"},
        ),
        Row("panels:end-membership", f"{B}/members/{stranger_membership.pk}/leave/", expect(**MANAGERS)),
        Row(
            "panels:end-membership",
            lambda role: f"{B}/members/{fresh_membership(role)}/leave/",
            expect(**_done(MANAGERS)),
            method="post",
            data={"left_on": today.isoformat()},
        ),
        Row(
            "panels:cancel-place",
            lambda role: f"{B}/places/{fresh_place(role)}/withdraw/",
            expect(**_done(MANAGERS)),
            method="post",
        ),
        Row("panels:cancel-place", lambda role: f"{B}/places/{fresh_place(role)}/withdraw/", _post_only()),
        # Training
        Row("panels:training", f"{B}/{ours.pk}/training/", everyone(OK)),
        Row("panels:training", f"{B}/{theirs.pk}/training/", expect(**STAFF)),
        Row("panels:person", lambda role: f"{B}/people/{me(role)}/", everyone(OK)),
        Row("panels:person", f"{B}/people/{outsider.pk}/", expect(**STAFF)),
        Row("panels:person", f"{B}/people/{colleague.pk}/?year=2025-04-01", expect(**STAFF)),
        Row("panels:add-training", lambda role: f"{B}/people/{me(role)}/training/add/", everyone(OK)),
        Row("panels:add-training", f"{B}/people/{colleague.pk}/training/add/", expect(**MANAGERS)),
        Row(
            "panels:add-training",
            lambda role: f"{B}/people/{me(role)}/training/add/",
            everyone(REDIRECT),
            method="post",
            data={"course": "Chairing meetings well", "completed_on": "2026-01-05"},
        ),
        Row("panels:edit-training", f"{B}/training/{training.pk}/edit/", expect(**MANAGERS)),
        Row(
            "panels:delete-training",
            lambda role: f"{B}/training/{TrainingFactory(user=colleague).pk}/delete/",
            expect(**_done(MANAGERS)),
            method="post",
        ),
        Row("panels:delete-training", f"{B}/training/{training.pk}/delete/", _post_only()),
        Row("panels:certificate", f"{B}/training/{training.pk}/certificate/", expect(**MANAGERS)),
        Row(
            "panels:certificate",
            f"{B}/training/{no_certificate.pk}/certificate/",
            expect(tenant=FORBIDDEN, officer=NOT_FOUND, manager=FORBIDDEN, admin=NOT_FOUND),
        ),
        # Meetings
        Row("panels:meetings", f"{B}/{ours.pk}/meetings/", everyone(OK)),
        Row("panels:meetings", f"{B}/{theirs.pk}/meetings/", expect(**STAFF)),
        Row("panels:new-meeting", f"{B}/{ours.pk}/meetings/new/", expect(**MANAGERS)),
        Row(
            "panels:new-meeting",
            f"{B}/{ours.pk}/meetings/new/",
            expect(**_done(MANAGERS)),
            method="post",
            data=meeting_data,
        ),
        Row("panels:meeting", f"{B}/meetings/{upcoming.pk}/", everyone(OK)),
        Row("panels:meeting", f"{B}/meetings/{past.pk}/", everyone(OK)),
        Row("panels:meeting", f"{B}/meetings/{elsewhere.pk}/", expect(**STAFF)),
        Row("panels:edit-meeting", f"{B}/meetings/{upcoming.pk}/edit/", expect(**MANAGERS)),
        Row(
            "panels:edit-meeting",
            f"{B}/meetings/{upcoming.pk}/edit/",
            expect(**_done(MANAGERS)),
            method="post",
            data=lambda role: {**meeting_data, "version": Meeting.objects.get(pk=upcoming.pk).version},
        ),
        Row("panels:meeting-ics", f"{B}/meetings/{upcoming.pk}/calendar.ics", everyone(OK)),
        Row("panels:meeting-ics", f"{B}/meetings/{elsewhere.pk}/calendar.ics", expect(**STAFF)),
        Row("panels:apologies", f"{B}/meetings/{upcoming.pk}/apologies/", expect(**MEMBERS)),
        Row(
            "panels:apologies",
            f"{B}/meetings/{upcoming.pk}/apologies/",
            expect(**_done(MEMBERS)),
            method="post",
            data={"note": "Hospital appointment."},
        ),
        Row("panels:apologies", f"{B}/meetings/{past.pk}/apologies/", expect(**_done(MEMBERS))),
        Row(
            "panels:apologies",
            f"{B}/meetings/{elsewhere.pk}/apologies/",
            expect(tenant=FORBIDDEN, officer=FORBIDDEN, manager=FORBIDDEN, admin=FORBIDDEN),
        ),
        Row(
            "panels:withdraw-apologies",
            f"{B}/meetings/{upcoming.pk}/apologies/withdraw/",
            expect(**_done(MEMBERS)),
            method="post",
        ),
        Row("panels:withdraw-apologies", f"{B}/meetings/{upcoming.pk}/apologies/withdraw/", _post_only()),
        Row("panels:attendance", f"{B}/meetings/{past.pk}/attendance/", expect(**MANAGERS)),
        Row(
            "panels:attendance",
            f"{B}/meetings/{past.pk}/attendance/",
            expect(**_done(MANAGERS)),
            method="post",
            data={f"status_{colleague.pk}": "present", f"hours_{colleague.pk}": ""},
        ),
        Row("panels:attendance", f"{B}/meetings/{elsewhere.pk}/attendance/", admins_only()),
        Row("panels:add-paper", f"{B}/meetings/{past.pk}/papers/add/", expect(**MANAGERS)),
        Row(
            "panels:add-paper",
            f"{B}/meetings/{past.pk}/papers/add/",
            expect(**_done(MANAGERS)),
            method="post",
            data=lambda role: {"title": "Minutes", "file": _file()},
        ),
        Row("panels:paper", f"{B}/papers/{paper.pk}/", everyone(OK)),
        Row("panels:paper", f"{B}/papers/{hidden_paper.pk}/", expect(**STAFF)),
        Row(
            "panels:remove-paper",
            lambda role: (
                f"{B}/papers/{MeetingPaper.objects.create(meeting=past, title='x', file=_file()).pk}/remove/"
            ),
            expect(**_done(MANAGERS)),
            method="post",
        ),
        Row("panels:remove-paper", f"{B}/papers/{paper.pk}/remove/", _post_only()),
        Row("panels:add-item", f"{B}/meetings/{past.pk}/items/add/", expect(**MANAGERS)),
        Row(
            "panels:add-item",
            f"{B}/meetings/{past.pk}/items/add/",
            expect(**_done(MANAGERS)),
            method="post",
            data={"kind": "decision", "text": "The report was agreed."},
        ),
        Row(
            "panels:remove-item",
            lambda role: (
                f"{B}/items/{MeetingItem.objects.create(meeting=past, kind='decision', text='x').pk}/remove/"
            ),
            expect(**_done(MANAGERS)),
            method="post",
        ),
        Row("panels:remove-item", f"{B}/items/999999/remove/", _post_only()),
        # Volunteering figures
        Row("panels:figures", f"{B}/volunteering/", expect(**STAFF)),
        Row("panels:figures", f"{B}/volunteering/?start=2025-04-01&end=2025-09-30", expect(**STAFF)),
        Row("panels:panel-figures", f"{B}/{ours.pk}/volunteering/", expect(**STAFF)),
        Row("panels:panel-figures", f"{B}/{theirs.pk}/volunteering/", expect(**STAFF)),
    ]
