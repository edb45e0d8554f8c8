"""On a phone, a tenant adds evidence to a review and logs a finding on it; their session is
lost while they type, and after signing in again their text is all there. An officer then
reads the finding. axe-core checks every page on the way."""

import re

from panels.models import PanelRole
from tests.factories.accounts import PASSWORD, UserFactory
from tests.factories.panels import MembershipFactory, PanelFactory
from tests.factories.reviews import ReviewFactory, ScopeQuestionFactory
from tests.reviews import files

BEFORE = "Tenants who complain by phone are not always recorded as complaints"
AFTER = ", so they never get a stage 1 reply."


def _wait_for_status(page, words):
    page.locator("[data-autosave-status]").filter(has_text=words).wait_for()


def test_tenant_logs_a_finding_on_new_evidence_and_keeps_it_through_a_lost_session(phone_page):
    page = phone_page
    panel = PanelFactory(name="SURE Team")
    review = ReviewFactory(panel=panel, title="Complaints handling")
    ScopeQuestionFactory(review=review, number=1, text="Are complaints recorded the first time?")
    tenant = UserFactory(role="tenant", display_name="Morag Fraser", email="morag@example.org")
    MembershipFactory(panel=panel, user=tenant, role=PanelRole.MEMBER)
    officer = UserFactory(role="officer", display_name="Daniel Okafor")

    # Sign in and open the review from the list.
    page.sign_in(tenant, PASSWORD)
    page.visit("/reviews/")
    page.get_by_role("link", name="Complaints handling").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Complaints handling"
    page.check_accessibility()

    # Upload a document as evidence.
    page.get_by_role("link", name="Add a document").click()
    page.wait_for_load_state()
    page.check_accessibility()
    page.get_by_label("Title").fill("Complaints procedure")
    page.get_by_label("File").set_input_files(
        {"name": "procedure.pdf", "mimeType": "application/pdf", "buffer": files.pdf()}
    )
    page.get_by_label("Source").fill("Housing Services")
    with page.expect_navigation():
        page.get_by_role("button", name="Add to the evidence").click()
    assert "“Complaints procedure” has been added to the evidence." in page.content()
    assert page.get_by_role("link", name="Download procedure.pdf").is_visible()
    page.check_accessibility()

    # Log a finding on it; the draft is saved while typing.
    page.get_by_role("link", name="Log a finding about this").click()
    page.wait_for_load_state()
    page.check_accessibility()
    assert page.get_by_label("Document: Complaints procedure").is_checked()
    page.get_by_label("Weakness").check()
    page.get_by_label("Which question does it answer?").select_option(
        label="Q1. Are complaints recorded the first time?"
    )
    statement = page.get_by_label("The finding, in plain words")
    statement.press_sequentially(BEFORE, delay=5)
    _wait_for_status(page, "Draft saved")

    # The session is lost (cookies cleared) while they carry on typing.
    page.context.clear_cookies()
    statement.press_sequentially(AFTER, delay=5)
    _wait_for_status(page, "You have been signed out")
    page.check_accessibility()
    # Sending the form now would be refused, so the page keeps them here instead.
    page.get_by_role("button", name="Save the finding").click()
    assert statement.input_value() == BEFORE + AFTER

    # Signing in again brings them back to the form with all their text.
    page.locator("[data-autosave-status]").get_by_role("link", name="Sign in again").click()
    page.wait_for_load_state()
    page.check_accessibility()
    page.get_by_label("Email address").fill(tenant.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(rf"/reviews/{review.pk}/findings/add/"))
    statement = page.get_by_label("The finding, in plain words")
    statement.wait_for()
    _wait_for_status(page, "Draft saved")
    assert statement.input_value() == BEFORE + AFTER
    assert page.get_by_label("Weakness").is_checked()
    assert page.get_by_label("Document: Complaints procedure").is_checked()
    assert "We have put back what you were typing here" in page.content()
    page.check_accessibility()

    with page.expect_navigation():
        page.get_by_role("button", name="Save the finding").click()
    assert "Your finding has been logged." in page.content()
    assert BEFORE + AFTER in page.locator("main").inner_text()
    page.check_accessibility()

    # An officer signs in and reads the finding on the review page.
    page.context.clear_cookies()
    page.sign_in(officer, PASSWORD)
    page.visit(f"/reviews/{review.pk}/")
    findings = page.locator("main")
    assert BEFORE + AFTER in findings.inner_text()
    assert "Log a finding" not in findings.inner_text()
    page.get_by_role("link", name=re.compile("Open the finding")).click()
    page.wait_for_load_state()
    assert "Raised by" in page.content() and "Morag Fraser" in page.content()
    page.check_accessibility()


def test_every_review_page_is_accessible_on_a_phone(phone_page):
    """Each page of the reviews app, as the panel's chair (who sees every button), through axe."""
    from tests.factories.reviews import (
        DocumentFactory,
        FindingCommentFactory,
        FindingFactory,
        InterviewFactory,
        PerformanceFigureFactory,
        SiteVisitFactory,
        SiteVisitPhotoFactory,
    )

    page = phone_page
    panel = PanelFactory(name="SURE Team")
    review = ReviewFactory(panel=panel, title="Communications in the repairs service")
    question = ScopeQuestionFactory(review=review, number=1, text="Are tenants told about changes?")
    chair = UserFactory(role="tenant", display_name="Iain Robertson")
    MembershipFactory(panel=panel, user=chair, role=PanelRole.CHAIR)
    document = DocumentFactory(review=review, added_by=chair)
    figure = PerformanceFigureFactory(review=review, added_by=chair)
    interview = InterviewFactory(review=review, added_by=chair)
    visit = SiteVisitFactory(review=review, added_by=chair)
    SiteVisitPhotoFactory(site_visit=visit)
    finding = FindingFactory(review=review, question=question, raised_by=chair)
    finding.evidence.set([document, interview])
    FindingCommentFactory(finding=finding, author=chair, kind="add", text="Seen at two offices.")

    page.sign_in(chair, PASSWORD)
    base = f"/reviews/{review.pk}"
    for path in [
        "/", "/reviews/", "/reviews/?q=repairs&stage=scoping", "/reviews/new/", "/reviews/evidence/",
        f"/reviews/evidence/?review={review.pk}&kind=interview",
        f"{base}/", f"{base}/?group=type", f"{base}/edit/", f"{base}/stage/", f"{base}/report/",
        f"{base}/evidence/add/document/", f"{base}/evidence/add/figure/",
        f"{base}/evidence/add/interview/", f"{base}/evidence/add/site-visit/",
        f"{base}/evidence/{document.pk}/", f"{base}/evidence/{figure.pk}/",
        f"{base}/evidence/{interview.pk}/", f"{base}/evidence/{visit.pk}/",
        f"{base}/evidence/{document.pk}/edit/", f"{base}/evidence/{figure.pk}/edit/",
        f"{base}/evidence/{interview.pk}/edit/", f"{base}/evidence/{visit.pk}/edit/",
        f"{base}/evidence/{visit.pk}/photos/add/",
        f"{base}/findings/add/", f"{base}/findings/{finding.pk}/", f"{base}/findings/{finding.pk}/edit/",
    ]:
        page.visit(path)
        assert page.locator("h1").count() == 1, path

    # Error pages too: a form sent empty shows its error summary.
    page.visit(f"{base}/findings/add/")
    with page.expect_navigation():
        page.get_by_role("button", name="Save the finding").click()
    assert "There is a problem" in page.content()
    page.check_accessibility()


def test_a_finding_sent_straight_after_the_session_is_lost_keeps_every_word(phone_page):
    """Type, lose the session, press the button at once (before the next autosave): nothing is
    refused and lost; the page keeps the words and signing in brings every one of them back."""
    page = phone_page
    panel = PanelFactory(name="SURE Team")
    review = ReviewFactory(panel=panel, title="Complaints handling")
    tenant = UserFactory(role="tenant", display_name="Morag Fraser")
    MembershipFactory(panel=panel, user=tenant, role=PanelRole.MEMBER)

    page.sign_in(tenant, PASSWORD)
    page.visit(f"/reviews/{review.pk}/findings/add/")
    page.get_by_label("Weakness").check()
    statement = page.get_by_label("The finding, in plain words")
    statement.press_sequentially(BEFORE, delay=5)
    _wait_for_status(page, "Draft saved")

    page.context.clear_cookies()
    statement.press_sequentially(AFTER, delay=5)
    page.get_by_role("button", name="Save the finding").click()  # at once: no autosave since

    _wait_for_status(page, "You have been signed out")
    assert "Your form could not be sent" not in page.content()
    assert statement.input_value() == BEFORE + AFTER
    page.check_accessibility()

    page.locator("[data-autosave-status]").get_by_role("link", name="Sign in again").click()
    page.wait_for_load_state()
    page.get_by_label("Email address").fill(tenant.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(rf"/reviews/{review.pk}/findings/add/"))
    statement = page.get_by_label("The finding, in plain words")
    statement.wait_for()
    _wait_for_status(page, "Draft saved")
    for word in (BEFORE + AFTER).split():
        assert word in statement.input_value()
    assert statement.input_value() == BEFORE + AFTER

    with page.expect_navigation():
        page.get_by_role("button", name="Save the finding").click()
    assert "Your finding has been logged." in page.content()
    assert review.findings.get().statement == BEFORE + AFTER
