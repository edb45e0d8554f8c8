"""The Charter's indicators year by year, their measure codes, and the Scottish framework's join."""

from django.utils import translation

from comparisons import charter
from comparisons.frameworks import FRAMEWORK_MEASURES, measure_of
from comparisons.measures import MEASURES
from comparisons.models import Figure

SCOTTISH = "scottish-social-housing-charter-2022"


def test_the_2025_26_return_adds_indicators_29_to_33_and_drops_14():
    assert set(charter.YEARS[2024]) == set(range(1, 29))
    assert set(charter.YEARS[2025]) == set(range(1, 34)) - {14}
    assert charter.indicator_in(2025, 14) is None and charter.indicator_in(2024, 14).code == "ARC14"
    assert charter.indicator_in(2025, 29).code == "ARC29" and charter.indicator_in(2024, 29) is None


def test_every_charter_measure_fits_a_figure_and_is_known_to_the_comparisons():
    longest = Figure._meta.get_field("measure").max_length
    for row in charter.measure_rows():
        assert len(row.code) <= longest
        assert (MEASURES[row.code].english, MEASURES[row.code].part) == (row.name, row.part)
    assert MEASURES["ARC11"].unit == "hours" and not MEASURES["ARC11"].higher_is_better
    assert MEASURES["ARC16"].survey and not MEASURES["ARC07"].survey
    assert "ARC18" not in MEASURES and MEASURES["ARC18_3"].name.endswith(": applicants from the list")


def test_the_charter_measures_are_named_in_the_pages_language():
    with translation.override("cy"):
        whole, part = MEASURES["ARC07"].name, MEASURES["ARC03_1"].name

    assert whole == "Cartrefi sy'n bodloni Safon Ansawdd Tai yr Alban"
    assert part == "Cwynion a atebwyd yn llawn o fewn amserlenni'r Ombwdsmon: cwynion cam un"


def test_the_scottish_frameworks_indicators_are_the_charter_measures_for_rented_homes():
    assert FRAMEWORK_MEASURES[SCOTTISH] == {
        "7": ("ARC07", "lcra"), "11": ("ARC11", "lcra"), "12": ("ARC12", "lcra"),
        "13": ("ARC13", "lcra"), "16": ("ARC16", "lcra"), "23": ("ARC23", "lcra"),
    }
    assert measure_of(SCOTTISH, "16") == ("ARC16", "lcra")


def test_each_seeded_charter_indicator_is_joined_to_a_measure_of_its_unit_and_direction():
    from assessments.published import CHARTER

    for code, title, unit, higher_is_better in CHARTER["indicators"]:
        measure = MEASURES[measure_of(SCOTTISH, code)[0]]
        assert (measure.unit, measure.higher_is_better) == (unit, higher_is_better), title
