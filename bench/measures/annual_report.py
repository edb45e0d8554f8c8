"""The Annual Report to Tenants at the issue's size (bench/annual_report.py): time, peak memory,
PDF size and pages, for the standard and the large-print report, with every measure compared with
the regulator's figures for 400 landlords."""

from __future__ import annotations

from collections.abc import Iterable

from bench.core import Bench, Result

ORDER = 80
KEYS = ("seconds", "cpu_seconds", "weasyprint_load_seconds", "load", "cores", "peak_mb", "pdf_kb", "pages",
        "pngs", "regulator_landlords", "regulator_figures", "regulator_code")


def measure(bench: Bench) -> Iterable[Result]:
    from bench import annual_report

    for figures in annual_report.run():
        name = "annual report, large print" if figures["large_print"] else "annual report"
        yield Result(
            f"{name} (time, peak memory, size)", "",
            {key: figures[key] for key in KEYS},
            note="with the regulator's figures for 400 landlords; targets: < 10 s, < 500 MB, < 5 MB; "
                 + figures["pdf"],
        )
