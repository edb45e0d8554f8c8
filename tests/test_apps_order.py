"""`make lint` checks the apps' order (pyproject.toml's [tool.importlinter]): an upward import fails
it, and so does a template's upward {% url %} or {% include %}; the real tree passes both."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from scrutiny import template_order

REPO = Path(__file__).resolve().parent.parent
APPS = ["scrutiny", "accounts", "panels", "assessments", "comparisons", "reviews", "mysteryshop",
        "recommendations", "reports", "opendata"]


def lint_imports(root: Path) -> subprocess.CompletedProcess:
    command = [str(Path(sys.executable).parent / "lint-imports"), "--no-cache"]
    return subprocess.run(  # noqa: S603 - a fixed command on a copy of the repository
        command, cwd=root, capture_output=True, text=True, check=False,
        env={**os.environ, "PYTHONPATH": str(root)},
    )


def python_copy(tmp_path: Path) -> Path:
    """The apps' Python files and pyproject.toml, copied: enough for import-linter."""
    root = tmp_path / "copy"
    for app in APPS:
        shutil.copytree(REPO / app, root / app, ignore=shutil.ignore_patterns("templates", "static", "*.pyc"))
    shutil.copy(REPO / "pyproject.toml", root)
    return root


def template(root: Path, name: str, text: str) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def test_the_order_is_written_once_and_make_lint_checks_imports_and_templates():
    assert template_order.apps_order(REPO) == APPS
    lint = re.search(r"^lint:.*?(?=^\S)", (REPO / "Makefile").read_text(), re.M | re.S).group(0)
    assert "lint-imports" in lint and "-m scrutiny.template_order" in lint


def test_the_real_tree_keeps_the_apps_import_order():
    result = lint_imports(REPO)
    assert result.returncode == 0, result.stdout + result.stderr


def test_an_upward_import_fails_the_import_order(tmp_path):
    root = python_copy(tmp_path)
    with (root / "assessments" / "selectors.py").open("a") as selectors:
        selectors.write("\nfrom recommendations.models import Recommendation  # noqa\n")
    result = lint_imports(root)
    assert result.returncode != 0
    assert "assessments is not allowed to import recommendations" in result.stdout
    assert "assessments.selectors -> recommendations.models" in result.stdout


def test_the_real_tree_templates_keep_the_apps_order():
    assert [str(problem) for problem in template_order.problems(REPO)] == []


def test_an_upward_url_or_include_in_a_template_fails(tmp_path):
    shutil.copy(REPO / "pyproject.toml", tmp_path)
    template(tmp_path, "templates/assessments/results.html",
             "<a href=\"{% url 'recommendations:tracker' %}\">Tracker</a>\n"
             "<a href=\"{% url 'panels:list' %}\">Panels, below: allowed</a>")
    template(tmp_path, "templates/base.html", '{% include "reviews/_pagination.html" %}')
    template(tmp_path, "templates/includes/ok.html", '{% include "includes/pagination.html" %}')
    template(tmp_path, "reports/templates/reports/x.html", "{% url 'recommendations:tracker' %}")
    template(tmp_path, "comparisons/templates/comparisons/y.html", "{% url 'reports:index' as u %}")
    result = subprocess.run(  # noqa: S603 - the check itself, on a temporary tree
        [sys.executable, "-m", "scrutiny.template_order", "--root", str(tmp_path)],
        cwd=REPO, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 1
    assert result.stdout.splitlines()[:-1] == [
        "templates/assessments/results.html:1: a template of assessments names recommendations "
        "(an app above it) in {% url %}",
        "templates/base.html:1: a template of scrutiny names reviews (an app above it) in {% include %}",
        "comparisons/templates/comparisons/y.html:1: a template of comparisons names reports "
        "(an app above it) in {% url %}",
    ]
