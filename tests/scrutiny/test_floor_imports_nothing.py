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


def _floor_modules() -> list:
    return sorted(p for p in (REPO / "scrutiny").rglob("*.py") if "migrations" not in p.parts)


@pytest.mark.parametrize("path", _floor_modules(), ids=lambda p: str(p.relative_to(REPO)))
def test_the_floor_module_imports_no_app(path):
    upward = [name for name in _imported_modules(path.read_text())
              if name.split(".")[0] in APPS]
    assert upward == [], f"{path.relative_to(REPO)} imports {upward}"

