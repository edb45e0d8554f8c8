"""One run of wrk against a URL, read into numbers: requests a second, latency percentiles,
responses that were not 2xx or 3xx, and timeouts. Used by bench/load.py, bench/health.py and
bench/public_pages.py, always behind the deployment's proxy (X-Forwarded-Proto: https)."""

from __future__ import annotations

import re
import shutil
import subprocess

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def run(url: str, *, seconds: int, connections: int, gzip: bool = False) -> dict:
    """wrk for `seconds` with `connections` open; with `gzip`, asking as browsers do."""
    asks = ["-H", "Accept-Encoding: gzip"] if gzip else []
    out = subprocess.run(  # noqa: S603 - fixed arguments
        [shutil.which("wrk") or "wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{seconds}s",
         "--latency", "-H", "X-Forwarded-Proto: https", *asks, url],
        capture_output=True, text=True, check=True,
    ).stdout
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    if rps is None:
        raise RuntimeError(f"wrk printed no throughput for {url}:\n{out}")
    latency = {f"p{p}_ms": round(float(v) * UNITS[u], 3)
               for p, v, u in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)$", out, re.MULTILINE)}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    timeouts = re.search(r"timeout (\d+)", out)
    return {"rps": float(rps.group(1)), "p50_ms": latency.get("p50_ms"), "p99_ms": latency.get("p99_ms"),
            "non_2xx": int(errors.group(1)) if errors else 0,
            "timeouts": int(timeouts.group(1)) if timeouts else 0}
