"""A tenant on a phone opens "Where to look next" from the reviews list, reads why a measure is
listed and proposes a review of it; the review's report shows the measure. Each page passes
axe-core, has one h1 and does not scroll sideways."""

from reviews.models import PerformanceFigure, Review
from tests.factories.accounts import PASSWORD, UserFactory
from tests.factories.panels import MembershipFactory, PanelFactory
from tests.reviews.regulator_figures import build


def _holds_to_the_standard(page):
    page.check_accessibility()
    assert page.locator("h1").count() == 1, page.url
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow} px"


def test_a_tenant_proposes_a_review_from_a_weak_measure_on_a_phone(phone_page):
    build()
    tenant = UserFactory(role="tenant", display_name="Morag Fraser")
    MembershipFactory(panel=PanelFactory(name="SURE Team"), user=tenant)
    phone_page.sign_in(tenant, PASSWORD)

    phone_page.visit("/reviews/")
    phone_page.get_by_role("link", name="Where to look next").click()
    phone_page.get_by_role("heading", name="Where to look next", level=1).wait_for()
    _holds_to_the_standard(phone_page)
    phone_page.get_by_text("In the bottom quarter: worse than 8 in 10 landlords").wait_for()
    propose = "Propose a review of this: Overall satisfaction (rented homes)"
    phone_page.get_by_role("button", name=propose).click()

    phone_page.get_by_role("heading", name="Overall satisfaction (rented homes)", level=1).wait_for()
    phone_page.get_by_text("has been proposed, with the measure").wait_for()
    _holds_to_the_standard(phone_page)
    review = Review.objects.get(from_measure="TP01")
    assert review.stage == "proposed" and PerformanceFigure.objects.filter(review=review).count() == 1

    phone_page.visit(f"/reviews/{review.pk}/report/")
    phone_page.get_by_role("heading", name="The measure before and after").wait_for()
    _holds_to_the_standard(phone_page)
