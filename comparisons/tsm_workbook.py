"""Reads the Regulator of Social Housing's "TSM Full Data" workbook exactly as it is published.

Each table's header row is found by its `Landlord name` cell (row 10 or 11 in 2024/25, row 3 in
2023/24). A measure's headline column (the percentage, or the rate per 1,000 homes) is found by
its code in brackets, e.g. `(TP01)` or `(CH01 1)`, or failing that by the Data Dictionary's field
name for that heading (`TP01_Satisfied_Calc_LCRA`, `CH01_1_Calculated_Value_LCRA`): never by
position or full wording, as headings carry footnote digits, odd spaces and a few wrong labels.
The answer counts, the figures per survey method and the numerators and denominators beside
each measure are not read.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from comparisons.measures import ALL_HOMES, COMPLAINTS, MEASURES, PERCEPTION, PERCEPTION_LCHO
from comparisons.models import LandlordType, NoFigure, Tenure

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
_NO_FIGURE = {f"[{code}]": code for code in NoFigure.values}
_TENURE_PREFIX = {"LCRA": Tenure.LCRA, "LCHO": Tenure.LCHO, "COMBINED": Tenure.COMBINED}
_FIELD_TENURE = {"LCRA": Tenure.LCRA, "LCHO": Tenure.LCHO, "COMB": Tenure.COMBINED}
# "[LCRA - ]Proportion of ... (TP01)7": the headline figure of a measure. The parts of RP02,
# NM01, CH01 and CH02 are written "(CH01 1)"; trailing digits and commas are footnote marks.
_HEADLINE = re.compile(
    r"(?:(?P<tenure>LCRA|LCHO|Combined) - )?(?P<kind>Proportion|Number) of (?P<words>.*?)\s*"
    r"\((?P<code>TP|BS|RP|NM|CH)(?P<number>\d\d)(?: (?P<part>\d))?\)[\d,\s]*",
    re.IGNORECASE,
)
_FIELD = re.compile(
    r"(?P<code>TP\d\d)_Satisfied_Calc_(?P<tenure>LCRA|LCHO|COMB)"
    r"|(?P<mi>(?:BS|RP|NM|CH)\d\d(?:_\d)?)_Calculated_Value(?:_(?P<mi_tenure>LCRA|LCHO|COMB))?",
    re.IGNORECASE,
)
_TYPES = {"PRP": LandlordType.PRP, "LA": LandlordType.LA, "LARP": LandlordType.LA}
_HEADER_SEARCH_ROWS = 40


def normalise(text: Any) -> str:
    """A heading as words: no-break and zero-width spaces gone, runs of spaces made one."""
    if text is None:
        return ""
    text = unicodedata.normalize("NFKC", str(text)).translate(_INVISIBLE)
    return re.sub(r"\s+", " ", text).strip()


def _plain(text: Any) -> str:
    """A heading reduced for comparing with another: lower case, footnote digits dropped."""
    return re.sub(r"(?<=[a-z)?%])[\d,]+(?= |$)", "", normalise(text).lower()).strip()


@dataclass
class Sheet:
    kind: str  # "perception" or "management"
    tenure: str | None  # perception sheets only
    expected: list[tuple[str, str]]  # (measure, tenure) whose column must be there


@dataclass
class Landlord:
    code: str
    name: str
    landlord_type: str
    size_band: str
    region: str


@dataclass
class Survey:
    code: str
    tenure: str
    population: int | None
    sample_or_census: str
    sample_size: int | None
    margin_of_error: Decimal | None


@dataclass
class Workbook:
    year: int  # the April the reporting year starts in: 2024 for 2024/25
    edition: str
    landlords: dict[str, Landlord] = field(default_factory=dict)
    surveys: list[Survey] = field(default_factory=list)
    # (landlord code, measure, tenure) -> (value, no-figure code)
    figures: dict[tuple[str, str, str], tuple[Decimal | None, str]] = field(default_factory=dict)
    columns: dict[str, dict[str, str]] = field(default_factory=dict)  # sheet -> measure -> heading
    skipped: list[str] = field(default_factory=list)
    not_included: list[dict[str, str]] = field(default_factory=list)
    empty_cells: int = 0

    @property
    def by_year(self) -> dict[int, dict[tuple[str, str, str], tuple[Decimal | None, str]]]:
        """The figures year by year, as a Charter CSV gives them: here, one year."""
        return {self.year: self.figures}


def _sheet_kind(title: str) -> Sheet | None:
    t = normalise(title).lower().replace(" ", "")
    if "not_inc" in t:
        return None
    if "perception" in t:
        for prefix, tenure in (("lcra", Tenure.LCRA), ("lcho", Tenure.LCHO), ("combined", Tenure.COMBINED)):
            if f"_{prefix}_" in f"_{t}":
                codes = PERCEPTION_LCHO if tenure == Tenure.LCHO else PERCEPTION
                return Sheet("perception", tenure, [(code, tenure) for code in codes])
        return None
    if "management" in t or "man_info" in t:
        expected: list[tuple[str, str]] = [(code, Tenure.COMBINED) for code in ALL_HOMES]
        expected += [(code, tenure) for tenure in Tenure.values for code in COMPLAINTS]
        return Sheet("management", None, expected)
    return None


_REQUIRED = {
    ("perception", Tenure.LCRA): "rented homes' survey results (a sheet named like TSM25_LCRA_Perception)",
    ("perception", Tenure.LCHO): "shared owners' survey results (a sheet named like TSM25_LCHO_Perception)",
    ("management", None): "the management information (a sheet named like TSM25_Management_Info)",
}


def _year_of(titles: Iterable[str]) -> int | None:
    for title in titles:
        match = re.match(r"TSM(\d\d)_", normalise(title), re.IGNORECASE)
        if match:
            return 2000 + int(match.group(1)) - 1
    return None


def _edition(book: Any, file_name: str) -> str:
    if "Introduction" in book.sheetnames:
        for row in book["Introduction"].iter_rows(max_row=60, values_only=True):
            match = re.search(r"Version\s+(\d+(?:\.\d+)*)", normalise(row[0] if row else ""))
            if match:
                return match.group(1)
    match = re.search(r"v(\d+(?:\.\d+)*)", file_name, re.IGNORECASE)
    return match.group(1) if match else ""


def _dictionary(book: Any) -> dict[tuple[str, str], tuple[str, str]]:
    """(sheet, heading) -> (measure, tenure) from the Data Dictionary's field names, if it has one."""
    found: dict[tuple[str, str], tuple[str, str]] = {}
    title = next((t for t in book.sheetnames if normalise(t).lower() == "data dictionary"), None)
    if title is None:
        return found
    for row in book[title].iter_rows(values_only=True):
        if not row or len(row) < 3 or not row[2]:
            continue
        match = _FIELD.fullmatch(normalise(row[2]).replace(" ", ""))
        if not match:
            continue
        if match.group("code"):
            measure, tenure = match.group("code").upper(), _FIELD_TENURE[match.group("tenure").upper()]
        else:
            measure = match.group("mi").upper()
            tenure = _FIELD_TENURE.get((match.group("mi_tenure") or "").upper(), Tenure.COMBINED)
        found[(normalise(row[0]).lower(), _plain(row[1]))] = (measure, tenure)
    return found


def _headline(heading: str, sheet: Sheet) -> tuple[str, str] | None:
    if "unweighted" in heading.lower():
        return None
    match = _HEADLINE.fullmatch(heading)
    if not match:
        return None
    measure = match.group("code").upper() + match.group("number")
    if match.group("part"):
        measure += "_" + match.group("part")
    if measure not in MEASURES:
        return None
    if match.group("kind").lower() == "number" and "per 1,000" not in match.group("words"):
        return None  # a count of answers or of cases, not the rate
    if sheet.kind == "perception":
        return measure, sheet.tenure or Tenure.COMBINED
    prefix = (match.group("tenure") or "").upper()
    return measure, _TENURE_PREFIX.get(prefix, Tenure.COMBINED)


def _find_header(rows: Iterable[tuple], title: str) -> tuple[int, tuple]:
    for number, row in enumerate(rows, start=1):
        if row and normalise(row[0]).lower() == "landlord name":
            return number, row
        if number >= _HEADER_SEARCH_ROWS:
            break
    raise ValidationError(
        _("The sheet \"%(title)s\" has no row of column headings starting with \"Landlord name\" in its "
          "first %(rows)s rows, so it cannot be read. Upload the workbook as the regulator published it.")
        % {"title": title, "rows": _HEADER_SEARCH_ROWS}
    )


def _column(headings: list[str], *starts: str) -> int | None:
    for index, heading in enumerate(headings):
        if any(heading.startswith(start) for start in starts):
            return index
    return None


def _number(value: Any) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value).replace(",", "").strip())
    except InvalidOperation:
        return None
    return number.quantize(Decimal("0.0001")) if number.is_finite() else None


def _cell(value: Any) -> tuple[Decimal | None, str] | None:
    """(value, no-figure code) for a measure's cell; None when it is empty or unreadable."""
    if isinstance(value, str) and normalise(value).upper() in _NO_FIGURE:
        return None, _NO_FIGURE[normalise(value).upper()]
    number = _number(value)
    return (number, "") if number is not None else None


def _read_sheet(book: Any, title: str, sheet: Sheet, dictionary: dict, result: Workbook) -> None:
    rows = book[title].iter_rows(values_only=True)
    header_number, header = _find_header(rows, title)
    headings = [normalise(cell) for cell in header]
    lowered = [h.lower() for h in headings]
    columns: dict[tuple[str, str], int] = {}
    for index, heading in enumerate(headings):
        key = _headline(heading, sheet) or dictionary.get((normalise(title).lower(), _plain(heading)))
        if key is None:
            continue
        if key in columns:
            raise ValidationError(
                _("The sheet \"%(title)s\" has two columns for %(what)s: columns %(first)s and %(second)s. "
                  "Upload the workbook as the regulator published it.")
                % {"title": title, "what": _describe(key), "first": _letter(columns[key]),
                   "second": _letter(index)}
            )
        columns[key] = index
    missing = [key for key in sheet.expected if key not in columns]
    if missing:
        raise ValidationError(
            _("The sheet \"%(title)s\" has no column for %(missing)s. Its heading should carry the "
              "measure's code in brackets, such as \"(%(code)s)\": has the column been renamed or removed?")
            % {"title": title, "missing": ", ".join(_describe(key) for key in missing),
               "code": missing[0][0].replace("_", " ")}
        )
    result.columns[title] = {_describe(key): headings[index] for key, index in columns.items()}
    at = {
        "code": _column(lowered, "landlord code"),
        "type": _column(lowered, "landlord type"),
        "size": _column(lowered, "landlord group size", "landlord size"),
        "region": _column(lowered, "landlord predominant region", "landlord region"),
        "population": _column(lowered, "relevant tenant population size"),
        "method": _column(lowered, "sample or census"),
        "sample": _column(lowered, "total sample size"),
        "margin": _column(lowered, "estimated margin of error"),
    }
    for name in ("code", "type"):
        if at[name] is None:
            raise ValidationError(_("The sheet \"%(title)s\" has no \"Landlord %(name)s\" column.")
                                  % {"title": title, "name": name})
    seen: dict[str, int] = {}
    for number, row in enumerate(rows, start=header_number + 1):
        def get(column: str, row: tuple = row) -> Any:
            index = at[column]
            return row[index] if index is not None and index < len(row) else None

        name, code = normalise(row[0] if row else ""), normalise(get("code"))
        if not name and not code:
            continue
        if not code:
            result.skipped.append(f"{title}, row {number}: \"{name}\" has no landlord code.")
            continue
        if code in seen:
            raise ValidationError(
                _("The sheet \"%(title)s\" lists the landlord %(code)s twice (rows %(first)s and "
                  "%(second)s). Remove the repeated row, or upload the workbook as the regulator "
                  "published it.")
                % {"title": title, "code": code, "first": seen[code], "second": number}
            )
        seen[code] = number
        kind = _TYPES.get(normalise(get("type")).upper())
        if kind is None:
            result.skipped.append(
                f"{title}, row {number}: {name} ({code}) has landlord type \"{normalise(get('type'))}\", "
                "which is neither PRP nor LA."
            )
            continue
        if code not in result.landlords:
            result.landlords[code] = Landlord(
                code, name, kind, normalise(get("size")), normalise(get("region")))
        if sheet.kind == "perception" and at["method"] is not None:
            sample, population = _number(get("sample")), _number(get("population"))
            result.surveys.append(Survey(
                code, sheet.tenure or Tenure.COMBINED, int(population) if population is not None else None,
                normalise(get("method")), int(sample) if sample is not None else None, _number(get("margin")),
            ))
        for key, index in columns.items():
            value = row[index] if index < len(row) else None
            cell = _cell(value)
            if cell is not None:
                result.figures[(code, *key)] = cell
            elif value is None or not normalise(value):
                result.empty_cells += 1
            else:
                result.skipped.append(
                    f"{title}, row {number}: {name} ({code}), {_describe(key)}: \"{normalise(value)}\" "
                    "is neither a number nor one of the regulator's codes, so it is left out."
                )


def _not_included(book: Any, title: str, result: Workbook) -> None:
    rows = book[title].iter_rows(values_only=True)
    try:
        _, header = _find_header(rows, title)
    except ValidationError:
        return
    for row in rows:
        if row and row[0]:
            result.not_included.append({
                "sheet": title, "name": normalise(row[0]), "code": normalise(row[1] if len(row) > 1 else ""),
                "note": normalise(row[2] if len(row) > 2 else ""),
            })


def _coverage(book: Any, title: str, result: Workbook) -> None:
    """Landlords the coverage table lists but no data table has a row for: kept, with no figures,
    so that every landlord the regulator names is known (three in 2024/25)."""
    rows = book[title].iter_rows(values_only=True)
    try:
        _, header = _find_header(rows, title)
    except ValidationError:
        return
    lowered = [normalise(h).lower() for h in header]
    at_code, at_type = _column(lowered, "landlord code"), _column(lowered, "landlord type")
    if at_code is None or at_type is None:
        return
    for row in rows:
        name, code = normalise(row[0] if row else ""), normalise(row[at_code] if len(row) > at_code else "")
        kind = _TYPES.get(normalise(row[at_type] if len(row) > at_type else "").upper())
        if not name or not code or code in result.landlords or kind is None:
            continue
        result.landlords[code] = Landlord(code, name, kind, "", "")
        result.not_included.append({
            "sheet": title, "name": name, "code": code,
            "note": "Listed in the coverage table, with no row in any table of figures.",
        })


def _describe(key: tuple[str, str]) -> str:
    measure, tenure = key
    return f"{measure.replace('_', ' part ')} ({Tenure(tenure).label})"


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def read(path_or_file: Any, *, file_name: str = "",
         progress: Callable[[int, str], None] | None = None) -> Workbook:
    """Read a TSM Full Data workbook, or raise ValidationError saying in plain words what is wrong."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(path_or_file, read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - whatever the reason, it is not a workbook we can open
        raise ValidationError(_(
            "This file is not an Excel workbook (.xlsx) that can be opened. Upload the regulator's "
            "\"TSM Full Data\" workbook as you downloaded it."
        )) from error
    try:
        return _read_book(book, file_name, progress or (lambda percent, note: None))
    finally:
        book.close()


def _read_book(book: Any, file_name: str, progress: Callable[[int, str], None]) -> Workbook:
    kinds = {title: _sheet_kind(title) for title in book.sheetnames}
    sheets = {title: sheet for title, sheet in kinds.items() if sheet is not None}
    year = _year_of(book.sheetnames)
    if not sheets or year is None:
        raise ValidationError(
            _("This workbook is not the regulator's TSM Full Data: it has none of its sheets (such as "
              "\"TSM25_LCRA_Perception\" and \"TSM25_Management_Info\"). Its sheets are: %(sheets)s.")
            % {"sheets": ", ".join(f"\"{t}\"" for t in book.sheetnames[:10])}
        )
    found = {(s.kind, s.tenure if s.kind == "perception" else None) for s in sheets.values()}
    missing = [words for key, words in _REQUIRED.items() if key not in found]
    if missing:
        raise ValidationError(_("This workbook has no sheet of %(missing)s.")
                              % {"missing": _(" and no sheet of ").join(missing)})
    result = Workbook(year=year, edition=_edition(book, file_name))
    dictionary = _dictionary(book)
    for done, (title, sheet) in enumerate(sheets.items()):
        progress(10 + 80 * done // len(sheets), f"Reading the sheet {title}")
        _read_sheet(book, title, sheet, dictionary, result)
    for title in book.sheetnames:
        if "not_inc" in normalise(title).lower():
            _not_included(book, title, result)
        elif "coverage" in normalise(title).lower():
            _coverage(book, title, result)
    progress(90, "Read every sheet")
    return result
