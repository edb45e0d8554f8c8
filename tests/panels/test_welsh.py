"""Panels in Welsh: the pages at /cy/, the panel's own words in Welsh beside the English (the
English standing in, marked so, when there is no Welsh), Welsh plurals, the email to an invited
person in their language, and kept figures that hold no words."""

import datetime
import importlib

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone, translation

from accounts.models import Invitation
from panels import services
from panels.models import Panel, PanelRole
from panels.selectors import volunteering
from scrutiny.models import SiteSettings
from tests.factories.accounts import UserFactory
from tests.factories.panels import MeetingFactory, MembershipFactory, PanelFactory

pytestmark = pytest.mark.django_db


def _page(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Language"] == ("cy" if path.startswith("/cy/") else "en-gb")
    return response.content.decode()


def test_the_panel_list_in_welsh_is_in_welsh(client):
    panel = PanelFactory(name="SURE Team")
    client.force_login(MembershipFactory(panel=panel).user)
    page = _page(client, "/cy/panels/")
    assert "Eich hyfforddiant a’ch gwirfoddoli" in page and "Your training and volunteering" not in page
    assert "Panel craffu" in page  # the kind of panel, a choice


def test_the_panel_page_shows_the_welsh_name_and_purpose_where_the_landlord_wrote_them(client):
    panel = PanelFactory(name="Repairs Panel", name_cy="Panel Atgyweiriadau",
                         purpose="We look at repairs.", purpose_cy="Rydyn ni’n edrych ar atgyweiriadau.")
    client.force_login(MembershipFactory(panel=panel).user)
    welsh = _page(client, f"/cy/panels/{panel.pk}/")
    assert "<h1>Panel Atgyweiriadau</h1>" in welsh
    assert "Rydyn ni’n edrych ar atgyweiriadau." in welsh and "We look at repairs." not in welsh
    assert "Y cyfarfodydd nesaf" in welsh
    english = _page(client, f"/panels/{panel.pk}/")
    assert "<h1>Repairs Panel</h1>" in english and "Panel Atgyweiriadau" not in english


def test_a_panel_with_no_welsh_name_shows_the_english_marked_as_english(client):
    panel = PanelFactory(name="SURE Team")
    client.force_login(MembershipFactory(panel=panel).user)
    page = _page(client, f"/cy/panels/{panel.pk}/")
    english_marked = (
        '<span lang="en">SURE Team</span> <span class="small">(yn Saesneg)</span>'
    )
    assert f"<h1>{english_marked}</h1>" in page
    english = _page(client, f"/panels/{panel.pk}/")
    assert "<h1>SURE Team</h1>" in english and "(in English)" not in english


@pytest.mark.parametrize(("members", "words"), [
    (1, "1 aelod"), (2, "2 aelod"), (3, "3 aelod"), (8, "8 aelod"),
])
def test_the_member_count_in_welsh_takes_the_form_for_its_number(client, members, words):
    panel = PanelFactory()
    staff = UserFactory(role="officer")
    MembershipFactory.create_batch(members, panel=panel)
    client.force_login(staff)
    page = _page(client, "/cy/panels/")
    assert f"Panel craffu · {words}</p>" in page


@pytest.mark.parametrize(("papers", "words"), [(1, "1 papur"), (2, "2 bapur"), (3, "3 papur")])
def test_a_number_of_papers_in_welsh_picks_the_right_plural(papers, words):
    from django.template import Context, Template

    template = Template(
        "{% load i18n %}{% blocktranslate trimmed count counter=n %}{{ counter }} paper{% plural %}"
        "{{ counter }} papers{% endblocktranslate %}"
    )
    with translation.override("cy"):
        assert template.render(Context({"n": papers})) == words
    with translation.override("en-gb"):
        assert template.render(Context({"n": papers})) == f"{papers} paper{'s' if papers > 1 else ''}"


def test_an_admin_gives_a_panel_its_welsh_name_beside_the_english(client):
    client.force_login(UserFactory(role="admin"))
    form = _page(client, "/panels/new/")
    assert "Name (English)" in form and "Name (Welsh)" in form
    client.post("/panels/new/", {
        "name": "Estates Panel", "name_cy": "Panel Ystadau", "kind": "scrutiny_panel",
        "purpose": "Estates.", "purpose_cy": "Ystadau.", "is_active": "on",
    })
    panel = Panel.objects.get(name_en_gb="Estates Panel")
    assert (panel.name_cy, panel.purpose_en_gb, panel.purpose_cy) == ("Panel Ystadau", "Estates.", "Ystadau.")


def test_saving_the_form_on_a_welsh_page_keeps_the_english_in_the_english(client):
    panel = PanelFactory(name="Estates Panel", name_cy="Panel Ystadau")
    client.force_login(UserFactory(role="admin"))
    client.post(f"/cy/panels/{panel.pk}/edit/", {
        "name": "Estates and Green Spaces", "name_cy": "Ystadau a Mannau Gwyrdd", "kind": panel.kind,
        "is_active": "on", "version": panel.version,
    })
    panel.refresh_from_db()
    assert (panel.name_en_gb, panel.name_cy) == ("Estates and Green Spaces", "Ystadau a Mannau Gwyrdd")
    with connection.cursor() as cursor:  # the panel's own column (its order, logs) stays English
        cursor.execute("SELECT name FROM panels_panel WHERE id = %s", [panel.pk])
        assert cursor.fetchone() == ("Estates and Green Spaces",)


def test_the_migration_copies_each_panels_existing_words_into_its_english_version(db):
    migration = importlib.import_module("panels.migrations.0005_panel_english_copied")
    state = MigrationLoader(connection).project_state(("panels", "0004_panel_in_welsh")).apps
    old = state.get_model("panels", "Panel").objects.create(
        name="SURE Team", kind="scrutiny_panel", purpose="Scrutiny.", terms_of_reference="<p>Terms</p>",
    )
    migration.copy_to_english(state, None)
    old.refresh_from_db()
    assert (old.name_en_gb, old.purpose_en_gb, old.terms_of_reference_en_gb) == (
        "SURE Team", "Scrutiny.", "<p>Terms</p>")
    assert old.name_cy is None


def test_a_welsh_page_of_meetings_and_its_messages(client):
    meeting = MeetingFactory(panel=PanelFactory(name="SURE Team", name_cy="Tîm SURE"))
    member = MembershipFactory(panel=meeting.panel).user
    client.force_login(member)
    page = _page(client, f"/cy/panels/meetings/{meeting.pk}/")
    assert "Anfon ymddiheuriadau" in page and "Send apologies" not in page
    response = client.post(f"/cy/panels/meetings/{meeting.pk}/apologies/", {"note": ""}, follow=True)
    assert "Mae eich ymddiheuriadau wedi’u hanfon." in response.content.decode()


def test_a_problem_with_a_list_of_people_is_said_in_welsh_and_welsh_role_names_are_read(client):
    panel = PanelFactory()
    client.force_login(UserFactory(role="admin"))
    page = client.post(f"/cy/panels/{panel.pk}/members/add-list/", {
        "people": "Jo Smith, jo@example.org, cadeirydd\nAl Jones, al@example.org, brenin",
    }).content.decode()
    assert "Llinell 2: dydy ‘brenin’ ddim yn rôl ar banel." in page
    assert "Cadeirydd" in page  # line 1's role, read from its Welsh name


def test_the_note_to_an_invited_person_is_in_the_language_they_were_invited_in(
    client, django_capture_on_commit_callbacks
):
    admin = UserFactory(role="admin", display_name="Sam Patel")
    first = PanelFactory(name="SURE Team")
    with django_capture_on_commit_callbacks(execute=True):
        services.add_or_invite(panel=first, email="ann@example.org", display_name="Ann Reid", by=admin)
    Invitation.objects.filter(email="ann@example.org").update(language="cy")
    mail.outbox.clear()
    second = PanelFactory(name="Repairs Group", name_cy="Grŵp Atgyweiriadau")
    with translation.override("en-gb"), django_capture_on_commit_callbacks(execute=True):
        services.add_or_invite(panel=second, email="ann@example.org", role=PanelRole.CHAIR, by=admin)
    [note] = mail.outbox
    assert note.subject == "Rydych chi hefyd wedi cael eich ychwanegu at Grŵp Atgyweiriadau"
    assert "Helo Ann Reid," in note.body
    assert "Mae Sam Patel wedi eich ychwanegu at Grŵp Atgyweiriadau (rôl: cadeirydd)." in note.body
    assert "safle craffu tenantiaid Your landlord." in note.body.replace("\n", " ")
    assert "Hello" not in note.body


def test_kept_figures_hold_no_words_so_a_welsh_page_may_share_them(client):
    cache.clear()
    panel = PanelFactory()
    period = volunteering.financial_year()
    with translation.override("en-gb"):
        english = volunteering.page_figures(panel=panel, period=period)
    with translation.override("cy"):
        welsh = volunteering.page_figures(panel=panel, period=period)
    assert welsh == english
    assert all(isinstance(value, int | type(english.hours)) for value in vars(english).values())


def test_the_calendar_file_of_a_meeting_is_written_in_the_pages_language(client):
    meeting = MeetingFactory(online_link="https://example.org/join",
                             date=timezone.localdate() + datetime.timedelta(days=3))
    client.force_login(MembershipFactory(panel=meeting.panel).user)
    welsh = client.get(f"/cy/panels/meetings/{meeting.pk}/calendar.ics").content.decode()
    assert "Ymuno ar-lein: https://example.org/join" in welsh.replace("\r\n ", "")


def test_the_terms_of_reference_in_welsh_or_the_english_marked_as_english(client):
    welsh = PanelFactory(terms_of_reference="<h3>Membership</h3>", terms_of_reference_cy="<h3>Aelodaeth</h3>")
    english_only = PanelFactory(terms_of_reference="<h3>Membership</h3>")
    client.force_login(UserFactory(role="officer"))
    page = _page(client, f"/cy/panels/{welsh.pk}/")
    assert '<div class="terms-of-reference"><h3>Aelodaeth</h3></div>' in page and "Membership" not in page
    page = _page(client, f"/cy/panels/{english_only.pk}/")
    assert '<div class="terms-of-reference" lang="en"><h3>Membership</h3></div>' in page
    assert '<p class="text-body-secondary small">(yn Saesneg)</p>' in page
    page = _page(client, f"/panels/{english_only.pk}/")
    assert '<div class="terms-of-reference"><h3>Membership</h3></div>' in page and "(in English)" not in page


def test_the_welsh_terms_of_reference_are_cleaned_like_the_english():
    panel = services.create_panel(
        by=UserFactory(role="admin"), name="SURE Team", kind="scrutiny_panel",
        terms_of_reference="<p>Terms</p><script>alert(1)</script>",
        terms_of_reference_cy="<p>Cylch</p><script>alert(1)</script>", name_cy="Tîm SURE",
    )
    assert (panel.terms_of_reference_en_gb, panel.terms_of_reference_cy) == ("<p>Terms</p>", "<p>Cylch</p>")
    assert (panel.name_en_gb, panel.name_cy) == ("SURE Team", "Tîm SURE")


def test_with_welsh_off_the_form_has_no_welsh_and_saving_keeps_the_welsh_there_was(client):
    settings = SiteSettings.load()
    settings.welsh = False
    settings.save()
    panel = PanelFactory(name="Estates Panel", name_cy="Panel Ystadau")
    client.force_login(UserFactory(role="admin"))
    form = _page(client, f"/panels/{panel.pk}/edit/")
    assert 'name="name"' in form and 'name="name_cy"' not in form
    client.post(f"/panels/{panel.pk}/edit/", {
        "name": "Estates Group", "kind": panel.kind, "is_active": "on", "version": panel.version,
    })
    panel.refresh_from_db()
    assert (panel.name_en_gb, panel.name_cy) == ("Estates Group", "Panel Ystadau")


def test_the_landlords_name_owns_its_services_the_welsh_way_with_no_apostrophe(client):
    settings = SiteSettings.load()
    settings.landlord_name = "Glenbrae Housing"
    settings.save()
    client.force_login(UserFactory(role="officer"))
    assert "sy’n craffu ar wasanaethau Glenbrae Housing." in _page(client, "/cy/panels/")
    assert "that scrutinise Glenbrae Housing&#x27;s services." in _page(client, "/panels/")
