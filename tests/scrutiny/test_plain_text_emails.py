"""Plain-text emails carry names exactly as they were typed: an apostrophe, an ampersand or an
angle bracket arrives as itself, not as an HTML entity. The same words shown in a page (a notice
on the home page) are still escaped."""

import re
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail

from accounts import services as accounts_services
from accounts.notices import tell
from scrutiny.models import SiteSettings
from tests.factories.accounts import UserFactory

NAME = "Siobhan O'Neill & <Sons>"
LANDLORD = "Tayside Homes' & <Partners>"
ENTITIES = ("&#x27;", "&#39;", "&amp;", "&lt;", "&gt;", "&quot;")


def _reads_as_typed(text, typed):
    assert typed in text
    for entity in ENTITIES:
        assert entity not in text


@pytest.fixture
def landlord(db):
    site = SiteSettings.load()
    site.landlord_name = LANDLORD
    site.save()
    return site


def test_the_password_reset_email_shows_the_name_as_typed(db, client, django_capture_on_commit_callbacks):
    UserFactory(email="forgot@example.org", display_name=NAME)

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/password-reset/", {"email": "forgot@example.org"})

    [message] = mail.outbox
    _reads_as_typed(message.body, f"Hello {NAME},")
    assert message.subject == "Reset your password"


def test_the_invitation_email_shows_the_names_as_typed(landlord, django_capture_on_commit_callbacks):
    admin = UserFactory(role="admin", display_name="Ciarán D'Arcy & <Co>")

    with django_capture_on_commit_callbacks(execute=True):
        accounts_services.invite(email="new@example.org", display_name=NAME, role="tenant", by=admin)

    [message] = mail.outbox
    _reads_as_typed(message.body, f"Hello {NAME},")
    _reads_as_typed(
        message.body, "Ciarán D'Arcy & <Co> has invited you to join Tayside Homes' & <Partners>'s tenant"
    )
    _reads_as_typed(message.subject, "You are invited to Tayside Homes' & <Partners>'s tenant scrutiny site")


class Typed:
    """Stands for any value an email template reads: every attribute, item and call gives the
    typed name back, so each template shows it wherever it shows a name or title."""

    def __str__(self):
        return NAME

    def __getattr__(self, attribute):
        if attribute.startswith("_"):
            raise AttributeError(attribute)
        if attribute.endswith(("_date", "_on", "_at")):  # dates, shown with the date filter
            return date(2026, 12, 7)
        return self

    def __getitem__(self, key):
        raise KeyError(key)

    def __call__(self, *args, **kwargs):
        return self

    def __iter__(self):
        return iter([self])

    def __len__(self):
        return 1


def _email_templates():
    folders = [Path(settings.BASE_DIR) / "templates", *Path(settings.BASE_DIR).glob("*/templates")]
    found = sorted({str(p.relative_to(folder)) for folder in folders for p in folder.glob("**/email/*.txt")})
    # The password reset's body needs a real reset link, so it is sent for real above.
    return [name for name in found if not name.startswith("accounts/email/password_reset")]


def test_the_list_of_email_templates_is_the_products():
    assert set(_email_templates()) >= {
        "accounts/email/invitation.txt", "assessments/email/invited.txt",
        "recommendations/email/transition.txt", "reports/email/approval_reminder.txt",
    }


@pytest.mark.parametrize("template", _email_templates())
def test_every_email_reads_names_as_typed(template, landlord):
    source = Path(next(
        p for p in [Path(settings.BASE_DIR) / "templates" / template,
                    *Path(settings.BASE_DIR).glob(f"*/templates/{template}")] if p.exists()
    )).read_text()
    names = set(re.findall(r"{{\s*(\w+)", source))
    names |= set(re.findall(r"{%\s*(?:if|elif|for \w+ in)\s+(\w+)", source))
    names |= set(re.findall(r"\b\w+=(\w+)", source))  # {% blocktranslate with title=sa.title %}
    person = UserFactory(display_name=NAME, email="reader@example.org")

    tell(person=person, subject=f"About {NAME}", template=template,
         context={name: Typed().__getattr__(name) for name in names if name != "person"}, path="/")

    [message] = mail.outbox
    _reads_as_typed(message.body, "O'Neill & <Sons>")
    _reads_as_typed(message.subject, f"About {NAME}")


def test_a_notice_in_the_page_is_escaped(client, landlord):
    person = UserFactory(display_name=NAME, contact_preference="phone")
    tell(person=person, subject=f"About {NAME}", template="reports/email/waiting_report_made.txt",
         context={"title": f"Annual Report for {NAME}"}, path="/reports/")
    client.force_login(person)

    page = client.get("/").content.decode()

    assert "Annual Report for Siobhan O&#x27;Neill &amp; &lt;Sons&gt;" in page
    assert "<Sons>" not in page
