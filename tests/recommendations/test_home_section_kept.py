"""A tenant's "Recommendations to verify" and an officer's "My actions" are drawn once and kept:
a change to what they list draws them afresh, a change elsewhere leaves them kept, and nobody
is shown a section drawn for someone else."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.utils import timezone

from recommendations.home import until_waited_longer
from tests.factories.assessments import ImprovementActionFactory
from tests.factories.panels import MembershipFactory, PanelFactory
from tests.factories.recommendations import ActionFactory
from tests.factories.reviews import FindingFactory, ReviewFactory
from tests.kept_parts import drawn, get_watching_the_cache


def home(client):
    """The section, and whether it was drawn afresh (and kept) rather than found kept."""
    page, keys = get_watching_the_cache(client, "/")
    headings = ("Recommendations to verify", "Recommendations awaiting", "My actions")
    start = min(page.find(h) for h in headings if h in page)
    section = page[start:page.index("See all recommendations", start)]
    return section, drawn(keys, "recommendations:home-")


@pytest.fixture
def tenant_seen(client, world, make_rec):
    make_rec("implemented", text="Check me.")
    cache.clear()
    client.force_login(world.member)
    page, drawn = home(client)
    assert drawn and "Check me." in page
    assert home(client) == (page, False)
    return world


@pytest.mark.parametrize("change,word", [
    (lambda w, make: make("implemented", text="And me."), "And me."),
    (lambda w, make: setattr(w.review, "title", "Complaints, again") or w.review.save(), "Complaints, again"),
    (lambda w, make: setattr(w.panel, "name", "SURE Panel") or w.panel.save(), "SURE Panel"),
], ids=["another implemented", "its review retitled", "its panel renamed"])
def test_a_change_the_tenants_list_shows_draws_it_afresh(client, tenant_seen, make_rec, change, word):
    change(tenant_seen, make_rec)
    page, drawn = home(client)
    assert drawn and word in page


def test_another_panels_recommendation_or_a_finding_leaves_the_list_kept(client, tenant_seen, make_rec):
    page, _drawn = home(client)
    make_rec("implemented", review=ReviewFactory(panel=PanelFactory()), text="Not yours.")
    FindingFactory(review=tenant_seen.review)
    assert home(client) == (page, False)


def test_a_tenant_of_another_panel_never_sees_the_list(client, tenant_seen):
    other = MembershipFactory(panel=PanelFactory()).user
    client.force_login(other)
    page, drawn = home(client)
    assert drawn and "Check me." not in page


def test_an_officers_new_action_or_self_assessment_action_draws_my_actions_afresh(client, world, make_rec):
    rec = make_rec("in_progress", text="Name the team in letters.")
    cache.clear()
    client.force_login(world.owner)
    page, drawn = home(client)
    assert drawn and "Name the team in letters." in page
    assert home(client) == (page, False)
    ActionFactory(recommendation=rec, owner=world.owner, what="Reprint the letters")
    page, drawn = home(client)
    assert drawn and "Reprint the letters" in page
    ImprovementActionFactory(owner=world.owner, what="Write the leaflet")
    page, drawn = home(client)
    assert drawn and "Write the leaflet" in page


def test_an_officers_actions_are_not_shown_to_another_officer(client, world, make_rec):
    rec = make_rec("in_progress")
    ActionFactory(recommendation=rec, owner=world.owner, what="Reprint the letters")
    cache.clear()
    client.force_login(world.owner)
    assert "Reprint the letters" in home(client)[0]
    client.force_login(world.other_officer)
    page, drawn = home(client)
    assert drawn and "Reprint the letters" not in page


def test_a_managers_section_is_kept_until_how_long_one_has_waited_reads_differently(client, world, make_rec):
    make_rec("submitted", text="Answer me.")
    cache.clear()
    client.force_login(world.manager)
    page, drawn = home(client)
    assert drawn and "Answer me." in page
    assert home(client) == (page, False)
    now = timezone.now()
    waited = [SimpleNamespace(submitted_at=now - timedelta(hours=2, seconds=10)),
              SimpleNamespace(submitted_at=now - timedelta(days=3, minutes=10))]
    assert 49 <= until_waited_longer(waited) <= 50
    assert 2999 <= until_waited_longer(waited[1:]) <= 3000
