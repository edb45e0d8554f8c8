"""Reading the words out of an uploaded PDF or Word file happens in the worker: the upload only
stores the file, the document's page says the text is being read, then shows the words or why
they could not be read."""

import io

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from mysteryshop.models import CheckedDocument
from reviews.models import ReviewKind
from tests.factories.accounts import UserFactory
from tests.factories.mysteryshop import JargonTermFactory
from tests.factories.panels import MembershipFactory, PanelFactory
from tests.factories.reviews import ReviewFactory
from tests.reviews.files import pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def member_and_review():
    panel = PanelFactory()
    member = UserFactory(role="tenant")
    MembershipFactory(panel=panel, user=member)
    return member, ReviewFactory(panel=panel, kind=ReviewKind.DOCUMENT_REVIEW)


def _word_file(text):
    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return SimpleUploadedFile("letter.docx", out.getvalue())


def test_a_word_file_is_read_in_the_worker_while_its_page_shows_progress(
    client, member_and_review, monkeypatch, django_capture_on_commit_callbacks,
):
    member, review = member_and_review
    JargonTermFactory(term="arrears", plain="rent owed")
    letter = _word_file("Your arrears must be paid prior to Monday.")
    parsed = []
    real = docx.Document
    monkeypatch.setattr(docx, "Document", lambda *args: parsed.append(1) or real(*args))
    client.force_login(member)

    with django_capture_on_commit_callbacks() as queued:
        response = client.post(f"/mystery-shopping/programmes/{review.pk}/documents/add/", {
            "title": "Arrears letter", "file": letter,
        })

    document = CheckedDocument.objects.get()
    assert response["Location"] == document.get_absolute_url()
    assert parsed == [] and document.text == ""
    waiting = client.get(document.get_absolute_url()).content.decode()
    assert "Reading the text of this file…" in waiting
    assert 'hx-trigger="every 3s"' in waiting

    for callback in queued:
        callback()  # the worker's turn

    document.refresh_from_db()
    assert parsed == [1]
    assert document.text == "Your arrears must be paid prior to Monday."
    page = client.get(document.get_absolute_url()).content.decode()
    assert "Reading the text of this file…" not in page and 'hx-trigger="every 3s"' not in page
    assert "The text of this file has been read." in page
    assert '<mark class="jargon">arrears' in page


def test_a_file_whose_words_cannot_be_read_says_why_on_its_page(
    client, member_and_review, django_capture_on_commit_callbacks,
):
    member, review = member_and_review
    client.force_login(member)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/mystery-shopping/programmes/{review.pk}/documents/add/", {
            "title": "Scanned leaflet", "file": SimpleUploadedFile("leaflet.pdf", pdf(pages=2)),
        })

    document = CheckedDocument.objects.get()
    assert document.text == ""
    page = client.get(document.get_absolute_url()).content.decode()
    assert "We could not read the text of this file." in page
    assert "No words were found in this file (it may be a scanned image). Paste the text instead." in page
    assert 'hx-trigger="every 3s"' not in page


def test_words_typed_in_a_form_opened_before_the_file_was_read_do_not_replace_them_unseen(
    client, member_and_review, django_capture_on_commit_callbacks,
):
    member, review = member_and_review
    client.force_login(member)
    with django_capture_on_commit_callbacks() as queued:
        client.post(f"/mystery-shopping/programmes/{review.pk}/documents/add/", {
            "title": "Arrears letter", "file": _word_file("Your rent is due on Monday."),
        })
    document = CheckedDocument.objects.get()
    opened_at_version = document.version
    for callback in queued:
        callback()

    response = client.post(f"/mystery-shopping/documents/{document.pk}/edit/", {
        "title": "Arrears letter", "text": "Pay now.", "version": opened_at_version,
    })

    document.refresh_from_db()
    assert "while you were editing it" in response.content.decode()
    assert document.text == "Your rent is due on Monday."


def test_a_reading_that_gave_up_is_named_in_words_on_the_failed_jobs_page(client, member_and_review):
    from mysteryshop.tasks import read_document_text
    from scrutiny import jobs
    from scrutiny.models import Job
    from tests.factories.mysteryshop import CheckedDocumentFactory

    document = CheckedDocumentFactory(review=member_and_review[1], title="Gas safety leaflet")
    job = jobs.enqueue(read_document_text, document.pk)
    Job.objects.filter(pk=job.pk).update(attempts=20, last_error="OSError('disk gone')")
    client.force_login(UserFactory(role="admin"))

    page = client.get("/administration/failed-jobs/").content.decode()

    assert "Reading the words of a document to check" in page
    assert "&quot;Gas safety leaflet (version 1)&quot;" in page
