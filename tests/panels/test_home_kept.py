"""The home page's "Your panels" section is drawn once for each person and kept: a change to their
panels, their meetings or their training draws it afresh; a change to another panel, or to
another person's training, leaves it kept; one person's section is never shown to another."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from accounts.models import User
from panels.models import AttendanceStatus
from tests.factories.accounts import UserFactory
from tests.factories.panels import (
    AttendanceFactory,
    MeetingFactory,
    MembershipFactory,
    PanelFactory,
    TrainingFactory,
)
from tests.kept_parts import drawn, get_watching_the_cache

pytestmark = pytest.mark.django_db


@pytest.fixture
def member():
    panel, other = PanelFactory(name="SURE Team"), PanelFactory(name="Other Panel")
    person = MembershipFactory(panel=panel, user=UserFactory(role="tenant")).user
    MeetingFactory(panel=panel, title="Spring meeting")
    MembershipFactory(panel=other, user=UserFactory(role="tenant"))
    cache.clear()
    return person


def home(client):
    """The section's HTML, and whether it was drawn afresh (and kept) rather than found kept."""
    html, keys = get_watching_the_cache(client, "/")
    start = html.index('id="home-panels"')
    return html[start : html.index("</section>", start)], drawn(keys, "panels:home:")


def test_the_section_is_kept_and_a_meeting_of_their_panel_draws_it_afresh(client, member):
    client.force_login(member)
    html, drawn = home(client)
    assert drawn and "Spring meeting" in html and "SURE Team" in html
    assert home(client) == (html, False)
    MeetingFactory(panel=member.memberships.get().panel, title="Summer meeting")
    html, drawn = home(client)
    assert drawn and "Summer meeting" in html


def test_a_panel_renamed_or_joined_draws_it_afresh(client, member):
    client.force_login(member)
    home(client)
    panel = member.memberships.get().panel
    panel.name = "SURE Panel"
    panel.save()
    assert "SURE Panel" in home(client)[0]
    MembershipFactory(panel=PanelFactory(name="New Panel"), user=member)
    html, drawn = home(client)
    assert drawn and "New Panel" in html


def test_their_training_falling_due_draws_it_afresh(client, member):
    client.force_login(member)
    assert "Training due for a refresher" not in home(client)[0]
    TrainingFactory(
        user=member,
        course="Safeguarding",
        completed_on=timezone.localdate() - datetime.timedelta(days=700),
        expires_on=timezone.localdate() + datetime.timedelta(days=10),
    )
    html, drawn = home(client)
    assert drawn and "Safeguarding" in html


def test_another_panels_meeting_or_someone_elses_training_leaves_it_kept(client, member):
    client.force_login(member)
    html, _drawn = home(client)
    other = PanelFactory()
    MeetingFactory(panel=other, title="Other meeting")
    TrainingFactory(user=UserFactory(role="tenant"), expires_on=timezone.localdate())
    User.objects.filter(pk=member.pk).update(display_name="Changed without a signal")
    member.save(update_fields=["last_login"])  # as a sign-in does
    assert home(client) == (html, False)


def test_one_persons_section_is_never_shown_to_another(client, member):
    panel = member.memberships.get().panel
    AttendanceFactory(
        meeting=panel.meetings.get(), user=member, status=AttendanceStatus.APOLOGIES, hours=None
    )
    client.force_login(member)
    assert "You sent apologies" in home(client)[0]
    client.force_login(MembershipFactory(panel=panel, user=UserFactory(role="tenant")).user)
    html, drawn = home(client)
    assert drawn and "Spring meeting" in html and "You sent apologies" not in html
