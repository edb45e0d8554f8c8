"""The figures page reads its year from the address: a year no figures could have (too far
back or ahead, negative, not a number, too big for the database) shows the latest year with a
message saying so, never a server error."""

import pytest

from assessments.models import Framework, IndicatorValue

pytestmark = pytest.mark.django_db


@pytest.fixture
def tsm():
    framework = Framework.objects.get(code="tenant-satisfaction-measures")
    IndicatorValue.objects.create(indicator=framework.indicators.get(code="TP01"), year=2023, value=70)
    return framework


@pytest.mark.parametrize("year", ["99999999999", "-1", "1e309", "99999999999999999999", "0", "1989",
                                  "2101", "²"])
def test_a_year_no_figures_could_have_shows_the_latest_year_with_a_message(client, users, tsm, year):
    client.force_login(users["officer"])
    response = client.get(f"/assessments/frameworks/{tsm.pk}/figures/?year={year}")
    page = response.content.decode()
    assert response.status_code == 200
    assert response.context["year"] == 2023
    assert "There are no figures for the year in the address, so this shows 2023/24." in page


def test_a_year_that_is_not_a_number_shows_the_latest_year(client, users, tsm):
    client.force_login(users["officer"])
    response = client.get(f"/assessments/frameworks/{tsm.pk}/figures/?year=abc")
    assert response.status_code == 200 and response.context["year"] == 2023


def test_a_plausible_year_is_shown(client, users, tsm):
    client.force_login(users["officer"])
    response = client.get(f"/assessments/frameworks/{tsm.pk}/figures/?year=2019")
    assert response.status_code == 200 and response.context["year"] == 2019
    assert "There are no figures for the year in the address" not in response.content.decode()
