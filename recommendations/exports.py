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
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
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
    (_("Reference"), lambda r: f"{r.review.title} {r.code}"),
    (_("Review"), lambda r: r.review.title),
    (_("Panel"), lambda r: r.review.panel.name),
    (_("Number"), lambda r: r.code),
    (_("Recommendation"), lambda r: r.text),
    (_("Why"), lambda r: r.rationale),
    (_("Expected benefit for tenants"), lambda r: r.expected_benefit),
    (_("Service area"), lambda r: r.service_area.name if r.service_area else ""),
    (_("Priority"), lambda r: r.get_priority_display()),
    (_("Status"), lambda r: r.get_status_display()),
    (_("Response"), _decision),
    (_("Reason given"), _reason),
    (_("Owner"), lambda r: str(r.owner) if r.owner else ""),
    (_("Due date"), lambda r: r.due_date),
    (_("Overdue"), lambda r: gettext("Yes") if r.is_overdue else gettext("No")),
    (_("Submitted"), lambda r: _day(r.submitted_at)),
    (_("Responded"), _responded),
    (_("Implemented"), lambda r: _day(r.implemented_at)),
    (_("Verified"), lambda r: _day(r.verified_at)),
    (_("What was done"), lambda r: r.implementation_summary),
    (_("Impact for tenants"), lambda r: r.impact_statement),
]


def _day(moment: datetime | None) -> date | None:
    return timezone.localtime(moment).date() if moment else None


def inert(value: Any) -> Any:
    """A value a spreadsheet shows but never runs as a formula.

    Control characters a workbook cannot hold are dropped first, so that they cannot hide a
    leading "=" from the check.
    """
    if isinstance(value, Promise):  # a translated label, such as a status
        value = str(value)
    if not isinstance(value, str):
        return value
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def rows(recommendations: Iterable[Recommendation]) -> Iterator[list[Any]]:
    """Header, then one list of cell values per recommendation, neutralised."""
    yield [str(name) for name, _get in COLUMNS]
    for rec in recommendations:
        yield [inert(get(rec)) for _name, get in COLUMNS]


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
    sheet = book.create_sheet(gettext("Recommendations"))
    widths = [18, 30, 20, 8, 60, 40, 40, 18, 10, 16, 16, 40, 20, 12, 8, 12, 12, 12, 12, 40, 40]
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    for row in rows(recommendations):
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
