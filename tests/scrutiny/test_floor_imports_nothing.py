"""`scrutiny/` is the floor every app stands on: none of its modules imports an app, not even
inside a function or for type hints only. What an app adds to the floor's pages it adds itself."""

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent.parent
APPS = ("accounts", "panels", "assessments", "comparisons", "reviews", "mysteryshop",
        "recommendations", "reports")


def _imported_modules(source: str) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
    return names


# The site settings' check of the regulator's code moves to the comparisons app on the main line
# (SITE_SETTINGS_CHECKS); strict, so this marker fails, and is removed, once that is merged here.
NOT_YET = {"scrutiny/services.py": "the regulator's code is still checked here until the merge"}


def _floor_modules() -> list:
    paths = sorted(p for p in (REPO / "scrutiny").rglob("*.py") if "migrations" not in p.parts)
    return [
        pytest.param(p, marks=pytest.mark.xfail(strict=True, reason=NOT_YET[str(p.relative_to(REPO))]))
        if str(p.relative_to(REPO)) in NOT_YET else p
        for p in paths
    ]


@pytest.mark.parametrize("path", _floor_modules(), ids=lambda p: str(p.relative_to(REPO)))
def test_the_floor_module_imports_no_app(path):
    upward = [name for name in _imported_modules(path.read_text())
              if name.split(".")[0] in APPS]
    assert upward == [], f"{path.relative_to(REPO)} imports {upward}"

