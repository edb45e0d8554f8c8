from typing import Any

from django.http import HttpRequest

from scrutiny.models import SiteSettings


def site(request: HttpRequest) -> dict[str, Any]:
    return {"site_settings": SiteSettings.for_request(request)}
