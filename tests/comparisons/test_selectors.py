"""The comparison figures against ten landlords worked out by hand.

TP01 (higher is better) for rented homes, 2024/25, sorted: 50 55 60 62 70 71 75 80 84 90, with
two more landlords that have no figure ([S] suppressed, [E] excluded). Quartiles as
percentile_cont takes them, at position q x (10 - 1) of the sorted figures:
  lower quartile: position 2.25, 60 + 0.25 x (62 - 60) = 60.5
  median:         position 4.5,  70 + 0.5 x (71 - 70)  = 70.5
  upper quartile: position 6.75, 75 + 0.75 x (80 - 75) = 78.75
Fern (71) beats 5 of the 9 others (50 55 60 62 70): percentile 5/9 = 55.6; 71 is at least the
median and below the upper quartile: the second quarter.
Fern's peers (PRP, <5,000, South): Birch 55, Dogwood 62, Hazel 80. Their quartiles at position
q x 2: 58.5, 62, 71. Fern beats 2 of 3 (66.7) and is at the upper quartile: the first quarter.
Nearest to Fern (PRP, 2,000 households, South), same type first, then by how many times bigger
or smaller: Juniper 1,700 (x1.18), Elm 2,500 (x1.25), Hazel 3,000 (x1.5), Birch 1,000 (x2),
Dogwood 4,200 (x2.1), Cedar 8,000 (x4), Ivy 50,000 (x25); then the councils: Ash 2,000 (x1),
Gorse 2,100 (x1.05). Landlords without a figure are not peers.
Last year each had one less, but Fern had 68: the median was (68 + 69) / 2 = 68.5. Fern rose 3,
the sector's median 2.
"""

from decimal import Decimal

import pytest

from comparisons import selectors
from comparisons.models import Figure, Landlord, Survey, TsmImport

pytestmark = pytest.mark.django_db

D = Decimal
TEN = [  # name, type, size band, region, households, 2024/25 figure
    ("Ash", "LA", "<5,000", "South", 2000, 50),
    ("Birch", "PRP", "<5,000", "South", 1000, 55),
    ("Cedar", "PRP", "5,000-40,000", "North", 8000, 60),
    ("Dogwood", "PRP", "<5,000", "South", 4200, 62),
    ("Elm", "PRP", "<5,000", "London", 2500, 70),
    ("Fern", "PRP", "<5,000", "South", 2000, 71),
    ("Gorse", "LA", "<5,000", "South", 2100, 75),
    ("Hazel", "PRP", "<5,000", "South", 3000, 80),
    ("Ivy", "PRP", ">40,000", "North", 50000, 84),
    ("Juniper", "PRP", "<5,000", "North", 1700, 90),
    ("Kale", "PRP", "<5,000", "South", 2000, "S"),
    ("Larch", "PRP", "<5,000", "South", 2000, "E"),
]


def _make(measures=("TP01",), rows=TEN):
    tsm_import = TsmImport.objects.create(file_name="test.xlsx", sha256="0" * 64, status="applied")
    landlords = {}
    for n, (name, kind, size, region, homes, value) in enumerate(rows):
        landlord = Landlord.objects.create(code=f"T{n:03d}", name=name, landlord_type=kind, size_band=size,
                                           region=region, described_in_year=2024)
        landlords[name] = landlord
        Survey.objects.create(landlord=landlord, year=2024, tenure="lcra", population=homes,
                              sample_or_census="Sample", sample_size=400, margin_of_error=D("4.5"),
                              tsm_import=tsm_import)
        for measure in measures:
            for year, figure in ((2024, value), (2023, 68 if name == "Fern" else value)):
                if isinstance(figure, int):
                    figure = figure - 1 if year == 2023 and name != "Fern" else figure
                    Figure.objects.create(landlord=landlord, measure=measure, tenure="lcra", year=year,
                                          value=D(figure), tsm_import=tsm_import)
                else:
                    Figure.objects.create(landlord=landlord, measure=measure, tenure="lcra", year=year,
                                          no_figure=figure, tsm_import=tsm_import)
    return landlords


def test_national_quartiles_median_and_position_of_a_higher_is_better_measure():
    fern = _make()["Fern"]

    result = selectors.compare(landlord=fern, measure="TP01", tenure="lcra", year=2024)

    assert (result.national.count, result.national.lower_quartile, result.national.median,
            result.national.upper_quartile) == (10, D("60.5"), D("70.5"), D("78.75"))
    assert result.national.no_figure == {"E": 1, "S": 1}
    position = result.national_position
    assert (position.better_than, position.others, position.quarter) == (5, 9, 2)
    assert round(position.percentile, 1) == D("55.6")


def test_peer_group_shares_type_size_band_and_region():
    fern = _make()["Fern"]

    result = selectors.compare(landlord=fern, measure="TP01", tenure="lcra", year=2024)

    assert [peer.name for peer in result.peers] == ["Birch", "Dogwood", "Hazel", "Kale", "Larch"]
    assert (result.peer_spread.count, result.peer_spread.lower_quartile, result.peer_spread.median,
            result.peer_spread.upper_quartile) == (3, D("58.5"), D("62"), D("71"))
    peer = result.peer_position
    assert (peer.better_than, peer.others, peer.quarter) == (2, 3, 1)
    assert round(result.peer_position.percentile, 1) == D("66.7")


def test_peers_chosen_by_name():
    landlords = _make()

    result = selectors.compare(landlord=landlords["Fern"], measure="TP01", tenure="lcra", year=2024,
                               peer_codes=[landlords["Ivy"].code, landlords["Juniper"].code])

    assert [peer.name for peer in result.peers] == ["Ivy", "Juniper"]
    assert result.peer_position.better_than == 0 and result.peer_position.quarter == 4


def test_ten_nearest_peers_are_the_same_type_and_nearest_in_size():
    fern = _make()["Fern"]

    result = selectors.compare(landlord=fern, measure="TP01", tenure="lcra", year=2024)

    assert [peer.name for peer in result.nearest] == [
        "Juniper", "Elm", "Hazel", "Birch", "Dogwood", "Cedar", "Ivy", "Ash", "Gorse"]


def test_change_on_last_year_for_the_landlord_and_the_sector():
    fern = _make()["Fern"]

    change = selectors.compare(landlord=fern, measure="TP01", tenure="lcra", year=2024).change

    assert (change.landlord, change.sector_median) == (D("3"), D("2"))
    assert change.landlord_improved is True and change.faster_than_sector is True


def test_lower_is_better_turns_the_position_round():
    # The same figures as complaints per 1,000 homes: Fern (71) beats the four above it
    # (75 80 84 90): 4/9 = 44.4, and is above the median and at most the upper quartile (78.75),
    # the third quarter. Its rise of 3 is a worsening.
    fern = _make(measures=("CH01_1",))["Fern"]

    result = selectors.compare(landlord=fern, measure="CH01_1", tenure="lcra", year=2024)

    assert (result.national_position.better_than, result.national_position.quarter) == (4, 3)
    assert round(result.national_position.percentile, 1) == D("44.4")
    assert result.change.landlord_improved is False and result.change.faster_than_sector is False


def test_caveats_say_how_the_figure_was_collected_and_who_has_none():
    landlords = _make()

    fern = selectors.compare(landlord=landlords["Fern"], measure="TP01", tenure="lcra", year=2024)
    kale = selectors.compare(landlord=landlords["Kale"], measure="TP01", tenure="lcra", year=2024)

    assert fern.caveats == [
        "From a sample of 400 tenants, accurate to within 4.5 points either way.",
        "1 landlord with no figure: excluded by the regulator.",
        "1 landlord with no figure: suppressed: fewer than 50 surveys by that method.",
    ]
    assert kale.national_position is None
    assert kale.caveats[0] == "No figure: suppressed: fewer than 50 surveys by that method."


def test_the_query_count_does_not_grow_with_the_number_of_landlords(count_queries):
    few = _make()["Fern"]
    small = count_queries(selectors.compare, landlord=few, measure="TP01", tenure="lcra", year=2024)
    more = [(f"Extra {n}", "PRP", "<5,000", "South", 1000 + n, 40 + n) for n in range(40)]
    Figure.objects.all().delete()
    Survey.objects.all().delete()
    Landlord.objects.all().delete()
    fern = _make(rows=TEN + more)["Fern"]

    large = count_queries(selectors.compare, landlord=fern, measure="TP01", tenure="lcra", year=2024)

    assert small == large == 2


def test_every_measure_of_a_landlord_at_once_matches_one_by_one_in_two_queries(count_queries):
    fern = _make(measures=("TP01", "CH01_1"))["Fern"]

    every = selectors.compare_all(landlord=fern, year=2024)

    assert [(c.measure.code, c.tenure) for c in every] == [("TP01", "lcra"), ("CH01_1", "lcra")]
    for comparison in every:
        assert comparison == selectors.compare(
            landlord=fern, measure=comparison.measure.code, tenure=comparison.tenure, year=2024)
    assert count_queries(selectors.compare_all, landlord=fern, year=2024) == 2


def test_the_quartiles_are_postgresqls_percentile_cont():
    from django.db import connection

    from tests.conftest import need_service

    need_service(connection.vendor == "postgresql", "percentile_cont is PostgreSQL's: set DATABASE_URL")
    fern = _make()["Fern"]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT percentile_cont(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY value) "
            "FROM comparisons_figure WHERE measure = 'TP01' AND tenure = 'lcra' AND year = 2024 "
            "AND value IS NOT NULL")
        in_the_database = [Decimal(str(q)) for q in cursor.fetchone()[0]]

    national = selectors.compare(landlord=fern, measure="TP01", tenure="lcra", year=2024).national

    assert in_the_database == [national.lower_quartile, national.median, national.upper_quartile]
