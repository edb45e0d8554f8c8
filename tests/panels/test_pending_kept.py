"""The panel page shows its managers the people invited and not joined yet, kept under the
panel's invitations version: a place kept, cancelled or taken up, or an invitation renamed,
shows at once; a place on another panel leaves the names kept; nobody else sees them."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from panels.models import PanelInvitation
from tests.factories.accounts import InvitationFactory, UserFactory
from tests.factories.panels import MembershipFactory, PanelFactory

pytestmark = pytest.mark.django_db


def invite(panel, name):
    invitation = InvitationFactory(display_name=name)
    PanelInvitation.objects.create(panel=panel, invitation=invitation)
    return invitation


@pytest.fixture
def seen(client):
    panel = PanelFactory()
    invitation = invite(panel, "Ann Invited")
    chair = MembershipFactory(panel=panel, role="chair").user
    client.force_login(chair)
    cache.clear()
    page, read = visit(client, panel)
    assert read and "Ann Invited" in page
    assert not visit(client, panel)[1]  # kept
    return panel, invitation


def visit(client, panel):
    with CaptureQueriesContext(connection) as queries:
        page = client.get(f"/panels/{panel.pk}/").content.decode()
    return page, [q for q in queries if 'FROM "panels_panelinvitation"' in q["sql"]]


def test_a_place_on_another_panel_leaves_the_names_kept(client, seen):
    panel, _invitation = seen
    invite(PanelFactory(), "Bob Elsewhere")
    page, read = visit(client, panel)
    assert not read and "Ann Invited" in page and "Bob Elsewhere" not in page


def test_a_new_place_or_a_renamed_invitation_shows(client, seen):
    panel, invitation = seen
    invite(panel, "Cath Invited")
    assert "Cath Invited" in visit(client, panel)[0]
    invitation.display_name = "Ann Renamed"
    invitation.save()
    assert "Ann Renamed" in visit(client, panel)[0]


def test_a_place_taken_up_or_cancelled_leaves_the_names(client, seen):
    panel, invitation = seen
    place = PanelInvitation.objects.get(invitation=invitation)
    place.membership = MembershipFactory(panel=panel)
    place.save()
    assert "Ann Invited" not in visit(client, panel)[0]
    other = PanelInvitation.objects.get(invitation=invite(panel, "Cath Invited"))
    assert "Cath Invited" in visit(client, panel)[0]
    other.delete()
    assert "Cath Invited" not in visit(client, panel)[0]


def test_a_member_who_does_not_manage_sees_no_names(client, seen):
    panel, _invitation = seen
    client.force_login(MembershipFactory(panel=panel, user=UserFactory(role="tenant")).user)
    assert "Ann Invited" not in visit(client, panel)[0]
