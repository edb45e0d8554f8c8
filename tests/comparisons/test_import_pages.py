"""The administrator's import pages: upload, progress, preview, then save."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from comparisons.models import Figure, TsmImport
from tests.comparisons.workbooks import MEADOW, RIVERSIDE, build
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db


def _upload(client, data, name="2024_TSM_Full_Data_v1.1.xlsx"):
    return client.post("/comparisons/imports/", {"file": SimpleUploadedFile(name, data)})


def test_an_administrator_uploads_previews_and_saves_a_workbook(
        client, admin, django_capture_on_commit_callbacks):
    client.force_login(admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(client, build([MEADOW, RIVERSIDE]))
    tsm_import = TsmImport.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/comparisons/imports/{tsm_import.pk}/"

    page = client.get(response["Location"]).content.decode()
    assert "What the file holds" in page and "2023/24, version 1.1" in page
    assert "<dt>Landlords</dt><dd>2</dd>" in page
    assert "No rows were left out." in page
    assert "Open Government Licence v3.0" in page
    assert not Figure.objects.exists()  # nothing saved before the administrator says so

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/comparisons/imports/{tsm_import.pk}/apply/")

    assert Figure.objects.filter(year=2023).count() == 77
    page = client.get(f"/comparisons/imports/{tsm_import.pk}/").content.decode()
    assert "Saved" in page and "Save these figures" not in page


def test_progress_is_asked_for_again_only_while_the_worker_is_busy(client, admin):
    tsm_import = TsmImport.objects.create(
        file_name="tsm.xlsx", sha256="0" * 64, status="reading", progress=40,
        progress_note="Reading the sheet TSM24_LCHO_Perception")
    client.force_login(admin)

    busy = client.get(f"/comparisons/imports/{tsm_import.pk}/status/").content.decode()
    TsmImport.objects.filter(pk=tsm_import.pk).update(status="read", progress=100)
    done = client.get(f"/comparisons/imports/{tsm_import.pk}/status/").content.decode()

    assert "40% done: Reading the sheet TSM24_LCHO_Perception" in busy and 'hx-trigger="every 3s"' in busy
    assert "hx-trigger" not in done and "Check what the file holds below" in done


def test_a_file_of_the_wrong_type_is_refused_in_the_page(client, admin):
    client.force_login(admin)

    response = _upload(client, b"%PDF-1.4 a report", name="report.pdf")

    page = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in page
    assert "This file is not a type we accept" in page
    assert not TsmImport.objects.exists()


def test_a_workbook_that_cannot_be_read_says_why_on_its_page(
        client, admin, django_capture_on_commit_callbacks):
    client.force_login(admin)
    with django_capture_on_commit_callbacks(execute=True):
        _upload(client, build([MEADOW], drop_sheet="TSM24_Management_Info"))

    tsm_import = TsmImport.objects.get()
    page = client.get(f"/comparisons/imports/{tsm_import.pk}/").content.decode()

    assert "Could not be read" in page and "no sheet of the management information" in page
    assert "Save these figures" not in page and "Nothing was saved" in page


@pytest.mark.parametrize("role", ["tenant", "officer", "manager"])
def test_no_one_but_an_administrator_may_save_the_figures(
        client, role, admin, django_capture_on_commit_callbacks):
    client.force_login(admin)
    with django_capture_on_commit_callbacks(execute=True):
        _upload(client, build([MEADOW]))
    tsm_import = TsmImport.objects.get()
    client.force_login(UserFactory(role=role))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/comparisons/imports/{tsm_import.pk}/apply/")

    assert response.status_code == 403
    assert TsmImport.objects.get().status == "read" and not Figure.objects.exists()


def test_saving_twice_from_two_open_pages_saves_once_and_says_so(
        client, admin, django_capture_on_commit_callbacks):
    client.force_login(admin)
    with django_capture_on_commit_callbacks(execute=True):
        _upload(client, build([MEADOW]))
    tsm_import = TsmImport.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/comparisons/imports/{tsm_import.pk}/apply/")
    saved = list(Figure.objects.values_list("pk", flat=True))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/comparisons/imports/{tsm_import.pk}/apply/", follow=True)

    assert "This import cannot be saved now: it is &quot;Saved&quot;." in response.content.decode()
    assert list(Figure.objects.values_list("pk", flat=True)) == saved


def test_an_administrator_uploads_previews_and_saves_a_charter_csv(
        client, admin, django_capture_on_commit_callbacks):
    from tests.comparisons.charter_files import sample

    client.force_login(admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(client, sample().read_bytes(), name="charter_sample.csv")
    charter_import = TsmImport.objects.get()
    assert response.status_code == 302 and charter_import.source == "shr_charter"

    page = client.get(response["Location"]).content.decode()
    assert "What the file holds" in page and "2024/25 and 2025/26" in page
    assert "<dt>Landlords</dt><dd>4</dd>" in page
    assert "Line 41: KN02 indicator 14 left out: the 2025/26 return has no indicator 14." in page
    assert "Open Government Licence v3.0 (Scottish Housing Regulator)" in page
    assert not Figure.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/comparisons/imports/{charter_import.pk}/apply/")

    assert Figure.objects.count() == 48


def test_a_charter_csv_that_cannot_be_read_says_why_on_its_page(
        client, admin, django_capture_on_commit_callbacks):
    from tests.comparisons.charter_files import csv_of

    client.force_login(admin)
    with django_capture_on_commit_callbacks(execute=True):
        _upload(client, csv_of("GB01,Glenbrae,2024,7,,96.1,%,,"), name="charter.csv")

    page = client.get(f"/comparisons/imports/{TsmImport.objects.get().pk}/").content.decode()

    assert "Could not be read" in page
    assert "the year &quot;2024&quot; is not written as a reporting year" in page
    assert "Nothing was saved" in page and not Figure.objects.exists()


@pytest.mark.parametrize("role", ["tenant", "officer", "manager"])
def test_no_one_but_an_administrator_may_upload_a_charter_csv(client, role):
    from tests.comparisons.charter_files import sample

    client.force_login(UserFactory(role=role))

    response = _upload(client, sample().read_bytes(), name="charter_sample.csv")

    assert response.status_code == 403 and not TsmImport.objects.exists()
