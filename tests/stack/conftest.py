"""The real stack in subprocesses: gunicorn and a Celery worker, on PostgreSQL and Redis, with
production settings. The test's own rows are committed (transactional_db) so both can see them."""

import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import quote, urljoin

import pytest
import requests

from tests.conftest import need_service
from tests.deploy.production import REPO, manage, production_env

# Generous: on a busy shared machine gunicorn or a worker can take a minute to start.
START_TIMEOUT = 180


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/stack/" in str(item.fspath):
            item.add_marker(pytest.mark.stack)


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _database_url(settings_dict):
    """The test database (test_<name>, per xdist worker) as a URL for the subprocesses."""
    user = quote(settings_dict.get("USER") or "", safe="")
    password = quote(settings_dict.get("PASSWORD") or "", safe="")
    credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or "5432"
    return f"postgres://{credentials}{host}:{port}/{settings_dict['NAME']}"


@pytest.fixture(scope="session")
def broker_url():
    """Skip (fail in CI) unless the tests run on PostgreSQL with a Redis broker."""
    from django.conf import settings

    need_service(
        "postgresql" in settings.DATABASES["default"]["ENGINE"],
        "The stack test needs PostgreSQL: set DATABASE_URL=postgres://...",
    )
    broker = os.environ.get("CELERY_BROKER_URL", "")
    need_service(broker.startswith("redis://"), "The stack test needs Redis: set CELERY_BROKER_URL=redis://...")
    return broker


@pytest.fixture(scope="session")
def static_root(broker_url, tmp_path_factory):
    """collectstatic once per run: with DEBUG off the app serves the hashed files it lists."""
    root = tmp_path_factory.mktemp("static")
    result = manage("collectstatic", "--noinput", env=production_env(STATIC_ROOT=str(root)))
    assert result.returncode == 0, result.stdout + result.stderr
    return root


class Browser:
    """The web app as a browser behind the HTTPS proxy sees it. The test speaks plain HTTP to
    gunicorn, where an HTTP client would hold back the app's secure cookies: this one sends them
    (and follows redirects itself, so that it can)."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.cookies = {}
        self.http = requests.Session()
        self.http.trust_env = False  # no proxy between the test and 127.0.0.1

    def request(self, method, path, follow=True, **kwargs):
        url = urljoin(self.base_url, path)
        for _ in range(10):
            response = self.http.request(
                method, url, cookies=self.cookies, allow_redirects=False, timeout=60, **kwargs
            )
            self.cookies.update(response.cookies.get_dict())
            if not response.is_redirect or not follow:
                return response
            method, url, kwargs = "GET", urljoin(url, response.headers["Location"]), {}
        raise AssertionError(f"more than 10 redirects from {path}")

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, data, follow=True):
        return self.request("POST", path, follow=follow, data=data)


class Stack:
    def __init__(self, tmp_path, env):
        self.tmp_path = tmp_path
        self.env = env
        self.queue = env["CELERY_TASK_DEFAULT_QUEUE"]
        self.mail_dir = Path(env["EMAIL_URL"].removeprefix("filemail:///"))
        self.port = int(env["SITE_URL"].rsplit(":", 1)[1])
        self.url = env["SITE_URL"]
        self.processes = {}

    def _spawn(self, name, args, env=None):
        log = open(self.tmp_path / f"{name}.log", "w")  # noqa: SIM115 - closed in stop()
        # Each in its own process group, so kill() takes its children too (as a container's end).
        process = subprocess.Popen(
            args, cwd=REPO, env={**self.env, **(env or {})}, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.processes[name] = (process, log)
        return process

    def log(self, name):
        path = self.tmp_path / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def _check_alive(self, name):
        process, _ = self.processes[name]
        if process.poll() is not None:
            pytest.fail(f"{name} exited with code {process.returncode}:\n{self.log(name)}")

    def start_web(self, name="web", port=None):
        port = port or self.port
        self._spawn(name, [
            sys.executable, "-m", "gunicorn", "scrutiny.wsgi:application",
            "--bind", f"127.0.0.1:{port}", "--workers", "1", "--access-logfile", "-",
            "--no-control-socket",  # its default path is shared by every gunicorn on the machine
        ])
        self.wait_for(lambda: self.healthz(port) is not None, "gunicorn to answer", name)

    def start_worker(self, name="worker", **env):
        self._spawn(name, [
            sys.executable, "-m", "celery", "-A", "scrutiny", "worker", "-P", "solo", "-l", "info",
            "--without-gossip", "--without-mingle", "--without-heartbeat",
            "-Q", self.queue, "-n", f"{name}-{self.queue}@%h",
        ], env=env)

    def start_beat(self, **env):
        self._spawn("beat", [
            sys.executable, "-m", "celery", "-A", "scrutiny", "beat", "-l", "info",
            "-s", str(self.tmp_path / "beat-schedule"),
        ], env=env)

    def kill(self, name):
        """SIGKILL the process and its children at once, as `kill -9` or a lost host would."""
        process, log = self.processes.pop(name)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        log.close()

    def stop(self, name):
        process, log = self.processes.pop(name)
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
        log.close()

    def healthz(self, port=None):
        """/healthz's JSON, or None while gunicorn is not answering yet."""
        try:
            response = self.browser(port).get("/healthz")
        except requests.ConnectionError:
            return None
        return {"code": response.status_code, **response.json()}

    def wait_for(self, condition, what, *names, timeout=START_TIMEOUT):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for name in names:
                self._check_alive(name)
            result = condition()
            if result:
                return result
            time.sleep(0.25)
        logs = "\n".join(f"--- {name} ---\n{self.log(name)}" for name in names)
        pytest.fail(f"Timed out after {timeout} s waiting for {what}.\n{logs}")

    def browser(self, port=None):
        return Browser(f"http://127.0.0.1:{port}" if port else self.url)

    def close(self):
        for name in list(self.processes):
            self.stop(name)
        # Shown by pytest only when the test failed.
        for path in sorted(self.tmp_path.glob("*.log")):
            print(f"--- {path.stem} output ---\n{path.read_text(errors='replace')}")
        self._forget_queue()

    def _forget_queue(self):
        """Remove this run's queue and its bindings from Redis, so runs leave nothing behind."""
        import redis

        client = redis.Redis.from_url(self.env["CELERY_BROKER_URL"])
        try:
            client.delete(
                self.queue, f"_kombu.binding.{self.queue}", f"_kombu.binding_permanent.{self.queue}"
            )
        except redis.ConnectionError:
            pass  # a test's own Redis, already stopped: nothing is left behind
        finally:
            client.close()


@pytest.fixture
def stack(broker_url, static_root, transactional_db, settings, tmp_path):
    """Gunicorn and (on request) a Celery worker, stopped after the test whatever happens.

    It depends on transactional_db, so the subprocesses are stopped before the test database
    is emptied (their connections would otherwise block it)."""
    from django.conf import global_settings
    from django.db import connection

    # The web app checks passwords with the real hashers, not the tests' fast one.
    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS

    port = _free_port()
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    env = production_env(
        DATABASE_URL=_database_url(connection.settings_dict),
        CELERY_BROKER_URL=broker_url,
        # A queue of this test's own: parallel runs on the same Redis never take each other's tasks.
        CELERY_TASK_DEFAULT_QUEUE=f"stack-{uuid.uuid4().hex[:12]}",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SITE_URL=f"http://127.0.0.1:{port}",
        SECURE_SSL_REDIRECT="false",
        STATIC_ROOT=str(static_root),
        MEDIA_ROOT=str(tmp_path / "media"),
        EMAIL_URL=f"filemail:///{mail_dir}",  # four slashes: an absolute path
        LOG_LEVEL="INFO",
    )
    stack = Stack(tmp_path, env)
    try:
        yield stack
    finally:
        stack.close()
