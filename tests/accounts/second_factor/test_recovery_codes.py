"""Recovery codes: ten, shown once, downloadable once, and new ones stop the old ones working."""

import pytest
from django_otp.plugins.otp_static.models import StaticToken

from scrutiny.models import AuditEvent, AuditKind
from tests.accounts.second_factor.helpers import METHODS, STEP, app_of, sign_in_with_password
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db
CODES = "/accounts/second-factor/methods/recovery-codes/"


def _codes_on(page):
    import re

    return re.findall(r"<li><code>([a-z2-7]{4} [a-z2-7]{4})</code></li>", page)


def test_ten_codes_are_shown_once_and_noted_on_the_audit_trail(client):
    officer = UserFactory(role="officer")
    app_of(officer)
    client.force_login(officer)

    response = client.post(CODES, follow=True)

    codes = _codes_on(response.content.decode())
    assert len(codes) == 10 and len(set(codes)) == 10
    assert StaticToken.objects.filter(device__user=officer).count() == 10
    assert client.get(CODES).url == METHODS  # not shown again
    assert AuditEvent.objects.filter(kind=AuditKind.RECOVERY_CODES_MADE, subject=officer).count() == 1


def test_the_codes_download_once_as_a_text_file(client):
    officer = UserFactory(role="officer")
    app_of(officer)
    client.force_login(officer)
    codes = _codes_on(client.post(CODES, follow=True).content.decode())

    download = client.get(CODES.rstrip("/") + ".txt")

    assert download["Content-Disposition"] == 'attachment; filename="recovery-codes.txt"'
    assert all(code in download.content.decode() for code in codes)
    assert client.get(CODES.rstrip("/") + ".txt").status_code == 404


def test_new_codes_stop_the_old_ones_working(client):
    tenant = UserFactory(role="tenant")
    app_of(tenant)
    client.force_login(tenant)
    old = _codes_on(client.post(CODES, follow=True).content.decode())
    client.post(CODES, follow=True)

    signing_in = sign_in_with_password(tenant)
    page = signing_in.post(STEP + "recovery/", {"code": old[0]}).content.decode()

    assert "That code is not right" in page
    assert signing_in.get("/").url.startswith(STEP)


def test_codes_need_a_method_to_back_up(client):
    tenant = UserFactory(role="tenant")
    client.force_login(tenant)

    page = client.post(CODES, follow=True).content.decode()

    assert "Add an authenticator app or a passkey before recovery codes." in page
    assert not StaticToken.objects.exists()
