"""A published report's PDF in each language, read back: its language, title and headings."""

import io

from pypdf import PdfReader

from opendata import pdfs, services
from tests.opendata.conftest import switch_on


def test_the_welsh_and_english_pdfs_say_their_language_and_are_served_at_each_address(world, client):
    switch_on()
    publication = services.publish(review=world.review, by=world.admin)
    pdfs.make(publication_id=publication.pk)  # the worker's part, once publishing commits

    english = PdfReader(io.BytesIO(client.get(f"/public/reviews/{world.review.pk}/report.pdf").content))
    welsh = PdfReader(io.BytesIO(client.get(f"/cy/public/reviews/{world.review.pk}/report.pdf").content))

    assert english.trailer["/Root"]["/Lang"] == "en-gb"
    assert english.metadata.title == "Review report: Complaints handling"
    assert welsh.trailer["/Root"]["/Lang"] == "cy"
    assert welsh.metadata.title == "Adroddiad adolygu: Complaints handling"
    text = "\n".join(page.extract_text() for page in welsh.pages)
    assert "Canfyddiadau" in text and "Argymhellion ac ymateb y landlord" in text
    assert "Findings" not in text


def test_the_pdf_of_a_report_taken_down_is_gone(world, client):
    switch_on()
    publication = services.publish(review=world.review, by=world.admin)
    pdfs.make(publication_id=publication.pk)
    services.unpublish(review=world.review, by=world.chair)

    assert client.get(f"/public/reviews/{world.review.pk}/report.pdf").status_code == 404
