"""Adding someone who has been invited but not accepted yet: the first link keeps working."""

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from accounts import services as accounts_services
from accounts.models import Invitation, User
from panels import services
from panels.models import Membership, PanelInvitation, PanelRole
from tests.factories.accounts import UserFactory
from tests.factories.panels import MembershipFactory, PanelFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def first_panel():
    return PanelFactory(name="SURE Team")


@pytest.fixture
def second_panel():
    return PanelFactory(name="Repairs Group")


@pytest.fixture
def admin():
    return UserFactory(role="admin")


def _path_of_link(message):
    line = next(line for line in message.body.splitlines() if "/accounts/invitation/" in line)
    return urlsplit(line.strip()).path


def _invite_to_first_panel(panel, by, capture):
    with capture(execute=True):
        _, place = services.add_or_invite(
            panel=panel, email="ann.reid@example.org", display_name="Ann Reid", by=by
        )
    return place.invitation


def test_adding_someone_already_invited_keeps_their_first_link_and_sends_no_new_one(
    client, first_panel, second_panel, admin, django_capture_on_commit_callbacks
):
    invitation = _invite_to_first_panel(first_panel, admin, django_capture_on_commit_callbacks)
    first_link = _path_of_link(mail.outbox[0])
    token_hash = invitation.token_hash

    with django_capture_on_commit_callbacks(execute=True):
        outcome, place = services.add_or_invite(
            panel=second_panel, email="Ann.Reid@example.org", role=PanelRole.VICE_CHAIR, by=admin
        )

    assert outcome == "already invited"
    assert place.invitation == invitation and place.panel == second_panel
    assert Invitation.objects.count() == 1
    assert Invitation.objects.get().token_hash == token_hash
    # The second email is a note about the new panel, with no link that could replace the first.
    assert len(mail.outbox) == 2 and "/accounts/invitation/" not in mail.outbox[1].body
    response = client.post(
        first_link, {"password1": "green kettle morning", "password2": "green kettle morning"}
    )
    assert response.status_code == 302
    ann = User.objects.get(email="ann.reid@example.org")
    joined = dict(Membership.objects.filter(user=ann).values_list("panel__name", "role"))
    assert joined == {"SURE Team": "member", "Repairs Group": "vice_chair"}


def test_adding_someone_already_invited_says_so_on_the_page(
    client, first_panel, second_panel, admin, django_capture_on_commit_callbacks
):
    with time_machine.travel("2026-12-01 10:00 +0000", tick=False):
        _invite_to_first_panel(first_panel, admin, django_capture_on_commit_callbacks)
    chair = MembershipFactory(panel=second_panel, role=PanelRole.CHAIR).user
    client.force_login(chair)
    response = client.post(
        f"/panels/{second_panel.pk}/members/add/",
        {"email": "ann.reid@example.org", "display_name": "", "role": "member",
         "joined_on": timezone.localdate().isoformat()},
        follow=True,
    )
    page = response.content.decode()
    assert "Nobody has an account" not in page
    assert (
        "Ann Reid was invited on 1 December 2026 and has not accepted yet; they will join "
        "Repairs Group when they accept." in page
    )
    assert PanelInvitation.objects.filter(panel=second_panel).count() == 1


def test_adding_the_same_invited_person_twice_to_a_panel_keeps_one_place(
    first_panel, admin, django_capture_on_commit_callbacks
):
    _invite_to_first_panel(first_panel, admin, django_capture_on_commit_callbacks)
    services.add_or_invite(panel=first_panel, email="ann.reid@example.org", role=PanelRole.CHAIR, by=admin)
    place = PanelInvitation.objects.get(panel=first_panel)
    assert place.role == PanelRole.CHAIR


def test_an_expired_invitation_is_renewed_and_keeps_the_places_on_other_panels(
    client, first_panel, second_panel, admin, settings, django_capture_on_commit_callbacks
):
    invitation = _invite_to_first_panel(first_panel, admin, django_capture_on_commit_callbacks)
    later = timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS, hours=1)
    with time_machine.travel(later, tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            outcome, place = services.add_or_invite(
                panel=second_panel, email="ann.reid@example.org", display_name="Ann Reid", by=admin
            )
        assert outcome == "invited"
        assert place.invitation == invitation
        assert Invitation.objects.count() == 1
        assert len(mail.outbox) == 2
        response = client.post(
            _path_of_link(mail.outbox[1]),
            {"password1": "green kettle morning", "password2": "green kettle morning"},
        )
    assert response.status_code == 302
    ann = User.objects.get(email="ann.reid@example.org")
    assert set(Membership.objects.filter(user=ann).values_list("panel__name", flat=True)) == {
        "SURE Team", "Repairs Group"
    }


def test_an_administrator_inviting_someone_already_invited_is_told_and_their_places_are_kept(
    client, first_panel, admin, django_capture_on_commit_callbacks
):
    with time_machine.travel("2026-12-01 10:00 +0000", tick=False):
        invitation = _invite_to_first_panel(first_panel, admin, django_capture_on_commit_callbacks)
    client.force_login(admin)
    response = client.post(
        "/accounts/invitations/",
        {"display_name": "Ann Reid", "email": "ann.reid@example.org", "role": "tenant"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Ann Reid was invited on 1 December 2026 and has not accepted yet." in page
    assert Invitation.objects.get().token_hash == invitation.token_hash
    assert PanelInvitation.objects.filter(invitation=invitation, panel=first_panel).exists()
    assert len(mail.outbox) == 1


def test_an_administrator_inviting_someone_whose_invitation_expired_sends_a_new_link_and_keeps_places(
    first_panel, admin, settings, django_capture_on_commit_callbacks
):
    invitation = _invite_to_first_panel(first_panel, admin, django_capture_on_commit_callbacks)
    later = timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS, hours=1)
    with time_machine.travel(later, tick=False), django_capture_on_commit_callbacks(execute=True):
        renewed = accounts_services.invite(
            email="ann.reid@example.org", display_name="Ann Reid", role="tenant", by=admin
        )
    assert renewed == invitation
    assert PanelInvitation.objects.filter(invitation=invitation, panel=first_panel).exists()
    assert len(mail.outbox) == 2
