"""The regulator's 2024/25 workbook imported exactly as published.

The expected figures were read from the workbook with a separate look in openpyxl, cell by cell,
and are written out here by hand."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from comparisons import services
from comparisons.models import Figure, Landlord, Survey, TsmImport

pytestmark = pytest.mark.django_db


def _imported(path, admin, run_tasks):
    upload = SimpleUploadedFile(path.name, path.read_bytes())
    tsm_import = run_tasks(services.upload, file=upload, by=admin)
    tsm_import.refresh_from_db()
    assert tsm_import.status == "read", tsm_import.error
    run_tasks(services.apply, tsm_import=tsm_import, by=admin)
    tsm_import.refresh_from_db()
    return tsm_import


def _figure(code, measure, tenure):
    figure = Figure.objects.get(landlord__code=code, measure=measure, tenure=tenure, year=2024)
    return figure.value if figure.value is not None else f"[{figure.no_figure}]"


def test_the_published_workbook_is_imported_with_every_landlord_and_figure_as_published(
        published_workbook, admin, run_tasks):
    tsm_import = _imported(published_workbook, admin, run_tasks)

    assert tsm_import.status == "applied"
    assert (tsm_import.reporting_year, tsm_import.edition) == (2024, "1.0")
    assert tsm_import.sha256 == "452813cf25c62cb5f6af71fe2bd02d23be65fbd335415784c9199d0218806996"
    assert tsm_import.progress == 100
    # 353 rows of rented homes' surveys, 59 of shared owners', 2 combined, 359 of management
    # information: 360 landlord codes in all; the coverage table lists 363, three of them in no
    # table of figures.
    assert Landlord.objects.count() == 363
    assert not Figure.objects.filter(landlord__code__in=["5092", "4743", "H1046"]).exists()
    assert Landlord.objects.get(code="H1046").name == "The Abbeyfield Society"
    assert Survey.objects.count() == 353 + 59 + 2
    # 12 measures a rented or combined row, 9 a shared-ownership row, 22 a management row.
    assert Figure.objects.count() == 353 * 12 + 59 * 9 + 2 * 12 + 359 * 22
    summary = tsm_import.summary
    assert summary["landlords"] == 363 and summary["skipped"] == []
    assert {(n["code"], n["sheet"]) for n in summary["not_included"]} == {
        ("41UB", "TSM25_Perception_Not_Inc"), ("00GL", "TSM25_Perception_Not_Inc"),
        ("43UK", "TSM25_Man_Info_Not_Inc"), ("5092", "Table_Coverage"), ("4743", "Table_Coverage"),
        ("H1046", "Table_Coverage"),
    }

    a2dominion = Landlord.objects.get(code="L4240")
    assert (a2dominion.name, a2dominion.landlord_type, a2dominion.size_band, a2dominion.region) == (
        "A2Dominion Housing Group Limited", "PRP", "5,000-40,000", "South")
    assert _figure("L4240", "TP01", "lcra") == Decimal("60.7")
    assert _figure("L4240", "TP01", "lcho") == Decimal("27.7")
    assert _figure("L4240", "BS01", "combined") == Decimal("96.9")
    assert _figure("L4240", "CH01_1", "lcra") == Decimal("199.9")  # "LCRA - " complaints per 1,000
    assert _figure("L4240", "CH01_1", "lcho") == Decimal("194.2")  # "LCHO - "
    assert _figure("L4240", "CH01_1", "combined") == "[U]"  # "Combined - ": nothing to count
    survey = Survey.objects.get(landlord__code="L4240", tenure="lcra")
    assert (survey.population, survey.sample_or_census, survey.sample_size) == (20780, "Sample", 1317)
    assert survey.margin_of_error == Decimal("2.614")  # 2.61351957936848 in the cell

    assert _figure("LH4095", "TP01", "lcra") == Decimal("86.1")  # Anchor Hanover
    assert _figure("LH4095", "TP09", "lcra") == Decimal("41.6")
    assert Landlord.objects.get(code="LH4095").region == "Mixed"
    assert Survey.objects.get(landlord__code="LH4095", tenure="lcho").sample_or_census == "Census"

    assert Landlord.objects.get(code="45UC").landlord_type == "LA"  # Arun District Council
    assert _figure("45UC", "TP01", "lcra") == Decimal("60.9")
    assert _figure("45UC", "RP01", "combined") == Decimal("10.9")

    assert _figure("LH0279", "TP09", "lcra") == "[E]"  # St Mungo: excluded by the regulator
    assert _figure("LH0279", "TP10", "lcra") == Decimal("88.2")
    assert _figure("00AE", "BS02", "combined") == "[E]"  # Brent
    assert _figure("00AE", "BS01", "combined") == Decimal("99.3")
    assert _figure("4634", "TP01", "combined") == Decimal("68.1")  # Heart of Medway, combined sheet


def test_the_same_file_twice_changes_nothing(published_workbook, admin, run_tasks):
    first = _imported(published_workbook, admin, run_tasks)
    before = list(Figure.objects.order_by("pk").values_list("pk", "tsm_import", "value", "no_figure"))

    upload = SimpleUploadedFile(published_workbook.name, published_workbook.read_bytes())
    second = run_tasks(services.upload, file=upload, by=admin)
    second.refresh_from_db()
    assert second.summary["same_file_as"] == first.pk
    run_tasks(services.apply, tsm_import=second, by=admin)

    second.refresh_from_db()
    assert second.status == TsmImport.Status.UNCHANGED
    assert list(Figure.objects.order_by("pk").values_list("pk", "tsm_import", "value", "no_figure")) == before
