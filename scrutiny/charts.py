"""Every chart in the product: SVG made on the server with pygal, with its title, a text
description and the table of its numbers, so the same chart serves a page, a screen reader and
a PDF (templates/includes/chart.html shows all three).

Callers pass plain numbers (from selectors that aggregate in the database); nothing here
queries. A value of None means "no figure" and is left out of the drawing but shown as "–" in
the table.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

import pygal
from django.utils.safestring import SafeString, mark_safe
from pygal.style import Style

Number = float | int | None

# Colours chosen for 3:1 contrast against white and against each other's neighbours
# (WCAG 1.4.11), and distinguishable with the common colour-vision deficiencies.
PALETTE = ("#1d4f91", "#b35900", "#2e7d32", "#6a1b9a", "#a0001c", "#00587a", "#5d4037")
FONT = '"DejaVu Sans", Verdana, Arial, sans-serif'

STYLE = Style(
    background="#ffffff",
    plot_background="#ffffff",
    foreground="#1b1b1b",
    foreground_strong="#1b1b1b",
    foreground_subtle="#595959",
    opacity="1",
    opacity_hover="1",
    transition="none",
    colors=PALETTE,
    font_family=FONT,
    label_font_family=FONT,
    major_label_font_family=FONT,
    value_font_family=FONT,
    value_label_font_family=FONT,
    tooltip_font_family=FONT,
    title_font_family=FONT,
    legend_font_family=FONT,
    label_font_size=14,
    major_label_font_size=14,
    legend_font_size=14,
    value_font_size=14,
    title_font_size=18,
)

# pygal adds its own comments and a config script for its tooltips; neither is needed, and the
# site's Content-Security-Policy would refuse the script anyway.
_COMMENTS_AND_SCRIPTS = re.compile(r"<!--.*?-->|<script\b.*?</script>", re.S)


@dataclass(frozen=True)
class Chart:
    """A chart ready for a template: the drawing and the same numbers as a table."""

    title: str
    description: str
    svg: SafeString
    columns: list[str]
    rows: list[list[str]]
    ident: str


def _fmt(value: Number, unit: str = "") -> str:
    if value is None:
        return "–"
    text = f"{value:,.1f}".rstrip("0").rstrip(".") if isinstance(value, float) else f"{value:,}"
    return f"{text}{unit}"


def _config(**extra) -> dict:
    base = {
        "style": STYLE,
        "js": [],  # no scripts: the page's Content-Security-Policy allows none inline
        "disable_xml_declaration": True,
        "show_legend": True,
        "legend_at_bottom": True,
        "legend_at_bottom_columns": 1,
        "print_values": False,
        "truncate_label": -1,
        "truncate_legend": -1,
        "width": 800,
        "height": 420,
        "margin": 16,
        "dynamic_print_values": False,
        "no_data_text": "No figures yet",
    }
    base.update(extra)
    return base


def _finish(chart: pygal.graph.graph.Graph, *, title: str, description: str, columns: list[str],
            rows: list[list[str]]) -> Chart:
    ident = f"chart-{uuid.uuid4().hex[:10]}"
    svg = _COMMENTS_AND_SCRIPTS.sub("", chart.render(is_unicode=True))
    # The figure around it carries the title and description; the drawing itself is one image
    # for assistive technology, named by that caption.
    svg = svg.replace("<svg ", f'<svg role="img" aria-labelledby="{ident}-title" focusable="false" ', 1)
    # pygal escapes every label and value through lxml; the rest of the markup is its own.
    return Chart(title=title, description=description, svg=mark_safe(svg),  # noqa: S308
                 columns=columns, rows=rows, ident=ident)


def bar(*, title: str, description: str, labels: Sequence[str], series: dict[str, Sequence[Number]],
        unit: str = "", max_value: float | None = None, horizontal: bool = False,
        width: int | None = None) -> Chart:
    """Bars for each label, one colour per series (e.g. this year and last year).

    A narrower `width` (in drawing units) makes the labels larger when the chart fills a column,
    as large-print reports need."""
    kind = pygal.HorizontalBar if horizontal else pygal.Bar
    extra = {"range": (0, max_value)} if max_value is not None else {}
    if width:
        extra.update(width=width, height=round(width * (0.35 + 0.12 * len(labels))))
    chart = kind(**_config(x_label_rotation=0 if horizontal else 30, **extra))
    chart.x_labels = list(labels)
    for name, values in series.items():
        chart.add(name, [v if v is None else float(v) for v in values])
    columns = ["", *series.keys()]
    rows = [[label, *(_fmt(values[i], unit) for values in series.values())] for i, label in enumerate(labels)]
    return _finish(chart, title=title, description=description, columns=columns, rows=rows)


def line(*, title: str, description: str, labels: Sequence[str], series: dict[str, Sequence[Number]],
         unit: str = "", max_value: float | None = None) -> Chart:
    """A line per series over time (months or years as labels)."""
    extra = {"range": (0, max_value)} if max_value is not None else {}
    chart = pygal.Line(**_config(x_label_rotation=30, show_dots=True, dots_size=4, stroke_style={"width": 3},
                                 allow_interruptions=True, **extra))
    chart.x_labels = list(labels)
    for name, values in series.items():
        chart.add(name, [v if v is None else float(v) for v in values])
    columns = ["", *series.keys()]
    rows = [[label, *(_fmt(values[i], unit) for values in series.values())] for i, label in enumerate(labels)]
    return _finish(chart, title=title, description=description, columns=columns, rows=rows)


def heatmap(*, title: str, description: str, row_labels: Sequence[str], column_labels: Sequence[str],
            values: Sequence[Sequence[Number]], unit: str = "") -> Chart:
    """A grid of rows × columns where each dot's size shows the number (e.g. standards × score)."""
    chart = pygal.Dot(**_config(x_label_rotation=0, show_legend=False,
                                height=max(200, 60 + 44 * len(row_labels))))
    chart.x_labels = list(column_labels)
    for label, row in zip(row_labels, values, strict=True):
        chart.add(label, [v if v is None else float(v) for v in row])
    columns = ["", *column_labels]
    rows = [[label, *(_fmt(v, unit) for v in row)] for label, row in zip(row_labels, values, strict=True)]
    return _finish(chart, title=title, description=description, columns=columns, rows=rows)
