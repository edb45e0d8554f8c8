"""Every file field, the Django admin's included, goes through the upload service."""

import io

import pytest
from django.apps import apps
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.test import RequestFactory
from django.urls import reverse
from PIL import Image

from panels.models import MeetingPaper, Training
from scrutiny.uploads import UploadField, UploadFileField, UploadImageField
from tests.factories.panels import MeetingFactory

SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def _jpeg_with_camera():
    img = Image.new("RGB", (20, 20), "blue")
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    out = io.BytesIO()
    img.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def test_every_model_file_field_uses_the_upload_service():
    plain = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.FileField) and not isinstance(field, UploadFileField | UploadImageField)
    ]
    assert plain == []


def test_every_admin_form_file_field_is_an_upload_field(users):
    request = RequestFactory().get("/admin/")
    request.user = users["admin"]
    checked = []
    for model_admin in admin.site._registry.values():
        forms = [model_admin.get_form(request)]
        forms += [inline.get_formset(request).form for inline in model_admin.get_inline_instances(request)]
        for form in forms:
            model_fields = {f.name: f for f in form._meta.model._meta.get_fields()}
            for name, field in form.base_fields.items():
                if isinstance(model_fields.get(name), models.FileField):
                    checked.append(f"{form._meta.model._meta.label}.{name}")
                    assert isinstance(field, UploadField), checked[-1]
    # Training certificates, meeting papers (page and inline), terms of reference, the logo...
    assert {"panels.Training.certificate", "panels.MeetingPaper.file",
            "panels.Panel.terms_of_reference_file", "scrutiny.SiteSettings.logo"} <= set(checked)


@pytest.mark.django_db
def test_admin_refuses_an_svg_training_certificate(client, users):
    client.force_login(users["admin"])
    response = client.post(reverse("admin:panels_training_add"), {
        "user": users["tenant"].pk, "course": "Scrutiny skills", "provider": "Tpas",
        "completed_on": "2026-01-10", "certificate": SimpleUploadedFile("certificate.svg", SVG),
    })
    assert response.status_code == 200
    assert "SVG images cannot be uploaded" in response.content.decode()
    assert not Training.objects.exists()


@pytest.mark.django_db
def test_admin_meeting_paper_photo_loses_its_camera_data(client, users):
    meeting = MeetingFactory()
    client.force_login(users["admin"])
    response = client.post(reverse("admin:panels_meetingpaper_add"), {
        "meeting": meeting.pk, "title": "Photo of the notice board", "uploaded_by": users["admin"].pk,
        "file": SimpleUploadedFile("board.jpg", _jpeg_with_camera()),
    })
    assert response.status_code == 302, response.context["adminform"].form.errors
    paper = MeetingPaper.objects.get()
    with paper.file.open("rb") as f, Image.open(f) as img:
        assert 0x010F not in img.getexif()
