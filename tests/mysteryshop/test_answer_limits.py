"""What a shopper types is kept whole or refused with a message, never cut; a body the answers
endpoint cannot read is a 400 with a plain reason, never a server error; and the progress line
counts only questions that have an answer."""

import json
import uuid

import pytest
from django.utils import timezone

from mysteryshop import services
from mysteryshop.models import Answer, AnswerReceipt, Standard

pytestmark = pytest.mark.django_db

UNREADABLE = "The answer could not be read. Try again."


def _start(shop):
    return services.start_visit(by=shop.shopper, review=shop.review, checklist=shop.phone,
                                site=shop.office, channel="phone", visited_at=timezone.now())


def _standard(visit, question_start):
    return visit.checklist.standards.get(question__startswith=question_start)


def _send_raw(client, visit, body):
    return client.post(f"/mystery-shopping/visits/{visit.pk}/answers/", body,
                       content_type="application/json")


def _body(key, standard, value='{"choice": "yes"}', based_on="null"):
    return f'{{"key": "{key}", "standard": {standard}, "based_on": {based_on}, "value": {value}}}'


@pytest.mark.parametrize(("part", "text"), [
    ("standard", "1e309"), ("standard", "-1e309"), ("standard", "NaN"), ("standard", "Infinity"),
    ("standard", "9" * 30), ("standard", '"abc"'), ("standard", "[1]"), ("standard", "{}"),
    ("based_on", "1e309"), ("based_on", "-Infinity"), ("based_on", "NaN"), ("based_on", '{"a": 1}'),
    ("value", "[1, 2]"), ("value", '"yes"'), ("value", "1e309"),
])
def test_a_malformed_answer_body_is_a_400_with_a_plain_reason(client, shop, part, text):
    visit = _start(shop)
    name = _standard(visit, "Did the person who answered")
    client.force_login(shop.shopper)
    parts = {"standard": str(name.pk), "based_on": "null", "value": '{"choice": "yes"}', part: text}
    response = _send_raw(client, visit, _body(uuid.uuid4(), **parts))
    assert response.status_code == 400
    assert response.json() == {"message": UNREADABLE}
    assert not Answer.objects.filter(visit=visit).exists()
    assert not AnswerReceipt.objects.exists()


@pytest.mark.parametrize(("question", "value", "message"), [
    ("Were they polite", '{"rating": 1e309}', "Choose a rating from 1 to 5."),
    ("Were they polite", '{"rating": -1e309}', "Choose a rating from 1 to 5."),
    ("Were they polite", '{"rating": NaN}', UNREADABLE),
    ("Were they polite", '{"rating": [3]}', "Choose a rating from 1 to 5."),
    ("How many times", '{"number": 1e309}', "Enter a number, such as 4."),
    ("How many times", '{"number": 1e5000}', "Enter a number, such as 4."),
    ("How many times", '{"number": {"n": 4}}', "Enter a number, such as 4."),
    ("Did the person who answered", '{"choice": ["yes"]}', "Choose yes, no or not applicable."),
    ("Anything else you noticed", '{"text": ["a", "b"]}', "Type your answer as words."),
    ("Anything else you noticed", '{"text": {"a": 1}}', "Type your answer as words."),
])
def test_an_answer_value_of_the_wrong_kind_is_refused_in_plain_words(client, shop, question, value,
                                                                     message):
    visit = _start(shop)
    standard = _standard(visit, question)
    client.force_login(shop.shopper)
    response = _send_raw(client, visit, _body(uuid.uuid4(), standard.pk, value=value))
    assert response.status_code == 400
    assert response.json() == {"message": message}
    assert not Answer.objects.filter(visit=visit).exists()


def test_a_text_answer_over_5000_characters_is_refused_not_cut(client, shop):
    visit = _start(shop)
    notes = _standard(visit, "Anything else you noticed")
    services.record_answer(by=shop.shopper, visit=visit, standard=notes, value={"text": "First go"})
    client.force_login(shop.shopper)
    response = _send_raw(client, visit, json.dumps({
        "key": str(uuid.uuid4()), "standard": notes.pk, "based_on": None,
        "value": {"text": "x" * 5001},
    }))
    assert response.status_code == 400
    assert response.json() == {
        "message": "Your answer is 5,001 characters long. Shorten it to 5,000 characters or fewer."
    }
    assert Answer.objects.get(visit=visit, standard=notes).text == "First go"


def test_a_text_answer_of_5000_characters_with_line_breaks_is_kept_whole(client, shop):
    """A browser counts a line break as one character in the box but sends two (CR LF)."""
    visit = _start(shop)
    notes = _standard(visit, "Anything else you noticed")
    text = ("y" * 99 + "\n") * 50
    client.force_login(shop.shopper)
    response = client.post(f"/mystery-shopping/visits/{visit.pk}/record/?section=3", {
        f"s{notes.pk}-text": text.replace("\n", "\r\n"), "go": "next",
    })
    assert response.status_code == 302
    assert Answer.objects.get(visit=visit, standard=notes).text == text.strip()


def test_without_javascript_a_text_answer_too_long_is_refused_and_kept_in_the_page(client, shop):
    visit = _start(shop)
    notes = _standard(visit, "Anything else you noticed")
    typed = ("The waiting music was very loud. " * 200).strip()  # 6,599 characters
    client.force_login(shop.shopper)
    response = client.post(f"/mystery-shopping/visits/{visit.pk}/record/?section=3", {
        f"s{notes.pk}-text": typed, "go": "next",
    })
    page = response.content.decode()
    assert response.status_code == 400
    assert "Your answer is 6,599 characters long. Shorten it to 5,000 characters or fewer." in page
    assert "Not saved: Your answer is 6,599 characters" in page and typed in page
    assert not Answer.objects.filter(visit=visit, standard=notes).exists()


def test_the_text_answer_box_is_limited_to_5000_characters(client, shop):
    visit = _start(shop)
    notes = _standard(visit, "Anything else you noticed")
    client.force_login(shop.shopper)
    page = client.get(f"/mystery-shopping/visits/{visit.pk}/record/?section=3").content.decode()
    assert f'name="s{notes.pk}-text" id="s{notes.pk}-text" maxlength="5000"' in page


def test_a_new_visit_has_no_questions_answered(client, shop):
    visit = _start(shop)
    client.force_login(shop.shopper)
    page = client.get(f"/mystery-shopping/visits/{visit.pk}/record/").content.decode()
    assert "<span data-answered>0</span> of 11 questions answered" in page


def test_an_empty_text_answer_does_not_count_as_answered(client, shop):
    visit = _start(shop)
    services.record_answer(by=shop.shopper, visit=visit, standard=_standard(visit, "Anything else"),
                           value={"text": "   "})
    services.record_answer(by=shop.shopper, visit=visit, standard=_standard(visit, "Were they polite"),
                           value={"rating": "4"})
    client.force_login(shop.shopper)
    page = client.get(f"/mystery-shopping/visits/{visit.pk}/record/").content.decode()
    assert "<span data-answered>1</span> of 11 questions answered" in page


@pytest.mark.parametrize("which", ["no such question", "another checklist's question"])
def test_an_answer_to_a_question_not_on_the_checklist_is_a_400_in_plain_words(client, shop, which):
    visit = _start(shop)
    other = Standard.objects.exclude(checklist=visit.checklist).first()
    pk = -1 if which == "no such question" else other.pk
    client.force_login(shop.shopper)
    response = _send_raw(client, visit, _body(uuid.uuid4(), pk))
    assert response.status_code == 400
    assert response.json() == {"message": "This question is not on the visit's checklist. "
                                          "Reload the page to see its questions."}
    assert not Answer.objects.exists()
