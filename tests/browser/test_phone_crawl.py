"""Every page each demo role can reach reads on a phone as narrow as 320 px.

The demo landlord is seeded (manage.py seed_demo) and given a 60-character name and a wide logo,
the header's hardest case. For each role, and for a visitor who is not signed in, the crawl
(tests/browser/crawl.py, shared with the Welsh crawl) follows same-site links from the home
page, visiting each URL pattern once (the first object found stands for the rest), and checks
on each page at 320 px (WCAG 1.4.10, reflow: 1280 px at 400 % zoom):

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
from urllib.parse import urlsplit

from tests.browser.conftest import DESKTOP, NARROW_PHONE, PHONE
from tests.browser.crawl import (
    PAGE_FACTS,
    axe_once,
    crawl_as_each_role,
    demo_people,
    pattern_of,
    wide_problem,
)

# A landlord's own name as long as the header must take, with no break in the words it wraps at.
LONG_NAME = "Kilbride, Strathaven and Lesmahagow Co-operative Housing Ltd"


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


def _check_page(page, path, axed, measured):
    """The problems on the page now open: width, h1, required marks, and axe-core once per pattern."""
    facts = page.page.evaluate(PAGE_FACTS)
    problems = wide_problem(path, facts)
    if facts["h1"] != 1:
        problems.append(f"{path}: {facts['h1']} h1 headings")
    problems += [f"{path}: {m}" for m in facts["marks"]]
    problems += [f"{path}: tap target {s}" for s in facts["small"]]
    problems += axe_once(page, path, axed)
    if facts["charts"]:
        problems += _check_chart_text(page, path, measured)
    home = pattern_of(urlsplit(path).path) == "home"
    if home or facts["tables"]:
        problems += _check_desktop(page, path, axe=home)
    return problems


def _check_chart_text(page, path, measured):
    """The same page on a 360 px phone: every chart text drawn at least 12 px tall."""
    page.page.set_viewport_size(PHONE)
    try:
        found = page.page.evaluate(CHART_TEXT)
        measured.append(found["measured"])
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


def test_every_page_each_demo_role_reaches_reads_on_a_narrow_phone(chromium, live_server, transactional_db):
    emails = demo_people()
    _long_name_and_wide_logo()
    axed = set()  # axe-core runs once per URL pattern, for the first role that reaches it
    measured = []  # how many chart texts each page with charts had drawn

    def check(page, path):
        return _check_page(page, path, axed, measured)

    report = crawl_as_each_role(chromium, live_server, emails, viewport=NARROW_PHONE, language="en-gb",
                                check=check)
    assert report == [], "\n".join(report)
    assert sum(measured) > 20, "the crawl measured the text of too few charts to say they read well"
