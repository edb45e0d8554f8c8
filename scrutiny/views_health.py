"""System health: administrators see the database, the task queue, each background worker's and
the scheduler's last heartbeat, and the tasks waiting (scrutiny/health.py)."""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from scrutiny import health
from scrutiny.http import AuthenticatedHttpRequest
from scrutiny.permissions import role_required

REFUSAL = _("Only administrators can see the system's health.")


@never_cache
@role_required("admin", message=REFUSAL)
def system_health(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The deep check: read from heartbeats and the broker, never by asking a worker."""
    state = health.system_state()
    return render(request, "system_health.html", {"state": state})
