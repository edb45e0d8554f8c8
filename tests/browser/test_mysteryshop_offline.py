"""An empty home with no signal, on the English and on the Welsh pages: the inspection is opened
online, the phone loses its signal (the page and the service worker are both cut off), three
answers and a photo are given and the page is even reloaded, coming back from the phone in its
language with the answers waiting; when the signal returns the server holds each answer exactly
once, and the score appears on the programme's dashboard."""

import io
import re
from types import SimpleNamespace

import pytest
from django.apps import apps
from PIL import Image
from playwright.sync_api import expect

from mysteryshop import services
from mysteryshop.models import (
    Answer,
    AnswerReceipt,
    Checklist,
    Site,
    SiteKind,
    Visit,
    VisitPhoto,
    VisitStatus,
)
from mysteryshop.seed import seed_all
from reviews.models import ReviewKind
from tests.factories.accounts import PASSWORD, UserFactory
from tests.factories.mysteryshop import ProgrammeFactory
from tests.factories.panels import MembershipFactory, PanelFactory


def _jpeg():
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (120, 90, 60)).save(buffer, "JPEG")
    return buffer.getvalue()


def _status(page):
    return page.locator("[data-sync-text]")


# What each language's pages say (and the demo's words in it), as a person reads them.
WORDS = {
    "en-gb": SimpleNamespace(
        prefix="", panel="Quality Panel", inspector="Aileen Stewart", programme="Empty homes 2015",
        site="12 Muirton Place, Perth", site_option="12 Muirton Place, Perth (property (empty home))",
        checklist="Empty home inspection before letting", checklist_label="Checklist",
        site_label="Where (site)", channel_label="How (channel)", channel="Inspection",
        when_label="Date and time", start="Start the visit", yes="Yes", no="No", photo="Photo",
        photo_shows="What the photo shows", photo_text="Rubbish left in the kitchen",
        photo_file="kitchen.jpg", add_photo="Add the photo",
        waiting="{answers} answers and 1 photo saved on this phone, not sent yet.",
        answer_waiting="not sent yet", check_and_submit="Check and submit",
        all_saved="Every answer is saved.", all_answered="Every required question is answered.",
        submit="Submit the visit", average="Average score: {score}%",
    ),
    "cy": SimpleNamespace(
        prefix="/cy", panel="Panel Ansawdd", inspector="Non Prys", programme="Cartrefi gwag 2015",
        site="12 Heol y Bont, Aberteifi", site_option="12 Heol y Bont, Aberteifi (eiddo (cartref gwag))",
        checklist="Arolygu cartref gwag cyn ei osod", checklist_label="Rhestr wirio",
        site_label="Ble (safle)", channel_label="Sut (sianel)", channel="Arolygiad",
        when_label="Dyddiad ac amser", start="Dechrau'r ymweliad", yes="Ie", no="Na", photo="Llun",
        photo_shows="Beth mae'r llun yn ei ddangos", photo_text="Sbwriel yn y gegin",
        photo_file="cegin.jpg", add_photo="Ychwanegu'r llun",
        waiting="{answers} ateb a 1 llun wedi'u cadw ar y ffôn hwn, heb eu hanfon eto.",
        answer_waiting="heb ei anfon eto", check_and_submit="Gwirio a chyflwyno",
        all_saved="Mae pob ateb wedi'i gadw.", all_answered="Mae pob cwestiwn gofynnol wedi'i ateb.",
        submit="Cyflwyno'r ymweliad", average="Sgôr cyfartalog: {score}%",
    ),
}


@pytest.mark.parametrize("language", ["en-gb", "cy"])
def test_void_inspection_answered_offline_is_sent_once_when_the_signal_returns(phone_page, language):
    words = WORDS[language]
    seed_all(apps)
    panel = PanelFactory(name=words.panel)
    inspector = UserFactory(role="tenant", display_name=words.inspector, language=language)
    MembershipFactory(panel=panel, user=inspector)
    review = ProgrammeFactory(panel=panel, title=words.programme, kind=ReviewKind.INSPECTION)
    Site.objects.get_or_create(name=words.site, kind=SiteKind.PROPERTY)
    checklist = Checklist.objects.get(title_en_gb="Empty home inspection before letting", is_current=True)
    Checklist.objects.filter(pk=checklist.pk).update(title_cy="Arolygu cartref gwag cyn ei osod")
    std = {s.question_en_gb[:22]: s for s in checklist.standards.all()}
    page = phone_page
    context = page.page.context
    # The form, its script and the service worker run under the site's Content-Security-Policy:
    # Chromium reports anything the policy blocks on the console.
    blocked = []
    page.page.on("console", lambda m: "Content Security Policy" in m.text and blocked.append(m.text))

    # Online: start the inspection and open the form, which the service worker keeps.
    page.sign_in(inspector, PASSWORD)
    page.visit(f"{words.prefix}/mystery-shopping/programmes/{review.pk}/visits/new/")
    page.get_by_label(words.checklist_label).select_option(label=words.checklist)
    page.get_by_label(words.site_label).select_option(label=words.site_option)
    page.get_by_label(words.channel_label).select_option(label=words.channel)
    page.get_by_label(words.when_label).fill("2015-02-10T14:00")
    page.get_by_role("button", name=words.start).click()
    page.wait_for_url(re.compile(rf"{words.prefix}/mystery-shopping/visits/\d+/record/"))
    page.locator("html[data-visit-kept='yes']").wait_for(state="attached")
    visit = Visit.objects.get(review=review)
    record = f"{words.prefix}/mystery-shopping/visits/{visit.pk}/record/"
    policy = context.request.get(page.base_url + record)
    assert "script-src 'self'" in policy.headers["content-security-policy"]
    # Welsh runs longer than English: the form still fits the 360 px phone.
    assert page.page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    # No signal: the page and the worker can reach nothing.
    context.route("**/*", lambda route: route.abort("internetdisconnected"))
    context.set_offline(True)
    page.locator(f"#q{std['Was the home clean thr'].pk}").get_by_label("4", exact=True).check()
    page.locator(f"#q{std['Was the home free of r'].pk}").get_by_label(words.no, exact=True).check()
    photo_form = page.locator("#photo-form")
    photo_form.get_by_label(words.photo, exact=True).set_input_files(
        {"name": words.photo_file, "mimeType": "image/jpeg", "buffer": _jpeg()}
    )
    photo_form.get_by_label(words.photo_shows).fill(words.photo_text)
    photo_form.get_by_role("button", name=words.add_photo).click()
    _status(page).filter(has_text=words.waiting.format(answers=2)).wait_for()
    assert Answer.objects.filter(visit=visit).count() == 0

    # Still no signal: the page comes back from the phone, in its language, answers waiting.
    page.reload()
    expect(page.locator("h2#screen-1")).to_be_visible()
    clean = page.locator(f"#q{std['Was the home clean thr'].pk}")
    # The page puts the waiting answers back from the phone's queue (IndexedDB) after it loads:
    # wait for that rather than reading the radio once.
    expect(clean.get_by_label("4", exact=True)).to_be_checked()
    expect(clean.locator("[data-answer-state]")).to_contain_text(words.answer_waiting)
    assert words.check_and_submit in page.content()
    page.locator("button[data-go='next']").first.click()
    page.locator(f"#q{std['Did you see a current '].pk}").get_by_label(words.yes, exact=True).check()
    _status(page).filter(has_text=words.waiting.format(answers=3)).wait_for()
    page.check_accessibility()
    assert Answer.objects.filter(visit=visit).count() == 0

    # The signal returns: everything is sent, each answer once.
    context.unroute("**/*")
    context.set_offline(False)
    _status(page).filter(has_text=words.all_saved).wait_for()
    assert Answer.objects.filter(visit=visit).count() == 3
    assert AnswerReceipt.objects.filter(visit=visit).count() == 3
    assert VisitPhoto.objects.filter(visit=visit).count() == 1
    assert Answer.objects.get(visit=visit, standard=std["Was the home free of r"]).passed is False

    # The rest is answered (here through the service, as the phone would) and submitted.
    for standard in checklist.standards.filter(required=True).exclude(answers__visit=visit):
        value = {"yes_no": {"choice": "yes"}, "rating": {"rating": 4}, "number": {"number": "0"}}
        services.record_answer(by=inspector, visit=visit, standard=standard,
                               value=value[standard.answer_type])
    page.visit(record)
    page.locator("[data-sync-text]").filter(has_text=words.all_saved).wait_for()
    # Every required question is answered, so the form opens at "Check and submit".
    assert words.all_answered in page.locator("[data-missing]").inner_text()
    page.get_by_role("button", name=words.submit).click()
    page.wait_for_url(re.compile(rf"/visits/{visit.pk}/$"))
    visit.refresh_from_db()
    assert visit.status == VisitStatus.SUBMITTED and visit.score is not None

    page.visit(f"{words.prefix}/mystery-shopping/programmes/{review.pk}/dashboard/")
    assert words.average.format(score=visit.score) in page.locator("[data-programme-score]").inner_text()
    assert blocked == []
