"""Every chart in the product: SVG made on the server with pygal, with its title, a text
description and the table of its numbers, so the same chart serves a page, a screen reader and
a PDF (templates/includes/chart.html shows all three).

Callers pass plain numbers (from selectors that aggregate in the database); nothing here
queries. Drawing takes pygal about 10 ms, so each drawing is kept in the cache under a digest of
everything it is drawn from (the numbers, the words, this module's code and pygal's version):
the same inputs give the same drawing, and any change to them asks for a new one.

Each chart is drawn twice: 800 units wide, for a page on a wider screen and for a PDF, and
NARROW_WIDTH units wide for a phone (the page shows one or the other, by its width), so the
labels are never shrunk under 12 px on a phone nor under 9 pt in a standard PDF.

A value of None means "no figure" and is left out of the drawing but shown as "–" in the table.

Large print (`large_print=True`): every text in the drawing is LARGE_PRINT_FONT_PX drawing units
high and the SVG says its own size (LARGE_PRINT_WIDTH wide). Placed at that size, one unit is one
CSS pixel (0.75 pt), so each label, axis value and legend prints at 16.5 pt: the PDF templates
place large-print charts at their own size, never stretched or shrunk to the column.
"""

from __future__ import annotations

import functools
import hashlib
import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pygal
from django.core.cache import cache
from django.utils import translation
from django.utils.functional import Promise
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from pygal.style import Style

from scrutiny.wording import number

Number = float | int | None
# Puts the labels and numbers into a pygal chart, passing each label through the given function.
Fill = Callable[[Any, Callable[[str], str]], None]

# Colours chosen for 3:1 contrast against white and against each other's neighbours
# (WCAG 1.4.11), and distinguishable with the common colour-vision deficiencies.
PALETTE = ("#1d4f91", "#b35900", "#2e7d32", "#6a1b9a", "#a0001c", "#00587a", "#5d4037")
FONT = '"DejaVu Sans", Verdana, Arial, sans-serif'

_LOOK = {
    "background": "#ffffff",
    "plot_background": "#ffffff",
    "foreground": "#1b1b1b",
    "foreground_strong": "#1b1b1b",
    "foreground_subtle": "#595959",
    "opacity": "1",
    "opacity_hover": "1",
    "transition": "none",
    "colors": PALETTE,
    **{f"{part}font_family": FONT for part in (
        "", "label_", "major_label_", "value_", "value_label_", "tooltip_", "title_", "legend_", "no_data_",
    )},
}
# A standard PDF draws the 800-unit chart across its 665 px column (a scale of 0.83), so 16-unit
# labels print at 10 pt, over the 9 pt least; on a desktop page they are about 16 px.
STYLE = Style(**_LOOK, label_font_size=16, major_label_font_size=16, legend_font_size=16,
              value_font_size=16, tooltip_font_size=16, title_font_size=20)
# Phones: see NARROW below.
NARROW_STYLE = Style(**_LOOK, **{f"{part}_font_size": 14 for part in (
    "label", "major_label", "legend", "value", "value_label", "tooltip", "no_data", "title",
)})

# 16 pt is 21.3 CSS pixels; a little more, so no rounding takes a label under 16 pt.
LARGE_PRINT_FONT_PX = 22
# Narrower than an A4 page's text column (176 mm, about 665 px), so it is never shrunk to fit.
LARGE_PRINT_WIDTH = 640
LARGE_PRINT_STYLE = Style(**_LOOK, **{f"{part}_font_size": LARGE_PRINT_FONT_PX for part in (
    "label", "major_label", "legend", "value", "value_label", "tooltip", "no_data", "title",
)})

# Phones: a second drawing, NARROW_WIDTH units wide, shown instead below 576 px (see
# static/css/scrutiny.css). Drawn to fill a phone's column (296 px on a 320 px phone, 336 px at
# 360 px), its 14-unit labels appear 12.2 to 13.8 px tall; the 800-unit drawing shrunk to
# that column would print them at 5 to 6 px. Labels longer than a narrow drawing has room for
# are cut short with "…"; the table of numbers under every chart gives them whole.
NARROW_WIDTH = 340
NARROW_LABEL = 18
NARROW = {
    "style": NARROW_STYLE, "width": NARROW_WIDTH, "explicit_size": False, "margin": 8, "height": 320,
    "x_label_rotation": 45, "max_scale": 5,
}


def _narrow_height(*, rows: int, series: int) -> int:
    """A narrow horizontal chart: room for a bar per row and series, and the legend below."""
    return 90 + 28 * series + rows * max(32, 16 * series)


# pygal adds its own comments and a config script for its tooltips; neither is needed, and the
# site's Content-Security-Policy would refuse the script anyway.
_COMMENTS_AND_SCRIPTS = re.compile(r"<!--.*?-->|<script\b.*?</script>", re.S)
_SERIES_WIDTH = re.compile(r"(\.series\.serie-\d+)\{stroke-width")
# What pygal writes for its script's tooltips (each dot's value, place and label), which the
# page never runs, and places to fifteen decimal places where two are a hundredth of a pixel.
_TOOLTIP_DATA = re.compile(r'<desc class="[^"]*">[^<]*</desc>')
_LONG_DECIMALS = re.compile(r"(\d\.\d\d)\d+")


@dataclass(frozen=True)
class Chart:
    """A chart ready for a template: the drawing and the same numbers as a table."""

    title: str
    description: str
    svg: SafeString
    narrow_svg: SafeString
    columns: list[str]
    rows: list[list[str]]
    ident: str


def _fmt(value: Number, unit: str = "") -> str:
    if value is None:
        return "–"
    text = f"{value:,.1f}".rstrip("0").rstrip(".") if isinstance(value, float) else number(value)
    return f"{text}{unit}"


def _config(*, large_print: bool = False, **extra: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "style": LARGE_PRINT_STYLE if large_print else STYLE,
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
        "no_data_text": gettext("No figures yet"),
    }
    if large_print:
        # The SVG states its size, so it is placed at one drawing unit to one CSS pixel.
        # Fewer values on the scale, so 22 px numbers do not run into each other.
        base.update(width=LARGE_PRINT_WIDTH, explicit_size=True, max_scale=5)
    base.update(extra)
    return base


def _large_print_height(*, rows: int, series: int) -> int:
    """Tall enough for a 22 px label per row and the legend under the plot, and short enough
    (200 mm at most) to share an A4 page with its heading and caption."""
    legend = 40 * series
    return min(760, 110 + legend + rows * max(48, 20 * series))


def _drawing(kind: type[pygal.graph.graph.Graph], config: dict[str, Any], fill: Fill,
             label: Callable[[str], str], ident: str) -> SafeString:
    chart = kind(**config)
    fill(chart, label)
    svg = _COMMENTS_AND_SCRIPTS.sub("", chart.render(is_unicode=True))
    svg = _LONG_DECIMALS.sub(r"\1", _TOOLTIP_DATA.sub("", svg))
    # A series' own line width, which pygal's rule for every line would otherwise override.
    svg = _SERIES_WIDTH.sub(r"\1 .line{stroke-width", svg)
    # The figure around it carries the title and description; the drawing itself is one image
    # for assistive technology, named by that caption.
    svg = svg.replace("<svg ", f'<svg role="img" aria-labelledby="{ident}-title" focusable="false" ', 1)
    # pygal escapes every label and value through lxml; the rest of the markup is its own.
    return mark_safe(svg)  # noqa: S308


def _finish(kind: type[pygal.graph.graph.Graph], *, config: dict[str, Any], narrow: dict[str, Any],
            fill: Fill, title: str, description: str, columns: list[str],
            rows: list[list[str]]) -> Chart:
    """Draw the chart twice: as configured, and narrow for phones (`narrow` overrides the config)."""
    ident = f"chart-{uuid.uuid4().hex[:10]}"
    narrow_config = {**config, **NARROW, **narrow}
    return Chart(title=title, description=description, svg=_drawing(kind, config, fill, str, ident),
                 narrow_svg=_drawing(kind, narrow_config, fill, _short, ident), columns=columns, rows=rows,
                 ident=ident)


_CODE = hashlib.sha256(Path(__file__).read_bytes() + pygal.__version__.encode()).hexdigest()[:16]
KEPT_SECONDS = 60 * 60 * 24


def _kept(draw: Callable[..., Chart]) -> Callable[..., Chart]:
    """Keep a chart function's drawings in the cache, keyed by a digest of all its arguments."""

    @functools.wraps(draw)
    def kept(**kwargs: Any) -> Chart:
        # In the page's language: the words the chart draws itself (its legend, "No figures yet").
        drawn_from = sorted((name, str(value) if isinstance(value, Promise) else value)
                            for name, value in kwargs.items())
        digest = hashlib.sha256(repr(drawn_from).encode()).hexdigest()
        key = f"chart:{_CODE}:{translation.get_language()}:{draw.__name__}:{digest}"
        found = cache.get(key)
        if found is None:
            found = draw(**kwargs)
            cache.set(key, found, KEPT_SECONDS)
        # A fresh name for each use, so two copies on one page never share an id.
        ident = f"chart-{uuid.uuid4().hex[:10]}"
        def renamed(svg: str) -> SafeString:
            return mark_safe(svg.replace(f'"{found.ident}-title"', f'"{ident}-title"', 1))  # noqa: S308

        return replace(found, svg=renamed(found.svg), narrow_svg=renamed(found.narrow_svg), ident=ident)

    return kept


def _whole_number_scale(series: dict[str, Sequence[Number]], *, large_print: bool) -> dict[str, Any]:
    """Counts (reviews, visits, people) get a scale of whole numbers: pygal would mark 0.2, 0.4 and
    so on between 0 and 2 reviews. Larger counts already get round numbers from pygal."""
    values = [v for values in series.values() for v in values if v is not None]
    counts = [v for v in values if isinstance(v, int)]
    if not values or len(counts) != len(values):
        return {}
    top = max(max(counts), 1)
    if top > 10:
        return {}
    step = 2 if large_print and top > 5 else 1
    return {"y_labels": list(range(0, top + step, step))}


def _short(label: str) -> str:
    """A label cut to what a narrow drawing has room for (pygal cuts only some axes' labels)."""
    if len(label) <= NARROW_LABEL:
        return label
    cut = label[:NARROW_LABEL]
    # At the end of a word where one ends far enough in ("Blairgowrie local…", not "Blairgowrie loc…").
    cut = cut[:cut.rindex(" ")] if " " in cut[NARROW_LABEL // 2:] else cut[:NARROW_LABEL - 1]
    return cut.rstrip(" ,;:-") + "…"


def _fill_series(labels: Sequence[str], series: dict[str, Sequence[Number]], *, dots: bool = True) -> Fill:
    def fill(chart: Any, label: Callable[[str], str]) -> None:
        chart.x_labels = [label(text) for text in labels]
        for name, values in series.items():
            chart.add(name, [v if v is None else float(v) for v in values],
                      show_dots=dots or _stands_alone(values))
    return fill


def short_label(title: str, length: int = 36) -> str:
    """A long name cut at a word to fit beside a bar (the page's own table names it in full)."""
    if len(title) <= length:
        return title
    return title[: length - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


@_kept
def bar(*, title: str, description: str, labels: Sequence[str], series: dict[str, Sequence[Number]],
        unit: str = "", max_value: float | None = None, horizontal: bool = False,
        large_print: bool = False) -> Chart:
    """Bars for each label, one colour per series (e.g. this year and last year)."""
    extra: dict[str, Any] = ({"range": (0, max_value)} if max_value is not None
                             else _whole_number_scale(series, large_print=large_print))
    if large_print:
        extra["height"] = _large_print_height(rows=len(labels), series=len(series))
    narrow: dict[str, Any] = {}
    if horizontal:
        narrow = {"height": _narrow_height(rows=len(labels), series=len(series)), "x_label_rotation": 0}
    columns = ["", *series.keys()]
    rows = [[label, *(_fmt(values[i], unit) for values in series.values())] for i, label in enumerate(labels)]
    return _finish(pygal.HorizontalBar if horizontal else pygal.Bar,
                   config=_config(x_label_rotation=0 if horizontal else 30, large_print=large_print, **extra),
                   narrow=narrow, fill=_fill_series(labels, series),
                   title=title, description=description, columns=columns, rows=rows)


@_kept
def line(*, title: str, description: str, labels: Sequence[str], series: dict[str, Sequence[Number]],
         unit: str = "", max_value: float | None = None, large_print: bool = False,
         dots: bool = True) -> Chart:
    """A line per series over time (months or years as labels). With `dots=False` only a series
    with a value standing alone between gaps has dots (it would not show otherwise): with many
    series and months, drawing every dot takes pygal twice as long as the lines."""
    extra: dict[str, Any] = ({"range": (0, max_value)} if max_value is not None
                             else _whole_number_scale(series, large_print=large_print))
    if large_print:
        extra["height"] = 420 + 40 * len(series)
    columns = ["", *series.keys()]
    rows = [[label, *(_fmt(values[i], unit) for values in series.values())] for i, label in enumerate(labels)]
    return _finish(pygal.Line,
                   config=_config(x_label_rotation=30, show_dots=True, dots_size=4, stroke_style={"width": 3},
                                  allow_interruptions=True, large_print=large_print, **extra),
                   narrow={"height": 300 + 24 * len(series)}, fill=_fill_series(labels, series, dots=dots),
                   title=title, description=description, columns=columns, rows=rows)


def _stands_alone(values: Sequence[Number]) -> bool:
    """Whether a value has no neighbour to draw a line to."""
    return any(
        v is not None and (i == 0 or values[i - 1] is None)
        and (i + 1 == len(values) or values[i + 1] is None)
        for i, v in enumerate(values)
    )


@_kept
def heatmap(*, title: str, description: str, row_labels: Sequence[str], column_labels: Sequence[str],
            values: Sequence[Sequence[Number]], unit: str = "", large_print: bool = False) -> Chart:
    """A grid of rows × columns where each dot's size shows the number (e.g. standards × score)."""
    row_height = 52 if large_print else 44

    def fill(chart: Any, label: Callable[[str], str]) -> None:
        chart.x_labels = [label(text) for text in column_labels]
        for row_label, row in zip(row_labels, values, strict=True):
            chart.add(label(row_label), [v if v is None else float(v) for v in row])

    columns = ["", *column_labels]
    rows = [[label, *(_fmt(v, unit) for v in row)] for label, row in zip(row_labels, values, strict=True)]
    return _finish(pygal.Dot,
                   config=_config(x_label_rotation=0, show_legend=False, large_print=large_print,
                                  height=max(200, 60 + row_height * len(row_labels))),
                   narrow={"height": max(200, 100 + 36 * len(row_labels)), "x_label_rotation": 60},
                   fill=fill, title=title, description=description, columns=columns, rows=rows)


def _segments(pairs: Sequence[tuple[Number, Number, int]]) -> list[tuple[float, int] | None]:
    """Lines from a to b on row y, each apart from the next (None breaks a line in pygal)."""
    points: list[tuple[float, int] | None] = []
    for start, end, y in pairs:
        if start is not None and end is not None:
            points += [(float(start), y), (float(end), y), None]
    return points


def _spread_fill(groups: Sequence[tuple[str, Sequence[Number]]], mark_label: str, mark: Number) -> Fill:
    """Each group on a row of its own (top down), its range thin and its middle half thick, with
    the medians as dots; the mark on the bottom row."""
    def fill(chart: Any, label: Callable[[str], str]) -> None:
        rows = len(groups) + 1
        chart.y_labels = [{"label": label(name), "value": rows - n} for n, (name, _) in enumerate(groups)]
        chart.y_labels.append({"label": label(mark_label), "value": 1})
        ys = [(rows - n, five) for n, (_, five) in enumerate(groups)]
        chart.add(gettext("Lowest to highest"), _segments([(five[0], five[4], y) for y, five in ys]),
                  stroke_style={"width": 3}, show_dots=False)
        chart.add(gettext("Middle half"), _segments([(five[1], five[3], y) for y, five in ys]),
                  stroke_style={"width": 18, "linecap": "butt"}, show_dots=False)
        chart.add(gettext("Median"), [(float(five[2]), y) for y, five in ys if five[2] is not None],
                  stroke=False, dots_size=7)
        chart.add(label(mark_label), [] if mark is None else [(float(mark), 1)], stroke=False, dots_size=9)
    return fill


@_kept
def spread(*, title: str, description: str, groups: Sequence[tuple[str, Sequence[Number]]],
           mark_label: str, mark: Number, unit: str = "", max_value: float | None = None) -> Chart:
    """How a figure sits among groups' figures: a row per group (lowest, lower quartile, median,
    upper quartile and highest, in that order) and the figure marked on a row of its own."""
    tops = [float(v) for _, five in groups for v in five if v is not None]
    if mark is not None:
        tops.append(float(mark))
    top = max_value if max_value is not None else (max(tops) * 1.05 if tops else 1.0) or 1.0
    rows_count = len(groups) + 1
    config = _config(show_y_guides=False, xrange=(0, top), range=(0.5, rows_count + 0.5),
                     height=180 + 60 * rows_count, legend_at_bottom_columns=2, allow_interruptions=True)
    parts = (gettext("lowest"), gettext("lower quartile"), gettext("median"), gettext("upper quartile"),
             gettext("highest"))
    rows = [[mark_label, _fmt(mark, unit)]]
    rows += [[gettext("%(group)s: %(part)s") % {"group": name, "part": part}, _fmt(value, unit)]
             for name, five in groups for part, value in zip(parts, five, strict=True)]
    return _finish(pygal.XY, config=config,
                   narrow={"height": 160 + 80 * rows_count, "x_label_rotation": 0,
                           "legend_at_bottom_columns": 1, "margin_right": 20},
                   fill=_spread_fill(groups, mark_label, mark), title=title, description=description,
                   columns=["", gettext("Figure")], rows=rows)
