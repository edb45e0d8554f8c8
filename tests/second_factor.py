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
