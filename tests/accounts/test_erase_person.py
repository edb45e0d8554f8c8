"""`manage.py erase_person`: a person's name and contact details are replaced on request, they
can no longer sign in, and what they contributed stays, credited to "Former member"."""

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from accounts.models import Invitation, User
from recommendations.models import Recommendation
from scrutiny.models import AuditEvent, AuditKind
from tests.factories.accounts import PASSWORD, UserFactory
from tests.factories.recommendations import RecommendationFactory

pytestmark = pytest.mark.django_db


def test_erasing_a_person_replaces_their_details_and_keeps_their_work_anonymously(client):
    ann = UserFactory(
        display_name="Ann Reid", email="ann.reid@example.org", phone="0131 496 0000",
        postal_address="1 High Street", access_needs="Large print please",
    )
    rec = RecommendationFactory(created_by=ann, text="Answer the phone within a minute.")
    Invitation.objects.create(email="ann.reid@example.org", display_name="Ann Reid")

    call_command("erase_person", "Ann.Reid@example.org", "--yes")

    ann.refresh_from_db()
    assert ann.display_name == "Former member"
    assert ann.email == f"erased-{ann.pk}@erased.invalid"
    assert (ann.phone, ann.postal_address, ann.access_needs) == ("", "", "")
    assert not ann.is_active and not ann.has_usable_password()
    assert not Invitation.objects.filter(email__iexact="ann.reid@example.org").exists()
    assert not User.objects.filter(display_name__icontains="Ann Reid").exists()
    kept = Recommendation.objects.get(pk=rec.pk)
    assert kept.text == "Answer the phone within a minute." and kept.created_by == ann
    assert str(kept.created_by) == "Former member"
    client.post(reverse("accounts:login"), {"username": "ann.reid@example.org", "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    event = AuditEvent.objects.get(kind=AuditKind.ERASED)
    assert event.subject == ann


def test_an_unknown_email_is_refused_with_a_clear_message():
    with pytest.raises(CommandError, match="No account has the email address nobody@example.org."):
        call_command("erase_person", "nobody@example.org", "--yes")


def test_without_yes_it_asks_first_and_erases_nothing_unless_told_yes(monkeypatch):
    ann = UserFactory(display_name="Ann Reid")
    monkeypatch.setattr("builtins.input", lambda prompt: "no")

    with pytest.raises(CommandError, match="Nothing was erased."):
        call_command("erase_person", ann.email)

    ann.refresh_from_db()
    assert ann.display_name == "Ann Reid"
