from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts import services
from accounts.models import Invitation, User
from tests.db_unchanged import assert_db_unchanged
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _link_from(message):
    return next(line for line in message.body.splitlines() if "/accounts/invitation/" in line).strip()


def test_admin_invites_and_the_person_sets_a_password(client):
    admin = UserFactory(role="admin", display_name="Sam Patel")
    client.force_login(admin)
    response = client.post(
        reverse("accounts:invitations"),
        {"display_name": "Ann Reid", "email": "Ann.Reid@example.org", "role": "tenant"},
        follow=True,
    )
    assert "An invitation is on its way to ann.reid@example.org" in response.content.decode()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ann.reid@example.org"]
    assert "Sam Patel has invited you" in mail.outbox[0].body
    invitation = Invitation.objects.get()
    assert invitation.sent_at is not None

    client.logout()
    path = _link_from(mail.outbox[0]).split("127.0.0.1:8000")[-1]
    response = client.post(path, {"password1": "green kettle morning", "password2": "green kettle morning"},
                           follow=True)
    assert "Welcome. Your account is ready." in response.content.decode()
    user = User.objects.get(email="ann.reid@example.org")
    assert user.role == "tenant" and user.display_name == "Ann Reid"
    assert user.check_password("green kettle morning")
    # The link works once only.
    assert client.get(path).status_code == 410


def test_invitation_link_expires(client, settings):
    admin = UserFactory(role="admin")
    services.invite(email="late@example.org", display_name="Late", role="tenant", by=admin)
    path = _link_from(mail.outbox[0]).split("127.0.0.1:8000")[-1]
    assert client.get(path).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS, hours=1)):
        response = client.get(path)
    assert response.status_code == 410
    assert "This invitation link does not work" in response.content.decode()


def test_resending_replaces_the_old_link(client):
    admin = UserFactory(role="admin")
    invitation = services.invite(email="x@example.org", display_name="X", role="tenant", by=admin)
    old_path = _link_from(mail.outbox[0]).split("127.0.0.1:8000")[-1]
    services.resend_invitation(invitation=invitation, by=admin)
    new_path = _link_from(mail.outbox[1]).split("127.0.0.1:8000")[-1]
    assert old_path != new_path
    assert client.get(old_path).status_code == 410
    assert client.get(new_path).status_code == 200


def test_only_admins_invite():
    officer = UserFactory(role="officer")
    with assert_db_unchanged(), pytest.raises(PermissionDenied):
        services.invite(email="x@example.org", display_name="X", role="tenant", by=officer)


def test_cannot_invite_an_existing_account(client):
    admin = UserFactory(role="admin")
    UserFactory(email="taken@example.org")
    with pytest.raises(ValidationError):
        services.invite(email="TAKEN@example.org", display_name="X", role="tenant", by=admin)
    client.force_login(admin)
    response = client.post(reverse("accounts:invitations"),
                           {"display_name": "Kept Name", "email": "taken@example.org", "role": "officer"})
    page = response.content.decode()
    assert "Someone already has an account with this email address." in page
    assert 'value="Kept Name"' in page


def test_weak_password_is_refused_with_a_reason(client):
    admin = UserFactory(role="admin")
    services.invite(email="p@example.org", display_name="P", role="tenant", by=admin)
    path = _link_from(mail.outbox[0]).split("127.0.0.1:8000")[-1]
    response = client.post(path, {"password1": "password", "password2": "password"})
    assert "There is a problem" in response.content.decode()
    assert not User.objects.filter(email="p@example.org").exists()


def test_the_invitations_waiting_are_listed_a_page_at_a_time(client):
    for n in range(60):
        invitation = Invitation(email=f"w{n}@example.org", display_name=f"Waiting {n:02}")
        invitation.new_token()
        invitation.save()
    client.force_login(UserFactory(role="admin"))
    first = client.get(reverse("accounts:invitations")).content.decode()
    second = client.get(reverse("accounts:invitations") + "?page=2").content.decode()
    shown_first = {n for n in range(60) if f"Waiting {n:02}<" in first}
    shown_second = {n for n in range(60) if f"Waiting {n:02}<" in second}
    assert len(shown_first) == 50 and len(shown_second) == 10
    assert shown_first | shown_second == set(range(60))
    assert "Invitations not yet accepted (60)" in first
