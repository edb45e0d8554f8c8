"""Where to look next: the measures where our landlord is in the bottom quarter nationally, or
getting worse faster than the sector, in the latest year imported, each said in plain words."""

from decimal import Decimal

from reviews import where_to_look
from scrutiny.models import SiteSettings
from tests.reviews.regulator_figures import YEAR, build


def _flat(text):
    return " ".join(text.split())


def test_bottom_quarter_and_worsening_faster_are_listed_and_fine_measures_are_not(db):
    build()

    found = where_to_look.weak_measures()

    assert found.year == YEAR and found.problem == ""
    listed = {m.comparison.measure.code: m for m in found.measures}
    assert sorted(listed) == ["TP01", "TP02"]
    assert listed["TP01"].reasons == ["In the bottom quarter: worse than 8 in 10 landlords"]
    assert listed["TP02"].reasons == ["Down 4 points while the sector went up 1"]
    assert listed["TP02"].last_year == 74 and listed["TP02"].comparison.national.median == Decimal("64.5")


def test_without_a_regulator_code_it_says_what_to_ask_an_administrator(db):
    build(code="")

    found = where_to_look.weak_measures()

    assert found.measures == [] and found.problem == "no-code"


def test_without_our_landlord_in_the_data_it_says_so(db):
    build(code="NOT-THERE")

    found = where_to_look.weak_measures()

    assert found.measures == [] and found.problem == "no-figures"


def test_nothing_weak_lists_nothing(db):
    build(set_up={"TP03": (70, 68, list(range(60, 69)), list(range(60, 69)))})

    found = where_to_look.weak_measures()

    assert found.measures == [] and found.problem == "" and found.year == YEAR


def _more_landlords(count):
    from comparisons.models import Figure, Landlord, TsmImport

    tsm_import = TsmImport.objects.get()
    for n in range(count):
        landlord = Landlord.objects.create(code=f"X{Landlord.objects.count():03d}", name=f"Extra {n}",
                                           landlord_type="LA", described_in_year=YEAR)
        Figure.objects.create(landlord=landlord, measure="TP01", tenure="lcra", year=YEAR, value=55,
                              tsm_import=tsm_import)


def test_the_page_makes_the_same_queries_however_many_landlords(client, db, count_queries):
    from tests.factories.accounts import UserFactory

    build()
    _more_landlords(2)
    client.force_login(UserFactory(role="tenant"))
    client.get("/reviews/where-to-look-next/")  # the site settings read once and kept
    small = count_queries(client.get, "/reviews/where-to-look-next/")
    _more_landlords(30)
    large = count_queries(client.get, "/reviews/where-to-look-next/")
    assert small == large


def test_the_page_says_why_each_measure_is_listed(client, db):
    from tests.factories.accounts import UserFactory

    build()
    client.force_login(UserFactory(role="manager"))

    page = _flat(client.get("/reviews/where-to-look-next/").content.decode())

    assert "<h1>Where to look next</h1>" in page
    assert "In the bottom quarter: worse than 8 in 10 landlords" in page
    assert "Down 4 points while the sector went up 1" in page
    assert "Satisfaction with time taken" not in page  # TP03 is fine
    assert "Open Government Licence" in page
    assert "Propose a review of this" not in page  # a manager does not propose reviews


def test_the_page_without_a_code_says_what_to_ask(client, db):
    from tests.factories.accounts import UserFactory

    build(code="")
    SiteSettings.load()
    client.force_login(UserFactory(role="tenant"))

    page = _flat(client.get("/reviews/where-to-look-next/").content.decode())

    assert "Ask an administrator to set the landlord's regulator code" in page


def test_the_reviews_list_and_each_panels_page_link_to_it(client, world):
    client.force_login(world.member)

    for page in ("/reviews/", f"/panels/{world.panel.pk}/"):
        link = 'href="/reviews/where-to-look-next/">Where to look next</a>'
        assert link in client.get(page).content.decode()
