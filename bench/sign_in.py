"""Benchmark clients signed in as people are: staff past the second factor with their seeded
authenticator app (accounts/scale.py, accounts/demo.py), as the step page leaves a session."""

from __future__ import annotations

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import User


def signed_in(user: User) -> Client:
    """A client signed in as `user`, past the second factor if they hold an authenticator app."""
    client = Client()
    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user).first()
    if device is not None:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client
