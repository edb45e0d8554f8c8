"""Service, selector and permission signatures are type-hinted and checked by mypy (django-stubs).

The configuration is in pyproject.toml ([tool.mypy]): every app's services, selectors and
permissions modules, each function hinted, calls and returns matching the hints."""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_mypy_passes_on_services_selectors_and_permissions():
    result = subprocess.run(  # noqa: S603 - the project's own checker on its own files
        [sys.executable, "-m", "mypy", "--no-error-summary"],
        cwd=REPO, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_checks_every_apps_service_selector_and_permission_modules():
    import tomllib

    patterns = ("*/services.py", "*/services/*.py", "*/selectors.py", "*/selectors/*.py", "*/permissions.py")
    files = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["mypy"]["files"]
    for pattern in patterns:
        assert pattern in files
