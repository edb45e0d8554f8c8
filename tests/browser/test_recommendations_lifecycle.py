"""A recommendation's life in the browser: a panel member writes and submits it, a manager
accepts it with an owner and due date, the officer marks it implemented with evidence, the
panel member verifies it, and it appears on "You said, we did". axe-core checks every page."""

import re
from datetime import timedelta

from django.utils import timezone

from recommendations.models import Recommendation, Status
from tests.factories.accounts import PASSWORD, UserFactory
from tests.factories.panels import MembershipFactory, PanelFactory
from tests.factories.recommendations import ActionFactory, RecommendationFactory
from tests.factories.reviews import FindingFactory, ReviewFactory

TEXT = "Tell every tenant who makes a complaint which team is dealing with it."
IMPACT = "Tenants we spoke to knew who was dealing with their complaint; chasing calls halved."


def _switch_to(page, user):
    page.context.clear_cookies()
    page.sign_in(user, PASSWORD)


def test_from_recommendation_to_you_said_we_did(desktop_page):
    page = desktop_page
    panel = PanelFactory(name="SURE Team")
    review = ReviewFactory(panel=panel, title="Complaints handling")
    FindingFactory(review=review, statement="Tenants were not told who was dealing with their complaint.")
    member = UserFactory(role="tenant", display_name="Morag Fraser")
    MembershipFactory(panel=panel, user=member)
    officer = UserFactory(role="officer", display_name="Daniel Okafor")
    manager = UserFactory(role="manager", display_name="Helen Baird")
    due = (timezone.localdate() + timedelta(days=60)).isoformat()

    # The panel member writes the recommendation and submits it.
    page.sign_in(member, PASSWORD)
    page.visit(f"/recommendations/?review={review.pk}")
    page.get_by_role("link", name="Write a recommendation for this review").click()
    page.check_accessibility()
    page.get_by_role("button", name="Save the draft").click()
    assert "There is a problem" in page.get_by_role("alert").inner_text()
    page.check_accessibility()
    page.get_by_role("textbox", name=re.compile(r"^Recommendation\W*(\(required\))?$")).fill(TEXT)
    page.get_by_label("Why the panel recommends it").fill("Half the tenants we asked did not know.")
    page.get_by_label("Weakness: Tenants were not told who was dealing with their complaint.").check()
    page.get_by_label("Priority").select_option("high")
    page.get_by_role("button", name="Save the draft").click()
    assert "R1 is saved as a draft" in page.content()
    page.check_accessibility()
    page.get_by_role("button", name="Submit to the landlord").click()
    assert "has been submitted to the landlord" in page.content()
    page.check_accessibility()

    # A manager accepts it, naming the owner and the due date.
    _switch_to(page, manager)
    assert "Recommendations awaiting your response" in page.content()
    page.check_accessibility()
    page.get_by_role("link", name="R1 of Complaints handling").click()
    page.get_by_role("link", name="Respond").click()
    page.check_accessibility()
    page.get_by_label("Accepted", exact=True).check()
    page.get_by_label("Owner of the action plan (optional)").select_option(label="Daniel Okafor (officer)")
    page.get_by_label("Due date (optional)").fill(due)
    page.get_by_role("button", name="Send the response").click()
    assert "Your response to R1 has been recorded" in page.content()
    assert "In progress" in page.content()
    page.check_accessibility()

    # The officer marks it implemented, with evidence.
    _switch_to(page, officer)
    assert "My actions" in page.content()
    page.get_by_role("link", name="R1 of Complaints handling").click()
    page.check_accessibility()
    page.get_by_role("link", name="Mark as implemented").click()
    page.check_accessibility()
    page.get_by_label("What was done").fill("Acknowledgement letters now name the team and a reply date.")
    page.get_by_label("Evidence it was done").set_input_files(
        files=[{"name": "new-letter.txt", "mimeType": "text/plain",
                "buffer": b"Dear tenant, the Housing Options team is dealing with your complaint."}]
    )
    page.get_by_role("button", name="Mark as implemented").click()
    assert "R1 is marked as implemented" in page.content()
    page.check_accessibility()

    # The panel member checks the evidence and verifies it.
    _switch_to(page, member)
    assert "Recommendations to verify" in page.content()
    page.get_by_role("link", name="R1 of Complaints handling").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the evidence").click()
    assert download.value.suggested_filename == "new-letter.txt"
    page.get_by_role("link", name="Verify").click()
    page.check_accessibility()
    page.get_by_label("What has changed for tenants").fill(IMPACT)
    page.get_by_role("button", name="Verify").click()
    assert "R1 is verified" in page.content()
    page.check_accessibility()

    rec = Recommendation.objects.get()
    assert rec.status == Status.VERIFIED and rec.owner == officer

    page.visit("/recommendations/you-said-we-did/")
    content = page.content()
    assert TEXT in content and IMPACT in content
    assert "Daniel Okafor" not in content and "Morag Fraser" not in content.split("<main")[1]

    page.get_by_role("link", name="Recommendations").first.click()
    page.get_by_role("link", name="R1 of Complaints handling").click()
    page.get_by_role("link", name="See everything that has happened to R1").click()
    page.check_accessibility()
    assert "Verified by the panel" in page.content()


def test_the_other_pages_on_a_phone(phone_page):
    page = phone_page
    panel = PanelFactory(name="Mystery Shoppers")
    review = ReviewFactory(panel=panel, title="Customer service standards mystery shopping")
    member = UserFactory(role="tenant")
    MembershipFactory(panel=panel, user=member)
    manager = UserFactory(role="manager")
    late = RecommendationFactory(review=review, status="in_progress", owner=UserFactory(role="officer"),
                                 due_date=timezone.localdate() - timedelta(days=3))
    ActionFactory(recommendation=late, owner=late.owner, due_date=timezone.localdate() - timedelta(days=1))
    implemented = RecommendationFactory(review=review, status="implemented")
    accepted = RecommendationFactory(review=review, status="accepted")
    draft = RecommendationFactory(review=review, status="draft")
    for i in range(30):
        RecommendationFactory(review=review, status="submitted", text=f"Staff should give their name {i}.")

    page.sign_in(manager, PASSWORD)
    page.visit("/recommendations/")
    page.check_accessibility()
    page.get_by_text("Filter and sort").click()
    page.get_by_label("Overdue", exact=True).select_option("yes")
    page.get_by_role("button", name="Show recommendations").click()
    assert "Recommendations 1 to 1 of 1" in page.content()
    page.check_accessibility()
    page.visit("/recommendations/?page=2")
    for path in (f"{late.pk}/", f"{late.pk}/timeline/", f"{late.pk}/actions/new/", f"{late.pk}/progress/new/",
                 f"{late.pk}/actions/{late.actions.get().pk}/", f"{accepted.pk}/action-plan/"):
        page.visit(f"/recommendations/{path}")

    page.context.clear_cookies()
    page.sign_in(member, PASSWORD)
    for path in (f"{draft.pk}/edit/", f"{implemented.pk}/return/", f"{implemented.pk}/verify/"):
        page.visit(f"/recommendations/{path}")
    page.visit(f"/recommendations/{implemented.pk}/return/")
    page.get_by_role("button", name="Return to in progress").click()
    assert "There is a problem" in page.content()
    page.check_accessibility()


def test_open_actions_and_submitting_together_on_a_phone(phone_page):
    """The implement form's questions about open actions, and the submit-together page, read at
    360 px with no sideways scrolling and pass axe-core, their errors included."""
    page = phone_page
    review = ReviewFactory(title="Complaints handling")
    member = UserFactory(role="tenant")
    MembershipFactory(panel=review.panel, user=member)
    officer = UserFactory(role="officer")
    rec = RecommendationFactory(review=review, status="in_progress", owner=officer)
    ActionFactory(recommendation=rec, owner=officer,
                  what="Reprint every acknowledgement letter in plain English")
    for n in range(3):
        RecommendationFactory(review=review, status="draft", text=f"Draft recommendation {n}.")

    page.sign_in(officer, PASSWORD)
    page.visit(f"/recommendations/{rec.pk}/implemented/")
    page.get_by_label("What was done").fill("Letters changed.")
    page.get_by_label("It was dropped").check()
    page.get_by_role("button", name="Mark as implemented").click()
    content = page.content()
    assert "There is a problem" in content and "was dropped." in content
    assert page.get_by_label("What was done").input_value() == "Letters changed."
    page.check_accessibility()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    page.context.clear_cookies()
    page.sign_in(member, PASSWORD)
    page.visit(f"/recommendations/reviews/{review.pk}/submit/")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    for box in page.get_by_role("checkbox").all():
        box.uncheck()
    page.get_by_role("button", name="Submit to the landlord").click()
    assert "Tick at least one recommendation to submit." in page.content()
    page.check_accessibility()
