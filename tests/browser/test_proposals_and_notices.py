"""On a phone: a member proposes a review and the chair confirms it; someone who prefers letters
reads their notices on the home page; a manager assigns an owner from the home page. Each page
passes axe-core."""

from datetime import timedelta

from django.utils import timezone

from accounts.models import Notice
from panels.models import PanelRole
from recommendations import services as recommendation_services
from recommendations.models import Decision
from reviews.models import Review, Stage
from tests.factories.accounts import PASSWORD, UserFactory
from tests.factories.panels import MembershipFactory, PanelFactory
from tests.factories.recommendations import RecommendationFactory
from tests.factories.reviews import ReviewFactory


def test_a_member_proposes_a_review_and_the_chair_confirms_it(phone_page):
    panel = PanelFactory(name="SURE Team")
    member = UserFactory(role="tenant", display_name="Morag Fraser")
    chair = UserFactory(role="tenant", display_name="Iain Robertson")
    MembershipFactory(panel=panel, user=member)
    MembershipFactory(panel=panel, user=chair, role=PanelRole.CHAIR)

    phone_page.sign_in(member, PASSWORD)
    phone_page.visit("/reviews/new/")
    phone_page.check_accessibility()
    phone_page.get_by_label("Title").fill("How we handle complaints")
    phone_page.get_by_label("Scope").fill("Stage 1 complaints, from the first call to the reply.")
    phone_page.get_by_role("button", name="Propose the review").click()
    phone_page.wait_for_load_state()
    assert "has been proposed" in phone_page.content()
    phone_page.check_accessibility()
    review = Review.objects.get(title="How we handle complaints")
    assert review.stage == Stage.PROPOSED

    phone_page.context.clear_cookies()
    phone_page.sign_in(chair, PASSWORD)
    phone_page.visit(review.get_absolute_url())
    phone_page.check_accessibility()
    phone_page.get_by_role("button", name="Confirm the review").click()
    phone_page.wait_for_load_state()
    assert "now at: Scoping" in phone_page.content()
    review.refresh_from_db()
    assert review.stage == Stage.SCOPING


def test_notices_and_assigning_an_owner_on_the_home_page(phone_page):
    manager = UserFactory(role="manager", display_name="Helen Baird", contact_preference="post")
    owner = UserFactory(role="officer", display_name="Priya Shah")
    review = ReviewFactory(title="Complaints handling")
    rec = RecommendationFactory(review=review, status="submitted")
    Notice.objects.create(user=manager, subject=f"R{rec.number} of Complaints handling waits for your "
                          "response", body="Hello Helen,\n\nIt is waiting.", url=rec.get_absolute_url())
    recommendation_services.respond(recommendation=rec, by=manager, decision=Decision.ACCEPTED)

    phone_page.sign_in(manager, PASSWORD)
    content = phone_page.content()
    assert "Notices for you" in content and "No owner yet" in content
    phone_page.check_accessibility()
    phone_page.get_by_role("link", name=f"Assign an owner to R{rec.number} of Complaints handling").click()
    phone_page.wait_for_load_state()
    phone_page.get_by_label("Owner of the action plan").select_option(label="Priya Shah (officer)")
    phone_page.get_by_label("Due date").fill((timezone.localdate() + timedelta(days=30)).isoformat())
    phone_page.get_by_role("button", name="Agree the action plan").click()
    phone_page.wait_for_load_state()
    rec.refresh_from_db()
    assert rec.owner == owner
