"""The same assessor scores one outcome in two windows: the second window's autosave is not
saved over the first; it says so and shows the first window's score beside its own answer,
which stays in the form until the assessor saves it again."""

import re

from playwright.sync_api import expect

from assessments.models import Score
from tests.browser.conftest import AccessiblePage
from tests.factories.accounts import PASSWORD, UserFactory
from tests.factories.assessments import AssessorFactory, SelfAssessmentFactory, framework_with


def test_a_score_changed_in_another_window_is_kept_and_shown(phone_page):
    framework = framework_with(1, 1)
    tenant = UserFactory(role="tenant", display_name="Morag Fraser")
    sa = SelfAssessmentFactory(framework=framework, title="Engagement self-assessment")
    assessor = AssessorFactory(self_assessment=sa, user=tenant)
    standard = framework.standards.get()
    outcome = framework.outcomes.get()
    url = f"/assessments/{sa.pk}/score/{standard.pk}/"
    first = phone_page
    first.sign_in(tenant, PASSWORD)
    first.visit(url)
    # The same person, signed in, in another window.
    second = AccessiblePage(first.page.context.new_page(), first.base_url)
    second.visit(url)

    first.locator(f"#outcome-{outcome.pk}").get_by_label("3 mostly met").check()
    expect(first.locator("#save-status")).to_contain_text("Saved at")
    second.locator(f"#outcome-{outcome.pk}").get_by_label("1 not met").check()
    expect(second.locator("#save-status")).to_contain_text(
        f"Not saved: Your score for {outcome.code} was saved at"
    )
    clash = second.locator(f"#clash-{outcome.pk}")
    expect(clash).to_contain_text("Saved in another window")
    expect(clash).to_contain_text("3 mostly met")
    expect(second.locator(f"#outcome-{outcome.pk}").get_by_label("1 not met")).to_be_checked()
    assert Score.objects.get(assessor=assessor).value == 3
    second.check_accessibility()

    # Having seen both, the assessor saves this window's answer again: now it is kept.
    second.get_by_role("button", name="Save and go back to the overview").click()
    second.wait_for_url(re.compile(rf"/assessments/{sa.pk}/$"))
    assert Score.objects.get(assessor=assessor).value == 1
