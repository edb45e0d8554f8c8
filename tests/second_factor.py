"""How tests sign people in with the second factor.

`client.force_login(user)` in any test gives a session that has passed the second factor too, as
django-otp's `login` would after a code (installed for the whole run by tests/conftest.py), so
the many tests about other things sign staff in as before. Tests of the second factor itself
use `password_only_login` (the session stops at the step) or go through the real step with a
code from django-otp's own TOTP."""

import time

from django.test.client import ClientMixin
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP

# What the session holds instead of a device's id: the step's middleware only asks whether the
# session passed, never which device (a device's own checks happened when its code was typed).
PASSED_IN_A_TEST = "signed-in-by-a-test/0"

_force_login = ClientMixin.force_login


def _force_login_and_pass(self, user, backend=None):
    _force_login(self, user, backend)
    session = self.session
    session[DEVICE_ID_SESSION_KEY] = PASSED_IN_A_TEST
    session.save()


def install():
    ClientMixin.force_login = _force_login_and_pass


def uninstall():
    ClientMixin.force_login = _force_login


def password_only_login(client, user):
    """Sign in as after the password alone: the second factor not passed yet."""
    _force_login(client, user)
    return client


def mark_passed(session_key):
    """Mark a session (found by its key, such as a browser's cookie) as past the second factor."""
    from importlib import import_module

    from django.conf import settings

    session = import_module(settings.SESSION_ENGINE).SessionStore(session_key)
    session[DEVICE_ID_SESSION_KEY] = PASSED_IN_A_TEST
    session.save()


def code_for(device, *, steps_ahead=0):
    """The code the device's app shows now (or `steps_ahead` time steps later), by django-otp."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def ready_device(user):
    """Staff's authenticator app, made if they have none (so sign-in goes to the step)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    if not user.works_for_landlord:
        return None
    return TOTPDevice.objects.get_or_create(user=user, defaults={"name": "Phone"})[0]


def unused_code(device):
    """A code the device has not taken yet: now's, or the next step's if now's was used."""
    device.refresh_from_db()
    now = int((time.time() - device.t0) // device.step)
    return code_for(device, steps_ahead=1 if device.last_t >= now else 0)


SECRET_KEY_TEXT = r'<code class="secret-key"[^>]*>([A-Z2-7 ]+)</code>'


def add_app_by_key(browser, csrf_field):
    """Through the add page, as someone typing the key by hand: read the key as text, make its
    code with django-otp, send both. `browser` is a requests session past the password."""
    import re
    from base64 import b32decode

    from django_otp.plugins.otp_totp.models import TOTPDevice

    page = browser.get("/accounts/second-factor/methods/authenticator/")
    key = b32decode(re.search(SECRET_KEY_TEXT, page.text).group(1).replace(" ", ""))
    code = code_for(TOTPDevice(key=key.hex()))
    return browser.post("/accounts/second-factor/methods/authenticator/", data={
        "name": "Phone", "code": code, "csrfmiddlewaretoken": csrf_field.search(page.text).group(1),
    })
