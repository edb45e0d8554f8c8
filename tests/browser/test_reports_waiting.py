"""A manager who asks for the Annual Report before the panel approves it is not left stuck: on a
phone they see who must approve and remind them, on a page that passes axe-core at 360 px."""

from django.core import mail

from reports.annual import current_year
from reports.models import AnnualReport
from tests.factories.accounts import PASSWORD, UserFactory
from tests.factories.panels import MembershipFactory, PanelFactory

NO_SIDEWAYS_SCROLL = "document.documentElement.scrollWidth <= window.innerWidth"


def test_a_manager_asking_too_early_reminds_the_chair_on_a_phone(phone_page):
    chair = UserFactory(role="tenant", display_name="Morag Fraser")
    MembershipFactory(panel=PanelFactory(name="SURE Team"), user=chair, role="chair")
    manager = UserFactory(role="manager", display_name="Helen Baird")
    year = current_year() - 1
    page = phone_page
    page.sign_in(manager, PASSWORD)

    page.visit("/reports/")
    page.get_by_label("Financial year").select_option(str(year))
    page.get_by_role("button", name="Make the PDF").first.click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/reports/annual/{year}/assessment/")
    assert "Morag Fraser, chair of SURE Team" in page.content()
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    page.check_accessibility()

    page.get_by_role("button", name="Remind them").click()
    page.wait_for_load_state()
    assert "A reminder is on its way" in page.content()
    assert page.get_by_role("button", name="Remind them").count() == 0
    assert AnnualReport.objects.get(year=year).reminded_by == manager
    assert [m.to for m in mail.outbox] == [[chair.email]]
    page.check_accessibility()
