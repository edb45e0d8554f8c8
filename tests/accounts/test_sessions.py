"""Your sessions: everyone sees where they are signed in and can end any other session, or all
but this one; changing the password or the role ends the person's other sessions. Each test
signs in more than one browser (test clients) as the same person, through the real session
engine, and checks which of them are still signed in afterwards."""

import json

import pytest
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse

from scrutiny import user_sessions
from scrutiny.models import AuditEvent, AuditKind, UserSession
from tests.factories.accounts import PASSWORD, UserFactory
from tests.second_factor import mark_passed

pytestmark = pytest.mark.django_db

PHONE = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
         "Chrome/131.0.0.0 Mobile Safari/537.36")
LAPTOP = ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
          "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0")


@pytest.fixture(params=["database", "redis"])
def engine(request, tmp_path):
    """The session engine as deployed: sessions in the database alone, or read from Redis and
    written through to the database (scrutiny/sessions.py), where an ended session's copy in the
    cache must go too."""
    if request.param == "database":
        yield
        return
    server = request.getfixturevalue("private_redis")
    caches = {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": server.url}}
    with override_settings(CACHES=caches, SESSION_ENGINE="scrutiny.sessions"):
        yield


def signed_in(user, user_agent="", address="203.0.113.1"):
    """A browser signed in as `user` through the sign-in page."""
    browser = Client(HTTP_USER_AGENT=user_agent, REMOTE_ADDR=address)
    response = browser.post(reverse("accounts:login"), {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302
    mark_passed(browser.cookies["sessionid"].value)  # the second factor, for staff
    return browser


def is_signed_in(browser):
    return browser.get(reverse("accounts:profile")).status_code == 200


def session_of(browser):
    return UserSession.objects.get(session_key=browser.cookies["sessionid"].value)


def test_profile_lists_where_the_person_is_signed_in_and_marks_this_device():
    user = UserFactory()
    laptop = signed_in(user, LAPTOP, "198.51.100.20")
    signed_in(user, PHONE, "203.0.113.7")
    signed_in(UserFactory(), PHONE, "192.0.2.99")  # someone else's

    page = laptop.get(reverse("accounts:profile")).content.decode()

    assert "Where you are signed in" in page
    assert "Chrome Mobile on Android 14 (Pixel 8)" in page and "203.0.113.7" in page
    assert "Edge on Windows 10" in page and "198.51.100.20" in page
    assert "192.0.2.99" not in page
    assert page.count("This device") == 1
    assert page.index("Edge on Windows") < page.index("This device") < page.index("Chrome Mobile")


def test_the_persons_sessions_are_in_their_data_download():
    user = UserFactory()
    laptop = signed_in(user, LAPTOP, "198.51.100.20")
    data = json.loads(laptop.get(reverse("accounts:personal-data")).content)
    assert [(s["browser"], s["internet_address"]) for s in data["Account"]["signed_in_sessions"]] == [
        (LAPTOP, "198.51.100.20")]


def test_person_ends_another_of_their_sessions_and_it_is_noted(engine):
    user = UserFactory()
    laptop, phone, tablet = signed_in(user, LAPTOP), signed_in(user, PHONE), signed_in(user)

    response = laptop.post(reverse("accounts:session-end", args=[session_of(phone).pk]), follow=True)

    assert "You have signed out of Chrome Mobile on Android 14 (Pixel 8)." in response.content.decode()
    assert not is_signed_in(phone)
    assert is_signed_in(laptop) and is_signed_in(tablet)
    event = AuditEvent.objects.get(kind=AuditKind.SESSIONS_ENDED)
    assert (event.actor, event.subject) == (user, user)
    assert "Chrome Mobile on Android" in event.detail


def test_another_persons_session_cannot_be_ended():
    intruder = signed_in(UserFactory())
    victim = signed_in(UserFactory())

    response = intruder.post(reverse("accounts:session-end", args=[session_of(victim).pk]))

    assert response.status_code == 404
    assert is_signed_in(victim)


def test_this_devices_session_is_ended_by_signing_out_not_from_the_list():
    user = UserFactory()
    laptop = signed_in(user)
    response = laptop.post(reverse("accounts:session-end", args=[session_of(laptop).pk]), follow=True)
    assert "To sign out on this device, use Sign out." in response.content.decode()
    assert is_signed_in(laptop)


def test_sign_out_everywhere_else_keeps_only_this_session(engine):
    user = UserFactory()
    laptop, phone, tablet = signed_in(user, LAPTOP), signed_in(user, PHONE), signed_in(user)
    other_person = signed_in(UserFactory())

    laptop.post(reverse("accounts:sessions-end-others"))

    assert is_signed_in(laptop)
    assert not is_signed_in(phone) and not is_signed_in(tablet)
    assert is_signed_in(other_person)
    assert AuditEvent.objects.get(kind=AuditKind.SESSIONS_ENDED).detail == "2 other sessions"


def test_changing_the_password_signs_the_person_out_everywhere_else(engine):
    user = UserFactory()
    laptop, phone = signed_in(user), signed_in(user)
    other_person = signed_in(UserFactory())

    laptop.post(reverse("accounts:password-change"), {
        "old_password": PASSWORD,
        "new_password1": "quiet river lantern", "new_password2": "quiet river lantern",
    })

    assert is_signed_in(laptop) and not is_signed_in(phone) and is_signed_in(other_person)
    assert list(UserSession.objects.filter(user=user)) == [session_of(laptop)]


def test_resetting_the_password_signs_the_person_out_everywhere(engine, django_capture_on_commit_callbacks):
    user = UserFactory(email="forgot@example.org")
    laptop, phone = signed_in(user), signed_in(user)
    stranger = Client()
    with django_capture_on_commit_callbacks(execute=True):
        stranger.post(reverse("accounts:password-reset"), {"email": user.email})
    link = next(line for line in mail.outbox[0].body.splitlines() if "/password-reset/" in line)
    form_path = stranger.get("/" + link.split("/", 3)[3], follow=True).redirect_chain[-1][0]

    stranger.post(form_path, {"new_password1": "amber hill station", "new_password2": "amber hill station"})

    assert not is_signed_in(laptop) and not is_signed_in(phone)
    assert not UserSession.objects.filter(user=user).exists()


def test_an_administrator_changing_someones_role_signs_them_out_everywhere(engine, users):
    person = users["tenant"]
    phone, laptop = signed_in(person), signed_in(person)
    admin = signed_in(users["admin"])

    admin.post(f"/accounts/people/{person.pk}/",
               {"role": "officer", "is_active": "on", "version": person.version})

    assert not is_signed_in(phone) and not is_signed_in(laptop)
    assert is_signed_in(admin)
    event = AuditEvent.objects.get(kind=AuditKind.SESSIONS_ENDED)
    assert (event.actor, event.subject) == (users["admin"], person)
    assert event.detail == "2 sessions, after a role change"


def test_saving_someone_unchanged_keeps_them_signed_in(users):
    person = users["tenant"]
    phone = signed_in(person)
    admin = signed_in(users["admin"])
    admin.post(f"/accounts/people/{person.pk}/",
               {"role": "tenant", "is_active": "on", "version": person.version})
    assert is_signed_in(phone)


def test_a_long_list_is_shown_a_page_at_a_time():
    user = UserFactory()
    browsers = [signed_in(user) for _ in range(23)]
    profile = browsers[0].get(reverse("accounts:profile")).content.decode()
    assert profile.count("Sign out of ") == 4  # five shown, this device among them
    assert "See all 23 places you are signed in" in profile
    first = browsers[0].get(reverse("accounts:sessions")).content.decode()
    assert first.count("Sign out of ") == 19 and "Page 1 of 2" in first
    second = browsers[0].get(reverse("accounts:sessions"), {"page": 2}).content.decode()
    assert second.count("Sign out of ") == 3


def test_signing_out_everywhere_else_from_a_session_signed_in_before_the_list_keeps_that_one():
    user = UserFactory()
    laptop, phone = signed_in(user), signed_in(user)
    session = laptop.session
    del session[user_sessions.NOTED]  # as a session from before the list was kept
    session.save()

    laptop.post(reverse("accounts:sessions-end-others"))

    assert is_signed_in(laptop) and not is_signed_in(phone)


def test_a_role_changed_in_djangos_admin_signs_the_person_out_everywhere(users):
    person = users["tenant"]
    phone = signed_in(person)
    superuser = UserFactory(role="admin", is_staff=True, is_superuser=True)
    admin = signed_in(superuser)

    response = admin.post(f"/admin/accounts/user/{person.pk}/change/", {
        "email": person.email, "display_name": person.display_name, "role": "officer", "is_active": "on",
        "phone": "", "postal_address": "", "contact_preference": person.contact_preference,
        "access_needs": "",
    })

    assert response.status_code == 302, response.content.decode()[:3000]
    person.refresh_from_db()
    assert person.role == "officer"
    assert not is_signed_in(phone)
    event = AuditEvent.objects.get(kind=AuditKind.SESSIONS_ENDED)
    assert (event.actor, event.subject, event.detail) == (superuser, person, "1 session, after a role change")
