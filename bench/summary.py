"""`python -m bench.summary`: the latest results (bench/results.json, bench/load-results.json) as
Markdown tables for bench/README.md, each figure beside the baselines measured with it in the
same run and the load average it was taken at."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def pages(results: dict[str, Any]) -> list[str]:
    lines = [
        f"`make bench`, {results['run_at']}: {results['seconds']:.0f} s, load average "
        f"{results['load_at_start'][0]} at the start and {results['load_at_end'][0]} at the end "
        f"({results['cores']} cores). Times are medians of {results['runs']} requests; \"no mw\" is the "
        "trivial view with no middleware and \"mw\" the same view behind the product's middleware, each "
        "measured in turn with the page; \"share\" is the no-middleware view's CPU time as a share of "
        "the page's (what share of its throughput the page would have on a machine kept busy).",
        "",
        "| page | role | queries | CPU ms | no mw CPU ms | share (CPU) | median ms | x no mw | x mw | load |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for row in results["results"]:
        v = row["values"]
        if "bare_cpu_ms" not in v:
            continue
        share = v["bare_cpu_ms"] / v["cpu_ms"] if v["cpu_ms"] else 0
        lines.append(
            f"| {row['measure']} | {row['role'] or 'not signed in'} | {v['queries']} | {v['cpu_ms']} | "
            f"{v['bare_cpu_ms']} | {share:.1%} | {v['median_ms']} | {v['x_bare']} | {v['x_mw']} | "
            f"{v['load']} |"
        )
    others = [row for row in results["results"] if "bare_cpu_ms" not in row["values"]]
    if others:
        lines += ["", "| other measure | figures |", "| --- | --- |"]
        for row in others:
            shown = ", ".join(f"{k} {v}" for k, v in row["values"].items() if k not in ("regulator_code",))
            lines.append(f"| {row['measure']} | {shown} |")
    return lines


def load(results: dict[str, Any]) -> list[str]:
    lines = [
        f"`make bench-load`, {results['run_at']}: {results['workers']} gunicorn workers, a Celery worker, "
        f"Redis; load average {results['load_at_start']} at the start, {results['load_at_end']} at the end.",
        "",
        "| wrk | status | requests/s | no mw requests/s | share | p99 ms | errors | timeouts | load |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for row in results["wrk"]:
        lines.append(
            f"| {row['page']} (`{row['path']}`, -c{row['connections']}) | {row['status']} | {row['rps']} | "
            f"{row['bare_rps']} | {row['share_of_bare']:.1%} | {row['p99_ms']} | {row['non_2xx']} | "
            f"{row['timeouts']} | {row['load']} |"
        )
    if "locust" not in results:
        return lines
    locust = results["locust"]
    lines += [
        "",
        f"locust: {locust['users']} people for {locust['seconds']} s, load average {locust['load'][0]} to "
        f"{locust['load'][1]}; page cache: {locust['page_cache']}.",
        "",
        "| request | count | errors | p50 ms | p95 ms | p99 ms |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for row in locust["requests"]:
        lines.append(f"| {row['request']} | {row['requests']} | {row['failures']} | {row['p50_ms']:.0f} | "
                     f"{row['p95_ms']:.0f} | {row['p99_ms']:.0f} |")
    for error in locust["errors"]:
        lines.append(f"\nError: {error['request']}: {error['error']} ({error['count']})")
    return lines


def main() -> int:
    for name, table in (("results.json", pages), ("load-results.json", load)):
        path = HERE / name
        if path.exists():
            print("\n".join(table(json.loads(path.read_text()))), end="\n\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
