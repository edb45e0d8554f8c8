"""A part of a page that refreshes itself (a document being read, a report being made) has its
new status read out by a live region that stays in the page, once, and keeps the keyboard focus
where it was rather than dropping it to the top of the page."""

from django.core.files.base import ContentFile
from playwright.sync_api import expect

from mysteryshop.models import CheckedDocument, TextReading
from reports.models import ReportRequest, Status
from reviews.models import ReviewKind
from tests.factories.accounts import PASSWORD, UserFactory
from tests.factories.mysteryshop import CheckedDocumentFactory
from tests.factories.panels import MembershipFactory, PanelFactory
from tests.factories.reports import ReportRequestFactory
from tests.factories.reviews import ReviewFactory

ANNOUNCER = "[role=status][aria-live=polite]:not(main *)"
FOCUSED = "document.activeElement && [document.activeElement.id, document.activeElement.textContent.trim()]"


def test_the_document_page_announces_the_words_are_read_and_keeps_focus(phone_page):
    panel = PanelFactory()
    member = UserFactory(role="tenant")
    MembershipFactory(panel=panel, user=member)
    review = ReviewFactory(panel=panel, kind=ReviewKind.DOCUMENT_REVIEW)
    document = CheckedDocumentFactory(review=review, title="Arrears letter", text="",
                                      text_reading=TextReading.READING,
                                      file=ContentFile(b"Your rent is due on Monday.", name="letter.txt"))
    phone_page.sign_in(member, PASSWORD)
    phone_page.visit(document.get_absolute_url())
    phone_page.get_by_role("link", name="Change the words").focus()

    CheckedDocument.objects.filter(pk=document.pk).update(
        text="Your rent is due on Monday. Call us if you cannot pay it.", text_reading=TextReading.READ,
    )

    announcer = phone_page.locator(ANNOUNCER)
    expect(announcer).to_have_text("Read The text of this file has been read.")
    assert phone_page.evaluate(FOCUSED) == ["", "Change the words"]
    # The button fades to its focused colours (Bootstrap's transition): judge the colours it ends with.
    phone_page.evaluate("() => Promise.all(document.getAnimations().map((a) => a.finished))")
    phone_page.check_accessibility()


def test_the_report_status_page_announces_the_report_is_ready_and_keeps_focus(desktop_page):
    manager = UserFactory(role="manager")
    report = ReportRequestFactory(requested_by=manager, status=Status.RUNNING)
    desktop_page.sign_in(manager, PASSWORD)
    desktop_page.visit(f"/reports/{report.pk}/")
    # The link to the list of reports inside the status box goes once the report is ready.
    desktop_page.locator("#report-status a", has_text="Reports").focus()
    announcer = desktop_page.locator(ANNOUNCER)
    expect(announcer).to_have_count(1)
    assert announcer.inner_text() == ""  # the status already on the page is not spoken twice

    done = ReportRequestFactory(requested_by=manager, status=Status.DONE)  # gives it a file
    ReportRequest.objects.filter(pk=report.pk).update(status=Status.DONE, file=done.file.name,
                                                      file_name="report.pdf")

    expect(announcer).to_have_text("Ready Your report is ready.")
    assert desktop_page.evaluate(FOCUSED)[0] == "report-status"
    desktop_page.check_accessibility()
