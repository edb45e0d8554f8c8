"""`manage.py reset_second_factor EMAIL`: what an administrator does for someone who lost their
phone, for when there is nobody to ask (the last administrator)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from accounts.models import User
from accounts.second_factor.services import reset_from_command


class Command(BaseCommand):
    help = (
        "Remove every second factor of a person (authenticator apps, recovery codes, passkeys), "
        "sign them out everywhere and email them. They add a new one when they next sign in."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email", help="The email address of the person's account.")

    def handle(self, *args: Any, email: str, **options: Any) -> None:
        person = User.objects.filter(email__iexact=email.strip()).first()
        if person is None:
            raise CommandError(f"No account has the email address {email}.")
        removed = reset_from_command(person=person)
        self.stdout.write(
            f"Reset: {removed} {'method' if removed == 1 else 'methods'} of {person.display_name} "
            f"<{person.email}> removed. They add a new one when they next sign in."
        )
