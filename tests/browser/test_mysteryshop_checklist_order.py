"""On a 360 px phone, an administrator reorders a checklist in use with the keyboard: "Move
down" on a standard and "Move up" on a section, each a 44 px button; the checklist gets a new
version in the new order, and every page passes axe-core without scrolling sideways."""

import re

from django.apps import apps

from mysteryshop.models import Checklist, Site, SiteKind
from mysteryshop.seed import seed_all
from tests.factories.accounts import PASSWORD, UserFactory
from tests.factories.mysteryshop import ProgrammeFactory, VisitFactory


def _named(action, thing):
    """A button's accessible name: the visible action, a colon, then what it moves (read as one
    phrase, with no stray space before the colon)."""
    return re.compile(rf"^{action}: {re.escape(thing)}$")


def _holds_to_the_standard(page):
    page.check_accessibility()
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow} px"


def test_administrator_reorders_a_checklist_in_use_on_a_phone(phone_page):
    seed_all(apps)
    admin = UserFactory(role="admin")
    phone = Checklist.objects.get(title="Telephone contact", is_current=True)
    site, _ = Site.objects.get_or_create(name="Perth local office", kind=SiteKind.OFFICE)
    VisitFactory(review=ProgrammeFactory(), checklist=phone, site=site)  # so it is in use
    first_section, second_section = list(phone.sections.order_by("position"))[:2]
    top, below = list(first_section.standards.order_by("position"))[:2]
    page = phone_page
    page.sign_in(admin, PASSWORD)
    page.visit(phone.get_absolute_url())
    _holds_to_the_standard(page)

    button = page.get_by_role("button", name=_named("Move down", top.question))
    box = button.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44
    button.focus()
    page.keyboard.press("Enter")
    page.get_by_text("The standard has been moved down.").wait_for()
    assert "so your change made version 2" in page.content()
    _holds_to_the_standard(page)
    new = Checklist.objects.get(family=phone.family, is_current=True)
    assert new.number == 2
    moved = new.sections.get(title=first_section.title).standards.order_by("position")
    assert [s.question for s in moved[:2]] == [below.question, top.question]
    # The visit's version keeps the old order.
    assert list(first_section.standards.order_by("position"))[:2] == [top, below]

    page.get_by_role("button", name=_named("Move up", second_section.title)).click()
    page.get_by_text("The section has been moved up.").wait_for()
    headings = page.locator("h2.h4").all_inner_texts()
    assert headings[:2] == [f"1. {second_section.title}", f"2. {first_section.title}"]
    assert Checklist.objects.filter(family=phone.family).count() == 2  # the same new version
