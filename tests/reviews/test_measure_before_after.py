"""A review proposed from a weak measure shows, in its report (page and PDF), the measure's
figure the year it was proposed and the latest year's, each beside the national median."""

from reviews import measure_reviews
from tests.factories.reviews import ReviewFactory
from tests.reviews.regulator_figures import YEAR, add_year, build


def _flat(text):
    return " ".join(text.split())


def _proposed_then_a_year_later(world):
    tsm_import = build()
    review = measure_reviews.propose_from_measure(by=world.member, panel=world.panel, measure="TP01",
                                                  tenure="lcra").review
    # A year on: ours 58, the others 60 to 68; the median of the ten is 63.5.
    add_year(tsm_import, measure="TP01", year=YEAR + 1, ours=58, others=range(60, 69))
    return review


def test_the_report_page_shows_the_measure_before_and_after(client, world):
    review = _proposed_then_a_year_later(world)
    client.force_login(world.member)

    page = _flat(client.get(f"/reviews/{review.pk}/report/").content.decode())

    assert "The measure before and after" in page
    assert "<th scope=\"row\">2024/25 (when the review was proposed)</th><td>50%</td><td>62.5%</td>" in page
    assert "<th scope=\"row\">2025/26 (the latest figures)</th><td>58%</td><td>63.5%</td>" in page
    assert "Open Government Licence" in page


def test_before_a_later_year_is_imported_the_report_says_so(client, world):
    build()
    review = measure_reviews.propose_from_measure(by=world.member, panel=world.panel, measure="TP01",
                                                  tenure="lcra").review
    client.force_login(world.member)

    page = _flat(client.get(f"/reviews/{review.pk}/report/").content.decode())

    assert "<th scope=\"row\">2024/25 (when the review was proposed)</th><td>50%</td><td>62.5%</td>" in page
    assert "No later year's figures have been imported yet." in page


def test_a_review_not_proposed_from_a_measure_has_no_such_part(client, world):
    build()
    review = ReviewFactory(panel=world.panel)
    client.force_login(world.member)

    assert "The measure before and after" not in client.get(f"/reviews/{review.pk}/report/").content.decode()


def test_the_pdf_report_shows_the_measure_before_and_after(world):
    from reports import makers
    from reports.models import Kind, ReportRequest
    from tests.reports.pdf_checks import read

    review = _proposed_then_a_year_later(world)

    made = makers.make(ReportRequest(kind=Kind.REVIEW, requested_by=world.manager,
                                     parameters={"review": review.pk}))

    text = read(made.content)[1]
    assert "The measure before and after" in text
    assert "2024/25 (when the review was proposed) 50% 62.5%" in text
    assert "2025/26 (the latest figures) 58% 63.5%" in text
    assert "Open Government Licence" in text
