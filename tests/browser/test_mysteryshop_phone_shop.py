"""On a 360 px phone, a mystery shopper records a phone shop screen by screen, closes the page
midway, comes back and finishes; the visit is scored. axe-core checks every screen."""

import re

from django.apps import apps

from mysteryshop.models import Answer, Checklist, Site, SiteKind, Visit, VisitStatus
from mysteryshop.seed import seed_all
from tests.browser.conftest import AccessiblePage
from tests.factories.accounts import PASSWORD, UserFactory
from tests.factories.mysteryshop import ProgrammeFactory
from tests.factories.panels import MembershipFactory, PanelFactory


def _q(page, standard):
    return page.locator(f"#q{standard.pk}")


def _wait_saved(page, *standards):
    """Wait until each question answered shows it reached the server, then the whole page."""
    for standard in standards:
        _q(page, standard).locator("[data-answer-state]").filter(has_text=re.compile(r"^Saved\.$")).wait_for()
    page.locator("[data-sync-text]").filter(has_text="Every answer is saved.").wait_for()


def _no_sideways_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_shopper_records_a_phone_shop_closes_the_page_and_finishes_later(phone_page):
    seed_all(apps)
    panel = PanelFactory(name="Mystery Shoppers")
    shopper = UserFactory(role="tenant", display_name="Morag Fraser")
    MembershipFactory(panel=panel, user=shopper)
    review = ProgrammeFactory(panel=panel, title="Local offices 2014/15")
    Site.objects.get_or_create(name="Perth local office", kind=SiteKind.OFFICE)
    checklist = Checklist.objects.get(title="Telephone contact", is_current=True)
    standards = {s.question[:25]: s for s in checklist.standards.all()}
    page = phone_page

    page.sign_in(shopper, PASSWORD)
    page.visit(f"/mystery-shopping/programmes/{review.pk}/")
    page.get_by_role("link", name="Start a visit").click()
    page.wait_for_load_state()
    page.check_accessibility()
    page.get_by_label("Checklist").select_option(label="Telephone contact")
    page.get_by_label("Where (site)").select_option(label="Perth local office (local office)")
    page.get_by_label("How (channel)").select_option(label="Phone")
    page.get_by_label("Date and time").fill("2015-01-14T10:30")
    page.get_by_role("button", name="Start the visit").click()
    page.wait_for_url(re.compile(r"/record/"))
    visit = Visit.objects.get(review=review)

    # Screen 1: getting through. Each answer is saved as it is given.
    assert "Screen 1 of 4" in page.locator("[data-progress-text]").inner_text()
    page.check_accessibility()
    _no_sideways_scroll(page)
    rings = _q(page, standards["How many times did the ph"])
    rings.get_by_label("Number of rings").fill("4")
    rings.get_by_label("Number of rings").press("Tab")
    _q(page, standards["If you were put on hold, "]).get_by_label("Not applicable").check()
    _q(page, standards["Did a recorded message te"]).get_by_label("Yes", exact=True).check()
    _wait_saved(page, *(standards[k] for k in ("How many times did the ph", "If you were put on hold, ",
                                               "Did a recorded message te")))
    page.get_by_role("button", name="Next").first.click()

    # Screen 2: how you were treated, half answered when the page is closed.
    assert "Screen 2 of 4" in page.locator("[data-progress-text]").inner_text()
    page.check_accessibility()
    _q(page, standards["Did the person who answer"]).get_by_label("No", exact=True).check()
    _q(page, standards["Were they polite and frie"]).get_by_label("4", exact=True).check()
    _wait_saved(page, standards["Did the person who answer"], standards["Were they polite and frie"])
    assert Answer.objects.filter(visit=visit).count() == 5
    context = page.page.context
    page.page.close()

    # Back later: the visit opens where the shopper left off, with every answer in place.
    page = AccessiblePage(context.new_page(), page.base_url)
    page.visit(f"/mystery-shopping/visits/{visit.pk}/")
    page.get_by_role("link", name="Carry on answering").click()
    page.wait_for_load_state()
    assert "Screen 2 of 4" in page.locator("[data-progress-text]").inner_text()
    assert _q(page, standards["Were they polite and frie"]).get_by_label("4", exact=True).is_checked()
    page.check_accessibility()
    _q(page, standards["Did they listen without i"]).get_by_label("Yes", exact=True).check()
    _q(page, standards["Did they explain things i"]).get_by_label("3", exact=True).check()
    _wait_saved(page, standards["Did they listen without i"], standards["Did they explain things i"])
    page.locator("[data-screen='2']").get_by_role("button", name="Next").click()

    # Screen 3, then check and submit.
    page.check_accessibility()
    _q(page, standards["Was your enquiry sorted o"]).get_by_label("No", exact=True).check()
    _q(page, standards["If not, were you told wha"]).get_by_label("Yes", exact=True).check()
    _q(page, standards["Overall, how well was you"]).get_by_label("3", exact=True).check()
    _wait_saved(page, *(standards[k] for k in ("Was your enquiry sorted o", "If not, were you told wha",
                                               "Overall, how well was you")))
    page.get_by_role("button", name="Check and submit").click()
    assert "Every required question is answered." in page.locator("[data-screen='4']").inner_text()
    page.check_accessibility()
    page.get_by_role("button", name="Submit the visit").click()
    page.wait_for_url(re.compile(rf"/visits/{visit.pk}/$"))
    assert "The visit has been submitted to the panel." in page.content()
    page.check_accessibility()

    visit.refresh_from_db()
    assert visit.status == VisitStatus.SUBMITTED
    assert Answer.objects.filter(visit=visit).count() == 10
    # Failed: name not given (2) and not sorted out (2), of 19 points in play; ratings earn shares.
    assert visit.score is not None and 0 < visit.score < 100
    assert f"{visit.score}%" in page.locator("[data-score]").inner_text()
