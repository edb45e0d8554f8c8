"""A document check whose file is being read by the worker: the page says so, updates itself
(htmx, under the CSP) once the words arrive, reads at 360 px and passes axe-core."""

from mysteryshop.models import CheckedDocument, TextReading
from reviews.models import ReviewKind
from tests.factories.accounts import PASSWORD, UserFactory
from tests.factories.mysteryshop import CheckedDocumentFactory
from tests.factories.panels import MembershipFactory, PanelFactory
from tests.factories.reviews import ReviewFactory

NO_SIDEWAYS_SCROLL = "document.documentElement.scrollWidth <= window.innerWidth"


def test_the_document_page_shows_the_words_by_itself_once_they_are_read(phone_page):
    panel = PanelFactory()
    member = UserFactory(role="tenant")
    MembershipFactory(panel=panel, user=member)
    review = ReviewFactory(panel=panel, kind=ReviewKind.DOCUMENT_REVIEW)
    document = CheckedDocumentFactory(review=review, title="Arrears letter", text="",
                                      text_reading=TextReading.READING)
    phone_page.sign_in(member, PASSWORD)

    phone_page.visit(document.get_absolute_url())
    assert "Reading the text of this file…" in phone_page.locator("[data-announce]").inner_text()
    assert phone_page.evaluate(NO_SIDEWAYS_SCROLL)

    CheckedDocument.objects.filter(pk=document.pk).update(
        text="Your rent is due on Monday. Call us if you cannot pay it.", text_reading=TextReading.READ,
    )

    phone_page.get_by_role("heading", name="Readability").wait_for()
    assert "Your rent is due on Monday." in phone_page.locator(".document-text").inner_text()
    assert phone_page.get_by_role("heading", level=1).count() == 1
    phone_page.check_accessibility()
