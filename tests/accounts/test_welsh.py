"""Accounts in Welsh: the pages under /cy/, the person's language (profile, invitation, sign-in),
and what is sent to a person written in their own language, whatever the page's or the worker's."""

import re

import pytest
from django.core import mail
from django.utils import translation

from accounts import services
from accounts.devices import describe
from accounts.models import ContactPreference, Invitation, Notice, User
from accounts.notices import tell
from tests.factories.accounts import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

FIREFOX_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:120.0) Gecko/20100101 Firefox/120.0"


def _link_from(message):
    return next(line for line in message.body.splitlines() if "/invitation/" in line).strip()


def _checked_language(response):
    tags = re.findall(r'<input[^>]*name="language"[^>]*>', response.content.decode())
    return next(re.search(r'value="([^"]+)"', tag).group(1) for tag in tags if " checked" in tag)


def test_the_welsh_sign_in_page_is_in_welsh(client):
    page = client.get("/cy/accounts/sign-in/").content.decode()
    assert "<h1>Mewngofnodi</h1>" in page
    assert "Rydw i wedi anghofio fy nghyfrinair" in page
    assert 'href="/cy/accounts/password-reset/"' in page


def test_the_welsh_profile_asks_the_language_for_emails_and_consent_to_be_named(client):
    client.force_login(UserFactory())
    page = client.get("/cy/accounts/profile/").content.decode()
    assert "<h1>Eich manylion</h1>" in page
    assert "Iaith negeseuon e-bost a llythyrau" in page
    assert "Dangos pwy ydw i ar dudalennau cyhoeddus a data agored y landlord" in page


def test_a_person_chooses_welsh_for_what_is_sent_to_them_on_their_profile(client):
    person = UserFactory(email="jo@example.org", display_name="Jo Smith")
    client.force_login(person)
    response = client.post("/accounts/profile/", {
        "display_name": "Jo Smith", "email": "jo@example.org", "contact_preference": "email",
        "language": "cy", "named_in_public": "on",
    }, follow=True)
    assert "Your details have been saved." in response.content.decode()
    person.refresh_from_db()
    assert (person.language, person.named_in_public) == ("cy", True)


def test_a_welsh_plural_picks_the_form_for_two(client):
    client.force_login(UserFactory(role="admin"))
    UserFactory()
    assert "2 berson." in client.get("/cy/accounts/people/").content.decode()
    UserFactory()
    UserFactory()
    assert "4 o bobl." in client.get("/cy/accounts/people/").content.decode()


def test_a_browser_named_in_english_is_not_served_on_a_welsh_page():
    with translation.override("en-gb"):
        assert describe(FIREFOX_ON_WINDOWS) == "Firefox on Windows 10"
    with translation.override("cy"):
        assert describe(FIREFOX_ON_WINDOWS) == "Firefox ar Windows 10"


@pytest.mark.django_db(transaction=True)
def test_an_invitation_in_welsh_is_written_and_accepted_in_welsh(client):
    admin = UserFactory(role="admin", display_name="Sam Patel")
    client.force_login(admin)
    # The invitation form offers the language of the page the administrator is on.
    assert _checked_language(client.get("/cy/accounts/invitations/")) == "cy"
    assert _checked_language(client.get("/accounts/invitations/")) == "en-gb"
    client.post("/accounts/invitations/", {
        "display_name": "Ann Reid", "email": "ann@example.org", "role": "tenant", "language": "cy",
    })
    message = mail.outbox[-1]
    assert message.subject.startswith("Gwahoddiad i safle craffu tenantiaid")
    assert "Mae Sam Patel wedi eich gwahodd i ymuno" in message.body
    link = _link_from(message)
    assert "/cy/accounts/invitation/" in link

    client.logout()
    path = link.split("127.0.0.1:8000")[-1]
    page = client.get(path).content.decode()
    assert "Croeso, Ann Reid" in page
    response = client.post(path, {"password1": "green kettle morning", "password2": "green kettle morning",
                                  "language": "cy"}, follow=True)
    assert response.redirect_chain[-1][0] == "/cy/"
    assert "Croeso. Mae eich cyfrif yn barod." in response.content.decode()
    assert User.objects.get(email="ann@example.org").language == "cy"


@pytest.mark.django_db(transaction=True)
def test_an_invitation_in_english_sent_from_a_welsh_page_stays_english(client):
    admin = UserFactory(role="admin", display_name="Sam Patel")
    client.force_login(admin)
    client.post("/cy/accounts/invitations/", {
        "display_name": "Ann Reid", "email": "ann@example.org", "role": "tenant", "language": "en-gb",
    })
    assert Invitation.objects.get().language == "en-gb"
    message = mail.outbox[-1]
    assert "Sam Patel has invited you" in message.body
    assert "/cy/" not in _link_from(message)


def test_signing_in_sets_the_language_cookie_and_goes_on_in_the_persons_language(client, settings):
    UserFactory(email="cymro@example.org", language="cy")
    response = client.post("/accounts/sign-in/?next=/accounts/profile/",
                           {"username": "cymro@example.org", "password": PASSWORD})
    assert response["Location"] == "/cy/accounts/profile/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "cy"


def test_a_page_asked_for_in_welsh_stays_welsh_for_an_english_speaker(client, settings):
    UserFactory(email="jo@example.org", language="en-gb")
    response = client.post("/cy/accounts/sign-in/?next=/cy/accounts/profile/",
                           {"username": "jo@example.org", "password": PASSWORD})
    assert response["Location"] == "/cy/accounts/profile/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en-gb"


def test_a_welsh_speaker_signing_in_on_a_welsh_page_goes_on_in_welsh(client):
    UserFactory(email="cymro@example.org", language="cy")
    response = client.post("/cy/accounts/sign-in/?next=/accounts/profile/",
                           {"username": "cymro@example.org", "password": PASSWORD})
    assert response["Location"] == "/cy/accounts/profile/"


def test_an_english_speaker_signing_in_on_a_welsh_page_goes_on_in_english(client):
    UserFactory(email="jo@example.org", language="en-gb")
    response = client.post("/cy/accounts/sign-in/?next=/accounts/profile/",
                           {"username": "jo@example.org", "password": PASSWORD})
    assert response["Location"] == "/accounts/profile/"


def test_the_same_reset_emails_a_welsh_speaker_in_welsh_and_an_english_one_in_english(
    client, django_capture_on_commit_callbacks
):
    welsh = UserFactory(role="officer", language="cy", display_name="Siân Owen")
    english = UserFactory(role="officer", language="en-gb", display_name="Jo Smith")
    client.force_login(UserFactory(role="admin", display_name="Sam Patel"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/accounts/people/{welsh.pk}/second-factor/reset/")
        client.post(f"/accounts/people/{english.pk}/second-factor/reset/")
    by_address = {m.to[0]: m for m in mail.outbox}
    cymraeg, saesneg = by_address[welsh.email], by_address[english.email]
    assert cymraeg.subject == "Mae eich ail ffactor ar gyfer mewngofnodi wedi'i ailosod"
    assert "Helo Siân Owen," in cymraeg.body
    assert "Mae gweinyddwr, Sam Patel, wedi ailosod yr ail ffactor" in cymraeg.body
    assert "/cy/accounts/sign-in/" in cymraeg.body
    assert saesneg.subject == "Your second factor for signing in was reset"
    assert "An administrator, Sam Patel, has reset the second factor" in saesneg.body
    assert "/cy/" not in saesneg.body


@pytest.mark.django_db(transaction=True)
def test_a_password_reset_asked_on_an_english_page_is_emailed_in_the_persons_welsh(client):
    UserFactory(email="cymro@example.org", language="cy", display_name="Dafydd Jones")
    client.post("/accounts/password-reset/", {"email": "cymro@example.org"})
    message = mail.outbox[-1]
    assert message.subject == "Ailosod eich cyfrinair"
    assert "Helo Dafydd Jones," in message.body
    assert "/cy/accounts/password-reset/" in message.body


def test_a_notice_is_kept_in_the_persons_language_with_its_link_in_that_language():
    from django.utils.translation import gettext_lazy

    person = UserFactory(language="cy", contact_preference=ContactPreference.POST)
    with translation.override("en-gb"):  # as a worker, or an English page, would be
        sent = tell(person=person, subject=gettext_lazy("Your second factor for signing in was reset"),
                    template="accounts/email/password_reset_subject.txt", context={},
                    path="/accounts/profile/")
    notice = Notice.objects.get(user=person)
    assert not sent
    assert notice.subject == "Mae eich ail ffactor ar gyfer mewngofnodi wedi'i ailosod"
    assert notice.body == "Ailosod eich cyfrinair"
    assert notice.url == "/cy/accounts/profile/"


def test_an_invitation_waiting_is_explained_in_the_pages_language():
    admin = UserFactory(role="admin")
    services.invite(email="ann@example.org", display_name="Ann Reid", role="tenant", by=admin)
    with translation.override("cy"), pytest.raises(Exception) as refused:
        services.invite(email="ann@example.org", display_name="Ann Reid", role="tenant", by=admin)
    assert "Cafodd Ann Reid wahoddiad ar" in str(refused.value)


def test_the_passkey_scripts_words_come_in_welsh_from_the_javascript_catalogue(client):
    client.force_login(UserFactory())
    page = client.get("/cy/accounts/second-factor/methods/passkey/").content.decode()
    # The catalogue is loaded before the script that uses it.
    assert page.index('src="/cy/jsi18n/"') < page.index("js/passkeys.js")
    catalogue = client.get("/cy/jsi18n/").content.decode()
    assert "Wrthi\\u2019n gwirio" in catalogue or "Wrthi'n gwirio" in catalogue
    assert "Wrthi'n gwirio" not in client.get("/jsi18n/").content.decode()


def test_the_catalogue_is_open_at_the_second_factor_step_where_the_passkey_script_needs_it(client):
    from tests.second_factor import password_only_login

    officer = UserFactory(role="officer")
    password_only_login(client, officer)
    assert client.get("/cy/accounts/profile/").status_code == 302  # held at the step
    response = client.get("/cy/jsi18n/")
    assert response.status_code == 200 and "Wrthi" in response.content.decode()


def test_with_welsh_off_nobody_is_asked_their_language(client):
    from scrutiny.models import SiteSettings

    site = SiteSettings.load()
    site.welsh = False
    site.save()
    client.force_login(UserFactory(role="admin"))
    assert 'name="language"' not in client.get("/accounts/profile/").content.decode()
    invitations = client.get("/accounts/invitations/").content.decode()
    assert 'type="radio" name="language"' not in invitations
    assert re.search(r'<input type="hidden" name="language" value="en-gb"', invitations)
