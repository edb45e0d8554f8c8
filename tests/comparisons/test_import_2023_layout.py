"""The 2023/24 edition's layout: headings on row 3, sheets TSM24_, councils typed LARP, fewer
columns; and a corrected edition of the same year replacing the first."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from comparisons import services
from comparisons.models import Figure, Landlord, Survey, TsmImport
from tests.comparisons.workbooks import MEADOW, RIVERSIDE, build

pytestmark = pytest.mark.django_db

def _import(admin, run_tasks, data, name="2024_TSM_Full_Data_v1.1.xlsx"):
    tsm_import = run_tasks(services.upload, file=SimpleUploadedFile(name, data), by=admin)
    tsm_import.refresh_from_db()
    assert tsm_import.status == "read", tsm_import.error
    run_tasks(services.apply, tsm_import=tsm_import, by=admin)
    tsm_import.refresh_from_db()
    return tsm_import


def _figure(code, measure, tenure="lcra"):
    figure = Figure.objects.get(landlord__code=code, measure=measure, tenure=tenure)
    return figure.value if figure.value is not None else f"[{figure.no_figure}]"


def test_a_2023_24_workbook_is_read_from_its_own_layout(admin, run_tasks):
    tsm_import = _import(admin, run_tasks, build([MEADOW, RIVERSIDE]))

    assert (tsm_import.status, tsm_import.reporting_year, tsm_import.edition) == ("applied", 2023, "1.1")
    assert Landlord.objects.get(code="17UC").landlord_type == "LA"  # LARP is read as a council
    assert Landlord.objects.get(code="L0001").landlord_type == "PRP"
    assert Figure.objects.filter(year=2023).count() == 12 + 9 + 22 + 12 + 22
    assert _figure("L0001", "TP01") == Decimal("71.3")
    assert _figure("L0001", "TP01", "lcho") == Decimal("48.2")
    assert _figure("L0001", "TP02") == "[X]"
    assert _figure("L0001", "TP10") == "[S]"  # suppressed
    assert _figure("L0001", "BS05", "combined") == "[Z]"
    assert _figure("L0001", "CH01_1") == Decimal("41.7")
    assert _figure("L0001", "CH01_1", "lcho") == "[U]"
    assert _figure("17UC", "CH01_1") == Decimal("12.25")
    assert Survey.objects.get(landlord__code="17UC").sample_or_census == "Census"
    assert set(tsm_import.summary["columns_read"]) == {
        "TSM24_LCRA_Perception", "TSM24_LCHO_Perception", "TSM24_Management_Info"}


def test_a_heading_without_its_code_is_found_by_the_data_dictionarys_field_name(admin, run_tasks):
    data = build([MEADOW, RIVERSIDE], rename=(" (TP03)", ""), dictionary=[
        ("TSM24_LCRA_Perception", "Proportion of respondents who report that they are satisfied with the "
         "time taken to complete their most recent repair", "TP03_Satisfied_Calc_LCRA"),
    ])

    _import(admin, run_tasks, data)

    assert _figure("L0001", "TP03") == Decimal("64")
    assert _figure("17UC", "TP03") == Decimal("80")


def test_a_corrected_edition_replaces_the_first_and_lists_what_changed(admin, run_tasks):
    first = _import(admin, run_tasks, build([MEADOW, RIVERSIDE]))
    corrected_meadow = {**MEADOW, "lcra": {**MEADOW["lcra"], "TP01": 72.0}}

    second = _import(admin, run_tasks, build([corrected_meadow, RIVERSIDE], edition="Version 1.2"),
                     name="2024_TSM_Full_Data_v1.2.xlsx")

    first.refresh_from_db()
    assert (first.status, second.status) == ("replaced", "applied")
    assert _figure("L0001", "TP01") == Decimal("72")
    assert Figure.objects.filter(year=2023).count() == 77
    assert not Figure.objects.filter(tsm_import=first).exists()
    assert second.summary["changes"]["count"] == 1
    assert second.summary["changes"]["listed"] == [
        {"landlord": "L0001", "measure": "TP01", "tenure": "lcra", "year": "2023/24", "was": "71.3",
         "now": "72"}]


def test_the_import_is_saved_all_or_nothing(admin, run_tasks, monkeypatch):
    tsm_import = run_tasks(services.upload, file=SimpleUploadedFile("tsm.xlsx", build([MEADOW])), by=admin)
    tsm_import.refresh_from_db()

    def broken(*args, **kwargs):
        raise RuntimeError("the database went away")

    services.apply(tsm_import=tsm_import, by=admin)  # queued, not yet run
    monkeypatch.setattr(Survey.objects, "bulk_create", broken)
    with pytest.raises(RuntimeError):
        services.save(import_id=tsm_import.pk)  # what the worker runs

    assert not Figure.objects.exists() and not Landlord.objects.exists()
    assert TsmImport.objects.get(pk=tsm_import.pk).status == TsmImport.Status.APPLYING


def test_the_preview_lists_what_was_found_and_each_row_left_out_with_why(admin, run_tasks):
    odd = {**RIVERSIDE, "name": "Odd Trust", "code": "X9", "type": "ALMO"}
    nameless_code = {**RIVERSIDE, "name": "No Code Homes", "code": None}
    data = build([MEADOW, odd, nameless_code])
    tsm_import = run_tasks(services.upload, file=SimpleUploadedFile("tsm.xlsx", data), by=admin)
    tsm_import.refresh_from_db()

    preview = services.preview(tsm_import=tsm_import, by=admin)

    assert preview["year"] == "2023/24" and preview["landlords"] == 1
    assert preview["measures"] == ["BS01", "BS02", "BS03", "BS04", "BS05", "CH01_1", "CH01_2", "CH02_1",
                                   "CH02_2", "NM01_1", "NM01_2", "RP01", "RP02_1", "RP02_2", "TP01", "TP02",
                                   "TP03", "TP04", "TP05", "TP06", "TP07", "TP08", "TP09", "TP10", "TP11",
                                   "TP12"]
    assert preview["skipped"] == [
        'TSM24_LCRA_Perception, row 5: Odd Trust (X9) has landlord type "ALMO", which is neither PRP nor LA.',
        'TSM24_LCRA_Perception, row 6: "No Code Homes" has no landlord code.',
        'TSM24_Management_Info, row 5: Odd Trust (X9) has landlord type "ALMO", which is neither PRP nor LA.',
        'TSM24_Management_Info, row 6: "No Code Homes" has no landlord code.',
    ]
    assert preview["columns_read"]["TSM24_LCRA_Perception"]["TP01 (Rented homes (LCRA))"].startswith(
        "Proportion of respondents who report that they are satisfied with the service")
    assert not Figure.objects.exists()


def test_a_cell_that_is_neither_a_number_nor_a_code_is_left_out_and_said(admin, run_tasks):
    meadow = {**MEADOW, "lcra": {**MEADOW["lcra"], "TP04": "about 70"}}
    tsm_import = run_tasks(services.upload, file=SimpleUploadedFile("tsm.xlsx", build([meadow])), by=admin)
    tsm_import.refresh_from_db()

    assert tsm_import.summary["skipped"] == [
        'TSM24_LCRA_Perception, row 4: Meadow Homes (L0001), TP04 (Rented homes (LCRA)): "about 70" is '
        "neither a number nor one of the regulator's codes, so it is left out."
    ]
    run_tasks(services.apply, tsm_import=tsm_import, by=admin)
    assert not Figure.objects.filter(measure="TP04").exists()
    assert Figure.objects.filter(measure="TP05").exists()


def test_reading_reports_its_progress_sheet_by_sheet():
    from io import BytesIO

    from comparisons import tsm_workbook

    said = []
    tsm_workbook.read(BytesIO(build([MEADOW])), progress=lambda percent, note: said.append((percent, note)))

    assert said == [
        (10, "Reading the sheet TSM24_LCRA_Perception"), (36, "Reading the sheet TSM24_LCHO_Perception"),
        (63, "Reading the sheet TSM24_Management_Info"), (90, "Read every sheet"),
    ]


def test_an_earlier_year_imported_later_keeps_the_landlords_latest_details(admin, run_tasks):
    _import(admin, run_tasks, build([MEADOW], prefix="TSM25", header_row=11), name="2025_TSM.xlsx")
    earlier = {**MEADOW, "name": "Meadow Homes (old name)", "region": "North East"}

    _import(admin, run_tasks, build([earlier]), name="2024_TSM.xlsx")

    meadow = Landlord.objects.get(code="L0001")
    assert (meadow.name, meadow.region, meadow.described_in_year) == ("Meadow Homes", "North West", 2024)
    assert set(Figure.objects.values_list("year", flat=True)) == {2023, 2024}
