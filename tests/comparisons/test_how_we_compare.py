"""The "How we compare" page for a framework, on the ten landlords worked out by hand in
test_selectors.py (Fern is the landlord; see that module's docstring for the sums)."""

import html
from decimal import Decimal

import pytest
from django.urls import reverse

from comparisons.frameworks import TSM_FRAMEWORK
from comparisons.models import Figure, Landlord, Survey, TsmImport
from scrutiny.models import SiteSettings
from tests.comparisons.test_selectors import _make
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db

ATTRIBUTION = "Contains public sector information licensed under the Open Government Licence v3.0"


def _url(code=TSM_FRAMEWORK, **query):
    url = reverse("comparisons:how-we-compare", args=[code])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def _we_are(code):
    site = SiteSettings.load()
    site.regulator_code = code
    site.save()


@pytest.fixture
def tenant_client(client):
    client.force_login(UserFactory(role="tenant"))
    return client


def _text(response):
    assert response.status_code == 200
    return " ".join(html.unescape(response.content.decode()).split())


def test_a_tenant_reads_where_we_stand_in_plain_words(tenant_client):
    _we_are(_make()["Fern"].code)

    page = _text(tenant_client.get(_url()))

    assert "<h1>How we compare: Tenant Satisfaction Measures" in page
    assert "TP01: Overall satisfaction" in page
    assert "Ours: <strong>71%</strong>" in page
    assert "Better than 5 in 10 landlords; in the second quarter of all landlords." in page
    assert "Better than 6 in 10 similar landlords." in page


def test_the_page_gives_the_quartiles_the_peer_median_and_the_change(tenant_client):
    _we_are(_make()["Fern"].code)

    page = _text(tenant_client.get(_url()))

    assert "Median of all landlords (10 with a figure)</dt><dd class=\"col-sm-6\">70.5%" in page
    assert "60.5% to 78.8%" in page
    assert "Median of similar landlords (3 with a figure)</dt><dd class=\"col-sm-6\">62%" in page
    assert ("Ours: up 3 points on last year, better; all landlords' median: up 2 points "
            "(we improved by more).") in page


def test_the_ten_nearest_peers_are_listed_nearest_first(tenant_client):
    _we_are(_make()["Fern"].code)

    page = _text(tenant_client.get(_url()))

    assert "<summary>The 9 landlords most like us</summary>" in page
    names = ["Juniper: 90%", "Elm: 70%", "Hazel: 80%", "Birch: 55%", "Dogwood: 62%", "Cedar: 60%",
             "Ivy: 84%", "Ash: 50%", "Gorse: 75%"]
    places = [page.index(f"<li>{name}</li>") for name in names]
    assert places == sorted(places)


def test_caveats_chart_table_and_attribution_are_beside_the_figure(tenant_client):
    _we_are(_make()["Fern"].code)

    page = _text(tenant_client.get(_url()))

    assert "From a sample of 400 tenants, accurate to within 4.5 points either way." in page
    assert "1 landlord with no figure: excluded by the regulator." in page
    assert "1 landlord with no figure: suppressed: fewer than 50 surveys by that method." in page
    assert "Overall satisfaction, 2024/25: how the figures spread" in page
    assert "<th scope=\"row\">All landlords: median</th><td>70.5%</td>" in page
    assert "<th scope=\"row\">Us</th><td>71%</td>" in page
    assert page.count(ATTRIBUTION) >= 2


def test_peers_chosen_by_name_replace_the_default_group(tenant_client):
    from comparisons.models import PeerChoice

    landlords = _make()
    _we_are(landlords["Fern"].code)
    PeerChoice.objects.create(pk=1, peer_codes=[landlords["Ivy"].code, landlords["Juniper"].code])

    page = _text(tenant_client.get(_url()))

    assert "the landlords our administrator chose" in page
    assert "Worse than every other similar landlord." in page


def test_a_year_chooser_shows_an_earlier_year(tenant_client):
    _we_are(_make()["Fern"].code)

    latest = _text(tenant_client.get(_url()))
    earlier = _text(tenant_client.get(_url(year=2023)))

    assert '<option value="2024" selected>2024/25</option>' in latest
    assert "Ours: <strong>68%</strong>" in earlier
    assert '<option value="2023" selected>2023/24</option>' in earlier


def test_no_regulator_code_says_so_and_tells_an_administrator_where(client):
    _make()
    _we_are("")
    client.force_login(UserFactory(role="admin"))

    page = _text(client.get(_url()))

    assert "the site settings do not say which landlord we are" in page
    assert f'href="{reverse("site-settings")}">Site settings</a>' in page


def test_nothing_imported_says_so(tenant_client):
    _we_are("L0001")

    page = _text(tenant_client.get(_url()))

    assert "no figures from the regulator for landlord L0001 have been imported" in page
    assert "Site settings" not in page.split("<h1>")[1]  # a tenant is not sent to administration


def test_a_framework_with_no_regulator_measures_says_so(tenant_client):
    from assessments.models import Framework

    Framework.objects.create(code="our-own", name="Our own standards")
    _we_are(_make()["Fern"].code)

    page = _text(tenant_client.get(_url("our-own")))

    assert "This framework has no regulator's figures to compare with" in page


def _landlords(count, years):
    """`count` landlords with every TSM measure the framework maps, for `years` years."""
    from comparisons.frameworks import FRAMEWORK_MEASURES

    made = TsmImport.objects.create(file_name="scale.xlsx", sha256="9" * 64, status="applied")
    landlords = Landlord.objects.bulk_create(
        Landlord(code=f"Q{n:04d}", name=f"Landlord {n}", landlord_type="PRP", size_band="<5,000",
                 region=("North", "South")[n % 2], described_in_year=2024) for n in range(count))
    keys = set(FRAMEWORK_MEASURES[TSM_FRAMEWORK].values())
    Figure.objects.bulk_create(
        Figure(landlord=landlord, measure=measure, tenure=tenure, year=2024 - back,
               value=Decimal(n % 97), tsm_import=made)
        for n, landlord in enumerate(landlords) for measure, tenure in keys for back in range(years))
    Survey.objects.bulk_create(
        Survey(landlord=landlord, year=2024 - back, tenure="lcra", population=1000 + n,
               sample_or_census="Census", tsm_import=made)
        for n, landlord in enumerate(landlords) for back in range(years))
    _we_are(landlords[0].code)


def _keep_the_person(client):
    # The signed-in person and the site settings (which `_landlords` saves) are read from the
    # database on the first request after they change, then kept (accounts/backends.py): both
    # counts below are of later requests, so they compare the page's own queries.
    client.get(reverse("accessibility"))


def test_query_count_is_the_same_for_40_and_400_landlords(tenant_client, count_queries):
    _landlords(40, 2)
    _keep_the_person(tenant_client)
    few = count_queries(tenant_client.get, _url())
    Figure.objects.all().delete()
    Survey.objects.all().delete()
    Landlord.objects.all().delete()
    _landlords(400, 2)
    _keep_the_person(tenant_client)

    assert count_queries(tenant_client.get, _url()) == few


def test_query_count_is_the_same_for_1_and_10_years(tenant_client, count_queries):
    _landlords(40, 1)
    _keep_the_person(tenant_client)
    one = count_queries(tenant_client.get, _url())
    Figure.objects.all().delete()
    Survey.objects.all().delete()
    Landlord.objects.all().delete()
    _landlords(40, 10)
    _keep_the_person(tenant_client)

    assert count_queries(tenant_client.get, _url()) == one


def test_the_frameworks_page_links_to_how_we_compare_when_it_has_the_regulators_measures(tenant_client):
    from assessments.models import Framework

    tsm = Framework.objects.get(code=TSM_FRAMEWORK)
    own = Framework.objects.create(code="our-own", name="Our own standards")

    with_measures = tenant_client.get(tsm.get_absolute_url()).content.decode()
    without = tenant_client.get(own.get_absolute_url()).content.decode()

    assert f'href="{_url()}">How we compare with other landlords</a>' in with_measures
    assert "How we compare" not in without


def test_the_figures_are_kept_through_other_writes_and_worked_out_again_when_an_import_is_saved(
        tenant_client, count_queries):
    landlords = _make()
    _we_are(landlords["Fern"].code)
    first = count_queries(tenant_client.get, _url())

    UserFactory(role="tenant")  # a write the page does not show
    kept = count_queries(tenant_client.get, _url())
    assert kept < first, "the figures were worked out again after a write they do not show"

    newer = TsmImport.objects.create(file_name="corrected.xlsx", sha256="1" * 64, status="applied")
    Figure.objects.filter(landlord=landlords["Fern"], measure="TP01", year=2024).update(
        value=Decimal("95"), tsm_import=newer)
    page = _text(tenant_client.get(_url()))
    assert "Ours: <strong>95%</strong>" in page
