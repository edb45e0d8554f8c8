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
from tests.deploy.production import REPO, production_env

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
def static_root(broker_url, collected_static):
    """collectstatic once per run: with DEBUG off the app serves the hashed files it lists."""
    root, result = collected_static
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
        self._log_from = {}

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
        """The process's output (on a shared stack: since the test began)."""
        path = self.tmp_path / f"{name}.log"
        if not path.exists():
            return ""
        with path.open("rb") as file:
            file.seek(self._log_from.get(name, 0))
            return file.read().decode(errors="replace")

    def begin_test(self):
        """On a stack shared by several tests: each test reads only the logs written since it
        began, finds the mail folder empty, and starts with every process still running."""
        self._log_from = {path.stem: path.stat().st_size for path in self.tmp_path.glob("*.log")}
        for path in self.mail_dir.iterdir():
            path.unlink()
        for name in self.processes:
            self._check_alive(name)

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

    def stop(self, name, *, signalled=False):
        """SIGTERM (unless already sent) and wait for a clean exit; SIGKILL if there is none."""
        process, log = self.processes.pop(name)
        if process.poll() is None:
            if not signalled:
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

    def workers_heard(self):
        """The node names of this stack's workers whose heartbeats are fresh, read from Redis
        as the System health page reads them (scrutiny/heartbeat.py)."""
        from django.test import override_settings

        from scrutiny import heartbeat

        with override_settings(CELERY_BROKER_URL=self.env["CELERY_BROKER_URL"]):
            return sorted(note.name for note in heartbeat.workers(queue=self.queue) if note.alive)

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

    def print_logs(self):
        """Shown by pytest only when the test failed."""
        for path in sorted(self.tmp_path.glob("*.log")):
            print(f"--- {path.stem} output ---\n{self.log(path.stem)}")

    def close(self):
        # Every process is asked to stop first, then each is waited for: the shutdowns overlap.
        names = list(self.processes)
        for name in names:
            process, _ = self.processes[name]
            if process.poll() is None:
                process.terminate()
        for name in names:
            self.stop(name, signalled=True)
        self._log_from = {}
        self.print_logs()
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


def stack_env(folder, broker_url, static_root, **overrides):
    """Production settings for a stack whose files live in `folder`, on the test database."""
    from django.db import connection

    port = _free_port()
    mail_dir = folder / "mail"
    mail_dir.mkdir()
    return production_env(
        DATABASE_URL=_database_url(connection.settings_dict),
        CELERY_BROKER_URL=broker_url,
        # A queue of this test's own: parallel runs on the same Redis never take each other's tasks.
        CELERY_TASK_DEFAULT_QUEUE=f"stack-{uuid.uuid4().hex[:12]}",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SITE_URL=f"http://127.0.0.1:{port}",
        SECURE_SSL_REDIRECT="false",
        STATIC_ROOT=str(static_root),
        MEDIA_ROOT=str(folder / "media"),
        EMAIL_URL=f"filemail:///{mail_dir}",  # four slashes: an absolute path
        LOG_LEVEL="INFO",
        **overrides,
    )


def use_real_password_hashers(settings):
    """The web app checks passwords with the real hashers, not the tests' fast one."""
    import scrutiny.settings

    settings.PASSWORD_HASHERS = scrutiny.settings.PASSWORD_HASHERS


@pytest.fixture
def stack(broker_url, static_root, transactional_db, settings, tmp_path):
    """Gunicorn and (on request) a Celery worker of the test's own, stopped after the test
    whatever happens: for tests that start, stop, kill or reconfigure processes. A test that
    only needs the app and a worker running takes `running_stack` instead.

    It depends on transactional_db, so the subprocesses are stopped before the test database
    is emptied (their connections would otherwise block it)."""
    use_real_password_hashers(settings)
    stack = Stack(tmp_path, stack_env(tmp_path, broker_url, static_root))
    try:
        yield stack
    finally:
        stack.close()


# A cache in each process's memory would carry one test's pages over to the next test on a
# shared stack; with no cache every request reads the database, as a freshly started one does.
SHARED_STACK_CACHE = "dummycache://"


def wait_for_worker(stack, *names):
    """Until as many of this stack's workers as named have written their heartbeats (and each
    named is still running): they are then taking tasks. Returns their node names."""
    return stack.wait_for(
        lambda: len(heard := stack.workers_heard()) == len(names) and heard, "the workers' heartbeats",
        *names,
    )


@pytest.fixture(scope="session")
def _running_stack(broker_url, static_root, django_db_setup, tmp_path_factory):
    """Gunicorn and a Celery worker started once for this test process (xdist worker)."""
    folder = tmp_path_factory.mktemp("running-stack")
    stack = Stack(folder, stack_env(folder, broker_url, static_root, CACHE_URL=SHARED_STACK_CACHE))
    try:
        stack.start_web()
        stack.start_worker()
        wait_for_worker(stack, "worker")
        yield stack
    finally:
        stack.close()


@pytest.fixture
def running_stack(_running_stack, transactional_db, settings):
    """Gunicorn and a Celery worker already running, shared by the tests of this test process
    that neither start, stop, kill nor reconfigure processes (those take `stack`). The same
    Stack API; each test sees only the logs written since it began and an empty mail folder.

    Between tests the database is emptied while the processes are idle (their connections hold
    no locks then), and no cache carries anything over (SHARED_STACK_CACHE)."""
    use_real_password_hashers(settings)
    _running_stack.begin_test()
    yield _running_stack
    _running_stack.print_logs()
    for name in _running_stack.processes:
        _running_stack._check_alive(name)  # a process that died fails the test that killed it
