"""Mystery shopping in Welsh: the pages under /cy/, the offline visit page's words and its
service worker, what the landlord writes in both languages (Welsh falling back to English,
marked), Welsh plural forms, the dashboard's kept numbers per language, and the document check
for Welsh documents (the Welsh jargon list; no English-only readability score).

These read the compiled Welsh catalogue (locale/cy/LC_MESSAGES/django.mo), which `make test`
and CI build with compilemessages."""

import json

import pytest
from django.core.cache import cache
from django.utils import translation
from django.utils.translation import ngettext

from mysteryshop import selectors
from mysteryshop.models import CheckedDocument, JargonTerm, Section, Standard
from mysteryshop.readability import analyse, jargon_for
from mysteryshop.views.record import visit_words
from reviews.models import ReviewKind
from tests.factories.accounts import UserFactory
from tests.factories.mysteryshop import CheckedDocumentFactory, VisitFactory
from tests.factories.panels import MembershipFactory, PanelFactory
from tests.factories.reviews import ReviewFactory

pytestmark = pytest.mark.django_db

WELSH_LETTER = ("Annwyl denant. Mae gennych ôl-ddyledion ar eich cyfrif rhent. Rhaid talu'r rhent "
                "yn unol â'ch cytundeb cyn dydd Llun. Cysylltwch â ni os oes angen help arnoch.")


def _visit(shop):
    return VisitFactory(review=shop.review, checklist=shop.phone, site=shop.office, shopper=shop.shopper)


def test_the_visit_form_in_welsh_has_lang_cy_and_welsh_words(client, shop):
    visit = _visit(shop)
    client.force_login(shop.shopper)
    page = client.get(f"/cy/mystery-shopping/visits/{visit.pk}/record/").content.decode()
    assert 'lang="cy"' in page
    assert "Gwirio a chyflwyno" in page and "Cyflwyno'r ymweliad" in page
    assert "Check and submit" not in page
    # The address the answers go to and the worker's keep the language's prefix where they should.
    assert f'data-answer-url="/cy/mystery-shopping/visits/{visit.pk}/answers/"' in page
    assert 'data-worker-url="/visit-worker.js"' in page


def test_the_offline_scripts_words_come_with_the_page_in_its_language(client, shop):
    visit = _visit(shop)
    client.force_login(shop.shopper)
    page = client.get(f"/cy/mystery-shopping/visits/{visit.pk}/record/").content.decode()
    start = page.index('<script id="visit-words" type="application/json">') + len(
        '<script id="visit-words" type="application/json">')
    words = json.loads(page[start:page.index("</script>", start)])
    assert words["kept"] == "Wedi'i gadw ar y ffôn hwn, heb ei anfon eto."
    assert words["sending"] == "Wrthi'n anfon…"
    english = client.get(f"/mystery-shopping/visits/{visit.pk}/record/").content.decode()
    assert '"kept": "Saved on this phone, not sent yet."' in english


def test_the_offline_scripts_plurals_have_each_welsh_form():
    """visit.js picks a form by the numbers 1, 2, 3 and 8 (one, two, other, eight and eleven)."""
    with translation.override("cy"):
        words = visit_words()
    assert set(words["photos_added"]) == {"1", "2", "3", "8"}
    assert words["photos_added"]["1"] == "%(count)s llun wedi'i ychwanegu."
    assert words["photos_added"]["2"] == "%(count)s llun wedi'u hychwanegu."
    with translation.override("en-gb"):
        assert visit_words()["photos_added"]["8"] == "%(count)s photos added."


def test_welsh_plural_forms_pick_one_two_other_and_eight():
    with translation.override("cy"):
        said = {n: ngettext("Only the newest %(counter)s is listed.",
                            "Only the newest %(counter)s are listed.", n) % {"counter": n}
                for n in (1, 2, 3, 8, 11)}
    assert said[1] == "Dim ond yr 1 mwyaf diweddar sydd wedi'i restru."
    assert said[2] == "Dim ond y 2 mwyaf diweddar sydd wedi'u rhestru."
    assert said[3] == "Dim ond y 3 mwyaf diweddar sydd wedi'u rhestru."
    assert said[8] == "Dim ond yr 8 mwyaf diweddar sydd wedi'u rhestru."
    assert said[11] == "Dim ond yr 11 mwyaf diweddar sydd wedi'u rhestru."


def test_the_service_worker_speaks_welsh_on_a_welsh_page_and_looks_after_cy_pages(client):
    script = client.get("/visit-worker.js").content.decode()
    words = json.loads(script[len("self.VISIT_WORKER_WORDS = "):script.index(";\n")])
    assert words["cy"] == {
        "lang": "cy", "title": "Dim signal",
        "body": "Chafodd yr ymweliad hwn mo'i agor ar y ffôn hwn pan oedd signal, felly does dim "
                "modd ei ddangos.",
    }
    assert words[""]["title"] == "No signal"
    # The visit page pattern takes an optional language prefix.
    assert r"(?:\/([a-z]{2}(?:-[a-z]{2})?))?\/mystery-shopping\/visits\/\d+\/record\/$" in script


def test_a_question_with_no_welsh_falls_back_to_english_marked_so(client, shop):
    standard = shop.phone.standards.order_by("pk").first()
    other = shop.phone.standards.order_by("pk")[1]
    Standard.objects.filter(pk=other.pk).update(question_cy="Oedd y person yn gwrtais?")
    client.force_login(shop.admin)
    page = client.get(f"/cy/mystery-shopping/checklists/{shop.phone.pk}/").content.decode()
    assert f'<span lang="en">{standard.question_en_gb}</span>'.replace("'", "&#x27;") in page
    assert "Oedd y person yn gwrtais?" in page
    english = client.get(f"/mystery-shopping/checklists/{shop.phone.pk}/").content.decode()
    assert "Oedd y person yn gwrtais?" not in english and 'lang="en">' not in english


def test_saving_on_the_welsh_page_keeps_english_and_welsh_apart(client, shop):
    section = shop.phone.sections.order_by("position").first()
    Section.objects.filter(pk=section.pk).update(title_cy="Ateb yr alwad")
    client.force_login(shop.admin)
    url = f"/cy/mystery-shopping/checklists/{shop.phone.pk}/sections/{section.pk}/edit/"
    form = client.get(url).content.decode()
    # The English box holds the English, the Welsh box the Welsh, on a Welsh page.
    assert f'name="title" value="{section.title_en_gb}"' in form
    assert 'name="title_cy" value="Ateb yr alwad"' in form
    shop.phone.refresh_from_db()
    client.post(url, {"title": "Answering the call", "title_cy": "Ateb y ffôn",
                      "version": shop.phone.version})
    saved = Section.objects.get(checklist__family=shop.phone.family, checklist__is_current=True,
                                position=section.position)
    assert (saved.title_en_gb, saved.title_cy) == ("Answering the call", "Ateb y ffôn")


def test_a_new_version_of_a_checklist_keeps_the_welsh(client, shop):
    _visit(shop)  # the checklist is in use, so a change makes a new version
    Standard.objects.filter(checklist=shop.phone).update(question_cy="Cwestiwn yn Gymraeg")
    client.force_login(shop.admin)
    shop.phone.refresh_from_db()
    client.post(f"/mystery-shopping/checklists/{shop.phone.pk}/edit/", {
        "title": "Telephone contact", "title_cy": "Cysylltu dros y ffôn", "purpose": "phone",
        "introduction": "", "introduction_cy": "", "version": shop.phone.version,
    })
    new = type(shop.phone).objects.get(family=shop.phone.family, is_current=True)
    assert new.number == 2 and new.title_cy == "Cysylltu dros y ffôn"
    assert set(new.standards.values_list("question_cy", flat=True)) == {"Cwestiwn yn Gymraeg"}


def test_the_dashboards_kept_numbers_are_not_served_in_the_other_language(client, shop):
    cache.clear()
    visit = _visit(shop)
    type(visit).objects.filter(pk=visit.pk).update(status="submitted", score=80)
    with translation.override("en-gb"):
        english = selectors.programme_summary(review=shop.review)
    with translation.override("cy"):
        welsh = selectors.programme_summary(review=shop.review)
    assert english.by_channel[0]["label"] == "Phone"
    assert welsh.by_channel[0]["label"] == "Ffôn"
    client.force_login(shop.shopper)
    page = client.get(f"/cy/mystery-shopping/programmes/{shop.review.pk}/dashboard/").content.decode()
    assert 'lang="cy"' in page and "Sgôr cyfartalog: 80" in page


@pytest.fixture
def documents_panel():
    panel = PanelFactory(name="Quality Panel")
    member = UserFactory(role="tenant")
    MembershipFactory(panel=panel, user=member)
    return member, ReviewFactory(panel=panel, kind=ReviewKind.DOCUMENT_REVIEW)


def test_a_welsh_document_is_checked_against_the_welsh_jargon_list():
    report = analyse(WELSH_LETTER, jargon_for("cy"), language="cy")
    found = {term.lower(): plain for term, plain, _times in report.jargon}
    assert found == {"ôl-ddyledion": "rhent sy'n ddyledus", "yn unol â": "dan"}
    # The English list finds nothing in it, and the Welsh list nothing in an English letter.
    assert analyse(WELSH_LETTER, jargon_for("en-gb"), language="en-gb").jargon == []
    english = analyse("Your arrears must be paid prior to Monday.", jargon_for("cy"), language="cy")
    assert english.jargon == []


def test_a_welsh_document_gets_no_english_readability_score():
    welsh = analyse(WELSH_LETTER, [], language="cy")
    assert welsh.formula_fits is False and welsh.reading_ease is None and welsh.grade is None
    assert welsh.words > 10  # the other figures are still counted
    assert analyse(WELSH_LETTER, [], language="en-gb").reading_ease is not None


def test_a_welsh_documents_page_says_why_there_is_no_score(client, documents_panel):
    member, review = documents_panel
    document = CheckedDocumentFactory(review=review, text=WELSH_LETTER, language="cy")
    client.force_login(member)
    page = client.get(f"/cy/mystery-shopping/documents/{document.pk}/").content.decode()
    assert "Does dim sgôr rhwyddineb darllen ar gyfer Cymraeg" in page
    assert "data-no-formula" in page and '<mark class="jargon">ôl-ddyledion' in page
    english = client.get(f"/mystery-shopping/documents/{document.pk}/").content.decode()
    assert "There is no reading-ease score for Welsh" in english


def test_a_document_added_on_the_welsh_page_is_welsh_unless_said_otherwise(client, documents_panel):
    member, review = documents_panel
    client.force_login(member)
    client.post(f"/cy/mystery-shopping/programmes/{review.pk}/documents/add/",
                {"title": "Llythyr ôl-ddyledion", "text": WELSH_LETTER})
    client.post(f"/cy/mystery-shopping/programmes/{review.pk}/documents/add/",
                {"title": "Arrears letter", "text": "Your arrears are due.", "language": "en-gb"})
    client.post(f"/mystery-shopping/programmes/{review.pk}/documents/add/",
                {"title": "Repairs leaflet", "text": "We fix things."})
    languages = dict(CheckedDocument.objects.values_list("title", "language"))
    assert languages == {"Llythyr ôl-ddyledion": "cy", "Arrears letter": "en-gb", "Repairs leaflet": "en-gb"}


def test_the_starting_jargon_list_has_welsh_words_with_plain_welsh():
    arrears = JargonTerm.objects.get(term_en_gb="arrears")
    assert (arrears.term_cy, arrears.plain_cy) == ("ôl-ddyledion", "rhent sy'n ddyledus")


def test_a_jargon_word_needs_both_its_welsh_word_and_plain_welsh_or_neither(client, shop):
    client.force_login(shop.admin)
    response = client.post("/cy/mystery-shopping/jargon/add/",
                           {"term": "sustainment", "plain": "help", "term_cy": "cynaliaeth"})
    assert response.status_code == 200 and not JargonTerm.objects.filter(term_en_gb="sustainment").exists()
    client.post("/cy/mystery-shopping/jargon/add/", {"term": "sustainment", "plain": "help",
                                                      "term_cy": "cynaliaeth", "plain_cy": "help"})
    saved = JargonTerm.objects.get(term_en_gb="sustainment")
    assert (saved.plain_en_gb, saved.term_cy, saved.plain_cy) == ("help", "cynaliaeth", "help")
