import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from scrutiny.models import SiteSettings
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db


def _png():
    out = io.BytesIO()
    Image.new("RGB", (40, 20), "navy").save(out, format="PNG")
    return out.getvalue()


def test_landlord_name_and_logo_from_site_settings_appear_on_pages(client):
    site = SiteSettings.load()
    site.landlord_name = "Glenbrae Housing Association"
    site.logo = SimpleUploadedFile("logo.png", _png())
    site.logo_alt_text = "Glenbrae Housing"
    site.save()
    page = client.get("/accounts/sign-in/").content.decode()
    assert "Glenbrae Housing Association" in page
    assert 'alt="Glenbrae Housing"' in page
    logo = client.get("/site/logo")
    assert logo.status_code == 200
    assert logo["Content-Type"] == "image/png"


def test_admin_edits_site_settings_in_the_admin(client):
    client.force_login(UserFactory(role="admin"))
    SiteSettings.load()
    response = client.post("/admin/scrutiny/sitesettings/1/change/", {
        "landlord_name": "Riverside Homes", "logo_alt_text": "", "brand_colour": "#123456",
        "country": "england", "financial_year_start_month": 4, "tenant_word": "resident",
        "contact_email": "", "contact_phone": "",
    })
    assert response.status_code == 302
    assert SiteSettings.load().landlord_name == "Riverside Homes"


def test_svg_logo_is_refused(client):
    client.force_login(UserFactory(role="admin"))
    SiteSettings.load()
    svg = SimpleUploadedFile("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    response = client.post("/admin/scrutiny/sitesettings/1/change/", {
        "landlord_name": "X", "brand_colour": "#123456", "country": "england",
        "financial_year_start_month": 4, "tenant_word": "tenant", "logo": svg,
    })
    assert response.status_code == 200
    assert not SiteSettings.load().logo
