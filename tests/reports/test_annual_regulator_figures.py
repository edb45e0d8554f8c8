"""The Annual Report's national figure and where the landlord stands, from the regulator's own
published figures, with the Open Government Licence attribution wherever they appear.

The expected medians and positions were worked out by hand from the 2024/25 workbook with a
separate look in openpyxl (sheet TSM25_LCRA_Perception, 353 landlords with a TP01 figure):
TP01 median 71.8; Anchor Hanover (LH4095) 86.1, better than 336 of the other 352 (95.5%), above
the upper quartile 78.9. TP02 median 73.6, upper quartile 79.6; a figure of 80.0 beats 268 of
the other 352 and ties 1 (76.3%)."""

import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from assessments.models import Framework, Indicator, IndicatorValue
from comparisons import services as comparison_services
from comparisons.frameworks import FRAMEWORK_MEASURES, TSM_FRAMEWORK
from comparisons.models import Figure, Landlord, TsmImport
from reports import selectors
from scrutiny.models import SiteSettings
from tests.comparisons.conftest import published_workbook  # noqa: F401 (a fixture)

ATTRIBUTION = ("Contains public sector information licensed under the Open Government Licence v3.0 "
               "(Regulator of Social Housing)")
YEAR = 2024  # the workbook's year, 2024/25


def _england(code=""):
    site = SiteSettings.load()
    site.country = "england"
    site.regulator_code = code
    site.save()


def _tsm(code):
    return Indicator.objects.get(framework=Framework.objects.get(code="tenant-satisfaction-measures"),
                                 code=code)


def _figure(code, value, year=YEAR, average=None):
    return IndicatorValue.objects.create(indicator=_tsm(code), year=year, value=Decimal(value),
                                         peer_average=None if average is None else Decimal(average))


@pytest.fixture
def imported(published_workbook, world, run_tasks):  # noqa: F811
    upload = SimpleUploadedFile(published_workbook.name, published_workbook.read_bytes())
    tsm_import = run_tasks(comparison_services.upload, file=upload, by=world.admin)
    tsm_import.refresh_from_db()
    run_tasks(comparison_services.apply, tsm_import=tsm_import, by=world.admin)
    tsm_import.refresh_from_db()
    assert tsm_import.status == "applied", tsm_import.error
    _england("LH4095")  # Anchor Hanover Group


def _flat(text):
    return " ".join(text.split())


def test_the_page_shows_the_national_median_and_where_the_landlord_stands(client, world, imported):
    _figure("TP02", "80.0")  # entered by the landlord: it is what is compared
    client.force_login(world.member)

    page = _flat(client.get(f"/reports/annual/{YEAR}/").content.decode())

    # TP01 not entered: the landlord's own figure in the regulator's data is used.
    assert "TP01: Overall satisfaction</th><td>86.1%</td>" in page
    assert "National median (rented homes) 71.8%: better than 9 in 10 landlords; in the top quarter" in page
    assert "National median (rented homes) 73.6%: better than 7 in 10 landlords; in the top quarter" in page
    assert ATTRIBUTION in page


@pytest.mark.parametrize("large_print", [False, True])
def test_the_pdf_shows_the_national_median_position_and_attribution(world, imported, large_print):
    from reports import makers
    from reports.models import Kind, ReportRequest
    from tests.reports.pdf_checks import read

    _figure("TP02", "80.0")
    made = makers.make(ReportRequest(kind=Kind.ANNUAL, requested_by=world.manager,
                                     parameters={"year": YEAR, "large_print": large_print}))

    flat = _flat(read(made.content)[1])
    assert "71.8%" in flat and "73.6%" in flat
    assert "better than 9 in 10 landlords; in the top quarter" in flat.lower()
    assert "better than 7 in 10 landlords; in the top quarter" in flat.lower()
    assert ATTRIBUTION in flat


def test_a_year_the_regulator_does_not_cover_keeps_the_landlords_own_average(client, world, imported):
    _figure("TP01", "70.0", year=YEAR + 1, average="72.0")
    client.force_login(world.member)

    page = _flat(client.get(f"/reports/annual/{YEAR + 1}/").content.decode())

    assert "Peer or national average 72%: worse than the average" in page
    assert "National median" not in page and ATTRIBUTION not in page


def _landlords(count, tsm_import):
    for n in range(count):
        landlord = Landlord.objects.create(code=f"L{n:04d}", name=f"Landlord {n}", landlord_type="PRP",
                                           described_in_year=YEAR)
        for measure in ("TP01", "TP02", "TP03", "TP04"):
            Figure.objects.create(landlord=landlord, measure=measure, tenure="lcra", year=YEAR,
                                  value=Decimal(50 + n), tsm_import=tsm_import)


def test_the_report_makes_the_same_queries_for_few_landlords_and_indicators_or_many(world, count_queries):
    tsm_import = TsmImport.objects.create(file_name="tsm.xlsx", sha256="0" * 64)
    _landlords(3, tsm_import)
    _england("L0001")
    _figure("TP01", "60")
    selectors.annual_report(year=YEAR)  # charts drawn once and kept
    small = count_queries(selectors.annual_report, year=YEAR)
    more = [Landlord.objects.create(code=f"M{n:04d}", name=f"More {n}", landlord_type="LA",
                                    described_in_year=YEAR) for n in range(30)]
    for landlord in more:
        Figure.objects.create(landlord=landlord, measure="TP01", tenure="lcra", year=YEAR,
                              value=Decimal(70), tsm_import=tsm_import)
    for code in ("TP02", "TP03", "BS01"):
        _figure(code, "75")
    report = selectors.annual_report(year=YEAR)
    large = count_queries(selectors.annual_report, year=YEAR)
    assert small == large
    shown = {m.indicator.code: m.compared for s in report["sections"] if s.key == "performance"
             for part in s.data["frameworks"] for m in part.measures}
    # 50, 51, 52 and thirty 70s: the median is 70. TP04 was not entered: its figures are the
    # regulator's (50, 51, 52) and ours is the regulator's 51, level with the median.
    assert shown["TP01"].figure == "70%" and shown["TP04"].figure == "51%"


@pytest.mark.parametrize("percentile, quarter, words", [
    ("76.3", 1, "Better than 7 in 10 landlords; in the top quarter"),
    ("14.8", 4, "Better than 1 in 10 landlords; in the bottom quarter"),
    ("4.5", 4, "Worse than 9 in 10 landlords; in the bottom quarter"),
    ("0", 4, "Worse than every other landlord; in the bottom quarter"),
    ("100", 1, "Better than every other landlord; in the top quarter"),
])
def test_where_the_landlord_stands_is_said_in_tens_never_more_than_figures_say(percentile, quarter, words):
    from comparisons.selectors import Position
    from reports.annual.comparison import _in_words

    assert _in_words(Position(0, 0, 10, Decimal(percentile), quarter)) == words


TSM_THEMES = ("Overall satisfaction", "Keeping properties in good repair", "Maintaining building safety",
              "Respectful and helpful engagement", "Effective handling of complaints",
              "Responsible neighbourhood management")


def _measure_lines(flat, codes):
    """Each measure's stretch of the PDF's text: from its code to the next measure's."""
    starts = sorted((m.start(), m.group(1)) for m in re.finditer(r"\b([A-Z]{2}\d{2}): ", flat)
                    if m.group(1) in codes)
    ends = [start for start, _ in starts[1:]] + [len(flat)]
    return {code: flat[start:end] for (start, code), end in zip(starts, ends, strict=True)}


def test_the_pdf_read_back_names_every_theme_compares_each_measure_and_keeps_the_panels_words(
        world, imported):
    """The issue's check: every outcome named; a national figure and a position beside each measure
    that has one; the attribution; the panel's words for a section with no figures."""
    from reports import makers
    from reports.models import AnnualReport, AssessmentSection, Kind, ReportRequest
    from tests.reports.pdf_checks import read

    record = AnnualReport.objects.create(year=YEAR)
    AssessmentSection.objects.create(annual_report=record, section="mystery-shopping",
                                     text="No mystery shops this year: we trained new shoppers instead.")
    with_figures = set(Figure.objects.filter(landlord__code="LH4095", year=YEAR, value__isnull=False)
                       .values_list("measure", "tenure"))
    compared = [code for code, key in FRAMEWORK_MEASURES[TSM_FRAMEWORK].items() if key in with_figures]
    made = makers.make(ReportRequest(kind=Kind.ANNUAL, requested_by=world.manager, parameters={"year": YEAR}))

    flat = _flat(read(made.content)[1])
    for theme in TSM_THEMES:
        assert theme in flat, theme
    assert len(compared) >= 20  # Anchor Hanover publishes nearly every measure
    lines = _measure_lines(flat, set(compared))
    for code in compared:
        assert "National median" in lines.get(code, ""), code
        assert "landlords; in the" in lines[code] or "every other landlord" in lines[code], code
    assert ATTRIBUTION in flat
    assert "Mystery shopping and inspections" in flat
    assert "No mystery shops this year: we trained new shoppers instead." in flat
