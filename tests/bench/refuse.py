"""A middleware that answers every request itself, to show which handlers run middleware."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


class RefuseAll:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return HttpResponse("refused", status=418)
