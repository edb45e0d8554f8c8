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


def _checked_files() -> set[Path]:
    import glob
    import tomllib

    checked = set()
    for entry in tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["mypy"]["files"]:
        for found in glob.glob(entry, root_dir=REPO):
            path = REPO / found
            checked |= set(path.rglob("*.py")) if path.is_dir() else {path}
    return {p for p in checked if "migrations" not in p.parts}


def test_mypy_checks_every_apps_service_selector_and_permission_modules():
    checked = _checked_files()
    patterns = ("*/services.py", "*/services/*.py", "*/selectors.py", "*/selectors/*.py", "*/permissions.py")
    modules = {p for pattern in patterns for p in REPO.glob(pattern) if p.parts[len(REPO.parts)] != "tests"}
    assert modules and modules - checked == set()


def test_mypy_checks_every_module_of_every_app_with_the_codes_that_catch_wrong_arguments_and_none():
    """Every app in the apps' order (written once, in the import-linter contract) is checked whole,
    views, forms, tasks and models included, with arg-type and union-attr on."""
    import tomllib

    config = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]
    apps = config["importlinter"]["root_packages"]
    assert len(apps) == 10
    for app in apps:
        modules = {p for p in (REPO / app).rglob("*.py") if "migrations" not in p.parts}
        assert modules and modules - _checked_files() == set(), app
    assert not {"arg-type", "union-attr"} & set(config["mypy"]["disable_error_code"])
