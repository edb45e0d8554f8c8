"""Two managers respond to one recommendation at the same moment, on a SQLite file database
configured as `make run` configures it. Run by test_sqlite_concurrency.py in a subprocess
(its own database, whatever the test run uses); prints one JSON line of what each one saw."""

from __future__ import annotations

import json
import sys
import threading

import django
from django.db import connections


def main() -> None:
    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from tests import second_factor
    from tests.factories.accounts import UserFactory
    from tests.factories.recommendations import RecommendationFactory

    second_factor.install()  # managers' sessions have passed the second factor, as in the tests

    call_command("migrate", verbosity=0, interactive=False)
    rec = RecommendationFactory(status="submitted")
    managers = [UserFactory(role="manager", display_name=f"Manager {n}") for n in (1, 2)]
    barrier = threading.Barrier(len(managers))
    seen: list[dict] = []
    lock = threading.Lock()

    def act(manager, decision: str) -> None:
        client = Client(raise_request_exception=False)
        client.force_login(manager)
        barrier.wait()
        response = client.post(f"/recommendations/{rec.pk}/respond/", {"decision": decision}, follow=True)
        text = response.content.decode()
        with lock:
            seen.append({
                "status": response.status_code,
                "redirected": bool(response.redirect_chain),
                "not_waiting": "This recommendation is not waiting for a response." in text,
                "locked": "database is locked" in text,
            })
        connections.close_all()

    threads = [threading.Thread(target=act, args=(m, "accepted")) for m in managers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    rec.refresh_from_db()
    print(json.dumps({"seen": seen, "final_status": rec.status,
                      "journal_mode": _journal_mode()}))


def _journal_mode() -> str:
    with connections["default"].cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        return cursor.fetchone()[0]


if __name__ == "__main__":
    sys.exit(main())
