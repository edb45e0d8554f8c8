"""Performance figures: yearly values per indicator, entered in a form or imported from CSV."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from assessments.models import Framework, IndicatorValue
from assessments.selectors import indicator_table
from tests.db_unchanged import assert_db_unchanged

pytestmark = pytest.mark.django_db


@pytest.fixture
def tsm():
    return Framework.objects.get(code="tenant-satisfaction-measures")


def _import(client, user, framework, text: bytes):
    client.force_login(user)
    return client.post(
        f"/assessments/frameworks/{framework.pk}/figures/import/",
        {"file": SimpleUploadedFile("figures.csv", text)},
    )


def test_imported_figures_make_the_table_with_last_year_and_direction(client, users, tsm):
    text = (
        b"indicator_code,year,value,target,peer_average,note\n"
        b"TP01,2024/25,71.5,75,72.9,\n"
        b"TP01,2025,74.0,75,73.1,Survey of 1,020 tenants\n"
        b"RP01,2024,1.2,0,,\n"
        b"RP01,2025/26,0.8,0,,\n"
    )
    response = _import(client, users["officer"], tsm, text)
    assert response.status_code == 302
    rows = {r.indicator.code: r for r in indicator_table(framework=tsm, year=2025)}
    assert (rows["TP01"].value, rows["TP01"].previous, rows["TP01"].target) == (
        Decimal("74.00"),
        Decimal("71.50"),
        Decimal("75.00"),
    )
    assert rows["TP01"].direction == "better" and rows["TP01"].met_target is False
    # RP01 (homes not meeting the Decent Homes Standard): lower is better.
    assert rows["RP01"].direction == "better" and rows["RP01"].met_target is False
    assert rows["TP02"].value is None and rows["TP02"].direction is None
    page = client.get(f"/assessments/frameworks/{tsm.pk}/figures/?year=2025").content.decode()
    assert "Better than last year" in page and "The numbers in this chart" in page


def test_bad_figure_rows_are_all_reported_and_nothing_is_saved(client, users, tsm):
    text = (
        "indicator_code,year,value\n"
        "TP01,2025,74\n"
        "XX99,2025,10\n"
        "TP02,last year,10\n"
        "TP03,2025,lots\n"
        "TP01,2025,75\n"
    ).encode("cp1252")
    response = _import(client, users["officer"], tsm, text)
    assert [e.line for e in response.context["errors"]] == [3, 4, 5, 6]
    assert not IndicatorValue.objects.exists()


def test_two_officers_editing_a_figure_keep_both_versions(client, users, tsm):
    indicator = tsm.indicators.get(code="TP01")
    url = f"/assessments/indicators/{indicator.pk}/2025/"
    client.force_login(users["officer"])
    client.post(url, {"value": "70", "version": ""})
    saved = IndicatorValue.objects.get()
    client.post(url, {"value": "71", "version": saved.version})
    client.force_login(users["manager"])  # opened at the first version
    response = client.post(url, {"value": "99", "note": "from the draft report", "version": saved.version})
    page = response.content.decode()
    assert "Someone else saved a change to this figure" in page
    assert "from the draft report" in page  # what the manager typed is still in the form
    assert "The saved version" in page and "<dd>71.00</dd>" in page
    saved.refresh_from_db()
    assert saved.value == Decimal("71.00")


def test_tenants_read_figures_but_cannot_enter_them(client, users, tsm):
    client.force_login(users["tenant"])
    assert client.get(f"/assessments/frameworks/{tsm.pk}/figures/").status_code == 200
    indicator = tsm.indicators.get(code="TP01")
    with assert_db_unchanged():
        assert client.post(f"/assessments/indicators/{indicator.pk}/2025/", {"value": "1"}).status_code == 403
    assert not IndicatorValue.objects.exists()
