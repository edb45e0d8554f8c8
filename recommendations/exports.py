"""The tracker as CSV and as an Excel workbook, safe to open in a spreadsheet.

A cell that starts with =, +, -, @, a tab or a carriage return can run as a formula in Excel,
LibreOffice or Google Sheets ("CSV injection"); such values get a leading apostrophe, which
spreadsheets show as text and never evaluate.
"""

import csv
import io
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import Any

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils import get_column_letter

from recommendations.models import Recommendation, Response

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _response(rec: Recommendation) -> Response | None:
    return getattr(rec, "response", None)  # None when there is no response yet


def _decision(rec: Recommendation) -> str:
    response = _response(rec)
    return response.get_decision_display() if response else ""


def _reason(rec: Recommendation) -> str:
    response = _response(rec)
    return response.reason if response else ""


def _responded(rec: Recommendation) -> date | None:
    response = _response(rec)
    return _day(response.responded_at) if response else None


COLUMNS = [
    ("Reference", lambda r: f"{r.review.title} {r.code}"),
    ("Review", lambda r: r.review.title),
    ("Panel", lambda r: r.review.panel.name),
    ("Number", lambda r: r.code),
    ("Recommendation", lambda r: r.text),
    ("Why", lambda r: r.rationale),
    ("Expected benefit for tenants", lambda r: r.expected_benefit),
    ("Service area", lambda r: r.service_area.name if r.service_area else ""),
    ("Priority", lambda r: r.get_priority_display()),
    ("Status", lambda r: r.get_status_display()),
    ("Response", _decision),
    ("Reason given", _reason),
    ("Owner", lambda r: str(r.owner) if r.owner else ""),
    ("Due date", lambda r: r.due_date),
    ("Overdue", lambda r: "Yes" if r.is_overdue else "No"),
    ("Submitted", lambda r: _day(r.submitted_at)),
    ("Responded", _responded),
    ("Implemented", lambda r: _day(r.implemented_at)),
    ("Verified", lambda r: _day(r.verified_at)),
    ("What was done", lambda r: r.implementation_summary),
    ("Impact for tenants", lambda r: r.impact_statement),
]


def _day(moment: datetime | None) -> date | None:
    return timezone.localtime(moment).date() if moment else None


def inert(value: Any) -> Any:
    """A value a spreadsheet shows but never runs as a formula.

    Control characters a workbook cannot hold are dropped first, so that they cannot hide a
    leading "=" from the check.
    """
    if not isinstance(value, str):
        return value
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def rows(recommendations: Iterable[Recommendation]) -> Iterator[list[Any]]:
    """Header, then one list of cell values per recommendation, neutralised."""
    yield [name for name, _ in COLUMNS]
    for rec in recommendations:
        yield [inert(get(rec)) for _, get in COLUMNS]


def to_csv(recommendations: Iterable[Recommendation]) -> bytes:
    out = io.StringIO()
    # A byte order mark so Excel opens UTF-8 (names with accents) correctly.
    out.write("\ufeff")
    writer = csv.writer(out)
    for row in rows(recommendations):
        writer.writerow(["" if v is None else v.isoformat() if isinstance(v, date | datetime) else v
                         for v in row])
    return out.getvalue().encode("utf-8")


def to_xlsx(recommendations: Iterable[Recommendation]) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Recommendations")
    widths = [18, 30, 20, 8, 60, 40, 40, 18, 10, 16, 16, 40, 20, 12, 8, 12, 12, 12, 12, 40, 40]
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    for row in rows(recommendations):
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
