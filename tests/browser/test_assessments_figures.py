"""On a phone, an officer reads the Charter figures with their charts, corrects one and opens
the figures import and the set-up form; an administrator opens the framework import page. Every
page passes axe-core at 360 px."""

from decimal import Decimal

from playwright.sync_api import expect

from assessments.models import Framework, IndicatorValue
from tests.factories.accounts import PASSWORD, UserFactory


def _fits(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, page.url


def test_figures_and_the_import_page_read_well_on_a_phone(phone_page):
    page = phone_page
    charter = Framework.objects.get(code="scottish-social-housing-charter-2022")
    for indicator, (last, this) in zip(
        charter.indicators.filter(code__in=["13", "16", "23"]).order_by("position"),
        [("88.4", "90.1"), ("86.0", "83.5"), ("51.2", "44.6")],
        strict=True,
    ):
        IndicatorValue.objects.create(
            indicator=indicator, year=2024, value=Decimal(last), target=Decimal("90")
        )
        IndicatorValue.objects.create(
            indicator=indicator, year=2025, value=Decimal(this), target=Decimal("90")
        )
    officer = UserFactory(role="officer")
    page.sign_in(officer, PASSWORD)
    page.visit(f"/assessments/frameworks/{charter.pk}/")
    _fits(page)
    page.get_by_role("link", name="Performance figures").first.click()
    page.wait_for_load_state()
    page.check_accessibility()
    _fits(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Performance figures 2025/26")
    expect(page.get_by_text("Worse than last year").first).to_be_visible()  # indicator 16 fell
    page.get_by_role("link", name="Change 16 for 2025/26").click()
    page.wait_for_load_state()
    page.check_accessibility()
    page.get_by_label("Peer or national average").fill("87.3")
    page.get_by_role("button", name="Save the figure").click()
    page.wait_for_load_state()
    expect(page.get_by_text("16 for 2025/26 is saved.")).to_be_visible()
    assert IndicatorValue.objects.get(indicator__code="16", year=2025).peer_average == Decimal("87.3")
    page.visit(f"/assessments/frameworks/{charter.pk}/figures/import/")
    _fits(page)
    page.visit("/assessments/new/")  # setting up a self-assessment: framework, dates, who scores
    _fits(page)

    page.context.clear_cookies()
    page.sign_in(UserFactory(role="admin"), PASSWORD)
    page.visit("/assessments/frameworks/import/")
    _fits(page)
