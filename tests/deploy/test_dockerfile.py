"""The Dockerfile and .dockerignore (no Docker engine here: their content is checked, and the
dependency stage's install command is run against the files that stage copies)."""

import fnmatch
import os
import re
import shutil
import subprocess
import sys
import tomllib

import pytest

from tests.deploy.production import REPO
from tests.test_dependencies import uv_command

DOCKERFILE = REPO / "Dockerfile"


@pytest.fixture(scope="module")
def instructions():
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments dropped."""
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text())
    lines = [line.strip() for line in text.splitlines()]
    return [tuple(line.split(None, 1)) for line in lines if line and not line.startswith("#")]


def arguments(instructions, name):
    return [args for instruction, args in instructions if instruction == name]


def stages(instructions):
    """The build's stages, each a list of its instructions, FROM first."""
    found = []
    for instruction in instructions:
        if instruction[0] == "FROM":
            found.append([])
        found[-1].append(instruction)
    return found


def stage_env(stage):
    """The NAME=value pairs a stage's ENV instructions set."""
    return dict(re.findall(r'(\w+)=("[^"]*"|\S+)', " ".join(arguments(stage, "ENV"))))


def test_builds_on_the_python_the_project_requires(instructions):
    assert arguments(instructions, "FROM") == [
        "python:3.11-slim-bookworm AS dependencies", "python:3.11-slim-bookworm",
    ]
    requires = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["requires-python"]
    assert ">=3.11" in requires


def test_installs_the_libraries_weasyprint_loads(instructions):
    run = " ".join(arguments(instructions, "RUN"))
    for package in ("libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz0b", "fonts-dejavu-core"):
        assert package in run, package
    assert "rm -rf /var/lib/apt/lists/*" in run


def test_installs_the_locked_dependencies_with_uv_then_copies_only_them_and_the_code(instructions):
    build, image = stages(instructions)
    assert arguments(build, "COPY") == ["pyproject.toml uv.lock ./"]
    assert arguments(build, "RUN")[-1] == "uv sync --locked --no-dev --no-install-project"
    assert stage_env(build)["UV_PROJECT_ENVIRONMENT"] == "/venv"
    assert stage_env(build)["UV_PYTHON_DOWNLOADS"] == "never"  # the base image's Python, no other
    # uv is the version the project's own tools pin, so the lock is read by the uv that wrote it.
    dev = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["optional-dependencies"]["dev"]
    (uv_pin,) = [pin for pin in dev if pin.startswith("uv==")]
    assert f"pip install {uv_pin}" in arguments(build, "RUN")
    # Nothing is installed by pip from pyproject.toml, which would pick versions other than the lock's.
    assert not any("pip install" in run for run in arguments(image, "RUN"))
    copies = arguments(image, "COPY")
    assert copies == ["--from=dependencies /venv /venv", ". ."]
    assert stage_env(image)["PATH"] == '"/venv/bin:$PATH"'


def test_the_dependency_stage_installs_the_locks_versions_from_only_what_it_copies(instructions, tmp_path):
    """Run the stage's install command, as a dry run and offline, in a folder holding only the
    files the stage copies: it must accept the lock and install every pinned dependency at the
    lock's version, and no test or lint tool."""
    uv = uv_command()
    assert uv, "uv is a dev dependency: install it with the dev extras"
    build, _ = stages(instructions)
    for name in arguments(build, "COPY")[0].split()[:-1]:
        shutil.copy(REPO / name, tmp_path / name)
    command = arguments(build, "RUN")[-1].split()
    env = {**os.environ, **stage_env(build), "UV_PROJECT_ENVIRONMENT": str(tmp_path / "venv"),
           "UV_PYTHON": sys.executable}
    result = subprocess.run(  # noqa: S603 - the Dockerfile's own command on copies of repo files
        [uv, *command[1:], "--dry-run", "--offline"], cwd=tmp_path, env=env,
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    would_install = dict(re.findall(r"^ \+ (\S+)==(\S+)$", result.stderr, re.MULTILINE))
    lock = {p["name"]: p["version"] for p in tomllib.loads((REPO / "uv.lock").read_text())["package"]}
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    for pin in project["dependencies"]:
        name, version = re.sub(r"\[.*\]", "", pin).split("==")
        name = name.lower().replace("_", "-")
        assert would_install.get(name) == version == lock[name], pin
    assert all(lock[name] == version for name, version in would_install.items())
    for tool in ("pytest", "ruff", "mypy", "playwright", "uv"):
        assert tool not in would_install, tool


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
    for path in ("pyproject.toml", "uv.lock", "README.md", "manage.py", "docker/healthcheck.py",
                 "scrutiny/settings.py", "static/css", "templates/base.html"):
        assert not any(fnmatch.fnmatch(path, p) or path.startswith(p + "/") for p in ignored), path
