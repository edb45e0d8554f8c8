"""Main pages show each person what they may see, as the data stands at each request."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from panels.models import Membership
from reviews.models import Review, Stage
from tests.reviews.conftest import world as world  # the fixture

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([a-zA-Z0-9]{64})"')


def test_a_bulk_update_that_sends_no_signal_is_seen_at_once(client, world):
    client.force_login(world.member)
    path = f"/reviews/{world.review.pk}/"
    assert "Complaints handling" in client.get(path).content.decode()
    Review.objects.filter(pk=world.review.pk).update(title="Complaints handling, looked at again")
    assert "Complaints handling, looked at again" in client.get(path).content.decode()


def test_each_person_sees_their_own_home_page_and_only_what_they_may(client, world):
    path = f"/reviews/{world.review.pk}/"
    client.force_login(world.member)
    assert "Morag Fraser" in client.get("/").content.decode()
    other = Client()
    other.force_login(world.second)
    page = other.get("/").content.decode()
    assert "Aileen Stewart" in page and "Morag Fraser" not in page
    # Someone refused the review is refused still, whoever saw it first.
    client.get(path)
    outsider = Client()
    outsider.force_login(world.outsider)
    assert outsider.get(path).status_code == 403


def test_leaving_the_panel_takes_the_review_away_at_once(client, world):
    client.force_login(world.member)
    path = f"/reviews/{world.review.pk}/"
    assert client.get(path).status_code == 200
    today = timezone.localdate()
    Membership.objects.filter(user=world.member).update(
        joined_on=today - timedelta(days=30), left_on=today - timedelta(days=1)
    )
    assert client.get(path).status_code == 403


def test_a_message_waiting_to_be_shown_is_shown_once(client, world):
    Review.objects.filter(pk=world.review.pk).update(stage=Stage.PROPOSED)
    client.force_login(world.chair)
    path = f"/reviews/{world.review.pk}/"
    confirmed = client.post(f"{path}confirm/", follow=True)
    assert confirmed.redirect_chain[-1][0] == path
    assert "The review is confirmed" in confirmed.content.decode()
    assert "The review is confirmed" not in client.get(path).content.decode()


def test_the_form_token_on_a_page_is_the_browsers_own_and_works(world):
    path = f"/reviews/{world.review.pk}/"
    phone = Client(enforce_csrf_checks=True)
    laptop = Client(enforce_csrf_checks=True)
    for browser in (phone, laptop):
        browser.force_login(world.member)
    phone_token = TOKEN.search(phone.get(path).content.decode())[1]
    laptop_token = TOKEN.search(laptop.get(path).content.decode())[1]
    assert laptop_token != phone_token
    assert laptop.post("/accounts/sign-out/", {"csrfmiddlewaretoken": laptop_token}).status_code == 302
    assert "_auth_user_id" not in laptop.session
