"""The regulator's 2024/25 TSM workbook (363 rows of landlords) imported as the worker does it:
read and previewed, then saved in one transaction. `python -m bench.tsm_import` migrates a fresh
database (SQLite in a temporary folder, or BENCH_TSM_DATABASE_URL, e.g. a PostgreSQL database
of its own), then imports in a fresh process and prints the seconds for each step, the CPU time,
the load average and the process's peak memory. The workbook is the published one kept in
comparisons/data.

bench/measures/tsm_import.py runs it as part of `make bench`. Targets: under 60 s, under 500 MB.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WORKBOOK = "2025_TSM_Full_Data_v1.0_FINAL.xlsx"


def workbook() -> Path:
    return REPO / "comparisons" / "data" / WORKBOOK


def _django(database_url: str, media: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ["MEDIA_ROOT"] = media
    os.environ["DJANGO_SETTINGS_MODULE"] = "scrutiny.settings"
    os.environ.pop("CELERY_BROKER_URL", None)
    import django

    django.setup()


def prepare() -> dict:
    from django.core.management import call_command

    from accounts.models import User

    call_command("migrate", verbosity=0)
    User.objects.filter(email="bench-admin@example.org").delete()
    User.objects.create(email="bench-admin@example.org", display_name="Bench admin", role="admin")
    return {}


def run_import() -> dict:
    """Upload, read and save the workbook in this process, as the worker's two tasks would."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from accounts.models import User
    from comparisons import services
    from comparisons.models import Figure, Landlord, TsmImport

    admin = User.objects.get(email="bench-admin@example.org")
    load_before = os.getloadavg()[0]
    started, cpu = time.perf_counter(), time.process_time()
    tsm_import = services.upload(file=SimpleUploadedFile(WORKBOOK, workbook().read_bytes()), by=admin)
    TsmImport.objects.filter(pk=tsm_import.pk).update(status=TsmImport.Status.WAITING)
    services.read(import_id=tsm_import.pk)
    read_seconds = time.perf_counter() - started
    tsm_import.refresh_from_db()
    saving = time.perf_counter()
    services.apply(tsm_import=tsm_import, by=admin)  # without a broker the task runs here, at once
    services.save(import_id=tsm_import.pk)  # with one, this does it (and the task finds it done)
    done = time.perf_counter()
    tsm_import.refresh_from_db()
    return {
        "status": tsm_import.status,
        "read_seconds": round(read_seconds, 2),
        "save_seconds": round(done - saving, 2),
        "seconds": round(done - started, 2),
        "cpu_seconds": round(time.process_time() - cpu, 2),
        "load": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "cores": os.cpu_count(),
        # ru_maxrss is in kilobytes on Linux: the most this whole process (Django included) held.
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "landlords": Landlord.objects.count(),
        "figures": Figure.objects.count(),
        "database": os.environ["DATABASE_URL"].split(":", 1)[0],
    }


def _child(step: str, database_url: str, media: str) -> dict:
    result = subprocess.run(  # noqa: S603 - this module, with arguments made here
        [sys.executable, "-m", "bench.tsm_import", step, database_url, media],
        cwd=REPO, capture_output=True, text=True, check=False, timeout=900,
    )
    if result.returncode != 0:
        raise RuntimeError(f"bench.tsm_import {step} failed:\n{result.stderr[-4000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def run() -> dict:
    """Migrate once, then import in a fresh process (its peak memory is the import's)."""
    if not workbook().exists():
        return {"skipped": f"no workbook at {workbook()}"}
    folder = tempfile.mkdtemp(prefix="scrutiny-tsm-bench-")
    database_url = os.environ.get("BENCH_TSM_DATABASE_URL") or f"sqlite:///{folder}/bench.sqlite3"
    media = f"{folder}/media"
    try:
        _child("prepare", database_url, media)
        return _child("import", database_url, media)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str]) -> int:
    if argv and argv[0] in ("prepare", "import"):
        _django(argv[1], argv[2])
        print(json.dumps(prepare() if argv[0] == "prepare" else run_import()))
        return 0
    print(json.dumps(run()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
