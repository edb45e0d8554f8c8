"""The published Annual Report, signed out: a public page with an ETag that browsers and proxies
may keep, answered "304 Not Modified" when unchanged and from the cache without a query; signed
in, the page stays private."""

import gzip

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from recommendations.models import Status
from reports.apps import PUBLIC_ANNUAL_REPORT
from scrutiny.models import SiteSettings
from tests.factories.recommendations import RecommendationFactory
from tests.factories.reports import approved_report
from tests.reports.annual_year import moment


@pytest.fixture
def published(world):
    approved_report(world.year, published=True, text="Repairs got better; complaints did not.")
    return f"/reports/annual/{world.year}/"


def _get(client, path, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, headers=headers)
    return response, len(queries)


def test_signed_out_the_published_report_is_a_public_page_with_an_etag(client, published):
    response, _ = _get(client, published)
    assert response.status_code == 200 and "Repairs got better" in response.content.decode()
    assert response["Cache-Control"] == "public, max-age=60, must-revalidate"
    assert response["ETag"].startswith('"reports-annual-') and "Cookie" in response["Vary"]
    assert not response.cookies  # no session, no form token: the same page for everyone
    assert 'X-CSRFToken": ""' in response.content.decode()


def test_the_same_version_is_answered_not_modified_without_a_query(client, published):
    etag = client.get(published)["ETag"]
    response, queries = _get(client, published, if_none_match=etag)
    assert response.status_code == 304 and response["ETag"] == etag and queries == 0
    assert response["Cache-Control"].startswith("public")


def test_a_kept_public_page_costs_no_query_and_keeps_its_headers(client, published):
    first = client.get(published)
    response, queries = _get(client, published)
    assert queries == 0 and response.content == first.content
    assert response["ETag"] == first["ETag"] and response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_a_change_it_shows_gives_a_new_etag_and_the_new_page(client, world, published):
    etag = client.get(published)["ETag"]
    RecommendationFactory(review=world.review, status=Status.VERIFIED, text="Answer the phone sooner.",
                          submitted_at=moment(world.year, 10), verified_at=moment(world.year, 90))
    response, _ = _get(client, published, if_none_match=etag)
    assert response.status_code == 200 and response["ETag"] != etag
    assert "Answer the phone sooner." in response.content.decode()


def test_signed_in_the_report_is_private_and_has_no_etag(client, world, published):
    client.force_login(world.member)
    response = client.get(published)
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"
    assert "ETag" not in response and "Get this report as a PDF" in response.content.decode()


def test_a_report_not_published_sends_signed_out_visitors_to_sign_in(client, world):
    approved_report(world.year, published=False)
    client.force_login(world.member)
    client.get(f"/reports/annual/{world.year}/")  # drawn and kept for signed-in people
    client.logout()
    response = client.get(f"/reports/annual/{world.year}/")
    assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"]


def test_switching_public_reports_off_takes_a_kept_page_away_at_once(client, published):
    assert client.get(published).status_code == 200
    site = SiteSettings.load()
    site.switches = {**site.switches, PUBLIC_ANNUAL_REPORT: False}
    site.save()
    response = client.get(published)
    assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"]


def test_a_visitor_with_a_session_gets_the_page_through_the_whole_stack(client, published):
    client.cookies["sessionid"] = "not-a-session"
    response, queries = _get(client, published)
    assert response.status_code == 200 and response["Cache-Control"].startswith("public")
    assert queries >= 1  # the session was looked up: nothing kept is served in its place


def test_a_browser_that_accepts_gzip_gets_the_kept_page_compressed(client, published):
    first = client.get(published)
    response, queries = _get(client, published, accept_encoding="gzip, deflate, br")
    assert queries == 0 and response["Content-Encoding"] == "gzip"
    assert gzip.decompress(response.content) == first.content
    assert "Accept-Encoding" in response["Vary"] and "Cookie" in response["Vary"]
