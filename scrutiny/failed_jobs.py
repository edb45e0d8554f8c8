"""Background jobs that failed, for administrators: what each was about, why it failed in plain
words, and a way to try it again (the page is scrutiny/views_jobs.py).

A job that fails is tried again by itself (Celery's retries, then the outbox's re-queue, see
scrutiny/jobs.py) until it has been tried JOB_MAX_ATTEMPTS times; then it gives up and waits here
for a person. Each app
says in words what its jobs are about with `describes` (see accounts/tasks.py)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from scrutiny import audit, jobs
from scrutiny.models import AuditKind, Job
from scrutiny.permissions import ADMIN_REFUSAL, can_administer, require

if TYPE_CHECKING:
    from django.contrib.auth.models import _User as User
    from django_stubs_ext import StrOrPromise

# task name -> function(jobs of that task) -> {job id: what it was about}; one query per kind.
Describer = Callable[[list[Job]], dict[int, str]]
_describers: dict[str, Describer] = {}
_plain_names: dict[str, StrOrPromise] = {}  # lazy: said in the page's language

# The start of a failure's technical text -> what it means, in words an administrator knows.
_PLAIN_ERRORS: list[tuple[tuple[str, ...], Promise]] = [
    (("SMTP",), _("The mail server refused the email or closed the connection.")),
    (("TimeLimitExceeded", "SoftTimeLimitExceeded"),
     _("It took longer than the time allowed and was stopped.")),
    (("WorkerLostError",), _("The worker doing it stopped before it finished (restarted or out of memory).")),
    (("OperationalError", "InterfaceError"), _("The database could not be reached at the time.")),
    (("DoesNotExist", "ObjectDoesNotExist"), _("What it was about has since been deleted.")),
    (("TimeoutError", "timeout"),
     _("Another service (such as the mail server) did not answer in time.")),
    (("ConnectionRefusedError", "ConnectionResetError", "ConnectionError", "gaierror"),
     _("Another service (such as the mail server) could not be reached.")),
    (("OSError", "PermissionError", "FileNotFoundError", "IOError"),
     _("A network or disk problem stopped it.")),
]
NO_ERROR = _("The worker doing it stopped before it finished, each time it was tried.")
UNKNOWN_ERROR = _("Something unexpected went wrong; the technical details below help a developer.")


def describes(task: Any, plain_name: StrOrPromise) -> Callable[[Describer], Describer]:
    """Register, for one task, its name in words and how to say what each of its jobs is about."""

    def register(describer: Describer) -> Describer:
        _describers[task.name] = describer
        _plain_names[task.name] = plain_name
        return describer

    return register


def by_first_argument(jobs_: list[Job], queryset: QuerySet, say: Callable[[Any], str],
                      missing: StrOrPromise) -> dict[int, str]:
    """Describe jobs whose first argument is a row's id, with one query for all of them."""
    ids = {job.args[0] for job in jobs_ if job.args}
    found = {row.pk: row for row in queryset.filter(pk__in=ids)}
    return {job.pk: say(found[job.args[0]]) if job.args and job.args[0] in found else str(missing)
            for job in jobs_}


def plain_error(last_error: str) -> str:
    """What a job's last failure means, in plain words."""
    if not last_error.strip():
        return str(NO_ERROR)
    # Saved as repr(exception): the class name comes first, e.g. "SMTPServerDisconnected('...')".
    kind = last_error.strip().split("(", 1)[0].rsplit(".", 1)[-1]
    for starts, words in _PLAIN_ERRORS:
        if kind.startswith(starts):
            return str(words)
    return str(UNKNOWN_ERROR)


def failed() -> QuerySet[Job]:
    """Jobs not done that gave up, or whose last attempt failed, those that gave up first."""
    from django.db.models import Case, IntegerField, Value, When

    return (
        Job.objects.filter(done_at__isnull=True)
        .filter(Q(attempts__gte=settings.JOB_MAX_ATTEMPTS) | ~Q(last_error=""))
        .annotate(gave_up=Case(When(attempts__gte=settings.JOB_MAX_ATTEMPTS, then=Value(1)),
                               default=Value(0), output_field=IntegerField()))
        .order_by("-gave_up", "-created_at", "-pk")
    )


@dataclass(frozen=True)
class FailedJob:
    job: Job
    what: str
    about: str
    error: str
    gave_up: bool


def explain(page: Iterable[Job]) -> list[FailedJob]:
    """The jobs of one page, each with what it was about and its failure in words."""
    from scrutiny.celery import app

    app.loader.import_default_modules()  # every app's tasks, and so their describers
    page = list(page)
    by_task: dict[str, list[Job]] = defaultdict(list)
    for job in page:
        by_task[job.task].append(job)
    about: dict[int, str] = {}
    for task, its_jobs in by_task.items():
        if task in _describers:
            about.update(_describers[task](its_jobs))
    return [
        FailedJob(
            job=job, what=str(_plain_names.get(job.task, job.task)), about=about.get(job.pk, ""),
            error=plain_error(job.last_error), gave_up=job.attempts >= settings.JOB_MAX_ATTEMPTS,
        )
        for job in page
    ]


def try_again(*, job_id: int, by: User, request: HttpRequest | None = None) -> Job:
    """Give a failed job a fresh set of attempts and queue it now, noting who asked."""
    require(can_administer(by), ADMIN_REFUSAL)
    with transaction.atomic():
        job = Job.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.done_at is not None:
            raise ValidationError(gettext("That job has been done or removed since the page was loaded."))
        if job.leased_until is not None and job.leased_until > timezone.now():
            raise ValidationError(gettext("That job is being tried right now; look again in a few minutes."))
        job.attempts = 0
        job.leased_until = job.gave_up_at = None
        job.save(update_fields=["attempts", "leased_until", "gave_up_at"])
        audit.record(kind=AuditKind.JOB_RETRIED, actor=by, request=request,
                     detail=f"{_plain_names.get(job.task, job.task)} (job {job.pk})")
        transaction.on_commit(lambda: jobs.send(job))
    return job
