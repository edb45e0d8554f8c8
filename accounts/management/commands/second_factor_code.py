"""`manage.py second_factor_code EMAIL`: the code a person's authenticator app shows now, for the
demo people (whose shared demo key is in the README) and for checking a server's clock."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = "Print the current code of each authenticator app of a person (for the demo data)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email", help="The email address of the person's account.")

    def handle(self, *args: Any, email: str, **options: Any) -> None:
        devices = TOTPDevice.objects.filter(user__email__iexact=email.strip(), confirmed=True)
        if not devices:
            raise CommandError(f"{email} has no authenticator app.")
        for device in devices:
            totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
            self.stdout.write(f"{device.name}: {totp.token():0{device.digits}d}")
