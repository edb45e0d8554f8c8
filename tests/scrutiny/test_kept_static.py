"""{% static %} gives each file's address once per process (scrutiny/templatetags/quick_static.py),
the same address as Django's tag."""

from django.contrib.staticfiles.storage import staticfiles_storage
from django.template import engines
from django.templatetags.static import StaticNode
from django.test import override_settings


def drawn(text: str) -> str:
    return engines["django"].from_string(text).render({})


def test_the_address_is_djangos_and_escaped_as_its_is():
    css = drawn("{% load static %}{% static 'css/scrutiny.css' %}")
    assert css == staticfiles_storage.url("css/scrutiny.css")
    assert drawn("{% load static %}{% static 'a b&c.css' %}") == "/static/a%20b%26c.css"
    named = drawn("{% load static %}{% static 'js/scrutiny.js' as js %}[{{ js }}]")
    assert named == "[/static/js/scrutiny.js]"


def test_the_address_is_worked_out_once(monkeypatch):
    drawn("{% load static %}{% static 'css/scrutiny.css' %}")
    asked = []
    monkeypatch.setattr(StaticNode, "handle_simple", classmethod(lambda cls, path: asked.append(path) or "x"))
    assert drawn("{% load static %}{% static 'css/scrutiny.css' %}") == "/static/css/scrutiny.css"
    assert asked == []


def test_a_new_static_url_gives_new_addresses():
    drawn("{% load static %}{% static 'css/scrutiny.css' %}")
    with override_settings(STATIC_URL="/elsewhere/"):
        assert drawn("{% load static %}{% static 'css/scrutiny.css' %}") == "/elsewhere/css/scrutiny.css"
    assert drawn("{% load static %}{% static 'css/scrutiny.css' %}") == "/static/css/scrutiny.css"
