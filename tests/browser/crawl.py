"""The crawl the phone and Welsh crawls share: the demo landlord, each role signed in in turn,
and every same-site page reached from home visited once per URL pattern (the first object found
stands for the rest). What each crawl checks on a page is its own (`check`); which language it
crawls in decides where it starts and which links it follows.

Sign-out, downloads and Django's admin are left out. A page added later is crawled as soon as a
link leads to it, so it is held to the same rules."""

import io
import re
from collections import deque
from urllib.parse import urldefrag, urlsplit

from django.core.management import call_command
from django.urls import Resolver404, resolve
from django.utils import translation
from playwright.sync_api import Error as PlaywrightError

from tests.browser.conftest import BROWSER_TIMEOUT_MS

ROLES = ("tenant", "officer", "manager", "admin")
MAX_PAGES_PER_ROLE = 80
MAX_DEPTH = 4
SKIP_PATH = re.compile(
    r"^/(admin|static|media|language)/|/sign-out/|\.(csv|xlsx|pdf|ics|zip|json|atom|txt|ico|svg|png|jpe?g|ya?ml|docx?)$"
    r"|/(download|file|export|evidence/\d+|terms-of-reference|certificate|paper|photo)s?/?$"
)
# The home page of each language the site speaks; the Welsh pages are those under /cy/.
HOME = {"en-gb": "/", "cy": "/cy/"}

LINKS = """() => Array.from(document.querySelectorAll('a[href]'))
    .filter(a => !a.hasAttribute('download'))
    .map(a => a.href)"""

# What the crawls measure on a page: sideways scrolling (and what sticks out), h1 headings,
# required fields marked with a *, small tap targets, tables and chart texts.
PAGE_FACTS = """() => {
    const overflow = document.documentElement.scrollWidth;
    const wide = [];
    if (overflow > window.innerWidth) {
        for (const el of document.body.querySelectorAll('*')) {
            const r = el.getBoundingClientRect();
            if (r.right > window.innerWidth + 1 && el.children.length === 0) {
                const name = el.className ? '.' + String(el.className).split(' ')[0] : '';
                wide.push(el.tagName.toLowerCase() + name + ' ' + Math.round(r.right) + 'px');
                if (wide.length >= 3) break;
            }
        }
    }
    const labelOf = (control) => {
        const group = control.closest('fieldset');
        const grouped = control.type === 'radio' || control.type === 'checkbox';
        if (grouped && group && group.querySelector('legend')) return group.querySelector('legend');
        return control.id ? document.querySelector(`label[for="${CSS.escape(control.id)}"]`) : null;
    };
    const marks = [];
    const controls = 'main input:not([type=hidden]), main select, main textarea';
    for (const control of document.querySelectorAll(controls)) {
        if (control.form && (control.form.getAttribute('method') || 'get').toLowerCase() !== 'post') continue;
        const label = labelOf(control);
        if (!label) continue;
        const marked = !!label.querySelector('.asteriskField');
        if (control.required && !marked) marks.push(`${control.name} is required but not marked`);
    }
    const small = [];
    for (const el of document.querySelectorAll('main table a, main .btn')) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && (r.height < 44 || r.width < 44)) {
            const size = `${Math.round(r.width)} by ${Math.round(r.height)} px`;
            small.push(`"${el.textContent.trim().slice(0, 30)}" is ${size}`);
        }
    }
    return {
        small: small.slice(0, 3),
        width: overflow, screen: window.innerWidth, wide,
        h1: document.querySelectorAll('h1').length, marks: [...new Set(marks)],
        tables: document.querySelectorAll('main table').length,
        charts: document.querySelectorAll('main svg text').length,
    };
}"""


def demo_people():
    """Seed the demo landlord; the email of each role's demo person, from the command's output."""
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    # One line per role, in the order tenant, officer, manager, admin: "Tenant  email  password".
    found = [word for line in out.getvalue().splitlines() for word in line.split() if "@" in word]
    emails = dict(zip(ROLES, found, strict=False))
    assert set(emails) == set(ROLES), out.getvalue()
    return emails


def sign_in(page, email):
    from scrutiny.management.commands.seed_demo import DEMO_PASSWORD

    page.page.goto(page.base_url + "/accounts/sign-in/")
    page.page.get_by_label("Email address").fill(email)
    page.page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.page.get_by_role("button", name="Sign in").click()
    page.page.wait_for_url(lambda url: "/accounts/sign-in/" not in url, wait_until="load")
    page.pass_second_factor()


def language_of(path):
    return "cy" if path.startswith("/cy/") or path == "/cy" else "en-gb"


def pattern_of(path):
    """The URL pattern a path belongs to, so each kind of page is visited once."""
    with translation.override(language_of(path)):
        try:
            return resolve(path).view_name
        except Resolver404:
            return None


def wide_problem(path, facts):
    """Sideways scrolling, with what sticks out, or nothing."""
    if facts["width"] <= facts["screen"]:
        return []
    return [f"{path}: {facts['width']} px wide on a {facts['screen']} px screen ({', '.join(facts['wide'])})"]


def axe_once(page, path, axed):
    """axe-core (the slow part) on the page, once per URL pattern, for the first role to reach it."""
    pattern = pattern_of(urlsplit(path).path)
    if pattern in axed:
        return []
    axed.add(pattern)
    try:
        page.check_accessibility()
    except AssertionError as exc:
        return [f"{path}: {exc}"]
    return []


def crawl(page, host, *, language, check):
    """Visit each URL pattern reachable from the language's home page once, following links in
    that language only; `check(page, path)` gives each page's problems. The problems found and
    the patterns visited."""
    problems = []
    seen = set()
    queue = deque([(HOME[language], 0)])
    while queue and len(seen) < MAX_PAGES_PER_ROLE:
        path, depth = queue.popleft()
        pattern = pattern_of(urlsplit(path).path)
        if pattern is None or pattern in seen:
            continue
        seen.add(pattern)
        try:
            response = page.page.goto(page.base_url + path)
        except PlaywrightError as exc:
            if "Download is starting" in str(exc):
                continue  # a file, not a page
            raise
        if response is None or response.status >= 400:
            problems.append(f"{path}: answered {response.status if response else 'nothing'}")
            continue
        problems += check(page, path)
        if depth >= MAX_DEPTH:
            continue
        for href in page.page.evaluate(LINKS):
            parts = urlsplit(urldefrag(href)[0])
            if (parts.netloc == host and language_of(parts.path) == language
                    and not SKIP_PATH.search(parts.path) and pattern_of(parts.path) not in seen):
                queue.append((parts.path + (f"?{parts.query}" if parts.query else ""), depth + 1))
    return problems, seen


def crawl_as_each_role(chromium, live_server, emails, *, viewport, language, check):
    """A visitor, then each demo role signed in, crawled in a browser of their own; the problems
    found, each with its role. Each must reach enough patterns to count: a visitor reaches the
    sign-in, password reset, accessibility and "You said, we did" pages, someone signed in ten."""
    from tests.browser.conftest import AccessiblePage

    host = urlsplit(live_server.url).netloc
    locale = {"en-gb": "en-GB", "cy": "cy-GB"}[language]
    report = []
    for role in ("visitor", *ROLES):
        context = chromium.new_context(viewport=viewport, locale=locale)
        page = AccessiblePage(context.new_page(), live_server.url)
        page.page.set_default_timeout(BROWSER_TIMEOUT_MS)
        if role != "visitor":
            sign_in(page, emails[role])
        problems, patterns = crawl(page, host, language=language, check=check)
        context.close()
        least = 4 if role == "visitor" else 10
        assert len(patterns) >= least, f"the {role} reached only {sorted(patterns)}"
        report += [f"{role} {p}" for p in problems]
    return report
