""""How we compare" for people who are not signed in: read at the same address once the landlord
switches it on, with nothing an administrator sees, linked from the signed-out home page when it
has figures, in Welsh at /cy/, and kept (ETag, Cache-Control: public) until what it shows changes."""

import html

import pytest
from django.core.cache import cache

from comparisons import public
from comparisons.frameworks import TSM_FRAMEWORK
from comparisons.models import PeerChoice, TsmImport
from scrutiny.models import SiteSettings
from tests.comparisons.test_selectors import _make
from tests.factories.accounts import UserFactory
from tests.factories.reviews import FindingFactory

pytestmark = pytest.mark.django_db

URL = f"/comparisons/frameworks/{TSM_FRAMEWORK}/"
ADMIN_ADDRESSES = ("/comparisons/imports/", "/comparisons/peers/", "/comparisons/own-figures/",
                   "/administration/", "/assessments/")


def _site(*, switched_on=True, code=None):
    site = SiteSettings.load()
    site.switches = {**site.switches, public.PUBLIC_HOW_WE_COMPARE: switched_on}
    if code is not None:
        site.regulator_code = code
    site.save()


@pytest.fixture
def fern(db):
    cache.clear()
    code = _make()["Fern"].code
    _site(code=code)
    return code


def _text(response):
    assert response.status_code == 200
    return " ".join(html.unescape(response.content.decode()).split())


def test_signed_out_visitors_are_sent_to_sign_in_while_the_switch_is_off(client, fern):
    _site(switched_on=False)

    response = client.get(URL)

    assert response.status_code == 302 and response["Location"].startswith("/accounts/sign-in/")


def test_signed_out_visitors_read_where_we_stand_once_switched_on(client, fern):
    response = client.get(URL)

    page = _text(response)
    assert "<h1>How we compare: Tenant Satisfaction Measures" in page
    assert "Ours: <strong>71%</strong>" in page
    assert "Better than 6 in 10 similar landlords." in page
    assert response["Cache-Control"].startswith("public")
    assert response["ETag"].startswith('"comparisons-how-we-compare-')
    assert "csrfmiddlewaretoken" not in page


def test_the_signed_out_page_has_nothing_an_administrator_sees(client, db):
    cache.clear()
    _site(code="NOPE1")  # a code with no figures imported: the page says what an administrator can do
    admin = UserFactory(role="admin")

    signed_out = _text(client.get(URL))
    client.force_login(admin)
    as_admin = _text(client.get(URL))

    assert "/comparisons/imports/" in as_admin and 'aria-label="Breadcrumb"' in as_admin
    assert "We cannot compare yet" in signed_out
    assert not [address for address in ADMIN_ADDRESSES if f'href="{address}' in signed_out]
    assert "As an administrator" not in signed_out and 'aria-label="Breadcrumb"' not in signed_out


def test_a_framework_with_no_regulators_figures_stays_signed_in_only(client, fern):
    response = client.get("/comparisons/frameworks/consumer-standards-2024/")

    assert response.status_code == 302 and response["Location"].startswith("/accounts/sign-in/")


def test_the_page_reads_in_welsh_at_the_welsh_address(client, fern):
    response = client.get(f"/cy{URL}")

    page = _text(response)
    assert '<html lang="cy"' in page
    assert "<h1>Sut rydym yn cymharu: Tenant Satisfaction Measures" in page
    assert "Ein ffigur ni: <strong>71%</strong>" in page
    assert "-cy-" in response["ETag"]


def test_the_signed_out_home_page_links_it_only_when_switched_on_with_figures(client, db):
    cache.clear()
    _site(switched_on=True, code="")
    assert URL not in client.get("/accounts/sign-in/").content.decode()  # no figures to show

    _site(code=_make()["Fern"].code)
    assert f'href="{URL}"' in client.get("/accounts/sign-in/").content.decode()

    _site(switched_on=False)
    assert URL not in client.get("/accounts/sign-in/").content.decode()


def _kept(client, etag):
    return client.get(URL, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_an_import_saved_changes_the_page_and_a_finding_logged_leaves_it_kept(client, fern):
    etag = client.get(URL)["ETag"]
    assert _kept(client, etag)

    FindingFactory()
    assert _kept(client, etag)

    made = TsmImport.objects.create(file_name="next.xlsx", sha256="2" * 64, status=TsmImport.Status.READ)
    assert _kept(client, etag)  # read, not yet saved: nothing on the page has changed
    made.status = TsmImport.Status.APPLIED
    made.save()
    assert not _kept(client, etag)


def test_choosing_peers_or_saving_the_site_settings_changes_the_page(client, fern):
    etag = client.get(URL)["ETag"]

    PeerChoice.objects.update_or_create(pk=1, defaults={"peer_codes": ["T001"]})
    after_peers = client.get(URL)
    assert after_peers["ETag"] != etag
    assert "the landlords our administrator chose" in _text(after_peers)

    SiteSettings.load().save()
    assert not _kept(client, after_peers["ETag"])


def test_the_year_asked_for_is_kept_apart_and_a_year_that_is_not_a_short_number_is_not_kept(client, fern):
    latest = client.get(URL)["ETag"]
    asked = client.get(URL, {"year": "2023"})

    assert asked["ETag"] != latest and "-2023" in asked["ETag"]
    for odd in ("20245", "abc"):
        response = client.get(URL, {"year": odd})
        assert response.status_code == 200 and not response.has_header("ETag")


def test_the_middleware_serves_the_kept_page_without_drawing_it_again(client, fern,
                                                                      django_assert_num_queries):
    first = client.get(URL)

    with django_assert_num_queries(0):
        again = client.get(URL)

    assert again.status_code == 200 and again["ETag"] == first["ETag"]
    assert again.content == first.content
