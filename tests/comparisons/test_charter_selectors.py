"""compare() on the Charter's figures, worked out by hand from the sample file.

Indicator 11, the average hours to complete emergency repairs (lower is better), for rented
homes. In 2025/26 the four landlords had, sorted: Strathmore 2.6, Glenbrae 3.0, Kinloch 4.4,
Arden 5.1. Quartiles as percentile_cont takes them, at position q x (4 - 1):
  lower quartile: position 0.75, 2.6 + 0.75 x (3.0 - 2.6) = 2.9
  median:         position 1.5,  3.0 + 0.5 x (4.4 - 3.0)  = 3.7
  upper quartile: position 2.25, 4.4 + 0.25 x (5.1 - 4.4) = 4.575
Glenbrae's 3.0 is quicker than 2 of the 3 others (Kinloch, Arden): percentile 66.7. It is above
the lower quartile and no more than the median: the second quarter.
Its peers (housing associations, no size band or region given): Kinloch and Strathmore.
In 2024/25 the figures were 2.5, 3.2, 4.1, 5.6: median 3.2 + 0.5 x 0.9 = 3.65. Glenbrae went
from 3.2 to 3.0 hours (0.2 quicker); the sector's median from 3.65 to 3.7 (0.05 slower).
"""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from comparisons import selectors, services
from comparisons.models import Landlord
from tests.comparisons.charter_files import sample

pytestmark = pytest.mark.django_db

D = Decimal


@pytest.fixture
def glenbrae(admin, run_tasks):
    charter_import = run_tasks(services.upload, file=SimpleUploadedFile(
        "charter_sample.csv", sample().read_bytes()), by=admin)
    charter_import.refresh_from_db()
    run_tasks(services.apply, tsm_import=charter_import, by=admin)
    return Landlord.objects.get(regulator="shr", code="GB01")


def test_the_median_quartiles_and_position_of_a_lower_is_better_charter_measure(glenbrae):
    result = selectors.compare(landlord=glenbrae, measure="ARC11", tenure="lcra", year=2025)

    assert result.measure.name == "Average time to complete emergency repairs"
    assert (result.national.count, result.national.lower_quartile, result.national.median,
            result.national.upper_quartile) == (4, D("2.9"), D("3.7"), D("4.575"))
    position = result.national_position
    assert (position.better_than, position.others, position.quarter) == (2, 3, 2)
    assert round(position.percentile, 1) == D("66.7")
    assert [peer.name for peer in result.peers] == ["Kinloch Homes", "Strathmore Housing Co-operative"]
    assert (result.change.landlord, result.change.sector_median) == (D("-0.2"), D("0.05"))
    assert result.change.landlord_improved and result.change.faster_than_sector
    assert result.caveats == ["From the landlord's own records, not a survey."]


def test_every_charter_measure_of_the_landlord_is_compared_in_the_indicators_order(glenbrae):
    results = selectors.compare_all(landlord=glenbrae, year=2025)

    assert [r.measure.code for r in results] == ["ARC01", "ARC07", "ARC11", "ARC12", "ARC29"]
    assert results[0].caveats == []  # a survey figure, with no survey details in the CSV
