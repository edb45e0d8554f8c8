"""The error pages (not found, not allowed, a fault, the database unavailable, a file too large)
read at 320 px without sideways scrolling and pass axe-core, with the landlord's 60-character
name and a wide logo in the header of those that have one."""

import pytest
from django.test import Client

from tests.browser.conftest import NARROW_PHONE, AccessiblePage
from tests.browser.test_phone_crawl import LONG_NAME, _long_name_and_wide_logo
from tests.factories.accounts import PASSWORD, UserFactory

FITS = "document.documentElement.scrollWidth <= window.innerWidth"


@pytest.fixture
def narrow_page(chromium, live_server, transactional_db, settings):
    settings.ROOT_URLCONF = "tests.browser.error_urls"
    _long_name_and_wide_logo()
    context = chromium.new_context(viewport=NARROW_PHONE, locale="en-GB")
    yield AccessiblePage(context.new_page(), live_server.url)
    context.close()


def _check(page, path, status, heading):
    response = page.goto(page.base_url + path)
    assert response.status == status
    assert page.get_by_role("heading", level=1).inner_text() == heading
    assert page.evaluate(FITS), f"{path} scrolls sideways at 320 px"
    page.check_accessibility()


def test_not_found_and_not_allowed_fit_a_narrow_phone(narrow_page):
    _check(narrow_page, "/no-such-page/", 404, "Page not found")
    assert LONG_NAME in narrow_page.content()

    narrow_page.sign_in(UserFactory(role="tenant"), PASSWORD)
    _check(narrow_page, "/no-such-page/", 404, "Page not found")
    _check(narrow_page, "/administration/", 403, "You cannot see this page")
    assert LONG_NAME in narrow_page.content()


def test_the_fault_and_unavailable_pages_fit_a_narrow_phone(narrow_page):
    _check(narrow_page, "/test-errors/500/", 500, "Sorry, there is a problem with the service")
    _check(narrow_page, "/test-errors/503/", 503, "Sorry, the service is unavailable for a moment")


def test_the_file_too_large_page_fits_a_narrow_phone(narrow_page, settings):
    # The browser would be cut off mid-upload, so the page is made by the real check, through
    # Django's test client, and handed to the browser as the answer to a form it sent.
    settings.UPLOAD_MAX_BYTES = 1
    answer = Client().post("/", data=b"x" * (1024 * 1024 + 2), content_type="application/octet-stream")
    assert answer.status_code == 413
    narrow_page.route("**/too-large/", lambda route: route.fulfill(
        status=413, body=answer.content, content_type="text/html; charset=utf-8"))

    _check(narrow_page, "/too-large/", 413, "The file is too large")
