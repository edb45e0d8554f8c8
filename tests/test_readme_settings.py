"""The README's table of environment variables lists every one the settings read."""

import ast
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def variables_read_by_settings() -> set[str]:
    """Names passed to env(...), env.<cast>(...), os.environ.get(...) or os.getenv(...) in settings.py."""
    tree = ast.parse((REPO / "scrutiny" / "settings.py").read_text())
    names = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        first = node.args[0]
        if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
            continue
        func = ast.unparse(node.func)
        if func == "env" or func.startswith("env.") or func in ("os.environ.get", "os.getenv"):
            names.add(first.value)
    for node in ast.walk(tree):  # os.environ["NAME"]
        is_environ = isinstance(node, ast.Subscript) and ast.unparse(node.value) == "os.environ"
        if is_environ and isinstance(node.slice, ast.Constant):
            names.add(node.slice.value)
    return names


def variables_in_readme_table() -> set[str]:
    readme = (REPO / "README.md").read_text()
    section = readme.split("## Environment variables", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([A-Z0-9_]+)` \|", section, flags=re.M))


def test_settings_reads_the_variables_this_test_looks_for():
    # The parser must see the reads the issue named, or the comparison below proves nothing.
    assert {"ACTION_DUE_SOON_DAYS", "RESPONSE_OVERDUE_DAYS", "AXES_ENABLED", "CELERY_TASK_EAGER_PROPAGATES",
            "SECURE_HSTS_PRELOAD", "DATABASE_URL", "DEBUG"} <= variables_read_by_settings()


def test_readme_lists_every_environment_variable_the_settings_read():
    missing = variables_read_by_settings() - variables_in_readme_table()
    assert missing == set(), f"add these to the README's Environment variables table: {sorted(missing)}"


def test_the_settings_read_no_variable_only_tests_use():
    # Product code holds no switch for its tests: a test that needs a worker held mid-report
    # brings its own (tests/stack/slow_reports.py).
    readme = (REPO / "README.md").read_text().lower()
    assert [name for name in variables_read_by_settings() if "TEST" in name] == []
    assert "test-only" not in readme and "tests only" not in readme
