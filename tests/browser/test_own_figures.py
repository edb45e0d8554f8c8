"""An administrator on a phone fills our own figures from our row in the regulator's: one new figure
filled by default, one that differs changed by choice. The page passes axe-core, has one h1 and
does not scroll sideways."""

from decimal import Decimal

from assessments.models import IndicatorValue
from tests.browser.test_tsm_import import _holds_to_the_standard
from tests.comparisons.test_own_figures import YEAR, _key, _our_code, _ours, _published, _tsm
from tests.factories.accounts import PASSWORD, UserFactory


def test_administrator_chooses_per_row_on_a_phone(phone_page):
    _published("L4240", {("TP01", "lcra"): "71.8", ("TP02", "lcra"): "80.0"})
    _ours("TP02", "75")
    _our_code()
    phone_page.sign_in(UserFactory(role="admin", display_name="Ailsa Admin"), PASSWORD)

    phone_page.visit("/comparisons/imports/")
    phone_page.get_by_role("link", name="fill our own figures from our row in them").click()
    phone_page.get_by_role("heading", name="Our figures from the regulator's").wait_for()
    _holds_to_the_standard(phone_page)
    phone_page.locator(f"#use-{_key('TP02')}").check()
    phone_page.get_by_role("button", name="Save these choices").click()

    phone_page.get_by_text("Filled 1 figure from the regulator's: TP01 2024/25.").wait_for()
    _holds_to_the_standard(phone_page)
    assert IndicatorValue.objects.get(indicator=_tsm("TP01"), year=YEAR).value == Decimal("71.80")
    assert IndicatorValue.objects.get(indicator=_tsm("TP02"), year=YEAR).value == Decimal("80.00")
