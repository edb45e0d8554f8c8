"""Numbers and names written the way people write them, for pages, PDFs and emails alike.

A figure keeps the precision that was typed (a DecimalField stores 21.9 as 21.90, and 21.90
would be read as more exact than it is), takes its unit after a space (a percentage sign
straight after the number), and a count of one takes the singular ("1 minute", "1 day").
"""

from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils import translation


def number(value: Any) -> str:
    """A number without the trailing zeros its storage added, with thousands separated."""
    if value is None or value == "":
        return ""
    try:
        figure = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    figure = figure.quantize(Decimal(1)) if figure == figure.to_integral() else figure.normalize()
    return f"{figure:,f}"


def unit_for(value: Any, unit: str) -> str:
    """The unit as it reads after the value: "minute" after exactly 1, "minutes" otherwise."""
    unit = (unit or "").strip()
    try:
        one = Decimal(str(value)) == 1
    except (InvalidOperation, ValueError):
        one = False
    if one and len(unit) > 2 and unit.endswith("s") and not unit.endswith("ss"):
        return unit[:-1]
    return unit


def with_unit(value: Any, unit: str = "") -> str:
    """A figure and its unit: "21.9 days", "72.5%", "1 minute"; the bare number with no unit."""
    if value is None or value == "":
        return ""
    unit = (unit or "").strip()
    if unit == "%":
        return f"{number(value)}%"
    return f"{number(value)} {unit_for(value, unit)}".strip()


def count(value: int, singular: str, plural: str = "") -> str:
    """A count and its noun: "1 document", "3 documents", "1 change", "2 people"."""
    return f"{value} {singular if value == 1 else plural or singular + 's'}"


def possessive(name: str) -> str:
    """A name that owns something: "Tayside Homes'" and "Glenbrae Housing's". In Welsh the owner
    follows what it owns, unchanged ("safle craffu Tai Glenbrae"): the name as it is."""
    name = (name or "").strip()
    if not name or translation.get_language() == "cy":
        return name
    return f"{name}'" if name.endswith(("s", "S")) else f"{name}'s"
