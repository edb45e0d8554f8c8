"""In Scotland the Annual Report and "How we compare" set the Charter's indicators beside every
landlord's, from the Scottish Housing Regulator's figures (the sample Charter CSV), with that
regulator credited and our landlord found by the site settings' Scottish code.

Worked by hand from comparisons/data/charter_sample.csv, indicator 7 in 2024/25: the four
landlords' figures 74.9, 88.4, 96.1 and 99.0; the median is 92.25. Glenbrae (GB01) at 96.1 beats
2 of the other 3 (66.7%, "better than 6 in 10"), below the upper quartile 96.825 and above the
median: the second quarter."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from comparisons import services as comparison_services
from comparisons.frameworks import CHARTER_FRAMEWORK
from scrutiny.models import SiteSettings
from tests.comparisons.charter_files import sample

YEAR = 2024
CREDIT = ("Contains public sector information licensed under the Open Government Licence v3.0 "
          "(Scottish Housing Regulator)")


@pytest.fixture
def charter_figures(world, run_tasks):
    upload = SimpleUploadedFile("charter.csv", sample().read_bytes())
    charter_import = run_tasks(comparison_services.upload, file=upload, by=world.admin)
    charter_import.refresh_from_db()
    run_tasks(comparison_services.apply, tsm_import=charter_import, by=world.admin)
    charter_import.refresh_from_db()
    assert charter_import.status == "applied", charter_import.error
    site = SiteSettings.load()
    site.country, site.shr_code = "scotland", "GB01"
    site.save()


def _flat(response):
    assert response.status_code == 200
    return " ".join(response.content.decode().replace("&#x27;", "'").split())


def test_the_report_sets_a_charter_indicator_beside_every_scottish_landlord(client, world, charter_figures):
    client.force_login(world.member)

    page = _flat(client.get(f"/reports/annual/{YEAR}/"))

    assert "Percentage of stock meeting the Scottish Housing Quality Standard</th><td>96.1%</td>" in page
    assert ("National median (rented homes) 92.25%: better than 6 in 10 landlords; "
            "in the second quarter") in page
    assert CREDIT in page


def test_how_we_compare_for_the_charter_finds_us_by_the_scottish_code(client, world, charter_figures):
    client.force_login(world.member)

    page = _flat(client.get(f"/comparisons/frameworks/{CHARTER_FRAMEWORK}/?year={YEAR}"))

    assert "Ours: <strong>96.1%</strong>" in page
    assert "Better than 6 in 10 landlords; in the second quarter of all landlords." in page
    assert CREDIT in page


def test_where_to_look_next_reads_our_row_in_the_scottish_figures(client, world, charter_figures):
    site = SiteSettings.load()
    site.shr_code = "AR03"  # Arden Council: the lowest of the four on most indicators
    site.save()
    client.force_login(world.member)

    page = _flat(client.get("/reviews/where-to-look-next/"))

    assert "Homes meeting the Scottish Housing Quality Standard" in page
    assert "In the bottom quarter" in page
    assert "(Scottish Housing Regulator)" in page and "(Regulator of Social Housing)" not in page
