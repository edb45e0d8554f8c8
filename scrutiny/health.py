"""Health checks for a load balancer and for the container's own health check.

- /healthz/live: the process answers. Touches nothing else: no database, cache, session or
  broker, so it says whether to restart this process and nothing more.
- /healthz/ready: the process can serve: the database and the broker both answer, each within a
  short timeout. 503 with the reason when either does not. Workers are not asked: their state
  is in their heartbeats (scrutiny/heartbeat.py), on the administrators' System health page.
- /healthz: the readiness answer, kept for deployments that call it.

HealthCheckMiddleware answers all three first of all, before the other middleware: no session,
user, CSRF or page cache work, and a probe by internet address (not in ALLOWED_HOSTS) or over
plain HTTP (no HTTPS redirect) is answered too.
"""

import logging
from collections.abc import Callable

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse

from scrutiny import heartbeat

logger = logging.getLogger(__name__)

NO_BROKER = "not configured: tasks run in the web process"


def check_database() -> str:
    """ "ok", or "unavailable" when the database does not answer a trivial query."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return "ok"
    except Exception as exc:  # noqa: BLE001 - any failure is a health fact to report
        logger.warning("Health check: database unavailable: %s", exc)
        return "unavailable"


def check_broker() -> str:
    """ "ok", "unavailable", or NO_BROKER when tasks run in the web process."""
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return NO_BROKER
    client = heartbeat.broker_client()
    try:
        if client is not None:
            client.ping()
        else:  # a broker other than Redis: ask kombu
            from scrutiny.celery import app

            with app.connection_for_write() as conn:
                conn.ensure_connection(max_retries=1, timeout=settings.HEALTH_CHECK_TIMEOUT)
        return "ok"
    except Exception as exc:  # noqa: BLE001 - any failure is a health fact to report
        logger.warning("Health check: broker unavailable: %s", exc)
        return "unavailable"


def readiness() -> tuple[bool, dict[str, str]]:
    """Whether this process can serve and queue work, and what each part said."""
    database, broker = check_database(), check_broker()
    ready = database == "ok" and broker != "unavailable"
    return ready, {"status": "ok" if ready else "unavailable", "database": database, "broker": broker}


def live(request: HttpRequest) -> HttpResponse:
    """The process answers."""
    return _no_store(JsonResponse({"status": "ok"}))


def ready(request: HttpRequest) -> HttpResponse:
    """The database and the broker answer; 503 with the reason when either does not."""
    is_ready, body = readiness()
    response = _no_store(JsonResponse(body, status=200 if is_ready else 503))
    if not is_ready:
        response["Retry-After"] = "10"
    return response


def _no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"
    return response


def system_state() -> dict:
    """What the System health page shows: the database, the broker, each worker's and beat's
    last heartbeat and the tasks waiting, all read without asking any worker."""
    ready, parts = readiness()
    state: dict = {
        "ready": ready, **parts, "workers": [], "beat": None, "waiting": None,
        "heartbeat_every": settings.HEALTH_HEARTBEAT_EVERY, "queue": settings.CELERY_TASK_DEFAULT_QUEUE,
    }
    if parts["broker"] == "ok":
        try:
            state["workers"] = heartbeat.workers()
            state["beat"] = heartbeat.beat()
            state["waiting"] = heartbeat.queue_length()
        except Exception as exc:  # noqa: BLE001 - the broker went between the two calls
            logger.warning("System health: heartbeats unreadable: %s", exc)
            state["broker"] = "unavailable"
    return state


PATHS: dict[str, Callable[[HttpRequest], HttpResponse]] = {
    "/healthz/live": live, "/healthz/ready": ready, "/healthz": ready,
}


class HealthCheckMiddleware:
    """Answers the health checks before any other middleware runs (first in MIDDLEWARE)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        view = PATHS.get(request.path_info)
        if view is not None and request.method in ("GET", "HEAD"):
            return view(request)
        return self.get_response(request)
