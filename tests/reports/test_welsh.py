"""Reports in Welsh: the PDF made in the language asked for (its /Lang, title and headings), the
pages at /cy/ in Welsh, Welsh plural forms, kept drawings kept apart by language, and what is
sent to a person in their own language."""

import io
from types import SimpleNamespace

import pytest
from django.core import mail
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation
from pypdf import PdfReader

from accounts.models import ContactPreference, Notice
from reports import approval
from reports.annual import kept, year_of
from reports.models import AssessmentSection, ReportRequest, Status, WaitingRequest
from tests.factories.reports import approved_report


@pytest.fixture(autouse=True)
def _nothing_kept():
    """Each test draws its own report, in English unless it asks otherwise: nothing kept from another
    test's database, and no language left active by a /cy/ page (LocaleMiddleware activates it for
    the thread and nothing resets it), for this test or the next."""
    cache.clear()
    translation.activate("en-gb")
    yield
    translation.activate("en-gb")


def _pdf_text(report):
    with report.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def test_the_welsh_annual_report_pdf_is_in_welsh(client, world, run_tasks):
    approved_report(world.year, by=world.chair, text="Gwrandawodd y landlord, ond roedd yr atebion yn araf.")
    client.force_login(world.manager)

    run_tasks(client.post, "/cy/reports/ask/annual/", {"year": world.year, "language": "cy"})

    report = ReportRequest.objects.get()
    assert report.status == Status.DONE, report.error_detail
    assert report.language == "cy"
    label = year_of(world.year).label
    assert report.title == f"Adroddiad Blynyddol i Denantiaid {label}"
    reader, text = _pdf_text(report)
    assert reader.trailer["/Root"]["/Lang"] == "cy"
    assert reader.metadata.title == f"Adroddiad Blynyddol i Denantiaid {label}"
    headings = ("Cynnwys", "Argymhellion a beth ddigwyddodd iddyn nhw", "Barn y panel", "Sut i gymryd rhan")
    for heading in headings:
        assert heading in text, heading
    assert "What the panel thinks" not in text and "How to get involved" not in text
    assert "Gwrandawodd y landlord" in text  # what the panel wrote, shown as written


def test_the_english_annual_report_can_be_asked_for_from_a_welsh_page(client, world, run_tasks):
    approved_report(world.year)
    client.force_login(world.manager)

    run_tasks(client.post, "/cy/reports/ask/annual/", {"year": world.year, "language": "en-gb"})

    report = ReportRequest.objects.get()
    assert report.status == Status.DONE, report.error_detail
    reader, text = _pdf_text(report)
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    assert reader.metadata.title == f"Annual Report to Tenants {year_of(world.year).label}"
    assert "What the panel thinks" in text


def test_the_reports_page_in_welsh_offers_both_languages(client, world):
    client.force_login(world.member)

    response = client.get("/cy/reports/")
    page = response.content.decode()

    # The page's <html lang> is the shared base template's; the response says its language.
    assert response["Content-Language"] == "cy"
    assert "Adroddiadau y gofynnoch chi amdanynt" in page and "Reports you asked for" not in page
    assert 'name="language" value="cy"' in page and 'name="language" value="en-gb"' in page


def test_the_status_box_picks_the_welsh_plural_form(db):
    def box(pages):
        report = SimpleNamespace(
            pk=1, status="done", is_active=False, file=True, file_name="adroddiad.pdf", file_size=2048,
            pages=pages, finished_at=None, seconds_taken=None,
        )
        with translation.override("cy"):
            return render_to_string("reports/_status.html", {"report": report})

    assert "1 dudalen" in box(1)
    assert "2 dudalen" in box(2)
    assert "3 tudalen" in box(3)
    assert "8 tudalen" in box(8)


def test_a_kept_annual_report_drawn_in_english_is_not_served_in_welsh(world):
    approved_report(world.year)

    with translation.override("en-gb"):
        english = kept.drawn(world.year)
    with translation.override("cy"):
        welsh = kept.drawn(world.year)

    assert "What the panel thinks" in english["body"]
    assert "Barn y panel" in welsh["body"] and "What the panel thinks" not in welsh["body"]
    assert welsh["title"].startswith("Adroddiad Blynyddol i Denantiaid")


def test_a_waiting_report_is_made_in_the_language_asked_and_the_email_in_the_persons(world, run_tasks):
    person = world.member
    person.language = "cy"
    person.contact_preference = ContactPreference.EMAIL
    person.email = "iain@example.org"
    person.save()
    approval.wait_for_approval(year=world.year, by=person, large_print=False, language="en-gb")
    approved_report(world.year, by=world.chair)

    run_tasks(approval.make_waiting_reports, year=world.year)

    waiting = WaitingRequest.objects.get()
    assert waiting.made.language == "en-gb"
    assert waiting.made.title.startswith("Annual Report to Tenants")
    sent = [message.subject for message in mail.outbox]
    sent = sent or list(Notice.objects.values_list("subject", flat=True))
    assert sent and "Mae'r panel wedi cymeradwyo ei asesiad" in sent[0], sent


def test_the_panels_words_in_welsh_fall_back_to_the_english_marked_so(world):
    approved_report(world.year, text="Repairs got better; complaints did not.")

    with translation.override("cy"):
        before = kept.drawn(world.year)["body"]
    section = AssessmentSection.objects.get(section="recommendations")
    section.text_cy = "Aeth atgyweiriadau'n well; ni wnaeth cwynion."
    section.save()
    cache.clear()  # renewing the kept drawing on a save is test_annual_kept's; this is about the words
    with translation.override("cy"):
        after = kept.drawn(world.year)["body"]
    with translation.override("en-gb"):
        english = kept.drawn(world.year)["body"]

    assert '<div lang="en"><p>Repairs got better; complaints did not.</p></div>' in before
    assert "(yn Saesneg)" in before
    assert "Aeth atgyweiriadau&#x27;n well" in after and "(yn Saesneg)" not in after
    assert "Repairs got better; complaints did not." in english and "Aeth atgyweiriadau" not in english


def test_the_panel_writes_its_view_in_english_and_welsh_side_by_side(client, world):
    client.force_login(world.member)

    page = client.get(f"/cy/reports/annual/{world.year}/assessment/recommendations/").content.decode()
    client.post(f"/cy/reports/annual/{world.year}/assessment/recommendations/",
                {"text": "Answers were slow.", "text_cy": "Roedd yr atebion yn araf."})

    assert 'name="text_cy"' in page and "Barn y panel yn Gymraeg" in page
    section = AssessmentSection.objects.get(section="recommendations")
    assert section.text_en_gb == "Answers were slow." and section.text_cy == "Roedd yr atebion yn araf."
