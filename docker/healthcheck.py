"""The web container's health check: exit 0 when /healthz says the site can serve and queue work.

Run inside the container (the image has no curl): `python docker/healthcheck.py [URL]`.
The request says it came through the HTTPS proxy (X-Forwarded-Proto) so SECURE_SSL_REDIRECT
does not bounce it, and names the host "localhost", which docker-compose.yml adds to
ALLOWED_HOSTS. A missing Celery worker does not make the web container unhealthy: /healthz
reports it, and restarting the web server would not bring a worker back.
"""

import json
import sys
import urllib.error
import urllib.request

DEFAULT_URL = "http://127.0.0.1:8000/healthz"


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
