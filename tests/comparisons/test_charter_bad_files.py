"""Bad Charter CSVs get a plain message naming what is wrong, and nothing is saved; a byte-order
mark, as Excel writes, is read past."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from comparisons import services
from comparisons.models import Figure, Landlord, TsmImport
from tests.comparisons.charter_files import HEADER, csv_of
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db

ROW = "GB01,Glenbrae Housing Association,2024/25,7,,96.1,%,,"


def _read(admin, run_tasks, data):
    charter_import = run_tasks(services.upload, file=SimpleUploadedFile("charter.csv", data), by=admin)
    charter_import.refresh_from_db()
    return charter_import


def _failed_with(admin, run_tasks, data):
    charter_import = _read(admin, run_tasks, data)
    assert charter_import.status == TsmImport.Status.FAILED
    with pytest.raises(ValidationError):
        services.apply(tsm_import=charter_import, by=admin)
    assert not Figure.objects.exists() and not Landlord.objects.exists()
    return charter_import.error


def test_a_csv_with_a_byte_order_mark_is_read_as_any_other(admin, run_tasks):
    charter_import = _read(admin, run_tasks, b"\xef\xbb\xbf" + csv_of(ROW))

    assert charter_import.status == "read", charter_import.error
    run_tasks(services.apply, tsm_import=charter_import, by=admin)
    assert Figure.objects.get(landlord__code="GB01", measure="ARC07").value == Decimal("96.1")


def test_a_csv_saved_in_windows_1252_is_refused_with_how_to_save_it_as_utf8(admin, run_tasks):
    data = csv_of(ROW, "TS05,Tìr Mòr Housing,2024/25,7,,91.0,%,,", encoding="cp1252")

    error = _failed_with(admin, run_tasks, data)

    assert "This CSV is not saved as UTF-8: line 3 has a character" in error
    assert 'choose File, Save As, and the type "CSV UTF-8 (Comma delimited)"' in error


def test_a_row_given_twice_is_refused_naming_both_lines(admin, run_tasks):
    error = _failed_with(admin, run_tasks, csv_of(ROW, "KN02,Kinloch Homes,2024/25,7,,88.4,%,,", ROW))

    assert error == ("Lines 2 and 4 are both landlord GB01, 2024/25, indicator 7. Keep one of them.")


def test_missing_columns_are_named(admin, run_tasks):
    header = HEADER.replace(",numerator,denominator", "").replace("year", "reporting_year")

    error = _failed_with(admin, run_tasks, csv_of("GB01,Glenbrae,2024/25,7,,96.1,%", header=header))

    assert error.startswith('This CSV has no column "year", "numerator", "denominator". Its first row')


@pytest.mark.parametrize("value, said", [
    ("about 96", 'Line 2: the value "about 96" is not a number.'),
    ("96.1.2", 'Line 2: the value "96.1.2" is not a number.'),
    ("[Q]", 'Line 2: the value "[Q]" is not a number.'),
])
def test_a_value_that_is_not_a_number_is_refused_naming_its_line(admin, run_tasks, value, said):
    error = _failed_with(admin, run_tasks, csv_of(f"GB01,Glenbrae,2024/25,7,,{value},%,,"))

    assert error.startswith(said)


def test_a_numerator_that_is_not_a_number_is_refused(admin, run_tasks):
    error = _failed_with(admin, run_tasks, csv_of("GB01,Glenbrae,2024/25,7,,,%,ninety,100"))

    assert error.startswith('Line 2: the numerator "ninety" is not a number.')


@pytest.mark.parametrize("year", ["2024", "2024-25", "24/25", "2024/26", "2024/2025"])
def test_a_year_in_an_unknown_format_is_refused_naming_its_line(admin, run_tasks, year):
    error = _failed_with(admin, run_tasks, csv_of(ROW, f"GB01,Glenbrae,{year},11,,3.2,hours,,"))

    assert error == (f'Line 3: the year "{year}" is not written as a reporting year. Write it as the '
                     "regulator does, such as 2024/25.")


def test_an_indicator_that_is_not_a_number_is_refused(admin, run_tasks):
    error = _failed_with(admin, run_tasks, csv_of("GB01,Glenbrae,2024/25,I7,,96.1,%,,"))

    assert error.startswith('Line 2: the indicator "I7" or part "" is not a whole number.')


def test_a_csv_with_column_names_and_no_rows_is_refused(admin, run_tasks):
    assert _failed_with(admin, run_tasks, csv_of()) == "This CSV has column names but no rows of figures."


@pytest.mark.parametrize("role", ["tenant", "officer", "manager"])
def test_only_an_administrator_may_import_a_charter_csv(role, run_tasks):
    with pytest.raises(PermissionDenied):
        run_tasks(services.upload, file=SimpleUploadedFile("charter.csv", csv_of(ROW)),
                  by=UserFactory(role=role))
    assert not TsmImport.objects.exists()
