"""A panel's drafts are the panel's: its members and its supporting officer see them; managers
and other officers see a recommendation once the panel submits it."""

import pytest

from recommendations import services


@pytest.fixture
def draft(make_rec):
    return make_rec("draft", text="Ring tenants back within a day.")


@pytest.mark.parametrize("who", ["manager", "other_officer", "outsider"])
def test_people_outside_the_panel_cannot_read_its_drafts(client, world, draft, who):
    client.force_login(getattr(world, who))
    assert client.get(f"/recommendations/{draft.pk}/").status_code == 403
    assert client.get(f"/recommendations/{draft.pk}/timeline/").status_code == 403
    assert "Ring tenants back" not in client.get("/recommendations/").content.decode()
    assert "Ring tenants back" not in client.get("/recommendations/export.csv").content.decode()


@pytest.mark.parametrize("who", ["member", "supporting_officer", "admin"])
def test_the_panel_and_its_supporting_officer_read_its_drafts(client, world, draft, who):
    client.force_login(getattr(world, who))
    assert client.get(f"/recommendations/{draft.pk}/").status_code == 200
    assert client.get(f"/recommendations/{draft.pk}/timeline/").status_code == 200
    assert "Ring tenants back" in client.get("/recommendations/").content.decode()
    assert "Ring tenants back" in client.get("/recommendations/export.csv").content.decode()


def test_managers_see_a_recommendation_once_it_is_submitted(client, world, draft):
    services.submit(recommendation=draft, by=world.member)
    client.force_login(world.manager)
    assert client.get(f"/recommendations/{draft.pk}/").status_code == 200
    assert "Ring tenants back" in client.get("/recommendations/").content.decode()


def test_the_supporting_officer_sees_only_their_own_panels_drafts(client, world, make_rec):
    from tests.factories.reviews import ReviewFactory

    elsewhere = make_rec("draft", review=ReviewFactory(), text="Another panel's idea.")
    client.force_login(world.supporting_officer)
    assert client.get(f"/recommendations/{elsewhere.pk}/").status_code == 403
    assert "Another panel" not in client.get("/recommendations/").content.decode()
