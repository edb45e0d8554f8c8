"""The Annual Report shows, for reviews proposed from a regulator's measure, the measure before
(the year the review was proposed) and after (the report's year), beside the national median;
its queries do not grow with the number of such reviews."""

from reports import selectors
from reviews import measure_reviews
from tests.factories.panels import PanelFactory
from tests.factories.reviews import ReviewFactory
from tests.reviews.regulator_figures import YEAR, add_year, build


def _flat(text):
    return " ".join(text.split())


def _propose(world, measure="TP01", panel=None):
    return measure_reviews.propose_from_measure(by=world.admin, panel=panel or world.panel,
                                                measure=measure, tenure="lcra").review


def _from_measure(panel, measure):
    return ReviewFactory(panel=panel, title=f"Looking at {measure}", from_measure=measure, from_tenure="lcra",
                         from_year=YEAR)


def _section(report):
    return next((s for s in report["sections"] if s.key == "measures-reviewed"), None)


def test_the_report_shows_the_measure_before_and_after(client, world):
    tsm_import = build()
    review = _propose(world)
    add_year(tsm_import, measure="TP01", year=YEAR + 1, ours=58, others=range(60, 69))
    client.force_login(world.member)

    page = _flat(client.get(f"/reports/annual/{YEAR + 1}/").content.decode())

    assert "Measures tenants chose to look at, before and after" in page
    assert f"<th scope=\"row\">{review.title}</th>" in page
    assert "<td>50% (median 62.5%) in 2024/25</td><td>58% (median 63.5%) in 2025/26</td>" in page
    assert "Open Government Licence" in page


def test_a_year_with_no_reviews_from_measures_has_no_such_section(world):
    build()

    assert _section(selectors.annual_report(year=YEAR)) is None


def test_the_report_makes_the_same_queries_for_one_review_from_a_measure_or_several(world, count_queries):
    tsm_import = build()
    add_year(tsm_import, measure="TP01", year=YEAR + 1, ours=58, others=range(60, 69))
    _from_measure(world.panel, "TP01")
    selectors.annual_report(year=YEAR + 1)  # charts drawn once and kept
    small = count_queries(selectors.annual_report, year=YEAR + 1)
    _from_measure(world.panel, "TP02")
    _from_measure(PanelFactory(name="Repairs Panel"), "TP01")
    report = selectors.annual_report(year=YEAR + 1)
    large = count_queries(selectors.annual_report, year=YEAR + 1)
    assert small == large
    assert len(_section(report).data["items"]) == 3


def test_the_pdf_shows_the_measure_before_and_after(world):
    from reports import makers
    from reports.models import Kind, ReportRequest
    from tests.reports.pdf_checks import read

    tsm_import = build()
    _propose(world)
    add_year(tsm_import, measure="TP01", year=YEAR + 1, ours=58, others=range(60, 69))

    made = makers.make(ReportRequest(kind=Kind.ANNUAL, requested_by=world.manager,
                                     parameters={"year": YEAR + 1, "large_print": False}))

    text = read(made.content)[1]
    assert "Measures tenants chose to look at, before and after" in text
    assert "50% (median 62.5%) in 2024/25" in text and "58% (median 63.5%) in 2025/26" in text
