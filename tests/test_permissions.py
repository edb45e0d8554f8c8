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


# Reached before the second factor: signing out, the step itself, and the site's icon, logo and
# health check. Staff with no method yet also reach their methods pages, to add one.
OPEN_BEFORE_SECOND_FACTOR = {
    "accounts:logout", "accounts:second-factor-step", "accounts:second-factor-check",
    "accounts:second-factor-passkey-options", "accounts:second-factor-passkey-finish",
    "healthz", "healthz-live", "healthz-ready", "favicon", "site-logo", "javascript-catalogue", "language",
}
ADDING = {"methods", "add-authenticator", "authenticator-qr", "recovery-codes", "recovery-codes-download",
          "remove"}
ADDING |= {"add-passkey", "add-passkey-options", "add-passkey-finish"}


@pytest.mark.parametrize("module_name", ROW_MODULES)
def test_password_only_staff_reach_nothing_but_the_second_factor(users, module_name):
    """Officers, managers and administrators past the password but not the second factor: every
    URL of the matrix sends them to the step (they have a method) or to add one (they have none)."""
    from django.test import Client
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.second_factor import password_only_login

    holder = {role: users[role] for role in ("officer", "manager", "admin")}
    for person in holder.values():
        TOTPDevice.objects.create(user=person, name="Phone")
    newcomer = {"admin without a method": _new_admin()}
    sessions = {role: password_only_login(Client(), person)
                for role, person in {**holder, **newcomer}.items()}
    failures = []
    for row in importlib.import_module(module_name).rows(users):
        if row.name in OPEN_BEFORE_SECOND_FACTOR:
            continue
        for role, client in sessions.items():
            adding = role in newcomer
            if adding and row.name.removeprefix("accounts:second-factor-") in ADDING:
                continue
            role_key = role if role in users else "admin"
            response = getattr(client, row.method)(row.url_for(role_key), row.data_for(role_key))
            target = "/accounts/second-factor/" + ("methods/" if adding else "check/")
            where = response.get("Location", "").split("?")[0]
            if response.status_code != 302 or where != target:
                failures.append(f"{row.method.upper()} {row.name} as {role}: "
                                f"{response.status_code} {where}")
    assert failures == []


def _new_admin():
    from tests.factories.accounts import UserFactory

    return UserFactory(role="admin")
