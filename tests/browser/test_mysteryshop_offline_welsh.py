"""The same empty-home inspection with no signal, on the Welsh pages (/cy/mystery-shopping/...):
the service worker keeps and serves the Welsh form, the script's words are Welsh, and when the
signal returns the server holds each answer exactly once."""

import re

from django.apps import apps
from playwright.sync_api import expect

from mysteryshop.models import Answer, AnswerReceipt, Checklist, Site, SiteKind, Visit, VisitPhoto
from mysteryshop.seed import seed_all
from reviews.models import ReviewKind
from tests.browser.test_mysteryshop_offline import _jpeg, _status
from tests.factories.accounts import PASSWORD, UserFactory
from tests.factories.mysteryshop import ProgrammeFactory
from tests.factories.panels import MembershipFactory, PanelFactory


def test_void_inspection_answered_offline_in_welsh_is_sent_once(phone_page):
    seed_all(apps)
    panel = PanelFactory(name="Panel Ansawdd")
    inspector = UserFactory(role="tenant", display_name="Non Prys", language="cy")
    MembershipFactory(panel=panel, user=inspector)
    review = ProgrammeFactory(panel=panel, title="Cartrefi gwag 2015", kind=ReviewKind.INSPECTION)
    Site.objects.get_or_create(name="12 Heol y Bont, Aberteifi", kind=SiteKind.PROPERTY)
    checklist = Checklist.objects.get(title_en_gb="Empty home inspection before letting", is_current=True)
    Checklist.objects.filter(pk=checklist.pk).update(title_cy="Arolygu cartref gwag cyn ei osod")
    std = {s.question_en_gb[:22]: s for s in checklist.standards.all()}
    page = phone_page
    context = page.page.context

    page.sign_in(inspector, PASSWORD)
    page.visit(f"/cy/mystery-shopping/programmes/{review.pk}/visits/new/")
    page.get_by_label("Rhestr wirio").select_option(label="Arolygu cartref gwag cyn ei osod")
    page.get_by_label("Ble (safle)").select_option(label="12 Heol y Bont, Aberteifi (eiddo (cartref gwag))")
    page.get_by_label("Sut (sianel)").select_option(label="Arolygiad")
    page.get_by_label("Dyddiad ac amser").fill("2015-02-10T14:00")
    page.get_by_role("button", name="Dechrau'r ymweliad").click()
    page.wait_for_url(re.compile(r"/cy/mystery-shopping/visits/\d+/record/"))
    page.locator("html[data-visit-kept='yes']").wait_for(state="attached")
    visit = Visit.objects.get(review=review)
    # Welsh runs longer than English: the form still fits the 360 px phone.
    assert page.page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    # No signal.
    context.route("**/*", lambda route: route.abort("internetdisconnected"))
    context.set_offline(True)
    page.locator(f"#q{std['Was the home clean thr'].pk}").get_by_label("4", exact=True).check()
    page.locator(f"#q{std['Was the home free of r'].pk}").get_by_label("Na", exact=True).check()
    photo_form = page.locator("#photo-form")
    photo_form.get_by_label("Llun", exact=True).set_input_files(
        {"name": "cegin.jpg", "mimeType": "image/jpeg", "buffer": _jpeg()}
    )
    photo_form.get_by_label("Beth mae'r llun yn ei ddangos").fill("Sbwriel yn y gegin")
    photo_form.get_by_role("button", name="Ychwanegu'r llun").click()
    _status(page).filter(has_text="2 ateb a 1 llun wedi'u cadw ar y ffôn hwn, heb eu hanfon eto.").wait_for()
    assert Answer.objects.filter(visit=visit).count() == 0

    # Still no signal: the Welsh page comes back from the phone, in Welsh, answers waiting.
    page.reload()
    expect(page.locator("h2#screen-1")).to_be_visible()
    clean = page.locator(f"#q{std['Was the home clean thr'].pk}")
    expect(clean.get_by_label("4", exact=True)).to_be_checked()
    expect(clean.locator("[data-answer-state]")).to_contain_text("heb ei anfon eto")
    assert "Gwirio a chyflwyno" in page.content()
    page.check_accessibility()

    # The signal returns: each answer arrives once.
    context.unroute("**/*")
    context.set_offline(False)
    _status(page).filter(has_text="Mae pob ateb wedi'i gadw.").wait_for()
    assert Answer.objects.filter(visit=visit).count() == 2
    assert AnswerReceipt.objects.filter(visit=visit).count() == 2
    assert VisitPhoto.objects.filter(visit=visit).count() == 1
