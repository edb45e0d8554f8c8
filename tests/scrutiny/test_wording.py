"""The wording helpers on their own: the cases the pages' tests do not reach."""

from decimal import Decimal

from scrutiny.wording import count, number, possessive, with_unit


def test_a_figure_keeps_only_the_places_typed_and_separates_thousands():
    assert number(Decimal("86.40")) == "86.4"
    assert number(Decimal("84.00")) == "84"
    assert number(Decimal("1200.50")) == "1,200.5"
    assert number(Decimal("0.05")) == "0.05"
    assert number(None) == ""


def test_a_unit_follows_a_space_except_a_percentage_and_is_singular_after_one():
    assert with_unit(Decimal("1.00"), "days") == "1 day"
    assert with_unit(Decimal("1.50"), "days") == "1.5 days"
    assert with_unit(Decimal("0"), "rings") == "0 rings"
    assert with_unit(Decimal("1"), "%") == "1%"
    assert with_unit(Decimal("1"), "class") == "1 class"  # not "1 clas"
    assert with_unit(Decimal("7"), "") == "7"


def test_counts_and_possessives():
    assert count(1, "change") == "1 change" and count(2, "change") == "2 changes"
    assert count(1, "person", "people") == "1 person" and count(3, "person", "people") == "3 people"
    assert possessive("Tayside Homes") == "Tayside Homes'"
    assert possessive("SURE Team") == "SURE Team's"
