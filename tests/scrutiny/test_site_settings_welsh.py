"""What the landlord writes in the site settings, in Welsh beside English; and the core's Welsh."""

import pytest
from django.utils import translation

from scrutiny import charts, public_cache
from scrutiny.models import SiteSettings
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db


def _form(**changes):
    site = SiteSettings.load()
    data = {"version": site.version, "landlord_name_en_gb": "Tayview Council",
            "landlord_name_cy": "Cyngor Tayview", "brand_colour": "#1d4f91", "country": "wales",
            "financial_year_start_month": 4, "tenant_word_en_gb": "tenant", "tenant_word_cy": "tenant",
            "logo_alt_text_en_gb": "", "contact_text_en_gb": "Open 9 to 5.",
            "contact_text_cy": "Ar agor 9 tan 5.", "welsh": "on", "first_language": "cy"}
    data.update(changes)
    return data


def test_the_settings_page_shows_english_and_welsh_side_by_side_and_saves_both(client):
    client.force_login(UserFactory(role="admin"))
    page = client.get("/administration/site-settings/").content.decode()
    assert "Landlord&#x27;s name (English)" in page
    assert "Landlord&#x27;s name (Welsh)" in page
    assert "How to reach us (Welsh)" in page
    response = client.post("/administration/site-settings/", _form())
    assert response.status_code == 302
    site = SiteSettings.load()
    assert (site.landlord_name_en_gb, site.landlord_name_cy) == ("Tayview Council", "Cyngor Tayview")
    assert site.first_language == "cy"
    assert site.welsh is True


def test_pages_show_the_landlords_words_in_the_pages_language(client):
    site = SiteSettings.load()
    site.landlord_name_en_gb, site.landlord_name_cy = "Tayview Council", "Cyngor Tayview"
    site.contact_text_en_gb, site.contact_text_cy = "Open 9 to 5.", "Ar agor 9 tan 5."
    site.save()
    english = client.get("/accessibility").content.decode()
    welsh = client.get("/cy/accessibility").content.decode()
    assert "Tayview Council wants as many people" in english and "Open 9 to 5." in english
    assert "Mae Cyngor Tayview eisiau" in welsh and "Ar agor 9 tan 5." in welsh
    assert "<title>Datganiad hygyrchedd – Cyngor Tayview: craffu gan denantiaid</title>" in welsh


def test_a_missing_welsh_version_falls_back_to_the_english_marked_so(client):
    site = SiteSettings.load()
    site.landlord_name_en_gb, site.landlord_name_cy = "Tayview Council", ""
    site.save()
    welsh = client.get("/cy/accessibility").content.decode()
    assert ('<span lang="en">Tayview Council</span> '
            '<span class="small">(yn Saesneg)</span>') in welsh


def test_a_welsh_name_never_written_is_the_english_not_the_default(client):
    """A new site's Welsh column starts as the field's default ("Your landlord"): once the
    English name is written, Welsh pages show it, marked as English."""
    site = SiteSettings.load()
    site.landlord_name = "Tayview Council"
    site.save()
    assert SiteSettings.load().landlord_name_cy == "Your landlord"
    welsh = client.get("/cy/accessibility").content.decode()
    assert '<span lang="en">Tayview Council</span>' in welsh
    assert "Your landlord" not in welsh


def test_with_welsh_off_the_form_has_no_welsh_boxes(client):
    site = SiteSettings.load()
    site.welsh = False
    site.save()
    client.force_login(UserFactory(role="admin"))
    page = client.get("/administration/site-settings/").content.decode()
    assert "Landlord&#x27;s name (English)" in page
    assert "(Welsh)" not in page


def test_a_form_with_the_old_field_names_saves_the_english_and_leaves_the_languages(client):
    site = SiteSettings.load()
    site.first_language = "cy"
    site.save()
    client.force_login(UserFactory(role="admin"))
    response = client.post("/administration/site-settings/", {
        "version": site.version, "landlord_name": "Riverside Homes", "brand_colour": "#1d4f91",
        "country": "england", "financial_year_start_month": 4, "tenant_word": "resident",
        "logo_alt_text": ""})
    assert response.status_code == 302
    site = SiteSettings.load()
    assert site.landlord_name_en_gb == "Riverside Homes"
    assert (site.welsh, site.first_language) == (True, "cy")


def test_welsh_plurals_pick_their_form(client):
    client.force_login(UserFactory(role="admin"))
    page = client.get("/cy/audit/").content.decode()
    assert '<html lang="cy">' in page
    assert "Trywydd archwilio" in page
    from django.utils.translation import ngettext

    with translation.override("cy"):
        forms = [ngettext("%(counter)s job", "%(counter)s jobs", n) % {"counter": n} for n in (1, 2, 3, 8)]
        events = [ngettext("%(counter)s event", "%(counter)s events", n) % {"counter": n} for n in (1, 11)]
    assert forms == ["1 tasg", "2 tasg", "3 tasg", "8 tasg"]
    assert events == ["1 digwyddiad", "11 digwyddiad"]


def test_a_chart_drawn_in_english_is_not_served_on_a_welsh_page():
    def draw():
        return charts.spread(title="Repairs", description="Days", groups=[("Others", [1, 2, 3, 4, 5])],
                             mark_label="Us", mark=3)

    with translation.override("en-gb"):
        english = draw()
    with translation.override("cy"):
        welsh = draw()
    assert "Middle half" in english.svg and "Middle half" not in welsh.svg
    assert "Yr hanner canol" in welsh.svg
    assert ["Others: median", "3"] in english.rows and ["Others: canolrif", "3"] in welsh.rows


def test_a_public_pages_welsh_version_has_its_own_etag():
    with translation.override("en-gb"):
        english = public_cache.etag_of("reports:annual", "v1")
    with translation.override("cy"):
        welsh = public_cache.etag_of("reports:annual", "v1")
    assert english == '"reports-annual-v1"'
    assert welsh != english


def test_a_kept_form_drawn_in_english_is_not_served_in_welsh():
    from django import forms

    from scrutiny.kept_html import kept_fields

    class Form(forms.Form):
        name = forms.CharField(label="Name")

    with translation.override("en-gb"):
        english = kept_fields(Form(), "includes/crispy_form.html")
    with translation.override("cy"):
        welsh = kept_fields(Form(), "includes/crispy_form.html")
    assert "(required)" in english
    assert "(gofynnol)" in welsh


def test_the_landlords_name_is_not_made_possessive_in_welsh(client):
    site = SiteSettings.load()
    site.landlord_name_en_gb, site.landlord_name_cy = "Tayview Homes", "Cartrefi Tayview"
    site.save()
    client.force_login(UserFactory(role="tenant"))
    assert "on Tayview Homes&#x27; tenant scrutiny site" in client.get("/").content.decode()
    assert "ar safle craffu gan denantiaid Cartrefi Tayview." in client.get("/cy/").content.decode()
