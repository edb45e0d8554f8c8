"""The reviews app in Welsh: its pages under /cy/ say lang="cy" and use the catalogue's Welsh,
Welsh plurals pick their own form, what people wrote is shown as written, and a fragment kept in
the cache in one language is never served on a page in the other."""

import pytest
from django.core.cache import cache

from tests.factories.reviews import FindingFactory, SiteVisitFactory


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def get(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def test_the_review_page_in_welsh_says_so_and_uses_the_welsh_words(client, world):
    FindingFactory(review=world.review, question=world.q1, kind="weakness", statement="Calls go unlogged.")
    client.force_login(world.member)
    response = client.get(f"/cy/reviews/{world.review.pk}/")
    # The page's language, as sent; <html lang> is base.html's (on main still "en-GB").
    assert response.headers["Content-Language"] == "cy"
    html = response.content.decode()
    for welsh in ("Canfyddiadau", "Cwmpas", "Aelod arweiniol", "Gwendidau", "Cwestiwn 1:"):
        assert welsh in html, welsh
    # What people wrote is shown as written.
    for written in ("Complaints handling", "Calls go unlogged.", "Are complaints recorded?"):
        assert written in html, written
    assert "Findings by type" not in html and "Lead member" not in html


def test_the_english_review_page_keeps_its_english(client, world):
    client.force_login(world.member)
    html = get(client, f"/reviews/{world.review.pk}/")
    assert "Lead member" in html and "Aelod arweiniol" not in html


def test_welsh_counts_pick_the_welsh_plural_form(client, world):
    for _ in range(2):
        FindingFactory(review=world.review, question=world.q1)
    for _ in range(3):
        FindingFactory(review=world.review, question=world.q2)
    client.force_login(world.member)
    html = get(client, f"/cy/reviews/{world.review.pk}/")
    assert "(2 ganfyddiad)" in html  # two: soft mutation after "dau"
    assert "(3 canfyddiad)" in html  # other
    english = get(client, f"/reviews/{world.review.pk}/")
    assert "(2 findings)" in english and "(3 findings)" in english


def test_a_welsh_form_error_and_message_are_in_welsh(client, world):
    world.review.stage = "analysis"
    world.review.save()
    client.force_login(world.chair)
    response = client.post(f"/cy/reviews/{world.review.pk}/stage/", {"to_stage": "scoping", "note": ""})
    assert "Dywedwch pam mae&#x27;r adolygiad yn mynd yn ôl i gam cynharach." in response.content.decode()
    response = client.post(f"/cy/reviews/{world.review.pk}/stage/", {"to_stage": "reporting"}, follow=True)
    assert "Mae&#x27;r adolygiad bellach ar y cam: Adrodd." in response.content.decode()


def test_the_findings_kept_in_english_are_not_served_on_the_welsh_page(client, world):
    FindingFactory(review=world.review, question=world.q1, statement="Calls go unlogged.")
    client.force_login(world.member)
    assert "Findings by type" in get(client, f"/reviews/{world.review.pk}/")
    welsh = get(client, f"/cy/reviews/{world.review.pk}/")
    assert "Canfyddiadau yn ôl math" in welsh and "Findings by type" not in welsh


def test_the_findings_kept_in_welsh_are_not_served_on_the_english_page(client, world):
    FindingFactory(review=world.review, question=world.q1, statement="Calls go unlogged.")
    client.force_login(world.member)
    assert "Canfyddiadau yn ôl math" in get(client, f"/cy/reviews/{world.review.pk}/")
    english = get(client, f"/reviews/{world.review.pk}/")
    assert "Findings by type" in english and "Canfyddiadau yn ôl math" not in english


def test_the_report_body_is_kept_per_language(client, world):
    SiteVisitFactory(review=world.review, place="North area office")
    client.force_login(world.member)
    english = get(client, f"/reviews/{world.review.pk}/report/")
    assert "About this review" in english and "1 site visit" in english
    welsh = get(client, f"/cy/reviews/{world.review.pk}/report/")
    assert "Am yr adolygiad hwn" in welsh and "1 ymweliad safle" in welsh
    assert "About this review" not in welsh
    again = get(client, f"/reviews/{world.review.pk}/report/")
    assert "About this review" in again and "Am yr adolygiad hwn" not in again


def test_the_home_page_review_list_is_kept_per_language(client, world):
    FindingFactory(review=world.review)
    client.force_login(world.member)
    english = get(client, "/")
    assert "Stage:" in english and "1 finding" in english
    welsh = get(client, "/cy/")
    assert "Cam:" in welsh and "1 canfyddiad" in welsh and "Stage:" not in welsh
    assert "Cwmpasu" in welsh  # the review's stage, in Welsh
    again = get(client, "/")
    assert "Stage:" in again and "Cam:" not in again


def test_the_draft_saving_words_reach_the_script_in_welsh(client, world):
    client.force_login(world.member)
    html = get(client, f"/cy/reviews/{world.review.pk}/evidence/add/interview/")
    assert 'data-say-sign-in="Mewngofnodwch eto"' in html


def test_a_draft_saved_from_a_welsh_page_is_reported_in_welsh(client, world):
    client.force_login(world.member)
    response = client.post("/cy/reviews/drafts/save/", {
        "_draft_form": "finding-add", "_draft_object": world.review.pk, "statement": "Heb ei orffen"})
    assert response.status_code == 200
    assert response.json()["message"].startswith("Cadwyd y drafft heddiw am ")
    page = get(client, f"/cy/reviews/{world.review.pk}/findings/add/")
    assert "Rydym wedi rhoi'n ôl yr hyn roeddech chi'n ei deipio yma (cadwyd heddiw am " in page
    assert "Heb ei orffen" in page  # what they typed, as typed
