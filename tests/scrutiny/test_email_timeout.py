"""A mail server that accepts the connection and never answers must not hold a worker forever."""

import socket

import pytest
from django.core.mail import send_mail


def test_a_silent_mail_server_times_out_and_the_task_is_retried(settings):
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()  # accepts connections (the kernel does) and never says a word
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = server.getsockname()
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        settings.EMAIL_TIMEOUT = 1

        # smtplib reports the timeout as an OSError, which every task retries (scrutiny/celery.py).
        with pytest.raises(OSError, match="timed out|Connection unexpectedly closed"):
            send_mail("Subject", "Body", "from@example.org", ["to@example.org"])


def test_the_timeout_is_set_by_default():
    from scrutiny import settings as project_settings

    assert project_settings.EMAIL_TIMEOUT == 30
