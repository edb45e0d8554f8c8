"""Uploads cannot take the server down: a zip that unpacks to far more than it weighs, an image
of absurd size in pixels and a PDF of endless text are refused or cut short before they are
parsed, with a plain message; a text file that mentions "<script" is still plain text."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PageObject, PdfWriter

from mysteryshop.readability import extract_text
from scrutiny import uploads

CONTENT_TYPES = (
    b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="xml" ContentType="application/xml"/></Types>'
)


def zip_bomb(member: str, megabytes: int) -> bytes:
    """An Office file whose one XML part unpacks to `megabytes` MB of the same paragraph."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES)
        paragraph = b"<w:p><w:r><w:t>Repairs</w:t></w:r></w:p>"
        package.writestr(member, paragraph * (megabytes * 1024 * 1024 // len(paragraph)))
    return out.getvalue()


def test_a_word_file_that_unpacks_to_60_mb_is_refused_from_its_directory_alone():
    bomb = zip_bomb("word/document.xml", 60)
    assert len(bomb) < 400 * 1024

    with pytest.raises(ValidationError) as refused:
        uploads.validate_upload(SimpleUploadedFile("minutes.docx", bomb))

    assert refused.value.messages == [
        "This file unpacks to far more than its size (60.0 MB from "
        f"{len(bomb) // 1024} KB), which a real document does not. Save it again from Word or "
        "Excel, or save it as a PDF, then choose it again."
    ]


def test_a_spreadsheet_whose_parts_add_up_to_more_than_the_cap_is_refused(settings):
    settings.UPLOAD_UNPACKED_MAX_BYTES = 1024 * 1024
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES)
        for n in range(4):
            package.writestr(f"xl/media/image{n}.bin", bytes(range(256)) * 1600)  # 400 KB, stored

    with pytest.raises(ValidationError) as refused:
        uploads.validate_upload(SimpleUploadedFile("figures.xlsx", out.getvalue()), uploads.DOCUMENTS)

    assert refused.value.messages == [
        "This file unpacks to 1.6 MB; files can unpack to at most 1.0 MB. Make it smaller or split "
        "it, then choose it again."
    ]


def test_a_word_file_with_too_much_text_to_read_is_refused_before_it_is_parsed(monkeypatch):
    import docx

    monkeypatch.setattr(docx, "Document", lambda *args: pytest.fail("the document was parsed"))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES)
        package.writestr("word/document.xml", b"<w:t>Rent</w:t>" * 800_000)  # 11.4 MB

    with pytest.raises(ValidationError) as refused:
        extract_text(out, "docx")

    assert refused.value.messages == [
        "This document holds more text than we can read (11.4 MB of it; at most 10.0 MB). "
        "Paste the part to check instead."
    ]


def test_a_real_word_document_is_still_accepted():
    from docx import Document

    document = Document()
    document.add_paragraph("Stage 1 complaints are answered within 5 working days. " * 200)
    out = io.BytesIO()
    document.save(out)
    assert uploads.validate_upload(SimpleUploadedFile("policy.docx", out.getvalue())) == "docx"


def test_an_image_of_too_many_pixels_is_refused_before_it_is_decoded(monkeypatch):
    out = io.BytesIO()
    Image.new("1", (9000, 6000)).save(out, format="PNG")  # 54 million pixels, a few KB
    decoded = []
    monkeypatch.setattr(Image.Image, "load", lambda self: decoded.append(self))

    with pytest.raises(ValidationError) as refused:
        uploads.prepare_upload(SimpleUploadedFile("estate.png", out.getvalue()), uploads.IMAGES)

    assert refused.value.messages == [
        "This image is 9000 by 6000 pixels, too large to use. Make it smaller (no more than "
        "40 million pixels, such as 8000 by 5000) and choose it again."
    ]
    assert decoded == []


def test_reading_a_pdf_stops_at_the_character_cap(monkeypatch):
    writer = PdfWriter()
    for _ in range(6):
        writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    read = []

    def long_page(self, *args, **kwargs):
        read.append(self)
        return "Rent " * 30_000  # 150,000 characters a page

    monkeypatch.setattr(PageObject, "extract_text", long_page)

    text = extract_text(io.BytesIO(out.getvalue()), "pdf")

    assert len(read) == 2
    assert len(text) == 200_000


def test_a_text_file_that_mentions_script_is_plain_text():
    notes = b"Tenant said the web form showed <script> on screen and would not send.\n"
    assert uploads.validate_upload(SimpleUploadedFile("notes.txt", notes)) == "txt"
