"""Signing out, with the browser told to forget what this site kept on the device.

Phones are shared (a panel's phone, a family's): a visit form kept for use with no signal, its
answers waiting in the browser and the pages it cached must not be left for the next person.
The sign-out response carries `Clear-Site-Data: "cache", "storage"`, which makes the browser
delete this site's HTTP cache, Cache Storage, IndexedDB, web storage and service workers; the
sign-in page it lands on also deletes them from a script (static/js/scrutiny.js), for browsers
that ignore the header. The sign-out button warns first if answers have not been sent yet."""

from typing import Any

from django.contrib.auth.views import LogoutView
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

CLEAR_SITE_DATA = '"cache", "storage"'
SIGNED_OUT = "signed-out"  # the query word that tells the sign-in page to clear up too


class SignOutView(LogoutView):
    def get_success_url(self) -> str:
        return f"{reverse('accounts:login')}?{SIGNED_OUT}=1"

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().post(request, *args, **kwargs)
        response["Clear-Site-Data"] = CLEAR_SITE_DATA
        return response
