"""The public pages: each behind its own switch, readable signed out, in English and in Welsh,
with nobody named who did not agree to it; and kept for browsers and proxies."""

import pytest

from opendata import services
from recommendations.models import Recommendation, Status
from reviews.models import Stage
from tests.factories.reviews import ReviewFactory
from tests.opendata.conftest import switch_on

PAGES = ["/public/programme/", "/public/recommendations/", "/public/open-data/"]


@pytest.mark.parametrize("path", PAGES)
def test_a_page_is_not_found_while_its_switch_is_off(world, client, path):
    assert client.get(path).status_code == 404


def test_the_programme_shows_reviews_planned_under_way_and_completed(world, client):
    switch_on()
    services.publish(review=world.review, by=world.admin)

    page = client.get("/public/programme/").content.decode()

    assert page.index("Estate walkabouts") < page.index("Repairs communication") < page.index(
        "Complaints handling")
    assert f'href="/public/reviews/{world.review.pk}/"' in page
    assert "An idea not yet agreed" not in page


def test_the_report_names_nobody_who_did_not_agree(world, client):
    switch_on()
    services.publish(review=world.review, by=world.admin)

    page = client.get(f"/public/reviews/{world.review.pk}/").content.decode()

    assert "Complaints handling" in page and "Name the complaint handler." in page
    assert "A draft nobody may see." not in page
    for private in ("Iain Reid", "Morag Fraser", "iain@example.org", "morag@example.org", "07700 900111"):
        assert private not in page
    assert "a housing officer" in page  # the action's owner, by role


def test_the_recommendations_page_counts_per_review_and_per_year(world, client):
    switch_on()

    page = client.get("/public/recommendations/").content.decode()

    assert "The panel has sent 5 recommendations to the landlord; 3 of them were accepted or partly" in page
    assert "Open on Sundays." in page and "Rejected" in page and "Not all of it is affordable." in page
    assert "A draft nobody may see." not in page


def test_the_welsh_page_is_in_welsh(world, client):
    switch_on()

    response = client.get("/cy/public/recommendations/")
    page = response.content.decode()

    assert response["Content-Language"] == "cy"
    assert "Argymhellion ac ymatebion" in page and "Wedi'i wrthod" in page
    assert "Recommendations and responses" not in page
    assert "Open on Sundays." in page  # what the panel wrote is shown as written


def test_a_welsh_count_picks_the_right_plural_form(world, client):
    switch_on()
    five = client.get("/cy/public/recommendations/").content.decode()
    assert "Mae'r panel wedi anfon 5 o argymhellion at y landlord" in five

    Recommendation.objects.filter(review=world.review).exclude(text="Open on Sundays.").delete()
    one = client.get("/cy/public/recommendations/").content.decode()
    assert "Mae'r panel wedi anfon 1 argymhelliad at y landlord" in one


def test_a_role_is_written_in_welsh_on_the_welsh_report(world, client):
    switch_on()
    services.publish(review=world.review, by=world.admin)

    page = client.get(f"/cy/public/reviews/{world.review.pk}/").content.decode()

    assert "swyddog tai" in page and "a housing officer" not in page


def test_signed_out_pages_are_cacheable_and_answer_304(world, client):
    switch_on()
    first = client.get("/public/programme/")

    assert "public" in first["Cache-Control"] and first["ETag"]
    again = client.get("/public/programme/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_the_welsh_page_is_kept_apart_from_the_english(world, client):
    switch_on()
    english = client.get("/public/programme/")
    welsh = client.get("/cy/public/programme/")

    assert english["ETag"] != welsh["ETag"]
    assert client.get("/cy/public/programme/").content == welsh.content


def test_a_change_to_what_the_page_shows_gives_a_new_version(world, client):
    switch_on()
    before = client.get("/public/programme/")["ETag"]
    world.planned.title = "Estate walkabouts and green spaces"
    world.planned.save()

    after = client.get("/public/programme/")
    assert after["ETag"] != before and "green spaces" in after.content.decode()


def test_a_kept_report_is_never_served_at_another_reviews_address(world, client):
    switch_on()
    other = ReviewFactory(panel=world.panel, title="Lettings", stage=Stage.CLOSED)
    services.publish(review=world.review, by=world.admin)
    services.publish(review=other, by=world.admin)

    first = client.get(f"/public/reviews/{world.review.pk}/")
    second = client.get(f"/public/reviews/{other.pk}/")

    assert first["ETag"] != second["ETag"]
    assert "Lettings" in second.content.decode() and "Lettings" not in first.content.decode()
    assert client.get(f"/public/reviews/{world.under_way.pk}/").status_code == 404


def test_the_recommendations_page_reads_as_many_queries_for_many_reviews(world, count_queries):
    from opendata import selectors
    from tests.factories.recommendations import RecommendationFactory

    few = count_queries(selectors.recommendations)
    for _ in range(4):
        RecommendationFactory(review=ReviewFactory(panel=world.panel, stage=Stage.CLOSED),
                              status=Status.VERIFIED)

    assert count_queries(selectors.recommendations) == few


def test_the_recommendations_page_shows_ten_reviews_a_page(world, client):
    from tests.factories.recommendations import RecommendationFactory

    switch_on()
    for n in range(10):
        RecommendationFactory(review=ReviewFactory(panel=world.panel, stage=Stage.CLOSED,
                                                   title=f"Older review {n}"), status=Status.ACCEPTED)

    first = client.get("/public/recommendations/").content.decode()
    second = client.get("/public/recommendations/?page=2").content.decode()

    assert "Page 1 of 2." in first and "Page 2 of 2." in second
    assert "The panel has sent 15 recommendations" in first and "The panel has sent 15" in second


@pytest.mark.parametrize("path", ["/public/programme/", "/cy/public/programme/", "/public/recommendations/",
                                  "/public/open-data/", "/open-data/scrutiny.json", "/open-data/feed.atom",
                                  "/open-data/scrutiny-csv.zip"])
def test_a_signed_out_visit_again_is_answered_from_the_cache_without_the_database(
        world, client, django_assert_num_queries, path):
    switch_on()
    first = client.get(path)

    with django_assert_num_queries(0):
        again = client.get(path, HTTP_ACCEPT_ENCODING="gzip")

    assert again.status_code == 200 and again["ETag"] == first["ETag"]
    assert again["Content-Encoding"] == "gzip" and "public" in again["Cache-Control"]
