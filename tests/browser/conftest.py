"""Browser tests: the app on a live server, Debian's Chromium driven by Playwright, and
axe-core run on every page a test visits (a serious or critical violation fails the test)."""

import os
import shutil

import pytest

from tests.conftest import need_service

# Debian's headless shell (package chromium-headless-shell, what Playwright itself runs headless)
# where installed: the same Blink as the full browser without its windowing layers, it took
# a quarter less CPU on the same tests. Else the full browser, in its headless mode.
CHROMIUM = (
    os.environ.get("CHROMIUM_PATH")
    or shutil.which("chromium-headless-shell")
    or shutil.which("chromium")
    or "/usr/bin/chromium"
)
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]
PHONE = {"width": 360, "height": 740}
# The narrowest screen WCAG 1.4.10 (reflow) asks a page to fit: 1280 px at 400 % zoom.
NARROW_PHONE = {"width": 320, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
BROWSER_TIMEOUT_MS = 120_000


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium():
    need_service(
        os.path.exists(CHROMIUM),
        f"Chromium is not installed at {CHROMIUM} (apt-get install chromium-headless-shell)",
    )
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=BROWSER_TIMEOUT_MS)  # expect() waits as long as any other wait

    # Playwright's sync API runs an event loop in this thread; the tests' own database work is
    # still synchronous, so Django's async guard is relaxed while the browser is open (never in
    # production: tests/deploy checks that).
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    # Let context.route see a service worker's own requests too, so a test can cut the network
    # for the worker as well as the page (Playwright's offline mode alone does not).
    os.environ.setdefault("PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS", "1")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


# axe.run, without the rules that can only find what no test fails on: a rule whose own impact
# and every one of whose checks' impacts (axe's metadata) are minor or moderate. Their findings
# were never asserted on, and skipping them (landmarks, region, heading order...) took 40% off
# axe's time on each page. A rule that can report a serious or critical finding always runs.
AXE_RUN = """async () => {
    const low = new Set(["minor", "moderate"]);
    const checks = axe._audit.data.checks;
    const rules = {};
    for (const rule of axe._audit.rules) {
        const impacts = [...rule.any, ...rule.all, ...rule.none].map((c) => checks[c.id ?? c].impact);
        if (low.has(rule.impact) && impacts.every((impact) => low.has(impact))) {
            rules[rule.id] = {enabled: false};
        }
    }
    return axe.run({resultTypes: ["violations"], rules});
}"""


class AccessiblePage:
    """A Playwright page that runs axe-core after every visit and on demand."""

    def __init__(self, page, base_url):
        self.page = page
        self.base_url = base_url
        self.checked = []

    def __getattr__(self, name):
        return getattr(self.page, name)

    def visit(self, path):
        self.page.goto(self.base_url + path)
        self.check_accessibility()
        return self.page

    def content(self):
        """The page's HTML once the document a click may have started has loaded: read too early,
        during a form's navigation, the new document is still empty."""
        self.page.wait_for_load_state("load")
        return self.page.content()

    def check_accessibility(self):
        """Run axe-core on the page as it is now; fail on serious or critical violations."""
        from axe_playwright_python.sync_playwright import Axe

        self.page.wait_for_load_state("load")
        self.page.evaluate(Axe().axe_script)
        violations = self.page.evaluate(AXE_RUN)["violations"]
        bad = [
            f"{v['id']} ({v['impact']}): {v['help']} at "
            + ", ".join(str(n.get("target")) for n in v["nodes"][:3])
            for v in violations
            if v["impact"] in ("serious", "critical")
        ]
        self.checked.append(self.page.url)
        assert not bad, f"axe-core on {self.page.url}:\n" + "\n".join(bad)

    def sign_in(self, user, password):
        self.sign_in_with_password(user, password)
        self.pass_second_factor()

    def sign_in_with_password(self, user, password=None):
        """The password alone, stopping where the site sends the person next (for staff, the
        second factor's step, which the tests of the second factor drive themselves)."""
        from tests.factories.accounts import PASSWORD

        self.visit("/accounts/sign-in/")
        self.page.get_by_label("Email address").fill(user.email)
        self.page.get_by_label("Password").fill(password or PASSWORD)
        self.page.get_by_role("button", name="Sign in").click()
        # Until the signed-in page has loaded, with its scripts: waiting for the load state
        # alone could return at once, for the sign-in page itself, before the navigation began.
        self.page.wait_for_url(lambda url: "/accounts/sign-in/" not in url, wait_until="load")

    def pass_second_factor(self):
        """Staff land on the second factor after the password: mark this browser's session as
        past it (tests/second_factor.py) and go on where the sign-in was going. The real step
        is driven in tests/browser/test_second_factor.py."""
        from urllib.parse import parse_qs, urlsplit

        from tests.second_factor import mark_passed

        if "/accounts/second-factor/" not in self.page.url:
            return
        cookie = next(c for c in self.page.context.cookies() if c["name"] == "sessionid")
        mark_passed(cookie["value"])
        self.page.goto(self.base_url + parse_qs(urlsplit(self.page.url).query).get("next", ["/"])[0])


def _page(chromium, live_server, viewport):
    context = chromium.new_context(viewport=viewport, locale="en-GB")
    page = context.new_page()
    # Generous for a busy shared machine: a wait only fails when what it waits for never comes.
    page.set_default_timeout(BROWSER_TIMEOUT_MS)
    yield AccessiblePage(page, live_server.url)
    context.close()


@pytest.fixture
def phone_page(chromium, live_server, transactional_db):
    """A 360 px wide page, as on a small phone."""
    yield from _page(chromium, live_server, PHONE)


@pytest.fixture
def desktop_page(chromium, live_server, transactional_db):
    """A 1280 px wide page, as on a desktop."""
    yield from _page(chromium, live_server, DESKTOP)
