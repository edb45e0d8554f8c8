"""The Annual Report to Tenants: one selector feeds the web page and the PDF.

The report is a list of sections (reports/annual/sections.py, SECTIONS), each a function of the
year that returns its figures, charts and a "what this means" line, or None when it has nothing
to say. Adding a section is one function, one template and one line in SECTIONS.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils import translation
from django.utils.translation import gettext

from reports.models import AnnualReport
from scrutiny.dates import Period, financial_year, financial_year_starting
from scrutiny.models import SiteSettings


@dataclass(frozen=True)
class Year:
    """The financial year a report covers, and the one before it for comparison."""

    start_year: int
    period: Period
    previous: Period
    large_print: bool = False

    @property
    def label(self) -> str:
        return self.period.label

    @property
    def previous_label(self) -> str:
        return self.previous.label


def year_of(start_year: int, *, large_print: bool = False) -> Year:
    """The landlord's financial year starting in start_year (site settings say which month)."""
    month = SiteSettings.load().financial_year_start_month or 4
    return Year(
        start_year=start_year,
        period=financial_year_starting(start_year, month),
        previous=financial_year_starting(start_year - 1, month),
        large_print=large_print,
    )


def annual_title(start_year: int, *, large_print: bool) -> str:
    """The report's name, as a person's request and download are titled."""
    label = year_of(start_year).label
    if large_print:
        return gettext("Annual Report to Tenants %(year)s (large print)") % {"year": label}
    return gettext("Annual Report to Tenants %(year)s") % {"year": label}


def current_year() -> int:
    return financial_year().start.year


def year_choices(count: int = 5) -> list[tuple[int, str]]:
    """The latest finished financial year first, then this one and earlier ones."""
    this = current_year()
    years = [this - 1, this, *range(this - 2, this - count, -1)]
    return [(y, year_of(y).label) for y in years]


@dataclass
class Section:
    key: str
    title: str
    template: str
    data: dict[str, Any] = field(default_factory=dict)
    meaning: str = ""  # the short "what this means" line
    assessable: bool = True  # the panel writes its own view of this section
    assessment: str = ""
    has_figures: bool = True  # False: only the panel's words (the approval page warns of it)
    assessment_in_english: bool = False  # the English standing in for the panel's missing Welsh


def panel_texts(record: AnnualReport | None) -> dict[str, tuple[str, bool]]:
    """The panel's words on each section in the page's language: (text, True when it is the English
    standing in for Welsh the panel has not written). What the panel wrote is shown as written."""
    if record is None:
        return {}
    welsh = (translation.get_language() or "") == "cy"
    found = {}
    for key, english, cymraeg in record.sections.values_list("section", "text_en_gb", "text_cy"):
        english, cymraeg = (english or "").strip(), (cymraeg or "").strip()
        found[key] = (cymraeg, False) if welsh and cymraeg else (english, welsh and bool(english))
    return found


def annual_report(*, year: int, large_print: bool = False) -> dict[str, Any]:
    """Everything the Annual Report to Tenants shows for a year, for the page and the PDF."""
    from reports.annual.sections import SECTIONS, words_only_sections

    the_year = year_of(year, large_print=large_print)
    site = SiteSettings.load()
    record = AnnualReport.objects.filter(year=year).first()
    written = panel_texts(record)
    texts = {key: text for key, (text, _in_english) in written.items()}
    sections = []
    for spec in SECTIONS:
        section = spec(the_year)
        if section is None:
            continue
        section.assessment, section.assessment_in_english = written.get(section.key, ("", False))
        sections.append(section)
    # The panel's words are never dropped: words on a section with nothing else to show this
    # year (or on an outcome no longer in the report) get a section of their own, before the last.
    shown = {s.key for s in sections} | {o.key for s in sections for o in _outcome_parts(s)}
    kept = {key: text for key, text in texts.items() if text.strip() and key not in shown}
    alone = words_only_sections(kept)
    for section in alone:
        section.assessment_in_english = written.get(section.key[len("kept-"):], ("", False))[1]
    sections[-1:-1] = alone
    return {
        "title": gettext("Annual Report to Tenants %(year)s") % {"year": the_year.label},
        "year": the_year,
        "site": site,
        "record": record,
        "approved": bool(record and record.is_approved),
        "sections": sections,
        "large_print": large_print,
    }


def _outcome_parts(section: Section) -> list:
    return [o for part in section.data.get("frameworks", []) for _, group in part.groups for o in group]


def words_only(report: dict[str, Any]) -> list[str]:
    """Titles of the report's sections and outcomes that have the panel's words but no figures."""
    found = [s.title for s in report["sections"] if s.assessment and not s.has_figures]
    for section in report["sections"]:
        found += [gettext("Outcome %(outcome)s") % {"outcome": o.heading}
                  for o in _outcome_parts(section) if o.assessment and not o.measures]
    return found


def assessable_sections(year: int | None = None) -> list[tuple[str, str]]:
    """(key, title) of every section the panel writes about, in report order: with a year, each
    outcome of that year's report comes straight after "How we performed"."""
    from reports.annual.outcomes import outcome_sections
    from reports.annual.sections import ASSESSABLE

    if year is None:
        return [(key, str(title)) for key, title in ASSESSABLE]
    found = []
    for key, title in ASSESSABLE:
        found.append((key, str(title)))
        if key == "performance":
            found += [(k, t) for k, t, _ in outcome_sections(year)]
    return found
