"""The Annual Report by outcome on a 360 px phone: every outcome's table and the panel's words read
without sideways scrolling, and the page passes axe-core."""

from decimal import Decimal

from assessments import published
from assessments.models import Framework, Indicator, IndicatorValue, Outcome, Standard
from reports.annual import current_year
from reports.models import AnnualReport, AssessmentSection
from tests.factories.accounts import PASSWORD, UserFactory
from tests.factories.panels import MembershipFactory, PanelFactory

NO_SIDEWAYS_SCROLL = "document.documentElement.scrollWidth <= window.innerWidth"


def test_a_tenant_reads_the_report_by_outcome_on_a_phone(phone_page):
    published.seed(Framework, Standard, Outcome, Indicator)  # a flushed database loses the seeded rows
    published.link_indicators(Framework, Outcome, Indicator)
    charter = Framework.objects.get(code="scottish-social-housing-charter-2022")
    year = current_year() - 1
    for code in ("7", "13", "16"):
        indicator = Indicator.objects.get(framework=charter, code=code)
        IndicatorValue.objects.create(indicator=indicator, year=year, value=Decimal("88.5"), target=90,
                                      peer_average=Decimal("87.25"))
        IndicatorValue.objects.create(indicator=indicator, year=year - 1, value=Decimal("86"))
    participation = Outcome.objects.get(framework=charter, code="3")
    AssessmentSection.objects.create(annual_report=AnnualReport.objects.create(year=year),
                                     section=f"outcome-{participation.pk}", text="The panel grew this year.")
    tenant = UserFactory(role="tenant")
    MembershipFactory(panel=PanelFactory(), user=tenant)
    page = phone_page
    page.sign_in(tenant, PASSWORD)

    page.visit(f"/reports/annual/{year}/")

    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    assert page.get_by_role("heading", name="Outcome 16. Gypsy/Travellers").is_visible()
    assert page.get_by_role("heading", name="Outcome 3. Participation").is_visible()
    assert "The panel grew this year." in page.content()
    assert "87.25%: better than the average" in page.content()
