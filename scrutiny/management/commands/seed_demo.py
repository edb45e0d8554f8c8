from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from scrutiny import extensions, freshness

DEMO_PASSWORD = "scrutiny-demo"  # noqa: S105 - printed for newcomers; demo data only


class Command(BaseCommand):
    help = "Create (or bring up to date) a fictional landlord with demo people, panels and work."

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            people = {}
            for seed in extensions.functions(extensions.DEMO_SEEDS):
                people.update(seed(password=DEMO_PASSWORD, people=people) or {})
        freshness.renew_everything()  # some of it written in bulk, with no signals
        self.stdout.write(self.style.SUCCESS("Demo data is ready. Sign in at /accounts/sign-in/ as:"))
        for key in ("tenant", "officer", "manager", "admin"):
            user = people.get(key)
            if user:
                self.stdout.write(f"  {user.get_role_display():<14} {user.email:<28} {DEMO_PASSWORD}")
        self.stdout.write(
            "Staff then check it's you with a code: add the key SCRUTINY DEMO KEY2 to an authenticator\n"
            "app, or run `python manage.py second_factor_code officer@example.org` (README: second factor)."
        )
