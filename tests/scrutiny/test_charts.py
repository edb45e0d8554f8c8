"""The one chart module: an SVG drawing, its words and the table of its numbers."""

import io
import re
import xml.etree.ElementTree as ET

from django.template.loader import render_to_string
from pypdf import PdfReader

from scrutiny import charts
from scrutiny.pdf import html_to_pdf


def test_bar_chart_carries_title_description_and_table_of_numbers():
    chart = charts.bar(
        title="Calls answered within 5 rings",
        description="Perth office answered most calls quickly; Crieff fewer.",
        labels=["Perth", "Crieff"],
        series={"2025": [82.5, 61.0], "2026": [90.0, None]},
        unit="%",
    )
    assert chart.svg.startswith("<svg ")
    assert 'role="img"' in chart.svg
    assert f'aria-labelledby="{chart.ident}-title"' in chart.svg
    assert "<script" not in chart.svg  # the site's CSP allows no inline script
    assert chart.columns == ["", "2025", "2026"]
    assert chart.rows == [["Perth", "82.5%", "90%"], ["Crieff", "61%", "–"]]


def test_labels_are_escaped_in_the_drawing_and_the_table():
    chart = charts.bar(title="<b>t</b>", description="d", labels=["<script>alert(1)</script>"],
                       series={"<img src=x onerror=alert(1)>": [1]})
    html = render_to_string("includes/chart.html", {"chart": chart})
    assert "<script>alert(1)</script>" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_line_and_heatmap_tables_match_their_numbers():
    line = charts.line(title="Trend", description="Scores by month", labels=["Jan", "Feb"],
                       series={"Perth": [70, 75.25]}, unit="%", max_value=100)
    assert line.rows == [["Jan", "70%"], ["Feb", "75.2%"]] or line.rows == [["Jan", "70%"], ["Feb", "75.3%"]]
    heat = charts.heatmap(title="Scores", description="How many gave each score",
                          row_labels=["Standard 1", "Standard 2"], column_labels=["1", "2", "3", "4"],
                          values=[[0, 1, 5, 6], [4, 4, 2, 2]])
    assert heat.columns == ["", "1", "2", "3", "4"]
    assert heat.rows[1] == ["Standard 2", "4", "4", "2", "2"]
    assert "<svg " in heat.svg


def test_chart_include_renders_into_a_tagged_pdf():
    chart = charts.bar(title="Repairs on time", description="Most repairs were on time.",
                       labels=["2025", "2026"], series={"Repairs on time": [88, 91]}, unit="%")
    body = render_to_string("includes/chart.html", {"chart": chart, "table_open": True})
    html = (
        '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Chart test</title></head>'
        f"<body><h1>Chart test</h1>{body}</body></html>"
    )
    pdf = PdfReader(io.BytesIO(html_to_pdf(html)))
    # Without the site's stylesheet both drawings (wide and narrow) are drawn: the table may be
    # on the next page.
    text = "".join(page.extract_text() for page in pdf.pages)
    assert "Repairs on time" in text
    assert "91%" in text  # from the table of numbers
    assert "/StructTreeRoot" in pdf.trailer["/Root"]


A4_TEXT_COLUMN_PX = (210 - 2 * 17) / 25.4 * 96  # the reports' column: A4 less 17 mm margins


def _font_sizes_px(svg):
    return [float(size) for size in re.findall(r"font-size:\s*([\d.]+)px", svg)]


def test_large_print_chart_states_its_size_and_draws_every_text_at_16_points_or_more():
    kwargs = {"title": "Recommendations", "description": "Made and accepted",
              "labels": ["Made", "Accepted (fully or partly)", "Checked by tenants"],
              "series": {"2025/26": [40, 31, 12], "2024/25": [35, 30, 9]}}
    large, normal = charts.bar(**kwargs, horizontal=True, large_print=True), charts.bar(**kwargs)

    root = ET.fromstring(str(large.svg))  # noqa: S314 - a drawing this test just made
    width = float(root.get("width"))
    # Placed at its own size (never stretched to the column), one drawing unit is one CSS pixel.
    assert width <= A4_TEXT_COLUMN_PX
    sizes = _font_sizes_px(large.svg)
    assert sizes and min(sizes) * 0.75 >= 16  # 1 px = 0.75 pt
    # Texts styled in em (tooltips, bounds) are not drawn at all: scripts are off.
    drawn = [t for t in root.iter("{http://www.w3.org/2000/svg}text") if (t.text or "").strip()]
    assert {t.get("class") for t in drawn} & {"bound", "max-value"} == set()
    assert "Accepted (fully or partly)" in [t.text for t in drawn]
    # The standard chart keeps 16 px labels and fills the column it is put in.
    assert ET.fromstring(str(normal.svg)).get("width") is None  # noqa: S314
    assert min(_font_sizes_px(normal.svg)) < 16 / 0.75


def _count_drawings(monkeypatch) -> list[int]:
    """Count pygal's renders (each still done for real)."""
    drawn = [0]
    real = charts.pygal.graph.public.PublicApi.render

    def render(self, *args, **kwargs):
        drawn[0] += 1
        return real(self, *args, **kwargs)

    monkeypatch.setattr(charts.pygal.graph.public.PublicApi, "render", render)
    return drawn


def test_the_same_figures_are_drawn_once_and_each_use_gets_its_own_name(monkeypatch):
    drawn = _count_drawings(monkeypatch)
    figures = {"title": "Kept", "description": "d", "labels": ["A", "B"], "series": {"2026": [1, 2]}}
    first = charts.bar(**figures)
    second = charts.bar(**figures)
    assert drawn[0] == 2  # once for a page, once narrow for a phone
    assert first.svg.replace(first.ident, "") == second.svg.replace(second.ident, "")
    assert first.ident != second.ident
    assert f'aria-labelledby="{second.ident}-title"' in second.svg and first.ident not in second.svg
    assert f'aria-labelledby="{second.ident}-title"' in second.narrow_svg
    assert first.ident not in second.narrow_svg


def test_any_change_to_the_figures_or_words_draws_again(monkeypatch):
    drawn = _count_drawings(monkeypatch)
    before = charts.bar(title="Changes", description="d", labels=["A"], series={"2026": [1]})
    changed_number = charts.bar(title="Changes", description="d", labels=["A"], series={"2026": [2]})
    changed_label = charts.bar(title="Changes", description="d", labels=["<A>"], series={"2026": [1]})
    assert drawn[0] == 6  # each figure twice: for a page and narrow for a phone
    assert changed_number.rows == [["A", "2"]] and before.rows == [["A", "1"]]
    assert "&lt;A&gt;" in changed_label.svg


def _value_axis_labels(svg: str, axis_name: str = "axis y") -> list[str]:
    root = ET.fromstring(svg)  # noqa: S314 (our own drawing)
    axis = next(g for g in root.iter("{http://www.w3.org/2000/svg}g") if axis_name in g.get("class", ""))
    return [t.text for t in axis.iter("{http://www.w3.org/2000/svg}text")]


def test_counts_get_a_scale_of_whole_numbers():
    for draw in (charts.bar, charts.line):
        chart = draw(title="Reviews finished", description="Two reviews in 2026.",
                     labels=["2025", "2026"], series={"Reviews": [1, 2]})
        assert _value_axis_labels(chart.svg) == ["0", "1", "2"]

    horizontal = charts.bar(title="Visits by office", description="Perth had most.", horizontal=True,
                            labels=["Perth", "Crieff"], series={"Visits": [3, 1]})
    assert _value_axis_labels(horizontal.svg, "axis x") == ["0", "1", "2", "3"]  # values run across


def test_figures_that_are_not_counts_keep_their_own_scale():
    chart = charts.bar(title="Satisfaction", description="Most were satisfied.",
                       labels=["2025", "2026"], series={"%": [1.5, 2.0]})
    assert any("." in label for label in _value_axis_labels(chart.svg))  # e.g. 0.2, 0.4 … 2


def _texts(svg):
    return [t.text for t in ET.fromstring(str(svg)).iter("{http://www.w3.org/2000/svg}text")]  # noqa: S314


def _viewbox_width(svg):
    return float(ET.fromstring(str(svg)).get("viewBox").split()[2])  # noqa: S314 - our own drawing


def test_each_chart_has_a_narrow_drawing_whose_text_reads_at_12_px_on_a_320_px_phone():
    made = [
        charts.bar(title="Visits by office", description="d", horizontal=True,
                   labels=["Dundee Hilltown local office", "Perth"], series={"Visits": [3, 1]}),
        charts.bar(title="Recommendations", description="d", labels=["Made", "Accepted (fully or partly)"],
                   series={"2025/26": [40, 31], "2024/25": [35, 30]}),
        charts.line(title="Trend", description="d", labels=["Jan 2026", "Feb 2026"],
                    series={"Perth": [70, 75]}),
        charts.heatmap(title="Scores", description="d", row_labels=["1.1 Tenants are told about the service"],
                       column_labels=["1 Very good", "2 Good"], values=[[1, 2]]),
    ]
    # A 320 px phone leaves a 296 px column (12 px padding each side); the drawing fills it.
    for chart in made:
        scale = 296 / _viewbox_width(chart.narrow_svg)
        assert min(_font_sizes_px(chart.narrow_svg)) * scale >= 12, chart.title
        assert _viewbox_width(chart.svg) == 800  # the page's drawing is unchanged
    # A label too long for a phone is cut short there; the page's drawing and the table have it whole.
    assert "Dundee Hilltown…" in _texts(made[0].narrow_svg)
    assert "Dundee Hilltown local office" in _texts(made[0].svg)
    assert made[0].rows[0][0] == "Dundee Hilltown local office"


def test_a_spread_chart_marks_the_figure_and_tables_every_group_and_draws_the_middle_half_thick():
    chart = charts.spread(title="Overall satisfaction", description="How the figures spread.",
                          groups=[("All landlords", [50, 60.5, 70.5, 78.8, 90]),
                                  ("Similar landlords", [55, 58.5, 62, 71, 80])],
                          mark_label="Us", mark=71, unit="%", max_value=100)

    assert chart.rows[0] == ["Us", "71%"]
    assert ["All landlords: upper quartile", "78.8%"] in chart.rows
    assert ["Similar landlords: median", "62%"] in chart.rows
    for svg in (chart.svg, chart.narrow_svg):
        # pygal's rule for every line would draw it 1 unit wide; the series' own width wins.
        assert ".series.serie-1 .line{stroke-width:18" in svg


def test_a_line_chart_without_dots_keeps_a_dot_for_a_value_standing_alone():
    line = charts.line(title="Each site's score", description="Scores by month", labels=["Jan", "Feb", "Mar"],
                       series={"Perth": [70, 75, 80], "Crieff": [None, 60, None]}, unit="%", max_value=100,
                       dots=False)
    for svg in (line.svg, line.narrow_svg):
        assert svg.count("<circle") == 1  # Crieff's one month; Perth's line needs none
    with_dots = charts.line(title="Each site's score", description="Scores by month", labels=["Jan", "Feb"],
                            series={"Perth": [70, 75]}, unit="%", max_value=100)
    assert with_dots.svg.count("<circle") == 2


def test_drawings_carry_no_tooltip_data_for_a_script_the_page_never_runs():
    chart = charts.bar(title="Calls", description="Calls answered", labels=["Perth", "Crieff"],
                       series={"2026": [82.5, 61.0]}, unit="%")
    assert "<desc" not in chart.svg
    assert not re.search(r"\d\.\d{3}", chart.svg)  # places to a hundredth of a unit
