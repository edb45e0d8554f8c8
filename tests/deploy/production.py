"""Run the app as production runs it: in a subprocess, with settings only from the environment."""

import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SETTINGS_FILE = REPO / "scrutiny" / "settings.py"
# A key as long and random-looking as `check --deploy` wants (50+ characters, 5+ distinct).
SECRET_KEY = "test-only-key-9f2c7a1e5b3d8c6a4e2f0b9d7c5a3e1f8b6d4c2a0e9f7b5d3c1a"


def settings_variables():
    """Every environment variable scrutiny/settings.py reads (env.str("NAME", ...) and friends)."""
    return set(re.findall(r'\benv\.\w+\(\s*"([A-Z][A-Z0-9_]*)"', SETTINGS_FILE.read_text()))


def production_env(**overrides):
    """This process's environment without any of the app's settings, plus production settings.

    A variable set to None in overrides is left out."""
    # DJANGO_ALLOW_ASYNC_UNSAFE is a test-only switch (browser tests); production never has it.
    env = {
        k: v for k, v in os.environ.items()
        if k not in settings_variables() and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    env.update(
        DJANGO_SETTINGS_MODULE="scrutiny.settings",
        DEBUG="false",
        SECRET_KEY=SECRET_KEY,
        ALLOWED_HOSTS="scrutiny.example.org",
        PYTHONUNBUFFERED="1",
    )
    env.update({k: v for k, v in overrides.items() if v is not None})
    for key in [k for k, v in overrides.items() if v is None]:
        env.pop(key, None)
    return env


# Only a guard against a hung command: a busy machine can make collectstatic take minutes, and
# that must not fail a test (nothing here asserts on time).
MANAGE_TIMEOUT = 1800


def manage(*args, env, timeout=MANAGE_TIMEOUT):
    """`python manage.py ARGS` in a subprocess; returns the CompletedProcess (never raises)."""
    return subprocess.run(
        [sys.executable, str(REPO / "manage.py"), *args],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout, check=False,
    )
