"""The worker's and beat's container health checks: exit 0 while the process's heartbeat is
fresh, 1 when it is late or missing or the broker cannot be read.

    python manage.py check_heartbeat worker            # this host's worker, celery@<host name>
    python manage.py check_heartbeat worker --name celery@web-2
    python manage.py check_heartbeat beat
"""

import socket
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from scrutiny import heartbeat


class Command(BaseCommand):
    help = "Exit 0 while a worker's or beat's heartbeat is fresh (a container health check)."
    requires_system_checks: list[str] = []  # run every minute: only the heartbeat matters

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("process", choices=["worker", "beat"])
        parser.add_argument("--name", help="The worker's node name (default: celery@<this host>).")

    def handle(self, *args: Any, process: str, name: str | None, **options: Any) -> None:
        if heartbeat.broker_client() is None:
            raise CommandError("No Redis broker is set (CELERY_BROKER_URL): there are no heartbeats.")
        name = name or f"celery@{socket.gethostname()}"
        try:
            note = heartbeat.beat() if process == "beat" else heartbeat.worker(name)
        except Exception as exc:  # noqa: BLE001 - any failure to read means unhealthy
            raise CommandError(f"The broker could not be read: {exc}") from exc
        who = "beat" if process == "beat" else name
        if note is None:
            raise CommandError(f"No heartbeat from {who}.")
        if not note.alive:
            raise CommandError(f"{who} is silent: last heartbeat {note.seconds_ago} s ago.")
        self.stdout.write(f"{who} is alive: last heartbeat {note.seconds_ago} s ago.")
