import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from scrutiny import uploads

ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 200


def _pdf():
    from pypdf import PdfWriter

    out = io.BytesIO()
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.write(out)
    return out.getvalue()


def _jpeg_with_gps():
    img = Image.new("RGB", (30, 30), "red")
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif.get_ifd(0x8825)[2] = (56.0, 23.0, 48.0)  # GPSLatitude
    out = io.BytesIO()
    img.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def test_pdf_is_accepted_by_content():
    f = SimpleUploadedFile("minutes.pdf", _pdf())
    assert uploads.validate_upload(f) == "pdf"


def test_executable_renamed_pdf_is_refused():
    with pytest.raises(ValidationError, match="not a type we accept"):
        uploads.validate_upload(SimpleUploadedFile("report.pdf", ELF))


def test_file_over_the_limit_is_refused_with_sizes(settings):
    settings.UPLOAD_MAX_BYTES = 1024
    with pytest.raises(ValidationError, match=r"Files can be up to 1 KB"):
        uploads.validate_upload(SimpleUploadedFile("big.pdf", _pdf() + b"0" * 2048))


def test_svg_is_refused_even_when_renamed():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    with pytest.raises(ValidationError, match="SVG"):
        uploads.validate_upload(SimpleUploadedFile("chart.svg", svg))
    with pytest.raises(ValidationError):
        uploads.validate_upload(SimpleUploadedFile("chart.txt", svg))


def test_plain_text_is_accepted_but_not_as_an_image():
    f = SimpleUploadedFile("notes.txt", b"Interview notes: tenants waited 3 weeks.")
    assert uploads.validate_upload(f) == "txt"
    with pytest.raises(ValidationError, match="Choose a"):
        uploads.validate_upload(f, uploads.IMAGES)


def test_photo_loses_its_gps_location():
    original = _jpeg_with_gps()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)
    cleaned = uploads.prepare_upload(SimpleUploadedFile("IMG_0001.JPG", original), uploads.IMAGES)
    assert cleaned.name == "IMG_0001.jpg"
    exif = Image.open(io.BytesIO(cleaned.read())).getexif()
    assert not exif.get_ifd(0x8825)
    assert 0x010F not in exif


def test_served_files_cannot_run_in_the_browser(tmp_path, settings):
    from django.core.files.storage import FileSystemStorage
    from django.db.models.fields.files import FieldFile, FileField

    storage = FileSystemStorage(location=tmp_path)
    name = storage.save("evidence/a.pdf", io.BytesIO(_pdf()))
    field = FileField(storage=storage)
    field.name = "file"
    response = uploads.serve(FieldFile(None, field, name), download_name="Complaints policy")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert 'filename="Complaints policy.pdf"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


def test_serving_a_field_with_no_file_stored_is_not_found_rather_than_a_crash():
    from django.db.models.fields.files import FieldFile, FileField
    from django.http import Http404

    field = FileField()
    field.name = "file"
    with pytest.raises(Http404, match="This file is no longer stored."):
        uploads.serve(FieldFile(None, field, None), download_name="Complaints policy")
