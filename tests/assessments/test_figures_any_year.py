"""Figures can be entered for any plausible year, not only a year that already has figures."""

import re

import pytest

from assessments.models import Framework, IndicatorValue
from assessments.selectors import default_year

pytestmark = pytest.mark.django_db


@pytest.fixture
def tsm():
    return Framework.objects.get(code="tenant-satisfaction-measures")


def test_a_year_without_figures_can_be_chosen_and_filled_in(client, users, tsm):
    client.force_login(users["officer"])

    page = client.get(f"/assessments/frameworks/{tsm.pk}/figures/").content.decode()
    assert re.search(r'<option value="2019">2019/20</option>', page)

    page = client.get(f"/assessments/frameworks/{tsm.pk}/figures/?year=2019").content.decode()
    assert "Performance figures 2019/20" in page
    indicator = tsm.indicators.get(code="TP01")
    assert f"/assessments/indicators/{indicator.pk}/2019/" in page
    response = client.post(f"/assessments/indicators/{indicator.pk}/2019/", {"value": "68.5"})
    assert response.status_code == 302
    assert IndicatorValue.objects.get(indicator=indicator, year=2019).value == 68.5


@pytest.mark.parametrize("asked", ["1850", "3000", "next year", "2O24"])
def test_an_implausible_year_gets_a_plain_message_and_the_usual_year(client, users, tsm, asked):
    client.force_login(users["officer"])

    response = client.get(f"/assessments/frameworks/{tsm.pk}/figures/", {"year": asked})

    page = response.content.decode()
    assert response.status_code == 200
    last = default_year() + 1
    assert f"Choose a year between 2000/01 and {last}/{str(last + 1)[-2:]}." in page
    assert f"Performance figures {default_year()}/{str(default_year() + 1)[-2:]}" in page
    assert not IndicatorValue.objects.exists()


def test_the_figures_chart_labels_bars_with_the_measures_names(client, users, tsm):
    IndicatorValue.objects.create(indicator=tsm.indicators.get(code="TP05"), year=2024, value=80)
    client.force_login(users["officer"])

    response = client.get(f"/assessments/frameworks/{tsm.pk}/figures/", {"year": "2024"})

    labels = [row[0] for chart in response.context["charts"] for row in chart.rows]
    assert labels == ["Satisfaction that the home is safe"]
