"""An empty home with no signal: the inspection is opened online, the phone loses its signal
(the page and the service worker are both cut off), three answers and a photo are given and the
page is even reloaded; when the signal returns the server holds each answer exactly once, and
the score appears on the programme's dashboard."""

import io
import re

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


def test_void_inspection_answered_offline_is_sent_once_when_the_signal_returns(phone_page):
    seed_all(apps)
    panel = PanelFactory(name="Quality Panel")
    inspector = UserFactory(role="tenant", display_name="Aileen Stewart")
    MembershipFactory(panel=panel, user=inspector)
    review = ProgrammeFactory(panel=panel, title="Empty homes 2015", kind=ReviewKind.INSPECTION)
    home, _ = Site.objects.get_or_create(name="12 Muirton Place, Perth", kind=SiteKind.PROPERTY)
    checklist = Checklist.objects.get(title="Empty home inspection before letting", is_current=True)
    std = {s.question[:22]: s for s in checklist.standards.all()}
    page = phone_page
    context = page.page.context
    # The form, its script and the service worker run under the site's Content-Security-Policy:
    # Chromium reports anything the policy blocks on the console.
    blocked = []
    page.page.on("console", lambda m: "Content Security Policy" in m.text and blocked.append(m.text))

    # Online: start the inspection and open the form, which the service worker keeps.
    page.sign_in(inspector, PASSWORD)
    page.visit(f"/mystery-shopping/programmes/{review.pk}/visits/new/")
    page.get_by_label("Checklist").select_option(label="Empty home inspection before letting")
    page.get_by_label("Where (site)").select_option(label="12 Muirton Place, Perth (property (empty home))")
    page.get_by_label("How (channel)").select_option(label="Inspection")
    page.get_by_label("Date and time").fill("2015-02-10T14:00")
    page.get_by_role("button", name="Start the visit").click()
    page.wait_for_url(re.compile(r"/record/"))
    page.locator("html[data-visit-kept='yes']").wait_for(state="attached")
    visit = Visit.objects.get(review=review)
    policy = context.request.get(f"{page.base_url}/mystery-shopping/visits/{visit.pk}/record/")
    assert "script-src 'self'" in policy.headers["content-security-policy"]

    # No signal: the page and the worker can reach nothing.
    context.route("**/*", lambda route: route.abort("internetdisconnected"))
    context.set_offline(True)
    page.locator(f"#q{std['Was the home clean thr'].pk}").get_by_label("4", exact=True).check()
    page.locator(f"#q{std['Was the home free of r'].pk}").get_by_label("No", exact=True).check()
    photo_form = page.locator("#photo-form")
    photo_form.get_by_label("Photo", exact=True).set_input_files(
        {"name": "kitchen.jpg", "mimeType": "image/jpeg", "buffer": _jpeg()}
    )
    photo_form.get_by_label("What the photo shows").fill("Rubbish left in the kitchen")
    photo_form.get_by_role("button", name="Add the photo").click()
    _status(page).filter(has_text="2 answers and 1 photo saved on this phone, not sent yet").wait_for()
    assert Answer.objects.filter(visit=visit).count() == 0

    # Still no signal: the page reloads from the phone, with the answers waiting to go.
    page.reload()
    clean = page.locator(f"#q{std['Was the home clean thr'].pk}")
    # The page puts the waiting answers back from the phone's queue (IndexedDB) after it loads:
    # wait for that rather than reading the radio once.
    expect(clean.get_by_label("4", exact=True)).to_be_checked()
    expect(clean.locator("[data-answer-state]")).to_contain_text("not sent yet")
    page.locator("button[data-go='next']").first.click()
    page.locator(f"#q{std['Did you see a current '].pk}").get_by_label("Yes", exact=True).check()
    _status(page).filter(has_text="3 answers and 1 photo saved on this phone, not sent yet").wait_for()
    page.check_accessibility()
    assert Answer.objects.filter(visit=visit).count() == 0

    # The signal returns: everything is sent, each answer once.
    context.unroute("**/*")
    context.set_offline(False)
    _status(page).filter(has_text="Every answer is saved.").wait_for()
    assert Answer.objects.filter(visit=visit).count() == 3
    assert AnswerReceipt.objects.filter(visit=visit).count() == 3
    assert VisitPhoto.objects.filter(visit=visit).count() == 1
    assert Answer.objects.get(visit=visit, standard=std["Was the home free of r"]).passed is False

    # The rest is answered (here through the service, as the phone would) and submitted.
    for standard in checklist.standards.filter(required=True).exclude(answers__visit=visit):
        value = {"yes_no": {"choice": "yes"}, "rating": {"rating": 4}, "number": {"number": "0"}}
        services.record_answer(by=inspector, visit=visit, standard=standard,
                               value=value[standard.answer_type])
    page.visit(f"/mystery-shopping/visits/{visit.pk}/record/")
    page.locator("[data-sync-text]").filter(has_text="Every answer is saved.").wait_for()
    # Every required question is answered, so the form opens at "Check and submit".
    assert "Every required question is answered." in page.locator("[data-missing]").inner_text()
    page.get_by_role("button", name="Submit the visit").click()
    page.wait_for_url(re.compile(rf"/visits/{visit.pk}/$"))
    visit.refresh_from_db()
    assert visit.status == VisitStatus.SUBMITTED and visit.score is not None

    page.visit(f"/mystery-shopping/programmes/{review.pk}/dashboard/")
    assert f"Average score: {visit.score}%" in page.locator("[data-programme-score]").inner_text()
    assert blocked == []
