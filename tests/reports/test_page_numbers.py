"""Page numbers in the PDFs: in the contents list, as tagged text in the flow.

Not in running footers: WeasyPrint leaves page-margin text out of the tag tree without marking
it as an artifact (Kozea/WeasyPrint#1836), which PDF/UA forbids. The last test here shows that
is still so; when it fails, WeasyPrint has fixed it and "Page N of M" footers can come back."""

import re

from reports.models import Kind
from scrutiny.pdf import html_to_pdf
from tests.reports.pdf_checks import contents_pages, read, untagged_text
from tests.reports.test_pdfs import _make, year_of_work  # noqa: F401 - the shared fixture

ANNUAL_SECTIONS = [
    "How we performed, outcome by outcome", "What tenant scrutiny did this year",
    "Mystery shopping and inspections",
    "Recommendations and what happened to them", "You said, we did", "The panels' volunteering",
    "How to get involved",
]
REVIEW_SECTIONS = ["1. Scope", "2. Method", "3. Evidence", "4. Findings",
                   "5. Recommendations, the landlord's response and the improvement plan"]


def _page_text(reader, number):
    return " ".join((reader.pages[number - 1].extract_text() or "").split())


def _assert_contents_point_at_headings(pdf, titles, heading):
    reader, _, _ = read(pdf)
    pages = contents_pages(reader, titles)
    for position, title in enumerate(titles, 1):
        assert heading(position, title) in _page_text(reader, pages[title]), (title, pages[title])
    return pages


def test_annual_report_contents_give_the_page_each_section_starts_on(world, year_of_work):  # noqa: F811
    for large_print in (False, True):
        made = _make(Kind.ANNUAL, world.manager, year=world.year, large_print=large_print)

        pages = _assert_contents_point_at_headings(
            made.content, ANNUAL_SECTIONS, lambda n, title: f"{n}. {title}")
        assert list(pages.values()) == sorted(pages.values())
        assert min(pages.values()) > 1  # each section starts a page after the cover
        assert untagged_text(made.content) == []


def test_review_report_contents_give_the_page_each_part_starts_on(world, year_of_work):  # noqa: F811
    made = _make(Kind.REVIEW, world.manager, review=world.review.pk)

    pages = _assert_contents_point_at_headings(made.content, REVIEW_SECTIONS, lambda n, title: title)
    assert pages[REVIEW_SECTIONS[-1]] > 1  # recommendations start a new page
    assert untagged_text(made.content) == []


def test_weasyprint_still_leaves_running_footers_out_of_the_tags():
    html = (
        '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Footers</title><style>'
        '@page { @bottom-center { content: "Page " counter(page) " of " counter(pages) } }'
        "h2 { break-before: page }</style></head>"
        "<body><h1>Footers</h1><p>One.</p><h2>Two</h2><p>Two.</p></body></html>"
    )

    loose = untagged_text(html_to_pdf(html))

    assert loose == [(1, "Page 1 of 2"), (2, "Page 2 of 2")]
    assert all(re.fullmatch(r"Page \d of 2", text) for _, text in loose)
