"""The preview says when the landlord the site settings name is not in an uploaded file; the file
can still be saved (other landlords' figures are still useful) and the settings' code still holds."""

import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from comparisons.models import TsmImport
from scrutiny.models import SiteSettings
from tests.comparisons.workbooks import MEADOW, RIVERSIDE, build
from tests.scrutiny.test_administration import _settings_form

pytestmark = pytest.mark.django_db


def _upload(client, data, capture):
    with capture(execute=True):
        client.post("/comparisons/imports/", {"file": SimpleUploadedFile("tsm.xlsx", data)})
    return TsmImport.objects.latest("pk")


def _apply(client, tsm_import, capture):
    with capture(execute=True):
        client.post(f"/comparisons/imports/{tsm_import.pk}/apply/")
    tsm_import.refresh_from_db()
    assert tsm_import.status == TsmImport.Status.APPLIED, tsm_import.error


def _our_code(code):
    site = SiteSettings.load()
    site.regulator_code = code
    site.save()


def test_the_preview_says_our_landlord_is_not_in_the_file_and_it_can_still_be_saved(
        client, admin, django_capture_on_commit_callbacks):
    client.force_login(admin)
    _apply(client, _upload(client, build([MEADOW, RIVERSIDE]), django_capture_on_commit_callbacks),
           django_capture_on_commit_callbacks)
    _our_code("L0001")
    without_us = _upload(client, build([RIVERSIDE], edition="Version 1.2 of this dataset was published"),
                         django_capture_on_commit_callbacks)

    page = html.unescape(client.get(f"/comparisons/imports/{without_us.pk}/").content.decode())

    assert ("This file has no row for L0001, the landlord the site settings name: saving it adds the other "
            "landlords' figures, but none of ours.") in page
    assert "Save these figures" in page
    _apply(client, without_us, django_capture_on_commit_callbacks)
    response = client.post("/administration/site-settings/", _settings_form(regulator_code="L0001"))
    assert response.status_code == 302 and SiteSettings.load().regulator_code == "L0001"


def test_the_preview_says_nothing_of_it_when_our_landlord_is_in_the_file(
        client, admin, django_capture_on_commit_callbacks):
    _our_code("L0001")
    client.force_login(admin)
    with_us = _upload(client, build([MEADOW, RIVERSIDE]), django_capture_on_commit_callbacks)

    page = html.unescape(client.get(f"/comparisons/imports/{with_us.pk}/").content.decode())

    assert "What the file holds" in page and "This file has no row for" not in page
