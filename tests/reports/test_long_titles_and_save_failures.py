"""A review whose title is at its 200-character limit still makes a report with a safe file
name, and a report whose file cannot be stored after it is drawn is shown failed, with a retry,
rather than "Being made" for ever."""

import io

from django.db.models.fields.files import FieldFile
from pypdf import PdfReader

from reports import makers
from reports.models import ReportRequest, Status

LONG_TITLE = ("Repairs and maintenance: how quickly the landlord answers reports of damp, mould "
              "and condensation in flats, and how well tenants are told what will happen next "
              "and when the work will be done correctly")


def test_a_review_with_a_200_character_title_makes_a_report_that_downloads(client, world, run_tasks):
    assert len(LONG_TITLE) == 200
    world.review.title = LONG_TITLE
    world.review.save()
    client.force_login(world.manager)

    run_tasks(client.post, f"/reports/ask/reviews/{world.review.pk}/")

    report = ReportRequest.objects.get()
    assert report.status == Status.DONE, report.error_detail
    assert report.file_name.startswith("review-report-repairs-and-maintenance-how-quickly")
    assert report.file_name.endswith(".pdf") and len(report.file_name) <= 104
    response = client.get(f"/reports/{report.pk}/download/")
    assert response.status_code == 200
    assert f'filename="{report.file_name}"' in response["Content-Disposition"]
    pdf = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    assert "Review report: Repairs and\nmaintenance" in pdf.pages[0].extract_text()


def test_file_names_are_cut_at_a_word_keep_their_extension_and_allow_other_alphabets():
    assert makers.file_name("a " * 150, "pdf") == "-".join(["a"] * 50) + ".pdf"
    assert makers.file_name("Adolygiad gwasanaeth: atgyweirio tai ŵyr", "pdf") == (
        "adolygiad-gwasanaeth-atgyweirio-tai-ŵyr.pdf"
    )
    assert makers.file_name("Отчёт о проверке", "pdf") == "отчёт-о-проверке.pdf"
    assert makers.file_name("«»!!", "pdf") == "report.pdf"
    assert len(makers.file_name("Ж" * 300, "pdf").encode()) <= 200


def test_a_report_whose_file_cannot_be_stored_is_shown_failed_with_a_retry(
    client, world, run_tasks, monkeypatch,
):
    def refuse(self, name, content, save=True):
        raise ValueError("the storage refused the file name")

    monkeypatch.setattr(FieldFile, "save", refuse)
    client.force_login(world.manager)

    run_tasks(client.post, f"/reports/ask/reviews/{world.review.pk}/")

    report = ReportRequest.objects.get()
    assert report.status == Status.FAILED
    assert report.finished_at is not None and not report.file
    assert "the storage refused the file name" in report.error_detail
    page = client.get(f"/reports/{report.pk}/").content.decode()
    assert "The report could not be made" in page and "Being made" not in page
    assert f'action="/reports/{report.pk}/retry/"' in page and "Try again" in page
