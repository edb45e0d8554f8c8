"""The Annual Report to Tenants: its page and PDF on the scale landlord's last finished report
year (reports/scale.py: completed reviews, 400 visits, verified recommendations, a self-assessment
and the panel's published words), and the PDF at the issue's size on the demo landlord with the
regulator's figures for 400 landlords (bench/annual_report.py): time, peak memory, size, pages."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable

from bench.core import Bench, Result

ORDER = 80
KEYS = ("seconds", "cpu_seconds", "weasyprint_load_seconds", "load", "cores", "peak_mb", "pdf_kb", "pages",
        "pngs", "regulator_landlords", "regulator_figures", "regulator_code")
TARGETS = "targets: < 10 s, < 500 MB, < 5 MB"


def measure(bench: Bench) -> Iterable[Result]:
    from bench import annual_report
    from reports.annual import current_year

    year = current_year() - 1
    path = f"/reports/annual/{year}/"
    yield bench.time_page("annual report page (public)", "", path)
    yield bench.time_page("annual report page", "tenant", path)
    media = tempfile.mkdtemp(prefix="scrutiny-annual-scale-")
    try:
        for large in ("", "large"):
            figures = annual_report._child("make", os.environ["DATABASE_URL"], media, str(year), large)
            name = "annual report PDF, scale data" + (", large print" if large else "")
            yield Result(name, "", {key: figures[key] for key in KEYS if key in figures},
                         note=f"the scale landlord's {year} report; {TARGETS}")
    finally:
        shutil.rmtree(media, ignore_errors=True)
    for figures in annual_report.run():
        name = "annual report, large print" if figures["large_print"] else "annual report"
        yield Result(
            f"{name} (time, peak memory, size)", "",
            {key: figures[key] for key in KEYS},
            note=f"demo data with the regulator's figures for 400 landlords; {TARGETS}; " + figures["pdf"],
        )
