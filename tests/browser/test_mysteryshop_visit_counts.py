"""The visit form on a phone counts only questions that have an answer, and a text answer too
long to keep is refused with the reason beside it, the shopper's words left in the box."""

import re

from playwright.sync_api import expect

from mysteryshop.models import Answer
from tests.factories.accounts import PASSWORD
from tests.factories.mysteryshop import phone_shop_started


def test_a_new_visit_counts_nothing_answered_and_a_long_text_answer_is_refused(phone_page):
    shopper, visit = phone_shop_started()
    phone = visit.checklist
    noticed = phone.standards.get(question__startswith="Anything else you noticed")
    page = phone_page
    page.sign_in(shopper, PASSWORD)
    page.visit(f"/mystery-shopping/visits/{visit.pk}/record/?section=3")
    # The script has counted the answers once it has looked at the phone's queue.
    expect(page.locator("[data-sync-text]")).to_have_text("Every answer is saved.")
    expect(page.locator("[data-progress-text]")).to_contain_text("0 of 11 questions answered")

    box = page.locator(f"#s{noticed.pk}-text")
    expect(box).to_have_attribute("maxlength", "5000")
    # A box's maxlength stops typing, not a script or an old page: send 5,001 characters anyway.
    box.evaluate("el => { el.removeAttribute('maxlength'); el.value = 'x'.repeat(5001); "
                 "el.dispatchEvent(new Event('change', {bubbles: true})); }")
    state = page.locator(f"#q{noticed.pk} [data-answer-state]")
    expect(state).to_have_text(re.compile(
        r"Your answer is 5,001 characters long\. Shorten it to 5,000 characters or fewer\."
    ))
    assert box.input_value() == "x" * 5001
    assert not Answer.objects.filter(visit=visit).exists()
    page.check_accessibility()
