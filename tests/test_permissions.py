"""Runs every app's permission rows for every role, and checks no URL is missing from them."""

import importlib
from pathlib import Path

import pytest

from tests.permission_matrix import (
    FORBIDDEN,
    LOGIN,
    NOT_ALLOWED,
    NOT_FOUND,
    Clients,
    Unchanged,
    check_rows,
    is_refusal,
    outcome,
    person_for,
    project_url_names,
    roles_of,
)

# Each app's permission_rows.py, and tests/panel_roles/*_rows.py: what each panel role may do.
ROW_MODULES = sorted(
    f"tests.{p.parent.name}.{p.stem}"
    for p in {*Path(__file__).parent.glob("*/permission_rows.py"),
              *Path(__file__).parent.glob("panel_roles/*_rows.py")}
)


@pytest.mark.parametrize("module_name", ROW_MODULES)
def test_permission_matrix(users, module_name):
    rows = importlib.import_module(module_name).rows(users)
    assert rows, f"{module_name} has no rows"
    assert check_rows(rows, users) == []


def test_every_url_has_rows_in_the_matrix(users):
    covered = set()
    for module_name in ROW_MODULES:
        covered |= {row.name for row in importlib.import_module(module_name).rows(users)}
    assert project_url_names() - covered == set()


# An answer that refuses: a POST must be refused wherever the GET of the same URL is.
REFUSALS = {LOGIN, FORBIDDEN, NOT_FOUND}


@pytest.mark.parametrize("module_name", ROW_MODULES)
def test_post_is_refused_wherever_get_is(users, module_name):
    """Every URL's POST, empty, as every role its GET refuses: a view that checked permission
    only when showing its form would accept it (a save, a 302, a 200 with errors)."""
    failures = []
    clients, unchanged = Clients(), Unchanged()
    for row in importlib.import_module(module_name).rows(users):
        if row.method != "get":
            continue
        for role in roles_of(row):
            if row.expected[role] not in REFUSALS:
                continue
            client = clients.of(person_for(row, role, users), on_sign_in=unchanged.forget)
            url = row.url_for(role)
            if callable(row.url):
                unchanged.forget()  # making the URL may have added rows
            response, changed = unchanged.post(client, url, {})
            got = outcome(response)
            if got not in (row.expected[role], NOT_ALLOWED):
                failures.append(f"POST {row.name} as {role}: GET gives {row.expected[role]}, POST {got}")
            elif changed and is_refusal(got, role):
                failures.append(f"POST {row.name} as {role}: refused ({got}) but changed {changed}")
    assert failures == []


def test_every_post_only_url_has_post_rows(users):
    """A URL that only takes POST (an action: resend, withdraw, delete) is checked by rows that
    POST to it, role by role, not only by the 405 its GET gives."""
    get_answers, posted = {}, set()
    for module_name in ROW_MODULES:
        for row in importlib.import_module(module_name).rows(users):
            if row.method == "post":
                posted.add(row.name)
            else:
                get_answers.setdefault(row.name, set()).update(row.expected.values())
    post_only = {name for name, answers in get_answers.items() if answers == {NOT_ALLOWED}}
    assert post_only - posted == set()
