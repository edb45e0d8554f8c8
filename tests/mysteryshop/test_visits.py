"""Recording a visit: answers saved as given, once per key, conflicts, submitting, photos."""

import io
import json
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from mysteryshop import services
from mysteryshop.models import Answer, AnswerReceipt, VisitStatus
from reviews.models import Finding
from tests.db_unchanged import assert_db_unchanged

pytestmark = pytest.mark.django_db


def _start(shop):
    return services.start_visit(by=shop.shopper, review=shop.review, checklist=shop.phone,
                                site=shop.office, channel="phone", visited_at=timezone.now())


def _standard(visit, question_start):
    return visit.checklist.standards.get(question__startswith=question_start)


def _send(client, visit, standard, value, key=None, based_on=None):
    return client.post(
        f"/mystery-shopping/visits/{visit.pk}/answers/",
        json.dumps({"key": str(key or uuid.uuid4()), "standard": standard.pk, "based_on": based_on,
                    "value": value}),
        content_type="application/json",
    )


def test_shopper_starts_a_visit_on_the_page_and_lands_on_the_first_screen(client, shop):
    client.force_login(shop.shopper)
    response = client.post(f"/mystery-shopping/programmes/{shop.review.pk}/visits/new/", {
        "checklist": shop.phone.pk, "site": shop.office.pk, "channel": "phone",
        "visited_at": "2015-01-14T10:30", "notes": "",
    })
    visit = shop.review.visits.get()
    assert response["Location"] == f"/mystery-shopping/visits/{visit.pk}/record/"
    page = client.get(response["Location"]).content.decode()
    assert "Getting through" in page and "Screen <span data-current>1</span> of 4" in page


def test_an_answer_sent_twice_with_one_key_is_saved_once(client, shop):
    visit = _start(shop)
    client.force_login(shop.shopper)
    rings = _standard(visit, "How many times")
    key = uuid.uuid4()
    first = _send(client, visit, rings, {"number": "3"}, key=key, based_on=0)
    again = _send(client, visit, rings, {"number": "3"}, key=key, based_on=0)
    assert first.status_code == again.status_code == 200
    assert again.json()["repeated"] is True
    assert Answer.objects.filter(visit=visit).count() == 1
    assert AnswerReceipt.objects.filter(key=key).count() == 1
    assert first.json()["score"] == "100.0"


def test_an_answer_changed_elsewhere_meanwhile_is_a_conflict(client, shop):
    visit = _start(shop)
    name = _standard(visit, "Did the person who answered")
    services.record_answer(by=shop.shopper, visit=visit, standard=name, value={"choice": "yes"})
    services.record_answer(by=shop.admin, visit=visit, standard=name, value={"choice": "no"})
    client.force_login(shop.shopper)
    response = _send(client, visit, name, {"choice": "yes"}, based_on=1)
    assert response.status_code == 409
    assert "changed elsewhere" in response.json()["message"] and response.json()["saved"] == "No"
    assert Answer.objects.get(visit=visit, standard=name).choice == "no"


def test_a_bad_number_is_refused_in_plain_words(client, shop):
    visit = _start(shop)
    client.force_login(shop.shopper)
    response = _send(client, visit, _standard(visit, "How many times"), {"number": "lots"})
    assert response.status_code == 400 and response.json()["message"] == "Enter a number, such as 4."


def test_without_javascript_a_screen_is_saved_when_moving_on(client, shop):
    visit = _start(shop)
    client.force_login(shop.shopper)
    rings, hold = _standard(visit, "How many times"), _standard(visit, "If you were put on hold")
    response = client.post(f"/mystery-shopping/visits/{visit.pk}/record/?section=1", {
        f"s{rings.pk}-number": "4", f"s{hold.pk}-number": "", f"s{hold.pk}-not_applicable": "true",
        "go": "next",
    })
    assert response["Location"].endswith("?section=2")
    assert Answer.objects.get(visit=visit, standard=rings).number == 4
    assert Answer.objects.get(visit=visit, standard=hold).not_applicable


def test_submitting_needs_every_required_answer_then_locks_the_visit(client, shop):
    visit = _start(shop)
    client.force_login(shop.shopper)
    response = client.post(f"/mystery-shopping/visits/{visit.pk}/submit/", {"version": visit.version},
                           follow=True)
    assert "Answer every required question first" in response.content.decode()
    for standard in visit.checklist.standards.filter(required=True):
        value = {"yes_no": {"choice": "yes"}, "rating": {"rating": 4}, "number": {"number": "2"}}
        services.record_answer(by=shop.shopper, visit=visit, standard=standard,
                               value=value[standard.answer_type])
    visit.refresh_from_db()
    client.post(f"/mystery-shopping/visits/{visit.pk}/submit/", {"version": visit.version})
    visit.refresh_from_db()
    assert visit.status == VisitStatus.SUBMITTED
    with assert_db_unchanged():
        late = _send(client, visit, _standard(visit, "Did they listen"), {"choice": "no"})
    assert late.status_code == 403
    client.force_login(shop.admin)
    assert _send(client, visit, _standard(visit, "Did they listen"), {"choice": "no"}).status_code == 200


def test_photo_is_stored_without_its_location_and_sent_once_per_key(client, shop):
    visit = _start(shop)
    client.force_login(shop.shopper)
    image = Image.new("RGB", (40, 30), (200, 10, 10))
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (56.0, 23.0, 46.0)}  # GPS
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    key = str(uuid.uuid4())
    for _ in range(2):
        upload = SimpleUploadedFile("reception.jpg", buffer.getvalue(), content_type="image/jpeg")
        response = client.post(f"/mystery-shopping/visits/{visit.pk}/photos/add/",
                               {"photo": upload, "description": "Leaflet rack empty", "key": key},
                               headers={"X-Requested-With": "fetch"})
        assert response.status_code == 200
    photo = visit.photos.get()
    with Image.open(photo.file) as stored:
        assert not stored.getexif().get_ifd(0x8825)


def test_a_failed_standard_becomes_a_finding_linked_to_its_visits(client, shop):
    visit = _start(shop)
    name = _standard(visit, "Did the person who answered")
    services.record_answer(by=shop.shopper, visit=visit, standard=name, value={"choice": "no"})
    visit.status = VisitStatus.SUBMITTED
    visit.save()
    client.force_login(shop.member)
    url = f"/mystery-shopping/programmes/{shop.review.pk}/standards/{name.pk}/finding/"
    assert f'value="{visit.pk}"' in client.get(url).content.decode()
    response = client.post(url, {"statement": "Staff often do not give their name.", "visits": [visit.pk]})
    finding = Finding.objects.get(review=shop.review)
    assert response["Location"] == finding.get_absolute_url()
    assert list(finding.visit_source.visits.all()) == [visit]
    assert finding.visit_source.standard_key == name.key


def test_a_shoppers_download_holds_their_visits_and_answers(shop):
    from mysteryshop.personal_data import collect

    visit = _start(shop)
    services.record_answer(by=shop.shopper, visit=visit, standard=_standard(visit, "Did they listen"),
                           value={"choice": "yes"})
    title, data = collect(shop.shopper)
    assert title == "Visits and inspections"
    assert data["visits_you_recorded"][0]["answers"] == [
        {"question": "Did they listen without interrupting?", "answer": "Yes"}
    ]
    assert collect(shop.officer) is None
