"""The tracker's summary and medians are kept under versions of the recommendations they count:
a change they count is seen at once, and a change elsewhere (another panel's recommendation, a
finding, a sign-in) leaves them kept."""

from unittest import mock

import pytest
from django.contrib.auth.models import update_last_login

from recommendations import selectors
from recommendations.models import Decision, Response
from tests.factories.panels import MembershipFactory, PanelFactory
from tests.factories.recommendations import ActionFactory, RecommendationFactory
from tests.factories.reviews import FindingFactory, ReviewFactory

TRACKER = "/recommendations/"


@pytest.fixture
def figures(client):
    """figures(path) -> (the summary shown, whether it was worked out for this request)."""

    def get(path=TRACKER):
        with mock.patch("recommendations.selectors.summary", wraps=selectors.summary) as worked_out:
            response = client.get(path)
        assert response.status_code == 200
        return response.context["summary"], worked_out.called

    return get


@pytest.fixture
def elsewhere(world):
    return ReviewFactory(panel=PanelFactory(name="Repairs Group"), title="Repairs")


def test_a_tenant_keeps_their_panels_figures_while_another_panel_changes(client, world, make_rec,
                                                                        elsewhere, figures):
    make_rec("submitted")
    client.force_login(world.member)
    assert figures()[1] is True  # worked out
    assert figures()[1] is False  # kept

    other = RecommendationFactory(review=elsewhere, status="submitted")
    Response.objects.create(recommendation=other, decision=Decision.ACCEPTED)
    ActionFactory(recommendation=other)
    FindingFactory(review=world.review)
    update_last_login(None, world.member)
    summary, worked_out = figures()
    assert (summary["made"], worked_out) == (1, False)

    make_rec("submitted")
    summary, worked_out = figures()
    assert (summary["made"], worked_out) == (2, True)


def test_a_panel_filter_keeps_its_figures_while_another_panel_changes(client, world, make_rec,
                                                                     elsewhere, figures):
    make_rec("submitted")
    client.force_login(world.manager)
    path = f"{TRACKER}?panel={world.panel.pk}"
    figures(path)
    RecommendationFactory(review=elsewhere, status="submitted")
    assert figures(path)[1] is False
    assert figures()[0]["made"] == 2  # every panel's: counted again

    rec = make_rec("accepted")
    assert figures(path)[0]["accepted"] == 1
    ActionFactory(recommendation=rec)
    assert figures(path)[1] is True


def test_renaming_an_owner_renews_the_figures_the_owner_filter_counts(client, world, make_rec, figures):
    make_rec("in_progress")
    client.force_login(world.manager)
    path = f"{TRACKER}?owner_name=Priya"
    assert figures(path)[0]["made"] == 1
    world.owner.display_name = "Rosa Diaz"
    world.owner.save()
    assert figures(path)[0]["made"] == 0


def test_a_tenant_who_joins_a_panel_sees_its_figures(client, world, make_rec, elsewhere, figures):
    RecommendationFactory(review=elsewhere, status="submitted")
    client.force_login(world.member)
    assert figures()[0]["made"] == 0
    MembershipFactory(panel=elsewhere.panel, user=world.member)
    assert figures()[0]["made"] == 1
