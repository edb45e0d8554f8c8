"""A panel's members list is drawn once and kept: a change to one of its memberships or to one of
its members draws it afresh, a sign-in or a change on another panel leaves it kept."""

import pytest
from django.core.cache import cache
from django.utils import timezone

from accounts.models import User
from panels.models import PanelRole
from tests.factories.accounts import UserFactory
from tests.factories.panels import MembershipFactory, PanelFactory
from tests.kept_parts import drawn, get_watching_the_cache

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    panel, other = PanelFactory(), PanelFactory()
    member = MembershipFactory(panel=panel, user=UserFactory(role="tenant", phone="01000 000001")).user
    MembershipFactory(panel=other, user=UserFactory(role="tenant"))
    cache.clear()
    return panel, other, member


def members_page(client, panel):
    """The list's HTML, and whether it was drawn afresh (and kept) rather than found kept."""
    html, keys = get_watching_the_cache(client, f"/panels/{panel.pk}/members/")
    start = html.index('<ul class="card-list">')
    return html[start:html.index("</ul>", start)], drawn(keys, "panels:member-rows:")


def test_a_members_change_draws_the_list_afresh(client, setting):
    panel, _other, member = setting
    client.force_login(UserFactory(role="admin"))
    html, drawn = members_page(client, panel)
    assert drawn and "01000 000001" in html
    assert members_page(client, panel)[1] is False  # kept

    member.phone = "01000 000002"
    member.save()
    html, drawn = members_page(client, panel)
    assert drawn and "01000 000002" in html and "01000 000001" not in html


def test_a_membership_change_draws_the_list_afresh(client, setting):
    panel, _other, member = setting
    client.force_login(UserFactory(role="admin"))
    members_page(client, panel)
    membership = member.memberships.get(panel=panel)
    membership.role = PanelRole.VICE_CHAIR
    membership.save()
    html, drawn = members_page(client, panel)
    assert drawn and "Vice-chair" in html


def test_a_sign_in_or_another_panels_change_leaves_the_list_kept(client, setting):
    panel, other, member = setting
    client.force_login(UserFactory(role="admin"))
    html, _drawn = members_page(client, panel)
    # Changed without a signal: the kept list would show it only if drawn again.
    User.objects.filter(pk=member.pk).update(phone="01000 000009")
    member.save(update_fields=["last_login"])  # as a sign-in does
    MembershipFactory(panel=other, user=UserFactory(role="tenant"))
    again, drawn = members_page(client, panel)
    assert not drawn and again == html


def test_what_the_viewer_may_see_is_part_of_what_is_kept(client, setting):
    panel, _other, member = setting
    client.force_login(UserFactory(role="admin"))
    assert "01000 000001" in members_page(client, panel)[0]
    client.force_login(member)  # a tenant member sees no contact details
    html, drawn = members_page(client, panel)
    assert drawn and "01000 000001" not in html


def _members_of(size):
    panel = PanelFactory()
    for _ in range(size):
        MembershipFactory(panel=panel, user=UserFactory(role="tenant"))
    return panel


def test_the_members_page_makes_the_same_queries_for_5_or_60_members_and_fewer_kept(
    client, count_queries
):
    small, large = _members_of(5), _members_of(60)
    client.force_login(UserFactory(role="admin"))
    cache.clear()
    client.get(f"/panels/{small.pk}/members/")  # session, site settings; the list drawn and kept
    kept = count_queries(client.get, f"/panels/{small.pk}/members/")
    drawn_large = count_queries(client.get, f"/panels/{large.pk}/members/")
    kept_large = count_queries(client.get, f"/panels/{large.pk}/members/")
    assert kept == kept_large
    # The rows, and the past members (counted; none to read here), are read only to draw them.
    assert drawn_large == kept_large + 2


def past_members(client, panel):
    """The past members' part of the page, and whether it was drawn afresh rather than found kept."""
    html, keys = get_watching_the_cache(client, f"/panels/{panel.pk}/members/")
    return html[html.index("Past members"):html.index("</main>")], drawn(keys, "panels:past-members:")


def test_someone_leaving_or_renamed_draws_the_past_members_afresh_and_a_sign_in_does_not(client, setting):
    panel, other, member = setting
    client.force_login(UserFactory(role="admin"))
    html, drawn = past_members(client, panel)
    assert drawn and "Nobody has left this panel." in html
    MembershipFactory(panel=other, user=UserFactory(role="tenant"))
    member.save(update_fields=["last_login"])  # as a sign-in does
    assert past_members(client, panel) == (html, False)
    membership = member.memberships.get(panel=panel)
    membership.left_on = timezone.localdate()
    membership.save()
    html, drawn = past_members(client, panel)
    assert drawn and member.display_name in html
    member.display_name = "Ann Renamed"
    member.save()
    assert "Ann Renamed" in past_members(client, panel)[0]
