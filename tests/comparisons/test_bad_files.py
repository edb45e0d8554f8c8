"""Bad files get a plain message naming what is wrong, and nothing is saved."""

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from comparisons import services
from comparisons.models import Figure, Landlord, TsmImport
from tests.comparisons.workbooks import MEADOW, RIVERSIDE, build

pytestmark = pytest.mark.django_db


def _read(admin, run_tasks, data, name="tsm.xlsx"):
    tsm_import = run_tasks(services.upload, file=SimpleUploadedFile(name, data), by=admin)
    tsm_import.refresh_from_db()
    assert not Figure.objects.exists() and not Landlord.objects.exists()
    return tsm_import


def _failed_with(admin, run_tasks, data):
    tsm_import = _read(admin, run_tasks, data)
    assert tsm_import.status == TsmImport.Status.FAILED
    with pytest.raises(ValidationError):
        services.apply(tsm_import=tsm_import, by=admin)
    assert not Figure.objects.exists()
    return tsm_import.error


def test_a_file_that_is_not_a_workbook_is_refused_at_upload(admin, run_tasks):
    with pytest.raises(ValidationError) as refused:
        run_tasks(services.upload, file=SimpleUploadedFile("tsm.xlsx", b"%PDF-1.4 not a workbook"), by=admin)
    assert "not a type we accept" in str(refused.value)
    assert not TsmImport.objects.exists()


def test_a_damaged_workbook_is_refused_at_upload_as_one_that_cannot_be_opened(admin, run_tasks):
    data = build([MEADOW])

    with pytest.raises(ValidationError) as refused:  # cut short, as a failed download
        run_tasks(services.upload, file=SimpleUploadedFile("tsm.xlsx", data[: len(data) // 2]), by=admin)

    # The upload's own check reads the zip's directory before anything is parsed.
    said = "This file is damaged and cannot be opened. Save it again, then choose it again."
    assert said in str(refused.value)
    assert not TsmImport.objects.exists() and not Figure.objects.exists()


def test_another_workbook_is_named_as_not_the_regulators(admin, run_tasks):
    book = Workbook()
    book.active.title = "Rent arrears"
    book.active.append(["Month", "Arrears"])
    data = io.BytesIO()
    book.save(data)

    error = _failed_with(admin, run_tasks, data.getvalue())

    assert "not the regulator's TSM Full Data" in error and "\"Rent arrears\"" in error


def test_a_missing_sheet_is_named(admin, run_tasks):
    error = _failed_with(admin, run_tasks, build([MEADOW], drop_sheet="TSM24_LCHO_Perception"))
    assert "no sheet of shared owners' survey results" in error


def test_a_renamed_measure_column_is_named(admin, run_tasks):
    error = _failed_with(admin, run_tasks, build([MEADOW], rename=("(TP03)", "(TP3)")))
    assert "TSM24_LCRA_Perception" in error and "no column for TP03 (Rented homes (LCRA))" in error


def test_a_missing_complaints_column_for_shared_owners_is_named(admin, run_tasks):
    renamed = build([MEADOW], rename=("LCHO - Number of stage two", "Stage two"))
    error = _failed_with(admin, run_tasks, renamed)
    assert "TSM24_Management_Info" in error and "CH01 part 2 (Shared ownership (LCHO))" in error


def test_a_landlord_listed_twice_is_named(admin, run_tasks):
    error = _failed_with(admin, run_tasks, build([MEADOW, RIVERSIDE], extra_rows=[MEADOW]))
    assert "lists the landlord L0001 twice (rows 4 and 6)" in error


def test_a_file_over_the_upload_limit_is_refused(admin, run_tasks, settings):
    data = build([MEADOW])
    settings.UPLOAD_MAX_BYTES = len(data) - 1

    with pytest.raises(ValidationError) as refused:
        run_tasks(services.upload, file=SimpleUploadedFile("tsm.xlsx", data), by=admin)

    assert "Files can be up to" in str(refused.value)
    assert not TsmImport.objects.exists()


@pytest.mark.parametrize("role", ["tenant", "officer", "manager"])
def test_only_an_administrator_may_import(role, run_tasks):
    from tests.factories.accounts import UserFactory

    with pytest.raises(PermissionDenied):
        run_tasks(services.upload, file=SimpleUploadedFile("tsm.xlsx", build([MEADOW])),
                  by=UserFactory(role=role))
    assert not TsmImport.objects.exists()
