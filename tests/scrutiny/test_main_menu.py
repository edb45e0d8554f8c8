"""The main menu of every page, drawn once per process for each set of what it reads
(scrutiny/templatetags/extensions.py main_menu): each person still sees their own."""

import re

import pytest

from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db


def menu(page: str) -> str:
    return re.search(r'<ul class="navbar-nav me-auto">(.*?)</ul>', page, re.S).group(1)


def drew_menu(response) -> bool:
    return "includes/nav_items.html" in [t.name for t in response.templates]


def test_a_tenant_sees_the_apps_links_and_no_administration(client):
    client.force_login(UserFactory(role="tenant"))
    shown = menu(client.get("/accessibility").content.decode())
    assert '<a class="nav-link" href="/panels/">Panels</a>' in shown
    assert '<a class="nav-link" href="/reviews/">Reviews</a>' in shown
    assert "Administration" not in shown
    assert "aria-current" not in shown


def test_an_administrator_then_a_tenant_each_see_their_own_menu(client):
    client.force_login(UserFactory(role="admin"))
    assert '<a class="nav-link" href="/administration/">Administration</a>' in menu(
        client.get("/accessibility").content.decode())
    client.force_login(UserFactory(role="tenant"))
    assert "Administration" not in menu(client.get("/accessibility").content.decode())


def test_the_page_open_is_marked_current_in_the_menu(client):
    client.force_login(UserFactory(role="manager"))
    shown = menu(client.get("/panels/").content.decode())
    assert '<a class="nav-link" href="/panels/" aria-current="page">Panels</a>' in shown
    shown = menu(client.get("/reviews/").content.decode())
    assert '<a class="nav-link" href="/reviews/" aria-current="page">Reviews</a>' in shown
    assert '<a class="nav-link" href="/panels/">Panels</a>' in shown


def test_the_welsh_menu_after_the_english_one_is_in_welsh(client):
    client.force_login(UserFactory(role="tenant"))
    client.get("/accessibility")
    shown = menu(client.get("/cy/accessibility").content.decode())
    assert '<a class="nav-link" href="/cy/panels/">Paneli</a>' in shown


def test_the_menu_is_drawn_once_for_the_same_page_and_person_and_again_for_another(client):
    client.force_login(UserFactory(role="tenant"))
    assert drew_menu(client.get("/accessibility"))
    assert not drew_menu(client.get("/accessibility"))
    assert drew_menu(client.get("/panels/"))
    client.force_login(UserFactory(role="admin"))
    assert drew_menu(client.get("/accessibility"))
