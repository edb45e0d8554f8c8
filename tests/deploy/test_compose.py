"""docker-compose.yml: valid against the Compose Specification, and the stack it describes is the
one README.md promises (there is no Docker engine here to run it, so its structure is checked)."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.deploy.production import REPO, settings_variables

COMPOSE_FILE = REPO / "docker-compose.yml"
APP_SERVICES = ("web", "worker", "beat")
MEDIA_ROOT = "/app/var/media"


def check_jsonschema(path):
    # The script sits beside the interpreter running the tests (the project's virtualenv).
    script = Path(sys.executable).parent / "check-jsonschema"
    return subprocess.run(
        [str(script), "--builtin-schema", "vendor.compose-spec", str(path)],
        capture_output=True, text=True, timeout=60, check=False,
    )


@pytest.fixture(scope="module")
def compose():
    return YAML(typ="safe").load(COMPOSE_FILE.read_text())


@pytest.fixture(scope="module")
def services(compose):
    return compose["services"]


def mounts(service):
    return dict(volume.split(":", 1)[::-1] for volume in service.get("volumes", []))


def command_text(service):
    command = service.get("command", "")
    return " ".join(command) if isinstance(command, list) else command


def test_compose_file_follows_the_compose_specification():
    result = check_jsonschema(COMPOSE_FILE)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_specification_check_catches_a_mistake(tmp_path):
    """So the test above proves something: a misspelt key fails validation."""
    broken = tmp_path / "docker-compose.yml"
    broken.write_text(COMPOSE_FILE.read_text().replace("    healthcheck:\n", "    healthchek:\n", 1))

    result = check_jsonschema(broken)

    assert result.returncode != 0
    assert "healthchek" in result.stdout + result.stderr


def test_runs_web_worker_beat_postgres_and_redis(services):
    assert {"web", "worker", "beat", "postgres", "redis"} <= set(services)
    assert services["postgres"]["image"].startswith("postgres:16")
    assert services["redis"]["image"].startswith("redis:7")


def test_worker_and_beat_run_the_web_image(services):
    web = services["web"]
    assert web["build"] == "."
    for name in ("worker", "beat", "migrate"):
        assert services[name]["build"] == web["build"], name
        assert services[name]["image"] == web["image"], name
        assert services[name]["environment"] == web["environment"], name
    assert "command" not in web  # the image's own command: gunicorn
    assert command_text(services["worker"]).startswith("celery -A scrutiny worker")
    assert command_text(services["beat"]).startswith("celery -A scrutiny beat")


def test_beat_keeps_its_schedule_where_the_image_lets_it_write(services):
    beat_command = services["beat"]["command"]
    schedule = beat_command[beat_command.index("--schedule") + 1]
    assert schedule.startswith("/app/var/beat/")
    dockerfile = (REPO / "Dockerfile").read_text()
    assert "var/beat" in dockerfile and "chown -R scrutiny:scrutiny var" in dockerfile


def test_web_postgres_and_redis_have_health_checks(services):
    for name in ("web", "postgres", "redis"):
        assert services[name]["healthcheck"]["test"], name
    assert services["web"]["healthcheck"]["test"] == ["CMD", "python", "docker/healthcheck.py"]
    assert (REPO / "docker" / "healthcheck.py").is_file()
    assert "pg_isready" in " ".join(services["postgres"]["healthcheck"]["test"])
    assert services["redis"]["healthcheck"]["test"] == ["CMD", "redis-cli", "ping"]


def test_each_process_is_checked_the_way_that_fits_it(services):
    """Web: liveness (a restart mends only a process that stopped answering). Worker and beat:
    their own heartbeats, read from Redis; no check broadcasts to the workers."""
    assert "/healthz/live" in (REPO / "docker" / "healthcheck.py").read_text()
    check = ["CMD", "python", "manage.py", "check_heartbeat"]
    assert services["worker"]["healthcheck"]["test"] == [*check, "worker"]
    assert services["beat"]["healthcheck"]["test"] == [*check, "beat"]
    checks = " ".join(" ".join(each.get("healthcheck", {}).get("test", [])) for each in services.values())
    assert "inspect" not in checks


def test_the_health_check_host_is_allowed(services):
    """docker/healthcheck.py calls itself "localhost"; Django must accept that host."""
    assert services["web"]["environment"]["ALLOWED_HOSTS"].endswith(",localhost")


def test_database_and_media_live_on_named_volumes(compose, services):
    named = set(compose["volumes"])
    database_volume = mounts(services["postgres"])["/var/lib/postgresql/data"]
    assert database_volume in named
    media_volume = mounts(services["web"])[MEDIA_ROOT]
    assert media_volume in named
    assert mounts(services["worker"])[MEDIA_ROOT] == media_volume  # reports the worker writes
    assert services["web"]["environment"]["MEDIA_ROOT"] == MEDIA_ROOT
    assert "/data" in mounts(services["redis"])  # queued tasks survive a restart


def test_migrations_run_before_the_app_starts(services):
    migrate = services["migrate"]
    assert command_text(migrate) == "python manage.py migrate --noinput"
    assert migrate["restart"] == "no"
    assert migrate["depends_on"]["postgres"]["condition"] == "service_healthy"
    for name in APP_SERVICES:
        depends = services[name]["depends_on"]
        assert depends["migrate"]["condition"] == "service_completed_successfully", name
        assert depends["postgres"]["condition"] == "service_healthy", name
        assert depends["redis"]["condition"] == "service_healthy", name


def test_production_settings_with_a_required_secret_key(services):
    environment = services["web"]["environment"]
    assert environment["DEBUG"] == "false"
    assert environment["SECRET_KEY"].startswith("${SECRET_KEY:?")
    assert environment["DATABASE_URL"].startswith("postgres://")
    assert environment["DATABASE_URL"].endswith("@postgres:5432/scrutiny")
    assert environment["CELERY_BROKER_URL"] == "redis://redis:6379/0"
    for name in ("ALLOWED_HOSTS", "EMAIL_URL", "MEDIA_ROOT", "SITE_URL"):
        assert environment[name], name


def test_every_variable_compose_sets_is_one_the_settings_read(services):
    """A misspelt name would be silently ignored by the app."""
    unknown = set(services["web"]["environment"]) - settings_variables()
    assert not unknown


def test_every_variable_compose_requires_is_in_the_env_example():
    required = set(re.findall(r"\$\{([A-Z_]+):\?", COMPOSE_FILE.read_text()))
    example = (REPO / ".env.example").read_text()
    assert required == {"SECRET_KEY", "ALLOWED_HOSTS", "SITE_URL", "POSTGRES_PASSWORD"}
    for name in required:
        assert re.search(rf"^{name}=", example, re.MULTILINE), name


def test_an_https_proxy_stands_in_front_of_web_and_caps_request_bodies(services, compose):
    proxy = services["proxy"]
    assert proxy["image"].startswith("caddy:2")
    assert {"80:80", "443:443"} <= set(proxy["ports"])
    assert proxy["depends_on"]["web"]["condition"] == "service_healthy"
    caddyfile_mount = mounts(proxy)["/etc/caddy/Caddyfile:ro"]
    caddyfile = (REPO / caddyfile_mount.removeprefix("./")).read_text()
    assert "reverse_proxy web:8000" in caddyfile
    # The proxy's cap is the app's upload limit (20 MiB) plus the 1 MiB allowance for fields.
    from scrutiny.middleware import FORM_FIELDS_ALLOWANCE

    max_size = re.search(r"max_size \{\$PROXY_MAX_BODY_SIZE:(\d+)MiB\}", caddyfile).group(1)
    assert int(max_size) * 1024 * 1024 == 20 * 1024 * 1024 + FORM_FIELDS_ALLOWANCE
    assert {"caddy-data", "caddy-config"} <= set(compose["volumes"])
    # web is published on loopback only: everyone else comes through the proxy.
    assert all(port.startswith("127.0.0.1:") for port in services["web"]["ports"])
