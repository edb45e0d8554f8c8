"""Runs every app's permission rows for every role, and checks no URL is missing from them."""

import importlib
from pathlib import Path

import pytest

from tests.permission_matrix import check_rows, project_url_names

ROW_MODULES = sorted(
    f"tests.{p.parent.name}.permission_rows"
    for p in Path(__file__).parent.glob("*/permission_rows.py")
)


@pytest.mark.parametrize("module_name", ROW_MODULES)
def test_permission_matrix(client, users, module_name):
    rows = importlib.import_module(module_name).rows(users)
    assert rows, f"{module_name} has no rows"
    assert check_rows(client, rows, users) == []


def test_every_url_has_rows_in_the_matrix(users):
    covered = set()
    for module_name in ROW_MODULES:
        covered |= {row.name for row in importlib.import_module(module_name).rows(users)}
    assert project_url_names() - covered == set()
