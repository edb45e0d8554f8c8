"""`manage.py erase_person EMAIL`: erase a person's personal data on their request."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from accounts.models import User
from accounts.services import erase_person


class Command(BaseCommand):
    help = (
        "Erase a person's personal data on their request: their name and contact details are "
        "replaced, they can no longer sign in, and what they contributed is kept, credited to "
        '"Former member". This cannot be undone.'
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email", help="The email address of the person's account.")
        parser.add_argument("--yes", action="store_true", help="Do it without asking to confirm.")

    def handle(self, *args: Any, email: str, yes: bool, **options: Any) -> None:
        user = User.objects.filter(email__iexact=email.strip()).first()
        if user is None:
            raise CommandError(f"No account has the email address {email}.")
        if not yes:
            answer = input(f"Erase the personal data of {user.display_name} <{user.email}>? "
                           "This cannot be undone. Type yes to go on: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Nothing was erased.")
        erase_person(user=user)
        self.stdout.write(f"Erased. The account is now {user.email}, shown as {user.display_name}.")
