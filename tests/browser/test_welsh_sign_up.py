"""Signing up in Welsh on a phone: an invitation written in Welsh is accepted at 360 px on a Welsh
page, the new tenant answers a visit question with no signal, and the next email they get (a
password reset they ask for on an English page) is in Welsh, their language."""

import re
from datetime import timedelta

from django.apps import apps
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from accounts import services as accounts
from accounts.models import Invitation, User
from mysteryshop.models import Answer, Checklist, Site, SiteKind
from mysteryshop.seed import seed_all
from mysteryshop.services.visits import start_visit
from reviews.models import ReviewKind
from tests.browser.conftest import PHONE
from tests.factories.accounts import UserFactory
from tests.factories.mysteryshop import ProgrammeFactory
from tests.factories.panels import MembershipFactory, PanelFactory

PASSWORD = "green kettle morning"


def _link_from(message):
    return next(line for line in message.body.splitlines() if "/invitation/" in line).strip()


def _fits_the_phone(page):
    """No sideways scrolling: the page is no wider than the phone."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width} px wide"


def _sign_up_in_welsh(page):
    """An administrator invites Siân in Welsh; she accepts on her phone, on a Welsh page."""
    admin = UserFactory(role="admin", display_name="Sam Patel")
    accounts.invite(email="sian@example.org", display_name="Siân Owen", role="tenant", by=admin,
                    language="cy")
    invitation_email = mail.outbox[-1]
    assert invitation_email.subject.startswith("Gwahoddiad i safle craffu tenantiaid")
    link = _link_from(invitation_email)
    assert "/cy/accounts/invitation/" in link
    path = link.split("://", 1)[1].split("/", 1)[1]

    # The invitation's page is in Welsh, and fits the phone.
    page.visit("/" + path)
    assert page.locator("html").get_attribute("lang") == "cy"
    expect(page.get_by_role("heading", level=1)).to_have_text("Croeso, Siân Owen")
    _fits_the_phone(page)
    # The language for what is sent to her is asked, preset to the invitation's.
    expect(page.locator("input[name='language'][value='cy']")).to_be_checked()
    page.get_by_label("Dewiswch gyfrinair").fill(PASSWORD)
    page.get_by_label("Teipiwch y cyfrinair eto").fill(PASSWORD)
    page.get_by_role("button", name="Creu fy nghyfrif").click()
    page.wait_for_url(re.compile(r"/cy/$"))
    assert page.locator("html").get_attribute("lang") == "cy"
    expect(page.get_by_text("Croeso. Mae eich cyfrif yn barod.")).to_be_visible()
    _fits_the_phone(page)
    page.check_accessibility()
    tenant = User.objects.get(email="sian@example.org")
    assert tenant.language == "cy" and Invitation.objects.get().accepted_at is not None
    return tenant


def _next_email_is_in_welsh(page):
    """The next email: a password reset asked for on an English page comes in her Welsh."""
    sent_before = len(mail.outbox)
    reset = page.page.context.browser.new_context(viewport=PHONE, locale="en-GB").new_page()
    reset.goto(page.base_url + "/accounts/password-reset/")
    reset.get_by_label("Email").fill("sian@example.org")
    reset.get_by_role("button", name="Send me a link").click()
    reset.wait_for_url(re.compile(r"/accounts/password-reset/sent/$"))
    reset.context.close()
    assert len(mail.outbox) == sent_before + 1
    message = mail.outbox[-1]
    assert message.to == ["sian@example.org"]
    assert message.subject == "Ailosod eich cyfrinair"
    assert "Helo Siân Owen," in message.body
    assert "/cy/accounts/password-reset/" in message.body


def test_a_tenant_signs_up_in_welsh_and_is_emailed_in_welsh(phone_page):
    _sign_up_in_welsh(phone_page)
    _next_email_is_in_welsh(phone_page)


def test_a_tenant_signs_up_in_welsh_answers_offline_and_is_emailed_in_welsh(phone_page):
    seed_all(apps)
    page = phone_page
    tenant = _sign_up_in_welsh(page)

    # A visit to answer, as a mystery shopper of the panel.
    panel = PanelFactory(name="Panel Ansawdd")
    MembershipFactory(panel=panel, user=tenant)
    review = ProgrammeFactory(panel=panel, title="Cartrefi gwag 2026", kind=ReviewKind.INSPECTION)
    home, _ = Site.objects.get_or_create(name="12 Heol y Bont, Bangor", kind=SiteKind.PROPERTY)
    checklist = Checklist.objects.get(title="Empty home inspection before letting", is_current=True)
    visit = start_visit(by=tenant, review=review, checklist=checklist, site=home, channel="inspection",
                        visited_at=timezone.now() - timedelta(hours=1))

    page.visit(f"/cy/mystery-shopping/visits/{visit.pk}/record/")
    assert page.locator("html").get_attribute("lang") == "cy"
    page.locator("html[data-visit-kept='yes']").wait_for(state="attached", timeout=30_000)
    _fits_the_phone(page)

    # No signal: the answer waits on the phone, and goes once the signal returns.
    context = page.page.context
    context.route("**/*", lambda route: route.abort("internetdisconnected"))
    context.set_offline(True)
    question = page.locator("fieldset[data-type='rating']:visible").first
    standard = checklist.standards.get(pk=int(question.get_attribute("data-standard")))
    question.get_by_label("4", exact=True).check()
    expect(question.locator("[data-answer-state]")).not_to_be_empty()
    assert Answer.objects.filter(visit=visit).count() == 0
    context.unroute("**/*")
    context.set_offline(False)
    for _ in range(120):
        if Answer.objects.filter(visit=visit).exists():
            break
        page.wait_for_timeout(500)
    assert Answer.objects.get(visit=visit).standard == standard

    _next_email_is_in_welsh(page)
