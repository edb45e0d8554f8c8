"""Reads the Scottish Housing Regulator's Charter figures from the long-format CSV we define.

One row per landlord, year, indicator and part; comparisons/data/README.md describes the columns
and comparisons/data/charter_sample.csv shows them. A file with a fault that would make its
figures wrong (a missing column, a value that is not a number, a year we cannot read, a row given
twice, a file not saved as UTF-8) is refused whole, with the row named. A row for an indicator
that its year's return does not have (comparisons/charter.py) is left out, with the reason.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from comparisons import charter
from comparisons.models import LandlordType, NoFigure, Tenure, reporting_year_label
from comparisons.tsm_workbook import Landlord, Survey, normalise

COLUMNS = ("landlord_code", "landlord_name", "year", "indicator", "part", "value", "unit",
           "numerator", "denominator")
OPTIONAL = ("landlord_type",)
_TYPES = {"rsl": LandlordType.RSL, "council": LandlordType.LA}
_NO_FIGURE = {f"[{code}]": code for code in NoFigure.values}
_YEAR = re.compile(r"(\d{4})/(\d{2})")
_PROGRESS_EVERY = 500
SAVE_AS_UTF8 = gettext_lazy(
    "In Excel, choose File, Save As, and the type \"CSV UTF-8 (Comma delimited)\", then upload the new file."
)

Figures = dict[tuple[str, str, str], tuple[Decimal | None, str]]


@dataclass
class CharterReturn:
    """What a Charter CSV holds, in the shape the import's services save (see tsm_workbook.Workbook)."""

    year: int = 0  # the latest year in the file
    edition: str = ""
    landlords: dict[str, Landlord] = field(default_factory=dict)
    surveys: list[Survey] = field(default_factory=list)
    by_year: dict[int, Figures] = field(default_factory=dict)
    columns: dict[str, dict[str, str]] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    not_included: list[dict[str, str]] = field(default_factory=list)
    empty_cells: int = 0


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")  # a byte-order mark, as Excel writes, is read past
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ValidationError(
            _("This CSV is not saved as UTF-8: line %(line)s has a character that UTF-8 does not allow, "
              "as files saved as \"CSV (Comma delimited)\" or in Windows-1252 have.") % {"line": line}
            + " " + str(SAVE_AS_UTF8)
        ) from error


def _header(reader: Iterator[list[str]]) -> dict[str, int]:
    try:
        header = next(reader)
    except StopIteration:
        raise ValidationError(_("This CSV is empty: it has no row of column names.")) from None
    names = [normalise(name).lower() for name in header]
    missing = [name for name in COLUMNS if name not in names]
    if missing:
        raise ValidationError(
            _("This CSV has no column %(missing)s. Its first row must name the columns: %(columns)s. See "
              "the sample file for the format.") % {
                "missing": ", ".join(f"\"{name}\"" for name in missing), "columns": ", ".join(COLUMNS)}
        )
    repeated = sorted({name for name in names if name and names.count(name) > 1})
    if repeated:
        raise ValidationError(_("This CSV has two columns named \"%(name)s\".") % {"name": repeated[0]})
    return {name: names.index(name) for name in (*COLUMNS, *OPTIONAL) if name in names}


def _number(text: str, what: str, line: int) -> Decimal | None:
    cleaned = text.replace(",", "").removesuffix("%").strip()
    if not cleaned:
        return None
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite():
        raise ValidationError(
            _("Line %(line)s: the %(what)s \"%(text)s\" is not a number. Write numbers with digits and a "
              "decimal point, such as 87.5, or in the value column a no-figure code such as [Z].")
            % {"line": line, "what": what, "text": text}
        )
    return number


def _year(text: str, line: int) -> int:
    match = _YEAR.fullmatch(text)
    if not match or (int(match.group(1)) + 1) % 100 != int(match.group(2)):
        raise ValidationError(
            _("Line %(line)s: the year \"%(text)s\" is not written as a reporting year. Write it as the "
              "regulator does, such as 2024/25.") % {"line": line, "text": text}
        )
    return int(match.group(1))


def _value(get: Callable[[str], str], unit: str, line: int) -> tuple[Decimal | None, str]:
    """The row's figure: its value, or worked out from numerator and denominator, or why none."""
    given = get("value")
    if given.upper() in _NO_FIGURE:
        return None, _NO_FIGURE[given.upper()]
    value = _number(given, "value", line)
    numerator = _number(get("numerator"), "numerator", line)
    denominator = _number(get("denominator"), "denominator", line)
    if value is None and numerator is not None and denominator is not None:
        if denominator == 0:
            return None, NoFigure.ZERO_DENOMINATOR
        value = numerator / denominator * (100 if unit == charter.PERCENT else 1)
    elif value is None and (numerator is not None or denominator is not None):
        raise ValidationError(
            _("Line %(line)s: the value is blank and only one of numerator and denominator is given. "
              "Give the value, or both numerator and denominator.") % {"line": line}
        )
    if value is None:
        return None, NoFigure.BLANK
    return value.quantize(Decimal("0.0001")), ""


def _indicator(get: Callable[[str], str], year: int, line: int,
               skipped: list[str]) -> tuple[str, charter.Indicator] | None:
    """The measure code the row's indicator and part stand for in its year, or None (and why)."""
    try:
        number, part = int(get("indicator")), int(get("part") or 0)
    except ValueError:
        raise ValidationError(
            _("Line %(line)s: the indicator \"%(indicator)s\" or part \"%(part)s\" is not a whole "
              "number. Write the indicator's number alone, such as 7, and the part as 1, 2 or blank.")
            % {"line": line, "indicator": get("indicator"), "part": get("part")}
        ) from None
    label = reporting_year_label(year)
    indicator = charter.indicator_in(year, number)
    if indicator is None:
        if year not in charter.YEARS:
            why = f"the indicators of {label} are not known to this importer"
        else:
            why = f"the {label} return has no indicator {number}"
        skipped.append(f"Line {line}: {get('landlord_code')} indicator {number} left out: {why}.")
        return None
    if (part and not 1 <= part <= len(indicator.parts)) or (not part and indicator.parts):
        parts = f"parts 1 to {len(indicator.parts)}" if indicator.parts else "no parts (leave part blank)"
        given = get("part") or "blank"
        skipped.append(f"Line {line}: {get('landlord_code')} indicator {number} part {given} left out: "
                       f"indicator {number} has {parts}.")
        return None
    unit = get("unit")
    if unit and unit.lower() != indicator.unit:
        skipped.append(f"Line {line}: {get('landlord_code')} indicator {number} left out: its unit is "
                       f"\"{unit}\", but indicator {number} is counted in {indicator.unit}.")
        return None
    return (indicator.part_code(part) if part else indicator.code), indicator


def _landlord_type(get: Callable[[str], str], name: str, line: int) -> str:
    given = get("landlord_type").lower()
    if not given:
        return LandlordType.LA if "council" in name.lower() else LandlordType.RSL
    if given not in _TYPES:
        raise ValidationError(_("Line %(line)s: the landlord type \"%(type)s\" is neither RSL nor "
                                "Council.") % {"line": line, "type": get("landlord_type")})
    return _TYPES[given]


def _row(row: list[str], at: dict[str, int], line: int, result: CharterReturn,
         seen: dict[tuple, int]) -> None:
    def get(name: str) -> str:
        index = at.get(name)
        return normalise(row[index]) if index is not None and index < len(row) else ""

    code, name = get("landlord_code"), get("landlord_name")
    if not code:
        raise ValidationError(_("Line %(line)s: the landlord_code is blank. Every row needs one.")
                              % {"line": line})
    year = _year(get("year"), line)
    key = (code, year, get("indicator"), get("part"))
    if key in seen:
        said = {"first": seen[key], "line": line, "code": code, "year": get("year"),
                "indicator": get("indicator"), "part": get("part")}
        raise ValidationError(
            (_("Lines %(first)s and %(line)s are both landlord %(code)s, %(year)s, indicator %(indicator)s, "
               "part %(part)s. Keep one of them.") if get("part") else
             _("Lines %(first)s and %(line)s are both landlord %(code)s, %(year)s, indicator %(indicator)s. "
               "Keep one of them.")) % said
        )
    seen[key] = line
    found = _indicator(get, year, line, result.skipped)
    kind = _landlord_type(get, name, line)
    if code not in result.landlords or year >= result.year:
        result.landlords[code] = Landlord(code, name or code, kind, "", "")
    result.year = max(result.year, year)
    if found is None:
        return
    measure, indicator = found
    result.by_year.setdefault(year, {})[(code, measure, Tenure.LCRA)] = _value(get, indicator.unit, line)


def read(data: bytes, *, progress: Callable[[int, str], None] | None = None) -> CharterReturn:
    """Read a Charter CSV, or raise ValidationError saying in plain words what is wrong."""
    progress = progress or (lambda percent, note: None)
    text = _text(data)
    lines = max(1, text.count("\n"))
    reader = csv.reader(io.StringIO(text, newline=""))
    at = _header(reader)
    result, seen = CharterReturn(), {}
    for row in reader:
        line = reader.line_num
        if line % _PROGRESS_EVERY == 0:
            progress(10 + 80 * line // lines, f"Reading line {line} of {lines}")
        if any(cell.strip() for cell in row):
            _row(row, at, line, result, seen)
    if not result.by_year and not result.skipped:
        raise ValidationError(_("This CSV has column names but no rows of figures."))
    progress(90, "Read every line")
    return result
