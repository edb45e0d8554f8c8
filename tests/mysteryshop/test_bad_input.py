"""Hostile or odd input on the visit pages gets a message or a plain refusal, never a server
error: numbers that str.isdigit() accepts but int() does not ("²"), versions and ids that are
not numbers, a photo's key that is not one, and JSON nested deeper than Python can read."""

import io
import json
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from mysteryshop import services

pytestmark = pytest.mark.django_db

NOT_NUMBERS = ["abc", "1.5", "²", str(2**63), "-1"]


def _start(shop):
    return services.start_visit(by=shop.shopper, review=shop.review, checklist=shop.phone,
                                site=shop.office, channel="phone", visited_at=timezone.now())


@pytest.mark.parametrize("section", NOT_NUMBERS)
def test_a_screen_number_that_is_not_a_number_opens_a_screen(client, shop, section):
    visit = _start(shop)
    client.force_login(shop.shopper)
    response = client.get(f"/mystery-shopping/visits/{visit.pk}/record/?section={section}")
    assert response.status_code == 200
    assert "<h1" in response.content.decode()


@pytest.mark.parametrize(("version", "status", "saved"), [
    ("abc", 302, "Yes"), ("1.5", 302, "Yes"), ("²", 302, "Yes"),  # not a version: no check
    ("-1", 400, "No"), (str(2**63), 400, "No"),  # a version, but not the answer's: a conflict
])
def test_an_answer_changed_with_a_version_that_is_not_one_is_saved_or_a_conflict(
    client, shop, version, status, saved
):
    visit = _start(shop)
    standard = visit.checklist.standards.filter(answer_type="yes_no").order_by("section__position",
                                                                            "position").first()
    services.record_answer(by=shop.shopper, visit=visit, standard=standard, value={"choice": "no"})
    client.force_login(shop.shopper)
    response = client.post(f"/mystery-shopping/visits/{visit.pk}/record/?section=1", {
        f"s{standard.pk}-choice": "yes", f"s{standard.pk}-version": version, "go": "next",
    })
    assert response.status_code == status
    assert visit.answers.get(standard=standard).display == saved


def test_an_answer_nested_deeper_than_python_reads_is_refused_in_plain_words(client, shop):
    visit = _start(shop)
    client.force_login(shop.shopper)
    response = client.post(f"/mystery-shopping/visits/{visit.pk}/answers/",
                           "[" * 100_000 + "]" * 100_000, content_type="application/json")
    assert response.status_code == 400
    assert json.loads(response.content) == {"message": "The answer could not be read. Try again."}


def test_a_photo_with_a_key_and_standard_that_are_not_ids_is_still_added(client, shop):
    visit = _start(shop)
    image = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(image, "PNG")
    client.force_login(shop.shopper)
    response = client.post(f"/mystery-shopping/visits/{visit.pk}/photos/add/", {
        "photo": SimpleUploadedFile("door.png", image.getvalue()), "description": "Front door",
        "key": "k" * 1000, "standard": "abc",
    })
    assert response.status_code == 302
    photo = visit.photos.get()
    assert (photo.key, photo.standard, photo.description) == (None, None, "Front door")


@pytest.mark.parametrize("version", ["abc", "²"])
def test_submitting_with_a_version_that_is_not_a_number_is_a_conflict_not_an_error(client, shop, version):
    visit = _start(shop)
    client.force_login(shop.shopper)
    response = client.post(f"/mystery-shopping/visits/{visit.pk}/submit/", {"version": version},
                           follow=True)
    assert response.status_code == 200
    visit.refresh_from_db()
    assert not visit.is_submitted


def test_moving_a_standard_with_a_version_that_is_not_a_number_is_a_conflict(client, shop):
    standard = shop.phone.standards.order_by("section__position", "position").last()
    client.force_login(shop.admin)
    response = client.post(f"/mystery-shopping/checklists/{shop.phone.pk}/standards/{standard.pk}/move/",
                           {"direction": "up", "version": "²"}, follow=True)
    assert response.status_code == 200
    assert "Someone else changed this checklist while you had it open" in response.content.decode()


def test_a_photo_key_that_is_a_uuid_is_kept(client, shop):
    """The phone's queue sends a real key: it still makes a repeated upload count once."""
    visit = _start(shop)
    key = str(uuid.uuid4())
    client.force_login(shop.shopper)
    for _ in range(2):
        image = io.BytesIO()
        Image.new("RGB", (8, 8), "blue").save(image, "PNG")
        client.post(f"/mystery-shopping/visits/{visit.pk}/photos/add/", {
            "photo": SimpleUploadedFile("door.png", image.getvalue()), "description": "Door", "key": key,
        })
    assert str(visit.photos.get().key) == key


def test_an_svg_photo_is_refused_with_advice_that_fits_a_photo(client, shop):
    """Only images go in a visit's photos, so the message does not suggest a PDF."""
    visit = _start(shop)
    client.force_login(shop.shopper)
    svg = b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"
    response = client.post(f"/mystery-shopping/visits/{visit.pk}/photos/add/", {
        "photo": SimpleUploadedFile("map.svg", svg), "description": "The estate map",
    })
    page = response.content.decode()
    assert "SVG images cannot be uploaded because they can contain scripts. Save it as a PNG and" in page
    assert "The estate map" in page and not visit.photos.exists()
