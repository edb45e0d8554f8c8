"""Document checks: text read from files, readability and jargon on texts with known results,
the panel's decision, the register and one-click re-checks."""

import io

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mysteryshop import services
from mysteryshop.models import CheckedDocument, DocumentStatus
from mysteryshop.readability import analyse, extract_text, mark_jargon
from reviews.models import ReviewKind
from scrutiny import switches
from scrutiny.models import SiteSettings
from tests.db_unchanged import assert_db_unchanged
from tests.factories.accounts import UserFactory
from tests.factories.mysteryshop import CheckedDocumentFactory
from tests.factories.panels import MembershipFactory, PanelFactory
from tests.factories.reviews import ReviewFactory

pytestmark = pytest.mark.django_db
PLAIN = "The cat sat on the mat. The dog ran to the park and back again."
HARD = ("Notwithstanding the aforementioned contractual obligations, the organisation will "
        "facilitate comprehensive remedial interventions.")


def test_plain_text_reads_easily_and_hard_text_does_not():
    plain, hard = analyse(PLAIN, []), analyse(HARD, [])
    assert plain.reading_ease == 109.0 and plain.grade == -0.1
    assert hard.reading_ease == -87.3 and hard.grade == 28.4
    assert plain.ease_label.startswith("Plain") and hard.ease_label == "Hard to read"


def test_long_sentences_are_listed():
    long = " ".join(["word"] * 30) + "."
    report = analyse(f"Short one here. {long} Another short one.", [])
    assert report.long_sentences == [long] and report.sentence_count == 3


def test_jargon_is_marked_in_place_with_everything_else_escaped():
    text = "Your arrears <b>must</b> be paid. ARREARS grow. No rearrears here."
    marked, found = mark_jargon(text, [("arrears", "rent owed")])
    assert marked.count("<mark") == 2
    assert "&lt;b&gt;must&lt;/b&gt;" in marked and "<b>" not in marked
    assert found == [("arrears", "rent owed", 2)]


def test_text_is_read_out_of_a_word_document():
    document = docx.Document()
    document.add_paragraph("Your rent is due every Monday.")
    buffer = io.BytesIO()
    document.save(buffer)
    assert extract_text(buffer, "docx") == "Your rent is due every Monday."


def test_a_scanned_pdf_with_no_words_asks_for_the_text_to_be_pasted():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="Paste the text instead"):
        extract_text(io.BytesIO(b"%PDF-1.4 broken"), "pdf")


@pytest.fixture
def panel_people():
    panel = PanelFactory(name="Quality Panel")
    member, chair = UserFactory(role="tenant"), UserFactory(role="tenant")
    MembershipFactory(panel=panel, user=member)
    MembershipFactory(panel=panel, user=chair, role="chair")
    review = ReviewFactory(panel=panel, kind=ReviewKind.DOCUMENT_REVIEW)
    return member, chair, review


def test_member_uploads_a_letter_and_sees_its_jargon_marked(client, panel_people):
    member, _, review = panel_people
    client.force_login(member)
    response = client.post(f"/mystery-shopping/programmes/{review.pk}/documents/add/", {
        "title": "Arrears letter",
        "file": SimpleUploadedFile("letter.txt", b"Your arrears must be paid prior to Monday."),
    })
    document = CheckedDocument.objects.get()
    assert response["Location"] == document.get_absolute_url()
    page = client.get(document.get_absolute_url()).content.decode()
    assert '<mark class="jargon">arrears' in page and "rent owed" in page


def test_chair_awards_customer_approved_and_the_register_shows_it(client, panel_people):
    member, chair, review = panel_people
    document = CheckedDocumentFactory(review=review)
    with pytest.raises(Exception, match="chair"):
        services.decide(by=member, document=document, version=document.version, approve=True)
    services.decide(by=chair, document=document, version=document.version, approve=True)
    document.refresh_from_db()
    assert document.status == DocumentStatus.APPROVED and document.expires_on > document.approved_on
    assert client.get("/mystery-shopping/register/").status_code == 302  # private by default
    _switch_register(public=True)
    assert document.title in client.get("/mystery-shopping/register/").content.decode()


def _switch_register(*, public):
    settings = SiteSettings.load()
    settings.switches = {**settings.switches, "mysteryshop.public_register": public}
    settings.save()


def test_register_is_public_when_the_site_settings_switch_is_on_and_asks_sign_in_when_off(
    client, panel_people
):
    member, chair, review = panel_people
    document = CheckedDocumentFactory(review=review, title="Rent arrears letter")
    services.decide(by=chair, document=document, version=document.version, approve=True)
    admin = UserFactory(role="admin")
    client.force_login(admin)
    page = client.get("/administration/site-settings/").content.decode()
    assert "Show the register of Customer Approved documents to everyone" in page
    assert "Customer Approved register" not in client.get("/mystery-shopping/jargon/").content.decode()
    data = {"version": SiteSettings.load().version, "landlord_name": "Riverside Homes",
            "brand_colour": "#1d4f91", "country": "england", "financial_year_start_month": 4,
            "tenant_word": "resident", "contact_email": "scrutiny@riverside.example",
            "contact_phone": "0141 000 0000", "logo_alt_text": "",
            "switch_mysteryshop.public_register": "on"}
    assert client.post("/administration/site-settings/", data).status_code == 302
    assert switches.is_on("mysteryshop.public_register") is True
    client.logout()
    assert "Rent arrears letter" in client.get("/mystery-shopping/register/").content.decode()

    _switch_register(public=False)
    off = client.get("/mystery-shopping/register/")
    assert off.status_code == 302 and off["Location"].startswith(reverse("accounts:login"))


def test_member_scores_the_document_against_the_document_check_checklist(client, panel_people):
    member, _, review = panel_people
    document = CheckedDocumentFactory(review=review, title="Repairs leaflet")
    client.force_login(member)
    response = client.post(f"/mystery-shopping/documents/{document.pk}/score/")
    visit = document.visits.get()
    assert response["Location"] == f"/mystery-shopping/visits/{visit.pk}/record/"
    assert visit.checklist.title == "Document check (Customer Approved)" and visit.shopper == member
    page = client.get(response["Location"]).content.decode()
    assert visit.checklist.sections.order_by("position").first().title in page


def test_an_officer_may_not_score_a_document_and_nothing_is_made(client, panel_people):
    _, _, review = panel_people
    document = CheckedDocumentFactory(review=review, title="Repairs leaflet")
    client.force_login(UserFactory(role="officer"))
    with assert_db_unchanged():
        response = client.post(f"/mystery-shopping/documents/{document.pk}/score/")
    assert response.status_code == 403


def test_sending_back_needs_a_reason_and_recheck_is_one_click(client, panel_people):
    member, chair, review = panel_people
    document = CheckedDocumentFactory(review=review)
    with pytest.raises(Exception, match="what needs to change"):
        services.decide(by=chair, document=document, version=document.version, approve=False)
    services.decide(by=chair, document=document, version=document.version, approve=False,
                    note="Too much jargon.")
    client.force_login(member)
    response = client.post(f"/mystery-shopping/documents/{document.pk}/new-version/")
    new = CheckedDocument.objects.get(previous=document)
    assert new.edition == 2 and new.text == document.text
    assert response["Location"] == f"/mystery-shopping/documents/{new.pk}/edit/"


def test_register_links_a_document_only_for_people_who_may_open_it(client, panel_people):
    member, chair, review = panel_people
    document = CheckedDocumentFactory(review=review, title="Gas safety leaflet")
    services.decide(by=chair, document=document, version=document.version, approve=True)
    link = f'href="{document.get_absolute_url()}"'

    client.force_login(member)
    assert link in client.get("/mystery-shopping/register/").content.decode()
    assert client.get(document.get_absolute_url()).status_code == 200

    other_tenant = UserFactory(role="tenant")  # on no panel: sees the register, not the panel's work
    client.force_login(other_tenant)
    page = client.get("/mystery-shopping/register/").content.decode()
    assert "Gas safety leaflet" in page and link not in page
    assert client.get(document.get_absolute_url()).status_code == 403


def test_pasted_text_longer_than_can_be_checked_is_refused_and_kept(client, panel_people):
    member, _, review = panel_people
    client.force_login(member)
    pasted = "Your rent is due on Monday. " * 7200  # 201,599 characters once its last space is trimmed

    response = client.post(f"/mystery-shopping/programmes/{review.pk}/documents/add/", {
        "title": "Tenancy handbook", "text": pasted,
    })

    page = response.content.decode()
    assert response.status_code == 200
    said = "Your document&#x27;s text is 201,599 characters long. Shorten it to 200,000 characters or fewer."
    assert said in page
    assert 'maxlength="200000"' in page
    assert page.count("Your rent is due on Monday.") == 7200  # all of it kept in the box
    assert not CheckedDocument.objects.exists()
