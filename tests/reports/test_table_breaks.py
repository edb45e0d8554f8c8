"""A table's caption stays on the page with its header row and first row of data."""

from types import SimpleNamespace

from django.template import engines

from scrutiny.models import SiteSettings
from scrutiny.pdf import html_to_pdf
from tests.reports.pdf_checks import captions_apart_from_their_tables

# The performance table of the annual report, after a block of a given height: across these
# heights its caption meets the foot of a page, with a first row too tall to fit under it.
PAGE = """{% extends "reports/pdf/base.html" %}{% block body %}<h1>Tables at the foot of a page</h1>
<div style="height: {{ spacer }}mm"></div>{% include "reports/annual/_performance.html" %}{% endblock %}"""
MEANING = "Better than last year; target missed. " * 6


def _pdf(spacer, large_print=False):
    measures = [SimpleNamespace(name=f"I{n}: Measure {n}", meaning=MEANING,
                                shown={"value": "91%", "target": "90%", "previous": "88%"},
                                compared=SimpleNamespace(figure="89%", position="Better than the average"))
                for n in range(1, 9)]
    outcome = SimpleNamespace(key="outcome-1", heading="5. Repairs", title="Repairs", measures=measures,
                              assessment="")
    context = {
        "title": "Tables", "site": SiteSettings.load(), "large_print": large_print, "pdf": True,
        "spacer": spacer,
        "year": SimpleNamespace(label="2025/26", previous_label="2024/25"),
        "data": {"frameworks": [SimpleNamespace(
            framework=SimpleNamespace(name="Scottish Social Housing Charter"), chart=None, other=[],
            groups=[("B. Housing quality and maintenance", [outcome])])]},
    }
    return html_to_pdf(engines["django"].from_string(PAGE).render(context))


def test_captions_move_to_the_next_page_with_their_tables(db):
    for large_print in (False, True):
        for spacer in range(176, 250, 6):
            assert captions_apart_from_their_tables(_pdf(spacer, large_print)) == [], (large_print, spacer)
