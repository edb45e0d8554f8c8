"""How we compare in Welsh: the regulator's measure names through the catalogue (codes kept), the
comparisons said in Welsh, the licence credit in Welsh, and the kept figures kept apart by language."""

from decimal import Decimal

from django.core.cache import cache
from django.utils import translation

from comparisons import compare_page, words
from comparisons.frameworks import credit
from comparisons.measures import MEASURES
from comparisons.models import Regulator
from comparisons.selectors import Position


def test_measure_names_are_in_the_pages_language_and_codes_are_kept():
    with translation.override("cy"):
        welsh = MEASURES["TP01"].name
    with translation.override("en-gb"):
        english = MEASURES["TP01"].name

    assert welsh == "Boddhad cyffredinol" and english == "Overall satisfaction"
    assert MEASURES["TP01"].code == "TP01"


def test_comparisons_and_the_licence_credit_are_said_in_welsh():
    position = Position(better_than=29, level_with=0, others=40, percentile=Decimal("72.5"), quarter=2)

    with translation.override("cy"):
        standing = words.standing(position, "similar landlords")
        quarter = words.quarter(position)
        licence = credit(Regulator.RSH)

    assert standing == "Yn well na 7 o bob 10 landlord tebyg"
    assert quarter == "yn yr ail chwarter o bob landlord"
    assert licence.startswith("Yn cynnwys gwybodaeth sector cyhoeddus a drwyddedir o dan y Drwydded "
                              "Llywodraeth Agored v3.0")


def test_units_after_a_figure_are_in_the_pages_language():
    hours = MEASURES["ARC11"]

    with translation.override("cy"):
        welsh = (words.figure(Decimal("3.8"), "hours"), words.figure(Decimal("8.1"), "days"),
                 words.figure(Decimal("12.5"), "per 1,000 homes"))
    with translation.override("en-gb"):
        english = (words.figure(Decimal("3.8"), "hours"), words.figure(Decimal("1"), "days"),
                   words._moved(Decimal("-0.4"), hours))

    assert welsh == ("3.8 awr", "8.1 diwrnod", "12.5 fesul 1,000 o gartrefi")
    assert english == ("3.8 hours", "1 day", "down 0.4 hours")


def test_figures_kept_for_an_english_page_are_not_served_to_a_welsh_one(db, monkeypatch):
    cache.clear()
    monkeypatch.setattr(compare_page, "_worked_out", lambda *args: {"better": words.standing(None)})

    with translation.override("en-gb"):
        english = compare_page.figures_for_page(framework_code="tsm", regulator_code="L1", year=None,
                                                peer_codes=[])
    with translation.override("cy"):
        welsh = compare_page.figures_for_page(framework_code="tsm", regulator_code="L1", year=None,
                                              peer_codes=[])

    assert english["better"] == "We have no figure to compare"
    assert welsh["better"] == "Does gennym ddim ffigur i'w gymharu"
