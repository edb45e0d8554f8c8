"""Signing out on a shared phone leaves nothing of the visit behind: the pages the service
worker kept, the answers waiting in IndexedDB and the worker itself are deleted, first by the
sign-out response's Clear-Site-Data header, then by the signed-out page's own script; and the
person is warned first when answers on the phone have not been sent yet."""

import re

import pytest
from playwright.sync_api import Error as PlaywrightError

from mysteryshop.models import Answer
from tests.factories.accounts import PASSWORD, UserFactory
from tests.factories.mysteryshop import phone_shop_started

# What this site keeps in the browser: entries in Cache Storage, the answer queue's database,
# and service workers.
KEPT = """async () => {
  let cached = 0;
  for (const name of await caches.keys()) { cached += (await (await caches.open(name)).keys()).length; }
  const databases = (await indexedDB.databases()).map(db => db.name);
  const workers = (await navigator.serviceWorker.getRegistrations()).length;
  return {cached, databases, workers};
}"""


def open_menu(page):
    """Open the phone's menu and wait until it has finished opening: what is added to it while
    it is still sliding open could be left out of sight."""
    page.get_by_role("button", name="Menu").click()
    page.locator("#main-nav.show:not(.collapsing)").wait_for()


def _visit_kept_on_the_phone(page):
    """A shopper opens a phone shop with signal, so the worker keeps the form; returns it."""
    shopper, visit = phone_shop_started()
    name = visit.checklist.standards.get(question__startswith="Did the person who answered")
    screen = list(visit.checklist.sections.order_by("position", "pk")).index(name.section) + 1
    page.sign_in(shopper, PASSWORD)
    page.visit(f"/mystery-shopping/visits/{visit.pk}/record/?section={screen}")
    page.locator("html[data-visit-kept='yes']").wait_for(state="attached")
    return visit


def _answer_without_sending(page, visit):
    """One answer given while its sending fails: it waits in the phone's queue."""
    page.page.context.route(re.compile(r"/answers/$"), lambda route: route.abort("internetdisconnected"))
    name = visit.checklist.standards.get(question__startswith="Did the person who answered")
    page.locator(f"#q{name.pk}").get_by_label("No", exact=True).check()
    page.locator("[data-sync-text]").filter(has_text="1 answer saved on this phone, not sent yet").wait_for()


def test_sign_out_response_alone_clears_the_kept_pages_and_the_queue(phone_page):
    page = phone_page
    visit = _visit_kept_on_the_phone(page)
    _answer_without_sending(page, visit)
    before = page.evaluate(KEPT)
    assert before["cached"] >= 2 and "scrutiny-visits" in before["databases"] and before["workers"] == 1
    # Sign out by a request from the page, so no page script runs afterwards: only the
    # response's Clear-Site-Data header can have cleared anything.
    status = page.evaluate("""async () => {
      const token = document.querySelector("form[data-sign-out] input[name=csrfmiddlewaretoken]").value;
      const body = new URLSearchParams({csrfmiddlewaretoken: token});
      const response = await fetch("/accounts/sign-out/", {method: "POST", body, redirect: "manual"});
      return response.type;
    }""")
    assert status == "opaqueredirect"
    after = page.evaluate(KEPT)
    assert after == {"cached": 0, "databases": [], "workers": 0}
    assert Answer.objects.filter(visit=visit).count() == 0


def test_shopper_is_warned_of_unsent_answers_then_signing_out_leaves_nothing(phone_page):
    page = phone_page
    visit = _visit_kept_on_the_phone(page)
    _answer_without_sending(page, visit)
    open_menu(page)
    page.get_by_role("button", name="Sign out").click()
    warning = page.locator("[data-unsent-warning]")
    warning.filter(has_text="1 answer saved on this phone is not sent yet.").wait_for()
    # The warning is in the page's main content, where the phone's menu cannot hide it.
    assert page.locator("#main-content > [data-unsent-warning]").is_visible()
    assert page.locator("#main-nav [data-unsent-warning]").count() == 0
    assert "/record/" in page.url  # still signed in, still on the visit
    page.check_accessibility()
    page.get_by_role("button", name="Sign out and delete them").click()
    page.wait_for_url(re.compile(r"/accounts/sign-in/\?signed-out=1$"))
    page.locator("html[data-site-data-cleared='yes']").wait_for(state="attached")
    assert "You have signed out." in page.locator("[data-signed-out]").inner_text()
    page.check_accessibility()
    assert page.evaluate(KEPT) == {"cached": 0, "databases": [], "workers": 0}
    # With no worker and nothing kept, the visit cannot be opened with no signal any more.
    page.page.context.set_offline(True)
    with pytest.raises(PlaywrightError, match="ERR_INTERNET_DISCONNECTED"):
        page.goto(page.base_url + f"/mystery-shopping/visits/{visit.pk}/record/")
    page.page.context.set_offline(False)


def test_signing_out_with_nothing_waiting_takes_one_press(phone_page):
    page = phone_page
    shopper = UserFactory(role="tenant")
    page.sign_in(shopper, PASSWORD)
    open_menu(page)
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(re.compile(r"/accounts/sign-in/\?signed-out=1$"))
    assert page.locator("[data-unsent-warning]").count() == 0


def test_sign_out_still_works_when_the_phone_never_says_what_is_waiting(phone_page):
    """A browser whose stored-data check never answers: after the time limit Sign out says so
    and offers to sign out anyway, instead of doing nothing."""
    page = phone_page
    page.page.context.add_init_script(
        "IDBFactory.prototype.databases = function () { return new Promise(function () {}); };")
    shopper = UserFactory(role="tenant")
    page.sign_in(shopper, PASSWORD)
    open_menu(page)
    page.get_by_role("button", name="Sign out").click()
    warning = page.locator("#main-content > [data-unsent-warning]")
    unchecked = "We could not check this phone for visit answers that are not sent yet."
    warning.filter(has_text=unchecked).wait_for()
    page.check_accessibility()
    page.get_by_role("button", name="Sign out anyway").click()
    page.wait_for_url(re.compile(r"/accounts/sign-in/\?signed-out=1$"))
    assert "You have signed out." in page.locator("[data-signed-out]").inner_text()
