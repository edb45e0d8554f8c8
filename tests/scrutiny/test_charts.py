"""The one chart module: an SVG drawing, its words and the table of its numbers."""

import io

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
    text = pdf.pages[0].extract_text()
    assert "Repairs on time" in text
    assert "91%" in text  # from the table of numbers
    assert "/StructTreeRoot" in pdf.trailer["/Root"]
