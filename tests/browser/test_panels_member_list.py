"""On a phone, a chair pastes a list of people for the panel, puts right the line with a problem,
checks what will happen to each person and confirms; every page passes axe-core and nothing
scrolls sideways."""

from accounts.models import Invitation
from panels.models import Membership, PanelRole
from tests.factories.accounts import PASSWORD, UserFactory
from tests.factories.panels import MembershipFactory, PanelFactory


def _fits(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), page.url


def test_a_chair_adds_a_list_of_people_after_putting_a_bad_line_right(phone_page):
    page = phone_page
    panel = PanelFactory(name="Steering Group")
    chair = UserFactory(display_name="Chris Chair")
    MembershipFactory(panel=panel, user=chair, role=PanelRole.CHAIR)
    UserFactory(email="kim.lee@example.org", display_name="Kim Lee")

    page.sign_in(chair, PASSWORD)
    page.visit(f"/panels/{panel.pk}/members/")
    page.get_by_role("link", name="Add or invite several people").click()
    page.wait_for_load_state()
    page.check_accessibility()
    box = page.get_by_label("People to add, one on each line")
    box.fill(
        "Kim Lee, kim.lee@example.org, vice-chair\n"
        "Ravi Shah, ravi.shah@a-rather-long-housing-association-address.example.org\n"
        "Bob Brown, bob@\n"
    )
    page.get_by_role("button", name="Check the list").click()
    page.wait_for_load_state()
    assert "Line 3: ‘bob@’ is not an email address." in page.get_by_role("alert").inner_text()
    page.check_accessibility()
    _fits(page)

    box = page.get_by_label("People to add, one on each line")
    box.fill(box.input_value().replace("bob@", "bob.brown@example.org"))
    page.get_by_role("button", name="Check the list").click()
    page.wait_for_load_state()
    page.check_accessibility()
    _fits(page)
    assert not Invitation.objects.exists()
    page.get_by_role("button", name="Add and invite 3 people").click()
    page.wait_for_url(f"**/panels/{panel.pk}/members/")
    page.check_accessibility()

    assert "1 person added to Steering Group; 2 people invited" in page.get_by_role("main").inner_text()
    assert Membership.objects.get(panel=panel, user__email="kim.lee@example.org").role == "vice_chair"
    assert set(Invitation.objects.values_list("email", flat=True)) == {
        "ravi.shah@a-rather-long-housing-association-address.example.org", "bob.brown@example.org"
    }
