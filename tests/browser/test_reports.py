"""Reports in the browser: the panel writes and approves its assessment on a phone, asks for the
Annual Report and downloads it; the status page updates itself (htmx, under the CSP); the report
reads at 360 px and passes axe-core."""

from reports.annual import current_year
from reports.models import AssessmentSection, ReportRequest, Status
from tests.factories.accounts import PASSWORD, UserFactory
from tests.factories.panels import MembershipFactory, PanelFactory
from tests.factories.reports import ReportRequestFactory
from tests.factories.reviews import FindingFactory, ReviewFactory

NO_SIDEWAYS_SCROLL = "document.documentElement.scrollWidth <= window.innerWidth"


def test_the_chair_writes_approves_and_gets_the_annual_report_on_a_phone(phone_page):
    panel = PanelFactory(name="SURE Team")
    chair = UserFactory(role="tenant", display_name="Morag Fraser")
    MembershipFactory(panel=panel, user=chair, role="chair")
    year = current_year() - 1
    page = phone_page
    page.sign_in(chair, PASSWORD)

    page.visit(f"/reports/annual/{year}/assessment/")
    page.locator(f'a[href="/reports/annual/{year}/assessment/recommendations/"]').click()
    assert page.get_by_role("heading", level=1).inner_text() == "Recommendations and what happened to them"
    page.get_by_label("What the panel thinks").fill("Most were accepted; some are late.")
    page.get_by_role("button", name="Save").click()
    assert "has been saved" in page.content()
    page.check_accessibility()
    page.get_by_role("button", name="Approve the panel's assessment").click()
    assert "The panel's assessment is approved." in page.content()
    assert AssessmentSection.objects.get().text == "Most were accepted; some are late."

    page.visit(f"/reports/annual/{year}/")
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    assert page.get_by_role("heading", level=1).count() == 1
    assert "Most were accepted; some are late." in page.content()
    page.get_by_text("Get this report as a PDF").click()
    page.get_by_role("button", name="Make the PDF").click()
    page.wait_for_load_state()
    # Without a broker the worker's task runs in-process after commit, so it is ready at once.
    assert page.locator("#report-status [role=status]").inner_text().strip().startswith("Ready")
    page.check_accessibility()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download").click()
    assert download.value.suggested_filename.startswith("annual-report-to-tenants-")
    assert ReportRequest.objects.get().status == Status.DONE


def test_the_status_page_updates_itself_when_the_worker_finishes(desktop_page):
    manager = UserFactory(role="manager")
    report = ReportRequestFactory(requested_by=manager, status=Status.RUNNING)
    desktop_page.sign_in(manager, PASSWORD)
    desktop_page.visit(f"/reports/{report.pk}/")
    assert "Being made" in desktop_page.locator("#report-status [role=status]").inner_text()

    ReportRequest.objects.filter(pk=report.pk).update(status=Status.DONE)
    done = ReportRequestFactory(requested_by=manager, status=Status.DONE)  # gives it a file
    ReportRequest.objects.filter(pk=report.pk).update(file=done.file.name, file_name="report.pdf")

    desktop_page.get_by_role("link", name="Download report.pdf").wait_for()
    assert "Your report is ready." in desktop_page.locator("#report-status [role=status]").inner_text()
    desktop_page.check_accessibility()


def test_the_review_report_page_reads_on_a_phone(phone_page):
    panel = PanelFactory()
    tenant = UserFactory(role="tenant")
    MembershipFactory(panel=panel, user=tenant)
    review = ReviewFactory(panel=panel, title="Complaints handling")
    FindingFactory(review=review, statement="Letters did not name the officer.")
    phone_page.sign_in(tenant, PASSWORD)

    phone_page.visit(f"/reports/reviews/{review.pk}/")

    assert phone_page.evaluate(NO_SIDEWAYS_SCROLL)
    assert "Letters did not name the officer." in phone_page.content()
    phone_page.visit("/reports/")
    assert phone_page.evaluate(NO_SIDEWAYS_SCROLL)
