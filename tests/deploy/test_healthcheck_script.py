"""docker/healthcheck.py, the web container's health check, against a stand-in /healthz/live."""

import json
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.deploy.production import REPO

SCRIPT = REPO / "docker" / "healthcheck.py"


@pytest.fixture
def healthz():
    """A server answering /healthz/live with whatever the test sets; it records the request headers."""
    state = {"status": 200, "body": {"status": "ok"}, "headers": None}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the name http.server calls
            state["headers"] = dict(self.headers)
            body = json.dumps(state["body"]).encode()
            self.send_response(state["status"])
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state["url"] = f"http://127.0.0.1:{server.server_port}/healthz/live"
    yield state
    server.shutdown()
    server.server_close()


def run(url):
    return subprocess.run(
        [sys.executable, str(SCRIPT), url], capture_output=True, text=True, timeout=30, check=False
    )


def test_healthy_when_healthz_says_ok(healthz):
    healthz["body"] = {"status": "ok"}

    result = run(healthz["url"])

    assert result.returncode == 0, result.stdout + result.stderr
    # Presents itself as coming through the HTTPS proxy, as an allowed host.
    assert healthz["headers"]["Host"] == "localhost"
    assert healthz["headers"]["X-Forwarded-Proto"] == "https"


def test_unhealthy_when_healthz_answers_503(healthz):
    healthz["status"] = 503
    healthz["body"] = {"status": "unavailable"}

    result = run(healthz["url"])

    assert result.returncode == 1
    assert "HTTP 503" in result.stdout


def test_unhealthy_when_nothing_listens():
    result = run("http://127.0.0.1:1/healthz/live")

    assert result.returncode == 1
    assert result.stdout.startswith("unhealthy:")


def test_the_container_checks_liveness_by_default():
    """Restarting the web container mends a process that stopped answering, not an outage of
    the database or broker: the container's check is liveness (readiness is the balancer's)."""
    assert 'DEFAULT_URL = "http://127.0.0.1:8000/healthz/live"' in SCRIPT.read_text()
