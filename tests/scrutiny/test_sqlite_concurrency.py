"""On the default SQLite database (`make run`), two people acting at once on one recommendation
get one success and one clear message, never a 500 or "database is locked"."""

import json
import subprocess
import sys

from tests.deploy.production import REPO, production_env


def test_two_managers_responding_at_once_get_one_success_and_one_clear_message(tmp_path):
    env = production_env(
        DEBUG="true", DATABASE_URL=f"sqlite:///{tmp_path / 'scrutiny.sqlite3'}", CELERY_BROKER_URL=None,
        MEDIA_ROOT=str(tmp_path / "media"), EMAIL_URL="memorymail://", SECRET_KEY=None,
        ALLOWED_HOSTS="testserver",
    )
    result = subprocess.run(
        [sys.executable, "-m", "tests.scrutiny.sqlite_race"], cwd=REPO, env=env,
        capture_output=True, text=True, check=False,
    )

    assert result.returncode == 0, result.stderr[-4000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["journal_mode"] == "wal"
    seen = outcome["seen"]
    assert [s["status"] for s in seen] == [200, 200], seen  # no 500
    assert not any(s["locked"] for s in seen)
    assert sorted(s["not_waiting"] for s in seen) == [False, True], seen  # one success, one message
    assert outcome["final_status"] == "accepted"
