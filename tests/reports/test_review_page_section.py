"""The review's report on the review's own page, added through extensions.REVIEW_PAGE_SECTIONS:
read it, ask for the PDF, follow it while the worker makes it, download it."""

import io

from pypdf import PdfReader

from reports import review_page
from reports.models import Kind, ReportRequest, Status
from tests.factories.reports import ReportRequestFactory


def _page(client, review):
    response = client.get(review.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_a_panel_member_asks_for_the_pdf_from_the_review_page_and_downloads_it(client, world, run_tasks):
    client.force_login(world.member)
    page = _page(client, world.review)
    assert f'action="/reports/ask/reviews/{world.review.pk}/"' in page
    assert f'href="/reports/reviews/{world.review.pk}/"' in page  # the report to read on screen

    run_tasks(client.post, f"/reports/ask/reviews/{world.review.pk}/")

    report = ReportRequest.objects.get()
    assert report.kind == Kind.REVIEW and report.status == Status.DONE
    page = _page(client, world.review)
    assert "Your report is ready." in page
    assert f'href="/reports/{report.pk}/download/"' in page
    assert "Make the PDF again, with the latest changes" in page
    download = client.get(f"/reports/{report.pk}/download/")
    pdf = PdfReader(io.BytesIO(b"".join(download.streaming_content)))
    assert pdf.metadata.title == "Review report: Complaints handling"


def test_while_the_pdf_is_made_the_review_page_follows_it_and_offers_no_second_one(client, world):
    report = ReportRequestFactory(kind=Kind.REVIEW, parameters={"review": world.review.pk},
                                  status=Status.RUNNING, requested_by=world.manager)
    client.force_login(world.chair)

    page = _page(client, world.review)

    assert "The report is being made." in page
    assert f'hx-get="/reports/{report.pk}/status/"' in page and 'hx-trigger="every 3s"' in page
    assert f'action="/reports/ask/reviews/{world.review.pk}/"' not in page


def test_a_failed_pdf_says_why_and_offers_a_retry_to_those_who_may(client, world):
    report = ReportRequestFactory(kind=Kind.REVIEW, parameters={"review": world.review.pk},
                                  status=Status.FAILED, requested_by=world.member)
    client.force_login(world.member)
    page = _page(client, world.review)
    assert "fault in its page layout" in page
    assert f'action="/reports/{report.pk}/retry/"' in page

    client.force_login(world.chair)  # a tenant who did not ask for it cannot retry it
    assert f'action="/reports/{report.pk}/retry/"' not in _page(client, world.review)


def test_the_section_shows_only_this_reviews_pdf(client, world):
    other = ReportRequestFactory(kind=Kind.REVIEW, parameters={"review": world.review.pk + 1000},
                                 status=Status.DONE, requested_by=world.manager)
    client.force_login(world.manager)

    page = _page(client, world.review)

    assert f"/reports/{other.pk}/" not in page
    assert "Make the PDF" in page


def test_people_who_may_not_see_the_report_get_no_section(world):
    assert review_page.section(world.review, world.member) is not None
    assert review_page.section(world.review, world.officer) is not None
    assert review_page.section(world.review, world.outsider) is None  # a tenant of another panel
