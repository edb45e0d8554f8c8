"""Every page each demo role can reach reads on a phone as narrow as 320 px.

The demo landlord is seeded (manage.py seed_demo) and given a 60-character name and a wide logo,
the header's hardest case. For each role, and for a visitor who is not signed in, the crawl
follows same-site links from the home page, visiting each URL pattern once (the first object
found stands for the rest), and checks on each page at 320 px (WCAG 1.4.10, reflow: 1280 px at
400 % zoom):

* no sideways scrolling: the page is no wider than the screen;
* no serious or critical axe-core violation (axe-core, the slow part, runs once per URL
  pattern, for the first role that reaches it; the other checks run for every role);
* exactly one h1;
* links in tables and buttons are at least 44 by 44 px, big enough to tap;
* every field that must be filled in has a * in its label, and no field that may be left
  empty has one;
* on pages with charts, widened to a 360 px phone (no reload): every text in every chart is
  drawn at least 12 px tall (its font size times the scale the page draws its SVG at);
* and, on the pages whose layout changes most on a desktop, widened to a 1280 px screen (no
  reload, so it costs little): nothing wider than the screen. Those are each role's home page,
  where the menu is open rather than folded (it is the same menu on every page; axe-core runs
  there at that width too), and pages with tables, which are tables there rather than the
  stacked cards of a phone. Other pages only have a wider column on a desktop.

A page that fits 320 px fits 360 px too (the same style rules apply below 576 px), so the crawl
loads each page once, at 320 px. Sign-out, downloads and Django's admin are left out. A page
added later is crawled as soon as a link leads to it, so it is held to the same rules.
"""

import io
import re
from collections import deque
from urllib.parse import urldefrag, urlsplit

from django.core.management import call_command
from django.urls import Resolver404, resolve
from playwright.sync_api import Error as PlaywrightError

from tests.browser.conftest import BROWSER_TIMEOUT_MS, DESKTOP, NARROW_PHONE, PHONE

ROLES = ("tenant", "officer", "manager", "admin")
# A landlord's own name as long as the header must take, with no break in the words it wraps at.
LONG_NAME = "Kilbride, Strathaven and Lesmahagow Co-operative Housing Ltd"
MAX_PAGES_PER_ROLE = 80
MAX_DEPTH = 4
SKIP_PATH = re.compile(
    r"^/(admin|static|media|language)/|/sign-out/|\.(csv|xlsx|pdf|ics|zip|json|atom|txt|ico|svg|png|jpe?g|ya?ml|docx?)$"
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
        charts: document.querySelectorAll('main svg text').length,
    };
}"""


# Each chart text drawn on the page: its font size in the drawing's units times the scale from
# those units to the screen's CSS pixels (getScreenCTM, which takes in the SVG's viewBox and any
# rotation of the label). Texts not drawn (in a hidden copy of a chart) have no client rects.
CHART_TEXT = """() => {
    const small = [];
    let measured = 0;
    for (const text of document.querySelectorAll('main svg text')) {
        if (!text.textContent.trim() || text.getClientRects().length === 0) continue;
        const m = text.getScreenCTM();
        const size = parseFloat(getComputedStyle(text).fontSize) * Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
        measured += 1;
        if (size < 12) small.push(`"${text.textContent.trim().slice(0, 30)}" ${size.toFixed(1)} px`);
    }
    return {measured, small: small.slice(0, 3)};
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


def _long_name_and_wide_logo():
    """The landlord's name at 60 characters and a logo five times as wide as it is tall."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from scrutiny.models import SiteSettings

    logo = io.BytesIO()
    Image.new("RGB", (500, 100), "navy").save(logo, format="PNG")
    site = SiteSettings.load()
    site.landlord_name = LONG_NAME
    site.logo = SimpleUploadedFile("logo.png", logo.getvalue())
    site.logo_alt_text = "Kilbride Co-operative"
    site.public_you_said_we_did = True  # one more page a visitor reaches
    site.save()


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
    page.page.wait_for_url(lambda url: "/accounts/sign-in/" not in url, wait_until="load")
    page.pass_second_factor()


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
    if facts["charts"]:
        problems += _check_chart_text(page, path)
    if pattern == "home" or facts["tables"]:
        problems += _check_desktop(page, path, axe=pattern == "home")
    return problems


def _check_chart_text(page, path):
    """The same page on a 360 px phone: every chart text drawn at least 12 px tall."""
    page.page.set_viewport_size(PHONE)
    try:
        found = page.page.evaluate(CHART_TEXT)
        page.charts_measured += found["measured"]
        if not found["small"]:
            return []
        return [f"{path} at 360 px: chart text under 12 px ({', '.join(found['small'])})"]
    finally:
        page.page.set_viewport_size(NARROW_PHONE)


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
        page.page.set_viewport_size(NARROW_PHONE)


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


def test_every_page_each_demo_role_reaches_reads_on_a_narrow_phone(chromium, live_server, transactional_db):
    from tests.browser.conftest import AccessiblePage

    emails = _demo_people()
    _long_name_and_wide_logo()
    axed = set()  # axe-core runs once per URL pattern, for the first role that reaches it
    host = urlsplit(live_server.url).netloc
    report = []
    charts_measured = 0
    for role in ("visitor", *ROLES):
        context = chromium.new_context(viewport=NARROW_PHONE, locale="en-GB")
        page = AccessiblePage(context.new_page(), live_server.url)
        page.page.set_default_timeout(BROWSER_TIMEOUT_MS)
        page.charts_measured = 0
        if role != "visitor":
            _sign_in(page, emails[role])
        problems, patterns = crawl(page, host, axed)
        context.close()
        # A visitor reaches the sign-in, password reset, accessibility and "You said, we did" pages.
        least = 4 if role == "visitor" else 10
        assert len(patterns) >= least, f"the {role} reached only {sorted(patterns)}"
        report += [f"{role} {p}" for p in problems]
        charts_measured += page.charts_measured
    assert report == [], "\n".join(report)
    assert charts_measured > 20, "the crawl measured the text of too few charts to say they read well"
