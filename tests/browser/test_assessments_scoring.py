"""On a phone, a tenant scores a standard (saved as they go), leaves and comes back to find their
scores; after it closes the coordinator sees the pooled results and turns a weakness into an
action. Every page passes axe-core and reads at 360 px without sideways scrolling."""

import datetime

from django.utils import timezone
from playwright.sync_api import expect

from assessments.models import ImprovementAction, Score
from tests.factories.accounts import PASSWORD, UserFactory
from tests.factories.assessments import AssessorFactory, ScoreFactory, SelfAssessmentFactory, framework_with


def _fits(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, page.url


def test_score_leave_return_then_pooled_results_and_an_action(phone_page):
    page = phone_page
    framework = framework_with(2, 3)
    officer = UserFactory(role="officer", display_name="Daniel Okafor")
    tenant = UserFactory(role="tenant", display_name="Morag Fraser")
    today = timezone.localdate()
    sa = SelfAssessmentFactory(
        framework=framework,
        title="Engagement self-assessment",
        created_by=officer,
        opens_on=today - datetime.timedelta(days=3),
        closes_on=today + datetime.timedelta(days=20),
    )
    mine = AssessorFactory(self_assessment=sa, user=tenant)
    colleague = AssessorFactory(self_assessment=sa, user=UserFactory(role="officer"))
    outcomes = list(framework.outcomes.order_by("standard__position", "position"))
    for outcome, value in zip(outcomes, [4, 4, 3, 2, 1, 3], strict=True):
        ScoreFactory(assessor=colleague, outcome=outcome, value=value)
    first = framework.standards.order_by("position").first()
    o1, o2, o3 = outcomes[:3]

    page.sign_in(tenant, PASSWORD)
    page.visit(f"/assessments/{sa.pk}/")
    _fits(page)
    page.get_by_role("link", name="Start scoring").click()
    page.wait_for_load_state()
    page.check_accessibility()
    _fits(page)
    page.locator(f"#outcome-{o1.pk}").get_by_label("3 mostly met").check()
    page.locator(f"#outcome-{o2.pk}").get_by_label("1 not met").check()
    page.locator(f"#outcome-{o3.pk}").get_by_label("Don't know").check()
    page.locator(f"#outcome-{o2.pk}").get_by_label("Comment (optional)").fill(
        "Nobody told us about the meetings"
    )
    page.locator(f"#outcome-{o1.pk}").get_by_label(
        "Link to evidence (optional)"
    ).click()  # leaves the comment
    expect(page.locator("#save-status")).to_contain_text("Saved at")
    page.check_accessibility()

    # Leave without pressing a button, then come back.
    page.visit("/")
    page.visit(f"/assessments/{sa.pk}/score/{first.pk}/")
    expect(page.locator(f"#outcome-{o1.pk}").get_by_label("3 mostly met")).to_be_checked()
    expect(page.locator(f"#outcome-{o2.pk}").get_by_label("1 not met")).to_be_checked()
    expect(page.locator(f"#outcome-{o3.pk}").get_by_label("Don't know")).to_be_checked()
    expect(page.locator(f"#outcome-{o2.pk}").get_by_label("Comment (optional)")).to_have_value(
        "Nobody told us about the meetings"
    )
    assert Score.objects.filter(assessor=mine).count() == 3

    # The coordinator closes it, reads the pooled results and turns the weakest outcome into an action.
    page.context.clear_cookies()
    page.sign_in(officer, PASSWORD)
    page.visit(f"/assessments/{sa.pk}/")
    page.get_by_role("button", name="Close it now").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Pooled results"
    page.check_accessibility()
    _fits(page)
    weaknesses = page.get_by_role("heading", name="Weaknesses: the lowest scored").locator(
        "xpath=following-sibling::ol[1]"
    )
    expect(weaknesses).to_contain_text(f"{o2.code} {o2.title}")  # 1 and 2: mean 1.5
    expect(page.get_by_text("How each standard was scored").first).to_be_visible()
    page.get_by_role("link", name=f"Add an action for {o2.code}").first.click()
    page.wait_for_load_state()
    page.check_accessibility()
    page.get_by_label("What will be done").fill("Send every tenant the dates of panel meetings")
    page.get_by_role("button", name="Save the action").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "To-do list"
    expect(page.get_by_text("Send every tenant the dates of panel meetings")).to_be_visible()
    page.check_accessibility()
    _fits(page)
    assert ImprovementAction.objects.get().outcome == o2
    page.visit(f"/assessments/{sa.pk}/progress/")  # who finished, never what they scored
    _fits(page)
    page.visit(f"/recommendations/from-assessment/{sa.pk}/outcomes/{o2.pk}/")
    _fits(page)
