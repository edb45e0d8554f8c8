"""Recommendations in Welsh: the pages at /cy/, the tracker's kept rows per language, Welsh
plurals, and emails in each recipient's own language whatever the page's.

These read the built Welsh catalogue (po_parts.py build, or compilemessages in `make test`)."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import translation
from django.utils.translation import ngettext

from recommendations import services
from scrutiny.models import SiteSettings
from tests.factories.accounts import UserFactory

TRACKER = "/recommendations/"


def test_the_tracker_in_welsh_says_lang_cy_and_shows_welsh_words(client, world, make_rec):
    make_rec("in_progress", text="Name the team in letters.")
    client.force_login(world.member)
    page = client.get("/cy" + TRACKER).content.decode()
    assert 'lang="cy"' in page
    assert "<h1>Argymhellion</h1>" in page
    assert "Hidlo a threfnu" in page  # Filter and sort
    assert "Ar waith" in page  # the status, "In progress"
    assert "Name the team in letters." in page  # what the panel wrote, as written


def test_rows_kept_in_english_are_not_served_on_the_welsh_page(client, world, make_rec):
    make_rec("in_progress", text="Name the team in letters.")
    client.force_login(world.member)
    cache.clear()
    english = client.get(TRACKER).content.decode()
    assert "In progress" in english
    welsh = client.get("/cy" + TRACKER).content.decode()
    assert "Ar waith" in welsh and ">In progress<" not in welsh
    again = client.get(TRACKER).content.decode()  # and the English rows are still English
    assert "In progress" in again and "Ar waith" not in again


def test_a_recommendation_in_welsh(client, world, make_rec):
    rec = make_rec("submitted")
    client.force_login(world.manager)
    page = client.get(f"/cy/recommendations/{rec.pk}/").content.decode()
    assert 'lang="cy"' in page
    assert f"Argymhelliad {rec.code}" in page
    assert "Ymateb y landlord" in page and "Yn aros am ymateb y landlord." in page


def test_you_said_we_did_in_welsh(client, world, make_rec):
    make_rec("verified", impact_statement="Tenants know who to call.")
    site = SiteSettings.load()
    site.public_you_said_we_did = True
    site.save()
    page = client.get("/cy/recommendations/you-said-we-did/").content.decode()
    assert 'lang="cy"' in page
    assert "Dywedoch chi, gwnaethom ni" in page and "Beth newidiodd i denantiaid" in page
    assert "Tenants know who to call." in page


@pytest.mark.parametrize(("count", "words"), [
    (1, "1 argymhelliad wedi'i gyflwyno i'r landlord."),
    (2, "2 argymhelliad wedi'u cyflwyno i'r landlord."),
    (8, "8 argymhelliad wedi'u cyflwyno i'r landlord."),
])
def test_welsh_plurals_pick_their_own_form(count, words):
    with translation.override("cy"):
        said = ngettext(
            "%(count)s recommendation submitted to the landlord. Each manager has been told in one message.",
            "%(count)s recommendations submitted to the landlord. Each manager has been told in one message.",
            count,
        ) % {"count": count}
    assert said.startswith(words)


def test_each_recipient_is_emailed_in_their_own_language(
    world, make_rec, django_capture_on_commit_callbacks
):
    welsh = UserFactory(role="manager", language="cy", display_name="Gwen Jones")
    rec = make_rec("draft")
    mail.outbox.clear()
    with translation.override("en-gb"), django_capture_on_commit_callbacks(execute=True):
        services.submit(recommendation=rec, by=world.member)
    by_address = {m.to[0]: m for m in mail.outbox}
    cymraeg, english = by_address[welsh.email], by_address[world.manager.email]
    assert cymraeg.subject == f"Mae {rec.code} o Complaints handling yn aros am eich ymateb"
    assert "Mae'n aros am ymateb y landlord." in cymraeg.body
    assert "/cy/recommendations/" in cymraeg.body
    assert english.subject == f"{rec.code} of Complaints handling waits for your response"
    assert "/cy/" not in english.body
