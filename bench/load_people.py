"""What each simulated person of `make bench-load` does, 1 to 3 s apart: sign in with their own
email and password, read the pages of their role, write what their role writes, and now and
then sign out and in again. Who they are comes from bench/load_plan.py.

Plain Python with no Django: bench/locustfile.py drives it over HTTP through gunicorn, and
tests/bench/test_load_people.py through Django's test client with CSRF checks on. Forms are
read from the page and sent back as a browser would, with the person's own answers."""

from __future__ import annotations

import json
import random
import re
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from html.parser import HTMLParser
from typing import Any, Protocol

from django_otp.oath import TOTP

STEP = "/accounts/second-factor/check/"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
QUESTION = re.compile(r'data-standard="(\d+)" data-type="(\w+)" data-version="(\d+)"')
ANSWERS = {"yes_no": {"choice": "yes"}, "rating": {"rating": "4"}, "number": {"number": "3"},
           "text": {"text": "Friendly and quick."}}


@dataclass
class Page:
    status: int
    text: str
    location: str = ""


class Browser(Protocol):
    def get(self, path: str, name: str, expect: tuple[int, ...] = (200,)) -> Page: ...

    def post(self, path: str, name: str, *, data: dict[str, Any] | None = None, body: str | None = None,
             headers: dict[str, str] | None = None, expect: tuple[int, ...] = (302,)) -> Page: ...


@dataclass
class Form:
    action: str
    values: dict[str, Any] = field(default_factory=dict)
    options: dict[str, list[str]] = field(default_factory=dict)
    names: set[str] = field(default_factory=set)  # every field's, a choice not yet made included

    def choose_first(self, name: str) -> None:
        """The first real choice of a list (not its "choose one" line), if it has one."""
        choices = [value for value in self.options.get(name, []) if value]
        if choices:
            self.values[name] = choices[0]


class _FormReader(HTMLParser):
    """The forms of a page with what a browser would send unchanged (hidden fields, ticked
    boxes, a list's selected or else first option, text already typed), and each list's options."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[Form] = []
        self._select = ""
        self._textarea = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append(Form(a.get("action", "")))
        if not self.forms:
            return
        form, name = self.forms[-1], a.get("name", "")
        if tag == "option" and self._select:
            form.options[self._select].append(a.get("value", ""))
            if "selected" in a or len(form.options[self._select]) == 1:
                form.values[self._select] = a.get("value", "")
        elif not name:
            return
        form.names.add(name)
        if tag == "input" and a.get("type") not in ("submit", "button", "file", "radio", "checkbox"):
            form.values[name] = a.get("value", "")
        elif tag == "input" and "checked" in a:
            form.values[name] = a.get("value", "on")
        elif tag == "select":
            self._select = name
            form.options[name] = []
        elif tag == "textarea":
            self._textarea = name
            form.values[name] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = ""
        elif tag == "textarea":
            self._textarea = ""

    def handle_data(self, data: str) -> None:
        if self._textarea and self.forms:
            self.forms[-1].values[self._textarea] += data


def form_with(page: Page, field_name: str) -> Form:
    """The page's form that has this field."""
    reader = _FormReader()
    reader.feed(page.text)
    for form in reader.forms:
        if field_name in form.names:
            return form
    raise LookupError(f"no form with {field_name!r} on the page")


class Person:
    """One simulated person. `act` does one thing, chosen by the weights of TASKS: about one
    act in 40 is signing out and in again (once a minute or two, 1 to 3 s between acts)."""

    TASKS: dict[str, int] = {}

    def __init__(self, browser: Browser, entry: dict[str, Any], password: str, rnd: random.Random,
                 authenticator_key: str = "") -> None:
        self.browser, self.entry, self.password, self.rnd = browser, entry, password, rnd
        self.token = ""
        self.key, self.step = authenticator_key, 0

    def act(self) -> None:
        names, weights = zip(*self.TASKS.items(), strict=True)
        getattr(self, self.rnd.choices(names, weights)[0])()

    def read(self, path: str, name: str, expect: tuple[int, ...] = (200,)) -> Page:
        page = self.browser.get(path, name, expect)
        if found := TOKEN.search(page.text):
            self.token = found.group(1)
        return page

    def send(self, page: Page, path: str, field_name: str, name: str, answers: dict[str, Any]) -> Page:
        """Fill in the form of `page` that has `field_name` and send it; a form sent back with
        errors (200) counts as a failure."""
        form = form_with(page, field_name)
        return self.browser.post(form.action or path, name, data={**form.values, **answers})

    def sign_in(self) -> None:
        path = "/accounts/sign-in/"
        form = self.read(path, "sign in (form)")
        self.send(form, path, "password", "sign in",
                  {"username": self.entry["email"], "password": self.password})
        home = self.read("/", "home", expect=(200, 302))  # where signing in leads
        if STEP in home.location:  # staff: then the code their authenticator app shows
            step = self.read(home.location, "second factor (form)")
            self.send(step, home.location, "code", "second factor", {"code": self.next_code()})
            self.read("/", "home")

    def next_code(self) -> str:
        """The app's code now, or the next time step's if now's was typed already (a code works
        once, and django-otp accepts the next step's too)."""
        totp = TOTP(bytes.fromhex(self.key))
        self.step = max(totp.t(), self.step + 1)
        totp.time = totp.t0 + self.step * totp.step
        return f"{totp.token():06d}"

    def sign_out_and_in(self) -> None:
        if not self.token:
            self.read("/", "home")
        self.browser.post("/accounts/sign-out/", "sign out", data={"csrfmiddlewaretoken": self.token})
        self.sign_in()

    def home(self) -> None:
        self.read("/", "home")


class Tenant(Person):
    TASKS = {"home": 8, "review": 8, "panel": 3, "log_finding": 4, "answer_visit": 16, "sign_out_and_in": 1}

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.visit = ""  # the address of the visit under way
        self.questions: list[tuple[str, str, int]] = []  # its questions not yet answered

    def review(self) -> None:
        self.read(f"/reviews/{self.entry['review']}/", "review page")

    def panel(self) -> None:
        self.read(f"/panels/{self.entry['panel']}/", "panel page")

    def log_finding(self) -> None:
        path = f"/reviews/{self.entry['review']}/findings/add/"
        page = self.read(path, "log a finding (form)")
        self.send(page, path, "statement", "log a finding", {
            "kind": self.rnd.choice(["strength", "weakness", "observation"]),
            "statement": "Tenants were not told when the repair would be late, or why.",
        })

    def answer_visit(self) -> None:
        """Start a visit if none is under way, then answer its next question as visit.js does."""
        if not self.entry.get("programme"):
            return self.review()
        if not self.questions:
            path = f"/mystery-shopping/programmes/{self.entry['programme']}/visits/new/"
            page = self.read(path, "start a visit (form)")
            form = form_with(page, "site")
            for name in ("checklist", "site"):
                form.choose_first(name)
            started = self.browser.post(form.action or path, "start a visit", data={
                **form.values, "channel": "phone", "visited_at": datetime.now().strftime("%Y-%m-%dT%H:%M"),
            })
            self.visit = started.location.removesuffix("record/")
            record = self.read(started.location, "visit questions")
            self.questions = [(pk, kind, int(version)) for pk, kind, version in QUESTION.findall(record.text)]
        pk, kind, version = self.questions.pop(0)
        self.browser.post(f"{self.visit}answers/", "answer a visit question", body=json.dumps({
            "key": str(uuid.uuid4()), "standard": pk, "based_on": version, "value": ANSWERS.get(kind, {}),
        }), headers={"X-CSRFToken": self.token, "Content-Type": "application/json"}, expect=(200,))
        return None


class Officer(Person):
    TASKS = {"home": 8, "tracker": 10, "recommendation": 10, "add_progress": 10, "sign_out_and_in": 1}

    def _pick(self) -> int:
        return self.rnd.choice(self.entry["recommendations"])

    def tracker(self) -> None:
        self.read("/recommendations/", "tracker")

    def recommendation(self) -> None:
        self.read(f"/recommendations/{self._pick()}/", "recommendation")

    def add_progress(self) -> None:
        path = f"/recommendations/{self._pick()}/progress/new/"
        page = self.read(path, "add progress (form)")
        self.send(page, path, "text", "add progress", {"text": "Letters redrafted; with the print room."})


class Manager(Officer):
    TASKS = {"home": 8, "tracker": 12, "recommendation": 10, "respond": 6, "sign_out_and_in": 1}

    def respond(self) -> None:
        """Answer the next recommendation waiting for the landlord, if any are left."""
        if not self.entry["to_answer"]:
            return self.tracker()
        path = f"/recommendations/{self.entry['to_answer'].pop(0)}/respond/"
        page = self.browser.get(path, "respond (form)", expect=(200, 302))
        if page.status == 302:  # answered by an earlier run: on to the next one
            return self.respond()
        self.send(page, path, "decision", "respond", {"decision": "accepted", "reason": ""})
        return None


class Admin(Person):
    TASKS = {"home": 6, "people": 8, "reviews": 8, "members": 8, "evidence": 6, "sign_out_and_in": 1}

    def people(self) -> None:
        self.read("/accounts/people/", "people (admin)")

    def reviews(self) -> None:
        self.read("/reviews/", "review list")

    def members(self) -> None:
        self.read(f"/panels/{self.entry['panel']}/members/", "panel members")

    def evidence(self) -> None:
        self.read("/reviews/evidence/", "evidence list")


ROLES: dict[str, type[Person]] = {"tenant": Tenant, "officer": Officer, "manager": Manager, "admin": Admin}
