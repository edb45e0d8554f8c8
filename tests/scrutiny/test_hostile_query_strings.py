"""Every page, asked with query-string values no link would ever carry (a year of 99999999999,
-1 or "abc", a page of 1e309 or twenty nines, an id too big for the database), answers as a
page does: with the page (falling back to a sensible default), a message, or a 400/404, never a
server error. The pages are every GET row of the permission matrix, asked by an administrator
(who may open them all)."""

import importlib
from urllib.parse import urlencode

import pytest

from tests.permission_matrix import Clients, person_for
from tests.test_permissions import ROW_MODULES

# Every query parameter a page reads (grep request.GET and the filter forms).
PARAMETERS = [
    "year", "page", "past_page", "course_page", "due_page", "section", "visit", "checklist",
    "site", "channel", "mine", "show", "group", "evidence", "evidence_search", "q", "status",
    "review", "review_title", "panel", "service_area", "owner", "owner_name", "priority",
    "overdue", "sort", "stage", "kind", "person", "since", "until",
]
HOSTILE = ["99999999999", "-1", "abc", "1e309", "99999999999999999999"]


@pytest.mark.parametrize("module_name", ROW_MODULES)
def test_no_page_fails_on_a_hostile_query_string(users, module_name):
    failures = []
    clients = Clients()
    for row in importlib.import_module(module_name).rows(users):
        if row.method != "get":
            continue
        for role in ("admin",):
            client = clients.of(person_for(row, role, users))
            client.raise_request_exception = False
            url = row.url_for(role)
            for value in HOSTILE:
                query = urlencode(dict.fromkeys(PARAMETERS, value))
                response = client.get(f"{url}{'&' if '?' in url else '?'}{query}")
                if response.status_code >= 500:
                    failures.append(f"{row.name} with {value!r}: {response.status_code}")
    assert failures == []
