"""The web container's health check: exit 0 when /healthz/live says the process answers.

Run inside the container (the image has no curl): `python docker/healthcheck.py [URL]`.
Liveness, not readiness: the container is unhealthy only when gunicorn no longer answers, which a
restart can mend. A database or broker outage does not make it so: restarting the web server
would not bring them back, and meanwhile it answers pages with a plain 503 of its own. A load
balancer in front of several web containers calls /healthz/ready instead (README.md).
The request names the host "localhost" and says it came through the HTTPS proxy, as any other
request must; the health checks themselves answer whatever the host (scrutiny/health.py).
"""

import json
import sys
import urllib.error
import urllib.request

DEFAULT_URL = "http://127.0.0.1:8000/healthz/live"


def main(argv):
    url = argv[1] if len(argv) > 1 else DEFAULT_URL
    request = urllib.request.Request(  # noqa: S310 - the URL is ours, http(s) only
        url, headers={"Host": "localhost", "X-Forwarded-Proto": "https"}
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
            body = json.load(response)
    except urllib.error.HTTPError as exc:
        print(f"unhealthy: HTTP {exc.code}: {exc.read()[:500]!r}")
        return 1
    except (OSError, ValueError) as exc:
        print(f"unhealthy: {exc}")
        return 1
    print(json.dumps(body))
    return 0 if body.get("status") == "ok" else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
