"""Every install gets the same versions: uv.lock must match pyproject.toml, for Python 3.11 to 3.13."""

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from packaging.specifiers import SpecifierSet

REPO = Path(__file__).resolve().parent.parent


def uv_command():
    beside_python = Path(sys.executable).parent / "uv"
    return str(beside_python) if beside_python.exists() else shutil.which("uv")


def test_uv_lock_is_up_to_date_with_pyproject():
    uv = uv_command()
    assert uv, "uv is a dev dependency: install it with the dev extras"
    assert (REPO / "uv.lock").exists(), "uv.lock is missing: run `uv lock` and commit it"
    result = subprocess.run(  # noqa: S603 - a fixed command on the repository's own files
        [uv, "lock", "--check", "--offline", "--quiet", "--directory", str(REPO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, (
        "uv.lock is out of date with pyproject.toml: run `.venv/bin/uv lock` and commit uv.lock\n"
        + result.stderr
    )


def test_lock_file_checks_hashes_of_every_download():
    lock = tomllib.loads((REPO / "uv.lock").read_text())
    registry_packages = [p for p in lock["package"] if "registry" in p.get("source", {})]
    assert registry_packages
    for package in registry_packages:
        files = package.get("wheels", []) + ([package["sdist"]] if "sdist" in package else [])
        assert files and all(f.get("hash", "").startswith("sha256:") for f in files), package["name"]


def test_supports_python_3_11_to_3_13():
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    supported = SpecifierSet(project["requires-python"])
    for version in ("3.11.0", "3.12.0", "3.13.0"):
        assert version in supported, version
    assert "3.10.0" not in supported
    lock = tomllib.loads((REPO / "uv.lock").read_text())
    assert SpecifierSet(lock["requires-python"]) == supported
