"""The Dockerfile and .dockerignore (no Docker engine here: their content is checked)."""

import fnmatch
import re
import tomllib

import pytest

from tests.deploy.production import REPO

DOCKERFILE = REPO / "Dockerfile"


@pytest.fixture(scope="module")
def instructions():
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments dropped."""
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text())
    lines = [line.strip() for line in text.splitlines()]
    return [tuple(line.split(None, 1)) for line in lines if line and not line.startswith("#")]


def arguments(instructions, name):
    return [args for instruction, args in instructions if instruction == name]


def test_builds_on_the_python_the_project_requires(instructions):
    assert arguments(instructions, "FROM") == ["python:3.11-slim-bookworm"]
    requires = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["requires-python"]
    assert ">=3.11" in requires


def test_installs_the_libraries_weasyprint_loads(instructions):
    run = " ".join(arguments(instructions, "RUN"))
    for package in ("libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz0b", "fonts-dejavu-core"):
        assert package in run, package
    assert "rm -rf /var/lib/apt/lists/*" in run


def test_installs_the_pinned_dependencies_then_the_code(instructions):
    copies = arguments(instructions, "COPY")
    assert copies[0] == "pyproject.toml README.md ./"
    assert copies[-1] == ". ."
    assert "pip install ." in arguments(instructions, "RUN")


def test_collects_static_files_with_production_storage(instructions):
    collect = next(args for args in arguments(instructions, "RUN") if "collectstatic" in args)
    assert "DEBUG=false" in collect and "SECRET_KEY=" in collect


def test_runs_as_a_user_that_is_not_root_with_debug_off(instructions):
    names = [instruction for instruction, _ in instructions]
    assert arguments(instructions, "USER") == ["scrutiny"]
    assert names.index("USER") < names.index("CMD")
    assert "DEBUG=false" in " ".join(arguments(instructions, "ENV"))


def test_serves_with_gunicorn(instructions):
    (cmd,) = arguments(instructions, "CMD")
    assert "exec gunicorn scrutiny.wsgi:application --bind 0.0.0.0:8000" in cmd
    assert "--workers ${WEB_CONCURRENCY:-3}" in cmd
    assert "--access-logfile -" in cmd


def test_dockerignore_keeps_secrets_and_local_state_out_but_lets_the_build_copy_what_it_needs():
    patterns = [
        line.strip() for line in (REPO / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    ignored = [p for p in patterns if not p.startswith("!")]
    for path in (".env", ".venv", ".git", "var", "staticfiles"):
        assert path in ignored, path
    for path in ("pyproject.toml", "README.md", "manage.py", "docker/healthcheck.py", "scrutiny/settings.py",
                 "static/css", "templates/base.html"):
        assert not any(fnmatch.fnmatch(path, p) or path.startswith(p + "/") for p in ignored), path
