"""'You said, we did', public and signed out: an ETag, public Cache-Control, 304 when unchanged and
no query when kept; a newly verified recommendation gives a new ETag, a draft does not; signed in,
the page stays private."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from scrutiny.models import SiteSettings

URL = "/recommendations/you-said-we-did/"


@pytest.fixture
def public(world, make_rec):
    make_rec("verified", text="Name the team in every letter.", verified_at=timezone.now())
    site = SiteSettings.load()
    site.public_you_said_we_did = True
    site.save()


def _get(client, path=URL, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, headers=headers)
    return response, len(queries)


def test_signed_out_it_is_a_public_page_answered_not_modified_when_unchanged(client, public):
    first = client.get(URL)
    assert first.status_code == 200 and "Name the team in every letter." in first.content.decode()
    assert first["Cache-Control"] == "public, max-age=60, must-revalidate" and not first.cookies
    response, queries = _get(client, if_none_match=first["ETag"])
    assert response.status_code == 304 and queries == 0
    response, queries = _get(client)
    assert response.status_code == 200 and queries == 0 and response.content == first.content


def test_a_newly_verified_recommendation_gives_a_new_etag_and_a_draft_does_not(client, public, make_rec):
    etag = client.get(URL)["ETag"]
    make_rec("draft", text="Not yet sent.")
    assert client.get(URL, headers={"if-none-match": etag}).status_code == 304
    make_rec("verified", text="Answer the phone sooner.", verified_at=timezone.now())
    response = client.get(URL, headers={"if-none-match": etag})
    assert response.status_code == 200 and response["ETag"] != etag
    assert "Answer the phone sooner." in response.content.decode()


def test_each_page_of_the_list_has_its_own_etag_and_made_up_pages_are_not_kept(client, public):
    assert client.get(URL)["ETag"] != client.get(URL + "?page=2")["ETag"]
    response = client.get(URL + "?page=nonsense")
    assert response.status_code == 200 and "ETag" not in response


def test_signed_in_it_is_private(client, world, public):
    client.force_login(world.member)
    response = client.get(URL)
    assert response["Cache-Control"] == "private, no-store" and "ETag" not in response


def test_making_it_private_again_takes_a_kept_page_away_at_once(client, public):
    assert client.get(URL).status_code == 200
    site = SiteSettings.load()
    site.public_you_said_we_did = False
    site.save()
    assert client.get(URL).status_code == 302
