"""Every page each demo role can reach reads on a 360 px phone.

The demo landlord is seeded (manage.py seed_demo); for each role the crawl follows same-site
links from the home page, visiting each URL pattern once (the first object found stands for
the rest), and checks on each page:

* no sideways scrolling: the page is no wider than the screen;
* no serious or critical axe-core violation (axe-core, the slow part, runs once per URL
  pattern, for the first role that reaches it; the other checks run for every role);
* exactly one h1;
* links in tables and buttons are at least 44 by 44 px, big enough to tap;
* every field that must be filled in has a * in its label, and no field that may be left
  empty has one;
* and, on the pages whose layout changes most on a desktop, widened to a 1280 px screen (no
  reload, so it costs little): nothing wider than the screen. Those are each role's home page,
  where the menu is open rather than folded (it is the same menu on every page; axe-core runs
  there at that width too), and pages with tables, which are tables there rather than the
  stacked cards of a phone. Other pages only have a wider column on a desktop.

Sign-out, downloads and Django's admin are left out. A page added later is crawled as soon
as a link leads to it, so it is held to the same rules.
"""

import io
import re
from collections import deque
from urllib.parse import urldefrag, urlsplit

from django.core.management import call_command
from django.urls import Resolver404, resolve
from playwright.sync_api import Error as PlaywrightError

from tests.browser.conftest import BROWSER_TIMEOUT_MS, DESKTOP, PHONE

ROLES = ("tenant", "officer", "manager", "admin")
MAX_PAGES_PER_ROLE = 80
MAX_DEPTH = 4
SKIP_PATH = re.compile(
    r"^/(admin|static|media)/|/sign-out/|\.(csv|xlsx|pdf|ics|zip|json|txt|ico|svg|png|jpe?g|ya?ml|docx?)$"
    r"|/(download|file|export|evidence/\d+|terms-of-reference|certificate|paper|photo)s?/?$"
)

LINKS = """() => Array.from(document.querySelectorAll('a[href]'))
    .filter(a => !a.hasAttribute('download'))
    .map(a => a.href)"""

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
    };
}"""


def _demo_people():
    """Seed the demo landlord; the email of each role's demo person, from the command's output."""
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    # One line per role, in the order tenant, officer, manager, admin: "Tenant  email  password".
    found = [word for line in out.getvalue().splitlines() for word in line.split() if "@" in word]
    emails = dict(zip(ROLES, found, strict=False))
    assert set(emails) == set(ROLES), out.getvalue()
    return emails


def _pattern(path):
    """The URL pattern a path belongs to, so each kind of page is visited once."""
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.view_name


def _sign_in(page, email):
    from scrutiny.management.commands.seed_demo import DEMO_PASSWORD

    page.page.goto(page.base_url + "/accounts/sign-in/")
    page.page.get_by_label("Email address").fill(email)
    page.page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.page.get_by_role("button", name="Sign in").click()
    page.page.wait_for_load_state()


def _check_page(page, path, axed):
    """The problems on the page now open: width, h1, required marks, and axe-core once per pattern."""
    facts = page.page.evaluate(PAGE_FACTS)
    problems = []
    if facts["width"] > facts["screen"]:
        problems.append(f"{path}: {facts['width']} px wide on a {facts['screen']} px screen "
                        f"({', '.join(facts['wide'])})")
    if facts["h1"] != 1:
        problems.append(f"{path}: {facts['h1']} h1 headings")
    problems += [f"{path}: {m}" for m in facts["marks"]]
    problems += [f"{path}: tap target {s}" for s in facts["small"]]
    pattern = _pattern(urlsplit(path).path)
    if pattern not in axed:
        axed.add(pattern)
        try:
            page.check_accessibility()
        except AssertionError as exc:
            problems.append(f"{path}: {exc}")
    if pattern == "home" or facts["tables"]:
        problems += _check_desktop(page, path, axe=pattern == "home")
    return problems


def _check_desktop(page, path, axe):
    """The same page on a 1280 px screen: no sideways scrolling, and axe-core when asked."""
    page.page.set_viewport_size(DESKTOP)
    try:
        facts = page.page.evaluate(PAGE_FACTS)
        problems = []
        if facts["width"] > facts["screen"]:
            problems.append(f"{path} at {facts['screen']} px: {facts['width']} px wide "
                            f"({', '.join(facts['wide'])})")
        if axe:
            try:
                page.check_accessibility()
            except AssertionError as exc:
                problems.append(f"{path} at {facts['screen']} px: {exc}")
        return problems
    finally:
        page.page.set_viewport_size(PHONE)


def crawl(page, host, axed):
    """Visit each URL pattern reachable from home once; return the problems and the patterns."""
    problems = []
    seen = set()
    queue = deque([("/", 0)])
    while queue and len(seen) < MAX_PAGES_PER_ROLE:
        path, depth = queue.popleft()
        pattern = _pattern(urlsplit(path).path)
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
        problems += _check_page(page, path, axed)
        if depth >= MAX_DEPTH:
            continue
        for href in page.page.evaluate(LINKS):
            parts = urlsplit(urldefrag(href)[0])
            if (parts.netloc == host and not SKIP_PATH.search(parts.path)
                    and _pattern(parts.path) not in seen):
                queue.append((parts.path + (f"?{parts.query}" if parts.query else ""), depth + 1))
    return problems, seen


def test_every_page_each_demo_role_reaches_reads_on_a_phone(chromium, live_server, transactional_db):
    from tests.browser.conftest import AccessiblePage

    emails = _demo_people()
    axed = set()  # axe-core runs once per URL pattern, for the first role that reaches it
    host = urlsplit(live_server.url).netloc
    report = []
    for role in ROLES:
        context = chromium.new_context(viewport=PHONE, locale="en-GB")
        page = AccessiblePage(context.new_page(), live_server.url)
        page.page.set_default_timeout(BROWSER_TIMEOUT_MS)
        _sign_in(page, emails[role])
        problems, patterns = crawl(page, host, axed)
        context.close()
        assert len(patterns) >= 10, f"the {role} reached only {sorted(patterns)}"
        report += [f"{role} {p}" for p in problems]
    assert report == [], "\n".join(report)
