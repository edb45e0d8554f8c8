"""Main pages kept for the person who asked (scrutiny/page_cache.py), until anything changes."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from panels.models import Membership
from reviews.models import Review, Stage
from scrutiny import page_cache
from scrutiny.models import SiteSettings
from tests.reviews.conftest import world as world  # the fixture

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site_settings(db):
    """Made once by a deployment's first page: a write, so a page drawn with it is not kept."""
    SiteSettings.load()

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([a-zA-Z0-9]{64})"')


def queries(client, path):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    assert response.status_code == 200
    return response, len(ctx.captured_queries)


def test_a_page_seen_again_before_anything_changes_is_served_without_drawing_it(client, world):
    client.force_login(world.member)
    path = f"/reviews/{world.review.pk}/"
    first, drawn = queries(client, path)
    again, kept = queries(client, path)
    assert again.content == first.content.replace(TOKEN.search(first.content.decode())[1].encode(),
                                                  TOKEN.search(again.content.decode())[1].encode())
    # Only the session and the person are read: none of the page's own queries.
    assert kept <= 2 < drawn
    assert again.context is None  # no template was drawn


def test_a_bulk_update_that_sends_no_signal_is_seen_at_once(client, world):
    client.force_login(world.member)
    path = f"/reviews/{world.review.pk}/"
    assert "Complaints handling" in client.get(path).content.decode()
    Review.objects.filter(pk=world.review.pk).update(title="Complaints handling, looked at again")
    assert "Complaints handling, looked at again" in client.get(path).content.decode()


def test_a_page_is_kept_for_the_person_who_asked_and_nobody_else(client, world):
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


def test_a_message_waiting_to_be_shown_is_shown_once_and_not_kept(client, world):
    Review.objects.filter(pk=world.review.pk).update(stage=Stage.PROPOSED)
    client.force_login(world.chair)
    path = f"/reviews/{world.review.pk}/"
    confirmed = client.post(f"{path}confirm/", follow=True)
    assert confirmed.redirect_chain[-1][0] == path
    assert "The review is confirmed" in confirmed.content.decode()
    assert "The review is confirmed" not in client.get(path).content.decode()


def test_the_form_token_of_a_kept_page_is_the_browsers_own_and_works(world):
    path = f"/reviews/{world.review.pk}/"
    phone = Client(enforce_csrf_checks=True)
    laptop = Client(enforce_csrf_checks=True)
    for browser in (phone, laptop):
        browser.force_login(world.member)
    phone_page = phone.get(path).content.decode()
    laptop_response, kept = queries(laptop, path)
    assert kept <= 2  # the page kept from the phone's visit
    phone_token = TOKEN.search(phone_page)[1]
    laptop_token = TOKEN.search(laptop_response.content.decode())[1]
    assert laptop_token != phone_token
    # The laptop signs out with the token its kept page carried: the form is accepted.
    assert laptop.post("/accounts/sign-out/", {"csrfmiddlewaretoken": laptop_token}).status_code == 302
    assert "_auth_user_id" not in laptop.session


def test_a_new_day_draws_the_page_again(client, world):
    just_before_midnight = timezone.localtime().replace(hour=23, minute=59, second=50)
    with time_machine.travel(just_before_midnight, tick=False) as traveller:
        client.force_login(world.member)
        queries(client, "/")
        assert queries(client, "/")[1] <= 2
        # Well within the time a page is kept: overdue and "due today" are about the date.
        traveller.shift(timedelta(seconds=20))
        assert queries(client, "/")[1] > 2


def test_nothing_is_kept_when_turned_off(client, world, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.force_login(world.member)
    queries(client, "/")
    assert queries(client, "/")[1] > 2


def test_only_a_browsers_own_tokens_are_taken_out():
    secret = "a" * 32
    request = type("Request", (), {"META": {"CSRF_COOKIE": secret}})()
    from django.middleware.csrf import _mask_cipher_secret

    own = _mask_cipher_secret(secret)
    other = _mask_cipher_secret("b" * 32)
    body = f'<input value="{own}"><input value="{other}">'.encode()
    kept = page_cache._without_form_tokens(request, body)
    assert own.encode() not in kept and other.encode() in kept
    assert kept.count(page_cache.PLACEHOLDER) == 1


def test_a_filtered_or_searched_page_is_drawn_each_time_and_a_page_of_a_list_is_kept(client, world):
    client.force_login(world.manager)
    for path in ("/reviews/?page=1", "/reviews/?group=type"):
        queries(client, path)
        assert queries(client, path)[1] <= 2, path
    for path in ("/reviews/?q=complaints", "/reviews/?page=1&q=late", f"/reviews/?page={'9' * 9}"):
        queries(client, path)
        assert queries(client, path)[1] > 2, path
