"""Adding, inviting, changing and ending memberships, with history kept."""

import datetime
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from accounts.models import Invitation
from panels import services
from panels.models import Membership, PanelInvitation, PanelRole
from tests.db_unchanged import assert_db_unchanged
from tests.factories.accounts import UserFactory
from tests.factories.panels import MembershipFactory, PanelFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


@pytest.fixture
def panel():
    return PanelFactory(name="SURE Team")


@pytest.fixture
def chair(panel):
    return MembershipFactory(panel=panel, role=PanelRole.CHAIR).user


def test_a_chair_adds_someone_who_already_has_an_account(panel, chair):
    person = UserFactory(email="jean@example.org")
    outcome, membership = services.add_or_invite(panel=panel, email="Jean@Example.org", by=chair)
    assert outcome == "added"
    assert (membership.user, membership.role, membership.added_by) == (person, PanelRole.MEMBER, chair)
    assert membership.is_current


def test_a_plain_member_cannot_add_members(panel):
    member = MembershipFactory(panel=panel).user
    newcomer = UserFactory()
    with assert_db_unchanged(), pytest.raises(PermissionDenied):
        services.add_member(panel=panel, user=newcomer, by=member)


def test_someone_already_on_the_panel_is_not_added_twice(panel, chair):
    member = MembershipFactory(panel=panel).user
    with pytest.raises(ValidationError) as exc:
        services.add_member(panel=panel, user=member, by=chair)
    assert "already a member" in str(exc.value)


def test_leaving_and_rejoining_keeps_both_spells(panel, chair):
    person = UserFactory()
    first = services.add_member(
        panel=panel, user=person, by=chair, joined_on=TODAY() - datetime.timedelta(days=300)
    )
    services.end_membership(membership=first, left_on=TODAY() - datetime.timedelta(days=100), by=chair)
    second = services.add_member(
        panel=panel, user=person, by=chair, joined_on=TODAY() - datetime.timedelta(days=10)
    )
    spells = list(Membership.objects.filter(panel=panel, user=person).order_by("joined_on"))
    assert spells == [first, second]
    assert spells[0].left_on == TODAY() - datetime.timedelta(days=100)
    assert Membership.objects.current().filter(panel=panel, user=person).get() == second


def test_a_rejoining_date_before_the_person_left_is_refused(panel, chair):
    person = UserFactory()
    first = services.add_member(
        panel=panel, user=person, by=chair, joined_on=TODAY() - datetime.timedelta(days=300)
    )
    services.end_membership(membership=first, left_on=TODAY() - datetime.timedelta(days=100), by=chair)
    with pytest.raises(ValidationError) as exc:
        services.add_member(
            panel=panel, user=person, by=chair, joined_on=TODAY() - datetime.timedelta(days=200)
        )
    assert "joined_on" in exc.value.error_dict


def test_leaving_before_joining_is_refused(panel, chair):
    membership = MembershipFactory(panel=panel, joined_on=TODAY())
    with pytest.raises(ValidationError):
        services.end_membership(
            membership=membership, left_on=TODAY() - datetime.timedelta(days=1), by=chair
        )


def test_nobody_joins_a_closed_panel(chair, panel):
    panel.is_active = False
    panel.save()
    with pytest.raises(ValidationError):
        services.add_member(panel=panel, user=UserFactory(), by=UserFactory(role="admin"))


def test_a_chair_invites_a_new_person_who_joins_when_they_accept(
    client, panel, chair, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        outcome, place = services.add_or_invite(
            panel=panel,
            email="new.tenant@example.org",
            display_name="Nessa Tenant",
            role=PanelRole.VICE_CHAIR,
            site_role="officer",
            by=chair,
        )
    assert outcome == "invited"
    invitation = place.invitation
    assert invitation.role == "tenant"  # chairs can only invite tenants
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["new.tenant@example.org"]
    link = next(line for line in mail.outbox[0].body.splitlines() if "/accounts/invitation/" in line)

    response = client.post(
        urlsplit(link.strip()).path,
        {"password1": "a-long-new-password-9", "password2": "a-long-new-password-9"},
    )
    assert response.status_code == 302
    membership = Membership.objects.get(panel=panel, user__email="new.tenant@example.org")
    assert (membership.role, membership.added_by, membership.is_current) == (
        PanelRole.VICE_CHAIR,
        chair,
        True,
    )
    place.refresh_from_db()
    assert place.membership == membership


def test_an_admin_may_invite_staff(panel):
    admin = UserFactory(role="admin")
    _, place = services.add_or_invite(
        panel=panel,
        email="officer.new@example.org",
        display_name="Olu Officer",
        role=PanelRole.SUPPORTING_OFFICER,
        site_role="officer",
        by=admin,
    )
    assert place.invitation.role == "officer"


def test_inviting_someone_new_needs_their_name(panel, chair):
    with pytest.raises(ValidationError) as exc:
        services.add_or_invite(panel=panel, email="nobody@example.org", by=chair)
    assert "display_name" in exc.value.error_dict
    assert not Invitation.objects.exists()


def test_one_invitation_can_keep_places_on_two_panels(panel, chair):
    admin = UserFactory(role="admin")
    other = PanelFactory()
    services.add_or_invite(panel=panel, email="two@example.org", display_name="Two Panels", by=chair)
    services.add_or_invite(panel=other, email="two@example.org", display_name="Two Panels", by=admin)
    invitation = Invitation.objects.get()
    assert PanelInvitation.objects.filter(invitation=invitation).count() == 2
    invitation.user = UserFactory(email="two@example.org")
    invitation.accepted_at = timezone.now()
    invitation.save()
    assert Membership.objects.filter(user=invitation.user).count() == 2


def test_a_withdrawn_place_does_not_become_a_membership(panel, chair):
    _, place = services.add_or_invite(
        panel=panel, email="w@example.org", display_name="Will Drawn", by=chair
    )
    services.cancel_place(place=place, by=chair)
    invitation = Invitation.objects.get()
    invitation.user = UserFactory(email="w@example.org")
    invitation.accepted_at = timezone.now()
    invitation.save()
    assert not Membership.objects.filter(user=invitation.user).exists()


def test_the_add_member_page_keeps_what_was_typed_and_says_what_is_missing(client, panel, chair):
    client.force_login(chair)
    response = client.post(
        f"/panels/{panel.pk}/members/add/",
        {
            "email": "unknown@example.org",
            "display_name": "",
            "role": "member",
            "joined_on": TODAY().isoformat(),
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Give their name" in page
    assert 'value="unknown@example.org"' in page


def test_the_members_page_lists_past_members_and_invited_people(client, panel, chair):
    MembershipFactory(
        panel=panel,
        user=UserFactory(display_name="Fergus Duncan"),
        joined_on=TODAY() - datetime.timedelta(days=400),
        left_on=TODAY() - datetime.timedelta(days=30),
    )
    services.add_or_invite(panel=panel, email="i@example.org", display_name="Isla Invited", by=chair)
    client.force_login(chair)
    page = client.get(f"/panels/{panel.pk}/members/").content.decode()
    assert "Fergus Duncan" in page and "Past members" in page
    assert "Isla Invited" in page


def test_changing_a_role_through_the_page(client, panel, chair):
    membership = MembershipFactory(panel=panel)
    client.force_login(chair)
    response = client.post(f"/panels/members/{membership.pk}/role/", {"role": "vice_chair"})
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.role == PanelRole.VICE_CHAIR


def test_recording_that_someone_left_through_the_page(client, panel, chair):
    membership = MembershipFactory(panel=panel, joined_on=TODAY() - datetime.timedelta(days=30))
    client.force_login(chair)
    client.post(f"/panels/members/{membership.pk}/leave/", {"left_on": TODAY().isoformat()})
    membership.refresh_from_db()
    assert membership.left_on == TODAY()
    assert not membership.is_current
