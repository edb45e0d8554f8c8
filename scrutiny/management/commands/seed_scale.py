import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import connection, transaction
from django.utils.module_loading import import_string

from scrutiny import extensions, freshness
from scrutiny.scale import FULL_HOMES, FULL_YEARS, Plan


class Command(BaseCommand):
    help = (
        "Create (once) a landlord of the given size for benchmarks: people, panels, reviews, "
        "evidence, findings, recommendations and their history, inserted in bulk."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--homes", type=int, default=FULL_HOMES, help="Homes the landlord has.")
        parser.add_argument("--years", type=int, default=FULL_YEARS, help="Years of history.")
        parser.add_argument(
            "--factor", type=float, default=1.0,
            help="Multiply every count by this (0.01 makes a small landlord for tests).",
        )
        parser.add_argument("--small", action="store_true", help="Same as --factor 0.01.")

    def handle(self, *args: Any, **options: Any) -> None:
        factor = 0.01 if options["small"] else options["factor"]
        plan = Plan(homes=options["homes"], years=options["years"], factor=factor)
        for path in extensions.registered(extensions.SCALE_SEEDS):
            started = time.perf_counter()
            with transaction.atomic():
                import_string(path)(plan)
            self.stdout.write(f"{path:<40} {time.perf_counter() - started:7.1f} s")
        if connection.vendor == "postgresql":
            # Fresh planner statistics for the rows just inserted in bulk. Autovacuum would
            # gather them in time on a live site; without them PostgreSQL guesses a handful of
            # rows per table and picks plans that measure tens of times slower than a real one.
            started = time.perf_counter()
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
            self.stdout.write(f"{'ANALYZE (planner statistics)':<40} {time.perf_counter() - started:7.1f} s")
        freshness.renew_everything()  # written in bulk, with no signals: nothing kept is current
        for line in plan.log:
            self.stdout.write(f"  {line}")
        self.stdout.write(self.style.SUCCESS("The scale data is ready."))
