"""The permission matrix: every URL name against every role, with the answer each should get.

Each app lists its rows in tests/<app>/permission_rows.py as `rows(people) -> list[Row]`,
where people maps each site role to a user (see the `users` fixture). tests/test_permissions.py
checks every row for every role and that every URL in the project has a row.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import URLPattern, URLResolver, get_resolver

ROLES = ("anonymous", "tenant", "officer", "manager", "admin")
# Panel roles that change what a person may do on one panel; a row that names them in its
# expectations brings the people in `cast` (see panel_cast()).
PANEL_ROLES = ("chair", "vice_chair", "supporting_officer", "member", "former_member")
OK = 200
LOGIN = "302 to sign-in"
REDIRECT = 302
FORBIDDEN = 403
NOT_FOUND = 404
NOT_ALLOWED = 405
GONE = 410


def expect(*, anonymous=LOGIN, tenant, officer, manager, admin):
    return {"anonymous": anonymous, "tenant": tenant, "officer": officer, "manager": manager,
            "admin": admin}


def everyone(code, *, anonymous=LOGIN):
    """The same answer for every signed-in role."""
    return expect(anonymous=anonymous, tenant=code, officer=code, manager=code, admin=code)


def admins_only(code=OK):
    return expect(tenant=FORBIDDEN, officer=FORBIDDEN, manager=FORBIDDEN, admin=code)


@dataclass
class Row:
    name: str  # the URL name, e.g. "accounts:profile"
    url: str | Callable[[str], str]  # or a function of the role, for actions that change data
    expected: dict
    method: str = "get"
    data: dict | Callable[[str], dict] = field(default_factory=dict)
    cast: dict = field(default_factory=dict)  # extra people by panel role, e.g. {"chair": user}

    def url_for(self, role):
        return self.url(role) if callable(self.url) else self.url

    def data_for(self, role):
        return self.data(role) if callable(self.data) else self.data


def outcome(response):
    """What a person would see: a page's status, or being sent to sign in."""
    if response.status_code == 302 and response["Location"].split("?")[0] == resolve_url(
        settings.LOGIN_URL
    ):
        return LOGIN
    return response.status_code


def roles_of(row):
    """The site roles, then the panel roles the row has expectations and people for."""
    return ROLES + tuple(role for role in PANEL_ROLES if role in row.expected and role in row.cast)


class Clients:
    """A test client per person, signed in once and kept: signing in and out around every
    request (dozens of queries each way, with django-axes' records) was most of the matrix's
    time. Before each request the client is checked to be still that person (or still nobody),
    so a row that ends or starts a session (signing out, changing a password, signing in)
    cannot carry over to the next: such a client is signed in again, or replaced."""

    def __init__(self):
        self._clients = {}

    def of(self, person, on_sign_in=None):
        """The client of `person` (a user, or None for someone not signed in); `on_sign_in` is
        called when the person is signed in afresh (which records when they last signed in)."""
        from django.test import Client

        key = person.pk if person else None
        client = self._clients.get(key)
        if client is not None and _session_of(client) != _expected_session(person):
            client = None
        if client is None:
            client = self._clients[key] = Client()
            if person:
                client.force_login(person)
                if on_sign_in:
                    on_sign_in()
        return client


def _session_of(client):
    """(user id, auth hash) the client's session holds; (None, None) when it holds nobody."""
    from importlib import import_module

    from django.contrib.auth import HASH_SESSION_KEY, SESSION_KEY

    cookie = client.cookies.get(settings.SESSION_COOKIE_NAME)
    if not cookie or not cookie.value:
        return None, None
    session = import_module(settings.SESSION_ENGINE).SessionStore(cookie.value)
    return session.get(SESSION_KEY), session.get(HASH_SESSION_KEY)


def _expected_session(person):
    return (str(person.pk), person.get_session_auth_hash()) if person else (None, None)


def person_for(row, role, people):
    """Who makes the row's request as `role`: None for anonymous."""
    return None if role == "anonymous" else (row.cast.get(role) or people[role])


# Answers that refuse a request: a refused POST must leave the database as it was.
REFUSED = {LOGIN, FORBIDDEN, NOT_FOUND, NOT_ALLOWED}


def is_refusal(answer, role):
    """Whether the answer refuses the person (signing out sends a signed-in person to sign in:
    that is not refusing them)."""
    return answer in REFUSED and (answer != LOGIN or role == "anonymous")


class Unchanged:
    """Checks that refused POSTs change nothing. The fingerprint after one refused POST is the
    one before the next, unless anything else ran between them (another request, signing in,
    a row making its object)."""

    def __init__(self):
        self._last = None

    def forget(self):
        self._last = None

    def post(self, client, url, data):
        """POST as refused; the response, and the tables it changed."""
        from tests.db_unchanged import changed_tables, fingerprint

        before = self._last or fingerprint()
        response = client.post(url, data)
        self._last = fingerprint()
        return response, changed_tables(before, self._last)


def check_rows(rows, people, clients=None):
    """Request every row as every role; return a line for each answer that was not expected,
    and for each refused POST that changed the database."""
    clients = clients or Clients()
    unchanged = Unchanged()
    failures = []
    for row in rows:
        for role in roles_of(row):
            client = clients.of(person_for(row, role, people), on_sign_in=unchanged.forget)
            url, data = row.url_for(role), row.data_for(role)
            if row.method == "post" and is_refusal(row.expected[role], role):
                if callable(row.url) or callable(row.data):
                    unchanged.forget()  # making the URL or data may have added rows
                response, changed = unchanged.post(client, url, data)
            else:
                unchanged.forget()
                response, changed = getattr(client, row.method)(url, data), []
            got = outcome(response)
            if got != row.expected[role]:
                failures.append(
                    f"{row.method.upper()} {row.name} as {role}: expected {row.expected[role]},"
                    f" got {got}"
                )
            elif changed:
                failures.append(f"POST {row.name} as {role}: refused ({got}) but changed {changed}")
    return failures


def project_url_names(skip_namespaces=("admin",)):
    """Every named URL of the project as 'namespace:name', leaving out the admin site."""
    names = set()

    def walk(patterns, prefix):
        for p in patterns:
            if isinstance(p, URLResolver):
                ns = p.namespace
                if ns in skip_namespaces:
                    continue
                walk(p.url_patterns, f"{prefix}{ns}:" if ns else prefix)
            elif isinstance(p, URLPattern) and p.name:
                names.add(prefix + p.name)

    walk(get_resolver().url_patterns, "")
    return names


def panel_cast(panel):
    """A chair, vice-chair, supporting officer, member and former member of the panel (site
    roles: tenants, and an officer as supporting officer), for rows about panel roles."""
    import datetime

    from panels.models import PanelRole
    from tests.factories.accounts import UserFactory
    from tests.factories.panels import MembershipFactory

    long_ago = datetime.date(2024, 1, 1)
    cast = {
        role: MembershipFactory(panel=panel, role=role, joined_on=long_ago).user
        for role in (PanelRole.CHAIR, PanelRole.VICE_CHAIR, PanelRole.MEMBER)
    }
    cast["supporting_officer"] = MembershipFactory(
        panel=panel, role=PanelRole.SUPPORTING_OFFICER, user=UserFactory(role="officer"), joined_on=long_ago
    ).user
    cast["former_member"] = MembershipFactory(
        panel=panel, joined_on=long_ago, left_on=datetime.date(2025, 1, 1)
    ).user
    return {str(role): user for role, user in cast.items()}


def panel_roles(*, chair, vice_chair, supporting_officer, member, former_member, **site_roles):
    """Expectations for the site roles and for each panel role."""
    return {**expect(**site_roles), "chair": chair, "vice_chair": vice_chair,
            "supporting_officer": supporting_officer, "member": member, "former_member": former_member}
