"""Uploading evidence with real files: what is accepted, what is refused, and what is kept."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from reviews.models import Document, Evidence, SiteVisitPhoto
from tests.reviews import files


def _add_document(client, review, name, content, **extra):
    data = {"title": "Complaints procedure", "source": "Housing Services",
            "description": "The procedure staff follow.", "file": SimpleUploadedFile(name, content)}
    data.update(extra)
    return client.post(f"/reviews/{review.pk}/evidence/add/document/", data)


def _stored_bytes(field_file):
    with field_file.open("rb") as f:
        return f.read()


@pytest.mark.parametrize("name,content,extension,label", [
    ("procedure.pdf", files.pdf(), "pdf", "PDF"),
    ("procedure.docx", files.docx(), "docx", "Word document"),
    ("figures.xlsx", files.xlsx(), "xlsx", "Excel sheet"),
    ("notes.txt", b"Tenants waited three weeks for an answer.", "txt", "plain text"),
])
def test_member_adds_a_document_checked_by_its_content(client, world, name, content, extension, label):
    client.force_login(world.member)
    response = _add_document(client, world.review, name, content)

    document = Document.objects.get()
    assert response.status_code == 302
    assert response["Location"] == document.get_absolute_url()
    assert document.file.name.endswith("." + extension)
    assert document.file_label == label
    assert document.added_by == world.member
    assert _stored_bytes(document.file) == content
    page = client.get(document.get_absolute_url()).content.decode()
    assert f"{label}," in page


def test_a_pdf_is_downloaded_through_the_permission_checked_view(client, world, settings):
    client.force_login(world.member)
    _add_document(client, world.review, "procedure.pdf", files.pdf())
    document = Document.objects.get()
    # The file lives in the media folder under a random name, not under its uploaded name.
    assert "procedure" not in document.file.name
    assert str(settings.MEDIA_ROOT) in document.file.path

    response = client.get(f"/reviews/{world.review.pk}/evidence/{document.pk}/file/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")

    client.force_login(world.outsider)
    assert client.get(f"/reviews/{world.review.pk}/evidence/{document.pk}/file/").status_code == 403


def test_a_photo_loses_its_gps_location_on_a_site_visit(client, world):
    original = files.jpeg_with_gps()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(files.GPS_IFD)
    client.force_login(world.member)
    response = client.post(f"/reviews/{world.review.pk}/evidence/add/site-visit/", {
        "place": "North area housing office", "notes": "The queue stands close to the counter.",
        "visitors": [world.member.pk, world.second.pk],
        "photo": SimpleUploadedFile("IMG_0042.JPG", original),
        "photo_description": "The reception counter",
    })
    assert response.status_code == 302

    photo = SiteVisitPhoto.objects.get()
    stored = Image.open(io.BytesIO(_stored_bytes(photo.file)))
    exif = stored.getexif()
    assert not exif.get_ifd(files.GPS_IFD)
    assert 0x010F not in exif  # the camera maker went too
    assert set(photo.site_visit.visitors.all()) == {world.member, world.second}

    served = client.get(f"/reviews/{world.review.pk}/photos/{photo.pk}/")
    assert served["Content-Type"] == "image/jpeg"
    served_image = Image.open(io.BytesIO(b"".join(served.streaming_content)))
    assert not served_image.getexif().get_ifd(files.GPS_IFD)


def test_a_photo_added_as_a_document_also_loses_its_location(client, world):
    client.force_login(world.supporting_officer)
    _add_document(client, world.review, "poster.jpg", files.jpeg_with_gps())
    stored = Image.open(io.BytesIO(_stored_bytes(Document.objects.get().file)))
    assert not stored.getexif().get_ifd(files.GPS_IFD)


def test_a_photo_added_to_a_visit_later_loses_its_location(client, world):
    from tests.factories.reviews import SiteVisitFactory

    visit = SiteVisitFactory(review=world.review)
    client.force_login(world.member)
    response = client.post(f"/reviews/{world.review.pk}/evidence/{visit.pk}/photos/add/", {
        "photo": SimpleUploadedFile("IMG_1.jpeg", files.jpeg_with_gps()),
        "photo_description": "Leaflets on display",
    })
    assert response.status_code == 302
    stored = Image.open(io.BytesIO(_stored_bytes(visit.photos.get().file)))
    assert not stored.getexif().get_ifd(files.GPS_IFD)


@pytest.mark.parametrize("program", [files.ELF, files.PE], ids=["linux", "windows"])
def test_a_program_renamed_pdf_is_refused_with_a_message(client, world, program):
    client.force_login(world.member)
    response = _add_document(client, world.review, "minutes.pdf", program)

    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "This file is not a type we accept" in page
    assert not Evidence.objects.exists()


def test_a_file_over_the_limit_is_refused_and_the_rest_of_the_form_kept(client, world, settings):
    settings.UPLOAD_MAX_BYTES = 50_000
    big_pdf = files.pdf() + b"%" + b"0" * 60_000
    client.force_login(world.member)
    response = _add_document(
        client, world.review, "annual-report.pdf", big_pdf,
        title="Annual report to tenants", source="Communications team",
        description="Pages 4 to 6 cover complaints.",
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Files can be up to 48 KB" in page
    assert 'value="Annual report to tenants"' in page
    assert 'value="Communications team"' in page
    assert "Pages 4 to 6 cover complaints." in page
    assert not Evidence.objects.exists()


def test_an_svg_with_a_script_is_refused_under_any_name(client, world):
    client.force_login(world.member)
    as_svg = _add_document(client, world.review, "chart.svg", files.SVG_WITH_SCRIPT).content.decode()
    assert "SVG images cannot be uploaded because they can contain scripts" in as_svg
    assert "Save it as a PNG or PDF and choose it again" in as_svg  # a review takes PDFs

    as_text = _add_document(client, world.review, "chart.txt", files.SVG_WITH_SCRIPT).content.decode()
    assert "This file is not a type we accept" in as_text

    as_photo = client.post(f"/reviews/{world.review.pk}/evidence/add/site-visit/", {
        "place": "Estate", "photo": SimpleUploadedFile("map.svg", files.SVG_WITH_SCRIPT),
        "photo_description": "A map",
    }).content.decode()
    assert "SVG images cannot be uploaded" in as_photo
    assert 'value="Estate"' in as_photo
    assert not Evidence.objects.exists()


def test_a_presentation_is_not_review_evidence(client, world):
    """Reviews take PDF, Word, Excel, images and text; other office files get a clear message."""
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("ppt/presentation.xml", "<p/>")
    client.force_login(world.member)
    page = _add_document(client, world.review, "slides.pptx", out.getvalue()).content.decode()
    assert "This file is not a type we accept" in page
    assert not Evidence.objects.exists()


def test_a_photo_needs_a_description(client, world):
    client.force_login(world.member)
    response = client.post(f"/reviews/{world.review.pk}/evidence/add/site-visit/", {
        "place": "Estate", "photo": SimpleUploadedFile("p.jpg", files.jpeg_with_gps()),
    })
    assert "Say what the photo shows." in response.content.decode()
    assert not Evidence.objects.exists()


def test_replacing_a_document_file_removes_the_old_one(client, world, django_capture_on_commit_callbacks):
    client.force_login(world.member)
    _add_document(client, world.review, "first.pdf", files.pdf())
    document = Document.objects.get()
    old_name = document.file.name
    storage = document.file.storage
    url = f"/reviews/{world.review.pk}/evidence/{document.pk}/edit/"

    with django_capture_on_commit_callbacks(execute=True):
        keep = client.post(url, {"title": "Complaints procedure (2016)", "version": 1})
    assert keep.status_code == 302
    document.refresh_from_db()
    assert (document.file.name, document.version) == (old_name, 2)
    assert document.title == "Complaints procedure (2016)"

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"title": "Complaints procedure", "version": 2,
                          "file": SimpleUploadedFile("second.docx", files.docx())})
    document.refresh_from_db()
    assert document.file.name.endswith(".docx")
    assert document.original_name == "second.docx"
    assert storage.exists(document.file.name)
    assert not storage.exists(old_name)


def test_text_notes_that_mention_script_are_kept_and_downloaded_as_plain_text(client, world):
    notes = b"The online form showed <script> on screen, so the tenant phoned instead.\n"
    client.force_login(world.member)

    response = _add_document(client, world.review, "call-notes.txt", notes)

    document = Document.objects.get()
    assert response.status_code == 302 and document.file_label == "plain text"
    download = client.get(f"/reviews/{world.review.pk}/evidence/{document.pk}/file/")
    assert download["Content-Type"] == "text/plain"
    assert download["X-Content-Type-Options"] == "nosniff"
    assert download["Content-Disposition"].startswith("attachment;")
    assert b"".join(download.streaming_content) == notes
