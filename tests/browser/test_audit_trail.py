"""An administrator reads the audit trail on a phone: filters, a page at a time, accessible."""

from scrutiny.models import AuditEvent, AuditKind
from tests.factories.accounts import PASSWORD, UserFactory


def test_an_administrator_filters_the_audit_trail_on_a_phone(phone_page):
    admin = UserFactory(role="admin", display_name="Sam Patel")
    ann = UserFactory(display_name="Ann Reid", email="ann.reid@example.org")
    AuditEvent.objects.create(kind=AuditKind.PERSONAL_DATA, actor=ann, subject=ann,
                              detail="/accounts/profile/my-data.json")
    AuditEvent.objects.create(kind=AuditKind.EXPORT, actor=admin, detail="/recommendations/export.csv")

    phone_page.sign_in(admin, PASSWORD)
    phone_page.visit("/audit/")
    assert phone_page.get_by_role("heading", level=1).inner_text() == "Audit trail"
    phone_page.check_accessibility()

    phone_page.get_by_label("What happened").select_option("personal_data")
    phone_page.get_by_label("Person (name or email)").fill("ann.reid")
    phone_page.get_by_role("button", name="Show events").click()

    text = phone_page.locator("main").inner_text()
    assert "1 event" in text
    assert "Downloaded personal data" in text and "By Ann Reid (ann.reid@example.org)" in text
    assert "export.csv" not in text
    assert phone_page.get_by_label("Person (name or email)").input_value() == "ann.reid"
    # Reads at 360 px without sideways scrolling.
    assert phone_page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    phone_page.check_accessibility()
