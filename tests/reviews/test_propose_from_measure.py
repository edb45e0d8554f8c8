"""Proposing a review from a measure on "where to look next": one review, proposed, with the
measure and its comparison attached as evidence, and the measure it came from recorded."""

from decimal import Decimal

from reviews.models import PerformanceFigure, Review
from tests.factories.panels import MembershipFactory, PanelFactory
from tests.reviews.regulator_figures import YEAR, build

URL = "/reviews/where-to-look-next/propose/"


def _flat(text):
    return " ".join(text.split())


def _post(client, measure="TP01", tenure="lcra", panel=None, follow=False):
    data = {"prefix": f"{measure}-{tenure}", f"{measure}-{tenure}-measure": measure,
            f"{measure}-{tenure}-tenure": tenure}
    if panel is not None:
        data[f"{measure}-{tenure}-panel"] = panel.pk
    return client.post(URL, data, follow=follow)


def test_a_member_proposes_a_review_with_the_measure_as_evidence(client, world):
    build()
    before = Review.objects.count()
    client.force_login(world.member)

    response = _post(client, panel=world.panel, follow=True)

    assert Review.objects.count() == before + 1
    review = Review.objects.get(from_measure="TP01")
    assert (review.panel, review.stage, review.from_tenure, review.from_year) == (
        world.panel, "proposed", "lcra", YEAR)
    assert review.title == "Overall satisfaction (rented homes)"
    assert response.redirect_chain[-1][0] == review.get_absolute_url()
    assert "has been proposed, with the measure" in response.content.decode()
    figure = PerformanceFigure.objects.get(review=review)
    assert (figure.value, figure.unit, figure.period) == (Decimal("50"), "%", "2024/25")
    assert figure.comparison_value == Decimal("62.5") and figure.comparison_label == "National median 2024/25"
    words = _flat(figure.description)
    assert "In the bottom quarter: worse than 8 in 10 landlords" in words
    assert "lower quartile 60.3, median 62.5, upper quartile 64.8" in words
    assert "in quarter 4 of 4" in words and "Last year: 50." in words
    assert "Open Government Licence v3.0" in words


def test_proposing_the_same_measure_twice_goes_to_the_open_review(client, world):
    build()
    client.force_login(world.member)
    _post(client, panel=world.panel)
    first = Review.objects.get(from_measure="TP01")
    client.force_login(world.second)

    response = _post(client, panel=world.panel, follow=True)

    assert Review.objects.filter(from_measure="TP01").count() == 1
    assert PerformanceFigure.objects.filter(review=first).count() == 1
    assert response.redirect_chain[-1][0] == first.get_absolute_url()
    assert "already has an open review of this measure" in response.content.decode()


def test_another_panel_may_propose_its_own_review_of_the_same_measure(client, world):
    build()
    other = PanelFactory(name="Repairs Panel")
    MembershipFactory(panel=other, user=world.member)
    client.force_login(world.member)

    _post(client, panel=world.panel)
    _post(client, panel=other)

    assert sorted(Review.objects.filter(from_measure="TP01").values_list("panel__name", flat=True)) == [
        "Repairs Panel", "SURE Team"]


def test_a_member_of_two_panels_is_asked_to_choose_one(client, world):
    build()
    MembershipFactory(panel=PanelFactory(name="Repairs Panel"), user=world.member)
    client.force_login(world.member)

    response = _post(client)

    page = _flat(response.content.decode())
    assert response.status_code == 200 and "<h1>Propose a review of a measure</h1>" in page
    assert "Choose the panel that is proposing the review." in page
    assert not Review.objects.filter(from_measure="TP01").exists()


def test_a_measure_that_is_not_listed_cannot_be_proposed_from_here(client, world):
    build()
    client.force_login(world.member)

    response = _post(client, measure="TP03", panel=world.panel)

    assert response.status_code == 200
    assert "not on the list of where to look next any more" in _flat(response.content.decode())
    assert not Review.objects.filter(from_measure="TP03").exists()


def test_a_manager_may_not_propose(client, world):
    build()
    client.force_login(world.manager)

    assert _post(client, panel=world.panel).status_code == 403
    assert not Review.objects.filter(from_measure="TP01").exists()


def test_the_list_offers_a_member_the_action_and_a_panel_choice_only_when_there_are_several(client, world):
    build()
    client.force_login(world.member)
    one = _flat(client.get("/reviews/where-to-look-next/").content.decode())
    MembershipFactory(panel=PanelFactory(name="Repairs Panel"), user=world.member)
    several = _flat(client.get("/reviews/where-to-look-next/").content.decode())

    assert one.count('aria-label="Propose a review of this:') == 2
    assert "Which panel is proposing it" not in one
    assert several.count("Which panel is proposing it") == 2


def test_the_proposal_page_names_the_measure_and_offers_the_panels(client, world):
    build()
    MembershipFactory(panel=PanelFactory(name="Repairs Panel"), user=world.member)
    client.force_login(world.member)

    page = _flat(client.get(f"{URL}?measure=TP01&tenure=lcra").content.decode())

    assert "TP01: Overall satisfaction (rented homes). In the bottom quarter" in page
    assert "Which panel is proposing it" in page and "Repairs Panel" in page and "SURE Team" in page
