"""The Scottish Housing Regulator's Charter figures, imported from our long-format CSV: the sample
file, the indicators each year's return has, the same file twice, and a corrected edition."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from comparisons import services
from comparisons.models import Figure, Landlord, TsmImport
from tests.comparisons.charter_files import csv_of, sample

pytestmark = pytest.mark.django_db


def _read(admin, run_tasks, data, name="charter.csv"):
    charter_import = run_tasks(services.upload, file=SimpleUploadedFile(name, data), by=admin)
    charter_import.refresh_from_db()
    return charter_import


def _import(admin, run_tasks, data, name="charter.csv"):
    charter_import = _read(admin, run_tasks, data, name)
    assert charter_import.status == "read", charter_import.error
    run_tasks(services.apply, tsm_import=charter_import, by=admin)
    charter_import.refresh_from_db()
    return charter_import


def _figure(code, measure, year):
    figure = Figure.objects.get(landlord__regulator="shr", landlord__code=code, measure=measure, year=year)
    return figure.value if figure.value is not None else f"[{figure.no_figure}]"


def test_the_sample_file_imports_with_every_landlord_and_figure(admin, run_tasks):
    path = sample()
    charter_import = _import(admin, run_tasks, path.read_bytes(), name=path.name)

    assert (charter_import.status, charter_import.source, charter_import.reporting_year) == (
        "applied", "shr_charter", 2025)
    assert charter_import.file_name == "charter_sample.csv" and len(charter_import.sha256) == 64
    assert Landlord.objects.filter(regulator="shr").count() == 4
    assert Figure.objects.filter(year=2024).count() == 30
    assert Figure.objects.filter(year=2025).count() == 18
    assert set(Figure.objects.values_list("tenure", flat=True)) == {"lcra"}
    assert _figure("GB01", "ARC07", 2024) == Decimal("96.1")
    assert _figure("GB01", "ARC18_2", 2024) == Decimal("90")  # 45 of 50, worked out
    assert _figure("GB01", "ARC23", 2024) == Decimal("31")  # 1,240 days over 40 adaptations
    assert _figure("SM04", "ARC23", 2024) == "[Z]"
    assert _figure("AR03", "ARC11", 2025) == Decimal("5.1")
    assert _figure("AR03", "ARC29", 2025) == Decimal("89.9367")  # 14,210 of 15,800
    assert Landlord.objects.get(code="AR03").landlord_type == "LA"
    assert Landlord.objects.get(code="GB01").landlord_type == "RSL"
    summary = charter_import.summary
    assert summary["year"] == "2024/25 and 2025/26" and summary["landlords"] == 4
    assert summary["figures_by_kind"] == {"Z": 1, "number": 47}
    assert "ARC29" in summary["measures"] and "ARC14" not in summary["measures"]


def test_each_years_return_has_its_own_indicators_14_is_left_out_of_2025_26(admin, run_tasks):
    data = csv_of(
        "GB01,Glenbrae Housing Association,2024/25,14,,31.0,%,,",
        "GB01,Glenbrae Housing Association,2025/26,14,,35.0,%,,",
        "GB01,Glenbrae Housing Association,2025/26,29,,97.4,%,,",
        "GB01,Glenbrae Housing Association,2024/25,29,,96.0,%,,",
    )

    charter_import = _import(admin, run_tasks, data)

    assert charter_import.summary["skipped"] == [
        "Line 3: GB01 indicator 14 left out: the 2025/26 return has no indicator 14.",
        "Line 5: GB01 indicator 29 left out: the 2024/25 return has no indicator 29.",
    ]
    assert _figure("GB01", "ARC14", 2024) == Decimal("31")
    assert _figure("GB01", "ARC29", 2025) == Decimal("97.4")
    assert Figure.objects.count() == 2


def test_a_row_whose_part_or_unit_does_not_fit_its_indicator_is_left_out_and_said(admin, run_tasks):
    data = csv_of(
        "GB01,Glenbrae,2024/25,18,4,93.0,%,,",
        "GB01,Glenbrae,2024/25,18,,93.0,%,,",
        "KN02,Kinloch Homes,2024/25,11,,4.1,%,,",
        "GB01,Glenbrae,2024/25,11,,3.2,hours,,",
    )

    charter_import = _import(admin, run_tasks, data)

    assert charter_import.summary["skipped"] == [
        "Line 2: GB01 indicator 18 part 4 left out: indicator 18 has parts 1 to 3.",
        "Line 3: GB01 indicator 18 part blank left out: indicator 18 has parts 1 to 3.",
        'Line 4: KN02 indicator 11 left out: its unit is "%", but indicator 11 is counted in hours.',
    ]
    assert list(Figure.objects.values_list("measure", flat=True)) == ["ARC11"]


def test_the_same_file_twice_changes_nothing(admin, run_tasks):
    data = sample().read_bytes()
    first = _import(admin, run_tasks, data)
    saved = sorted(Figure.objects.values_list("pk", flat=True))

    second = _import(admin, run_tasks, data)

    assert second.summary["same_file_as"] == first.pk
    assert second.status == "unchanged"
    assert sorted(Figure.objects.values_list("pk", flat=True)) == saved


def test_a_corrected_edition_replaces_the_earlier_one_and_lists_what_changed(admin, run_tasks):
    first = _import(admin, run_tasks, csv_of(
        "GB01,Glenbrae,2024/25,7,,96.1,%,,", "KN02,Kinloch Homes,2024/25,7,,88.4,%,,"))

    corrected = _read(admin, run_tasks, csv_of(
        "GB01,Glenbrae,2024/25,7,,96.4,%,,", "KN02,Kinloch Homes,2024/25,7,,88.4,%,,"))

    assert corrected.summary["changes"] == {"replaces": True, "count": 1, "listed": [
        {"landlord": "GB01", "measure": "ARC07", "tenure": "lcra", "year": "2024/25",
         "was": "96.1", "now": "96.4"}]}
    run_tasks(services.apply, tsm_import=corrected, by=admin)
    first.refresh_from_db()
    assert first.status == "replaced"
    assert _figure("GB01", "ARC07", 2024) == Decimal("96.4")
    assert Figure.objects.count() == 2


def test_a_scottish_landlord_with_an_english_landlords_code_is_kept_apart(admin, run_tasks):
    english = TsmImport.objects.create(file_name="tsm.xlsx", sha256="0" * 64, status="applied")
    meadow = Landlord.objects.create(code="L0001", name="Meadow Homes", landlord_type="PRP",
                                     described_in_year=2024)
    Figure.objects.create(landlord=meadow, measure="TP01", tenure="lcra", year=2024, value=Decimal("71.3"),
                          tsm_import=english)

    _import(admin, run_tasks, csv_of("L0001,Loch Mhor Housing,2024/25,7,,96.1,%,,"))

    assert Landlord.objects.get(regulator="rsh", code="L0001").name == "Meadow Homes"
    assert Landlord.objects.get(regulator="shr", code="L0001").name == "Loch Mhor Housing"
    assert Figure.objects.get(measure="TP01").landlord == meadow
    assert _figure("L0001", "ARC07", 2024) == Decimal("96.1")


def test_reading_a_charter_csv_reports_its_progress():
    from comparisons import charter_csv

    rows = [f"C{n:04d},Landlord {n},2024/25,7,,90,%,," for n in range(1200)]
    said = []

    charter_csv.read(csv_of(*rows), progress=lambda percent, note: said.append((percent, note)))

    assert said == [(43, "Reading line 500 of 1201"), (76, "Reading line 1000 of 1201"),
                    (90, "Read every line")]


def test_a_blank_value_is_worked_out_or_kept_as_no_figure_with_the_reason(admin, run_tasks):
    data = csv_of(
        "GB01,Glenbrae,2024/25,16,,,%,0,0",  # nobody to ask: nothing to count
        "GB01,Glenbrae,2024/25,13,,,%,,",  # left blank
        "GB01,Glenbrae,2024/25,12,,,days,1180,200",  # an average: 1,180 days over 200 repairs
        "GB01,Glenbrae,2024/25,9,,\"1,234\",number,,",  # a thousands comma is read
    )

    _import(admin, run_tasks, data)

    assert _figure("GB01", "ARC16", 2024) == "[U]"
    assert _figure("GB01", "ARC13", 2024) == "[X]"
    assert _figure("GB01", "ARC12", 2024) == Decimal("5.9")
    assert _figure("GB01", "ARC09", 2024) == Decimal("1234")
