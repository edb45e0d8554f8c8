"""Someone invited but not signed up yet is told, through the outbox, when another panel keeps a
place for them: a short note with no new link (the first link still works), once per panel."""

import pytest
import time_machine
from django.core import mail

from panels import services
from panels.models import PanelRole
from scrutiny.models import Job
from tests.factories.accounts import UserFactory
from tests.factories.panels import PanelFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin():
    return UserFactory(role="admin", display_name="Sam Patel")


@pytest.fixture
def invited(admin, django_capture_on_commit_callbacks):
    """Ann Reid, invited to the SURE Team on 1 December 2026 and not signed up yet."""
    with time_machine.travel("2026-12-01 10:00 +0000", tick=False), \
            django_capture_on_commit_callbacks(execute=True):
        services.add_or_invite(
            panel=PanelFactory(name="SURE Team"), email="ann.reid@example.org", display_name="Ann Reid",
            by=admin,
        )
    mail.outbox.clear()


def _add(panel, by, capture, role=PanelRole.MEMBER):
    with capture(execute=True):
        return services.add_or_invite(panel=panel, email="Ann.Reid@example.org", role=role, by=by)


def test_an_invited_person_is_told_of_another_panel_without_a_new_link(
    invited, admin, django_capture_on_commit_callbacks
):
    outcome, _ = _add(PanelFactory(name="Repairs Group"), admin, django_capture_on_commit_callbacks,
                      role=PanelRole.VICE_CHAIR)

    assert outcome == "already invited"
    [note] = mail.outbox
    assert note.to == ["ann.reid@example.org"]
    assert note.subject == "You have also been added to Repairs Group"
    assert "Hello Ann Reid," in note.body
    assert "Sam Patel has added you to Repairs Group as vice-chair." in note.body
    assert "use the link in the email we sent you on 1 December 2026" in note.body
    assert "an administrator can send you a new link" in note.body
    assert "/accounts/invitation/" not in note.body
    assert Job.objects.filter(task="panels.tasks.tell_invited_of_new_place").count() == 1


def test_the_note_is_sent_once_per_panel_added(invited, admin, django_capture_on_commit_callbacks):
    repairs, estates = PanelFactory(name="Repairs Group"), PanelFactory(name="Estates Panel")

    _add(repairs, admin, django_capture_on_commit_callbacks)
    _add(repairs, admin, django_capture_on_commit_callbacks, role=PanelRole.CHAIR)
    _add(estates, admin, django_capture_on_commit_callbacks)

    assert [m.subject for m in mail.outbox] == [
        "You have also been added to Repairs Group", "You have also been added to Estates Panel",
    ]


def test_no_note_once_the_place_is_withdrawn_before_it_is_sent(
    invited, admin, django_capture_on_commit_callbacks
):
    from panels.tasks import tell_invited_of_new_place

    with django_capture_on_commit_callbacks(execute=False):
        _, place = services.add_or_invite(
            panel=PanelFactory(name="Repairs Group"), email="ann.reid@example.org", by=admin
        )
    place.delete()

    assert tell_invited_of_new_place(place.pk) == "skipped"
    assert mail.outbox == []
