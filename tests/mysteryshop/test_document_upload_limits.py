"""A Word zip bomb sent to the document check is refused in the form, in plain words, without
being unpacked or parsed, and the title typed is kept."""

import tracemalloc

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from mysteryshop.models import CheckedDocument
from reviews.models import ReviewKind
from tests.factories.accounts import UserFactory
from tests.factories.panels import MembershipFactory, PanelFactory
from tests.factories.reviews import ReviewFactory
from tests.scrutiny.test_upload_limits import zip_bomb

pytestmark = pytest.mark.django_db


def test_a_word_zip_bomb_is_refused_in_the_form_without_being_parsed(client, monkeypatch):
    import docx

    monkeypatch.setattr(docx, "Document", lambda *args: pytest.fail("the document was parsed"))
    panel = PanelFactory()
    member = UserFactory(role="tenant")
    MembershipFactory(panel=panel, user=member)
    review = ReviewFactory(panel=panel, kind=ReviewKind.DOCUMENT_REVIEW)
    bomb = zip_bomb("word/document.xml", 60)
    client.force_login(member)
    client.get(f"/mystery-shopping/programmes/{review.pk}/documents/add/")  # templates loaded

    tracemalloc.start()
    response = client.post(f"/mystery-shopping/programmes/{review.pk}/documents/add/", {
        "title": "Gas safety leaflet", "file": SimpleUploadedFile("leaflet.docx", bomb),
    })
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()

    page = response.content.decode()
    assert response.status_code == 200
    assert "This file unpacks to far more than its size (60.0 MB from" in page
    assert 'value="Gas safety leaflet"' in page
    assert not CheckedDocument.objects.exists()
    assert peak < 10 * 1024 * 1024  # the 60 MB inside was never unpacked
