"""The one form-service-redirect helper every edit page uses."""

from django import forms
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from scrutiny.forms import run_form


class NameForm(forms.Form):
    name = forms.CharField()


def _request(method, data=None):
    request = getattr(RequestFactory(), method)("/somewhere/", data or {})
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def test_a_get_shows_the_form_and_calls_nothing():
    called = []
    assert run_form(_request("get"), NameForm(), called.append) is None
    assert called == []


def test_a_valid_post_calls_the_service_says_so_and_redirects():
    request = _request("post", {"name": "Morag"})
    response = run_form(request, NameForm(request.POST), lambda data: data["name"],
                        success=lambda name: f"{name} is saved.", redirect_to="/done/")
    assert response.status_code == 302 and response["Location"] == "/done/"
    assert [str(m) for m in request._messages] == ["Morag is saved."]


def test_a_services_refusal_goes_on_the_form_and_keeps_what_was_typed():
    def refuse(data):
        raise ValidationError({"name": "That name is taken.", "other": "Something else."})

    request = _request("post", {"name": "Morag"})
    form = NameForm(request.POST)
    assert run_form(request, form, refuse, success="Saved.", redirect_to="/done/") is None
    assert form.errors["name"] == ["That name is taken."]
    assert form.non_field_errors() == ["Something else."]
    assert form["name"].value() == "Morag"
    assert list(request._messages) == []
