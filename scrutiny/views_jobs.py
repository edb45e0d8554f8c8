"""Failed background jobs: administrators see what failed and why, and try a job again."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from scrutiny import failed_jobs
from scrutiny.http import AuthenticatedHttpRequest
from scrutiny.permissions import role_required

PAGE_SIZE = 25
REFUSAL = _("Only administrators can see and retry background jobs.")


@role_required("admin", message=REFUSAL)
def failed_jobs_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Jobs that gave up or whose last attempt failed, a page at a time."""
    page = Paginator(failed_jobs.failed(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "failed_jobs.html", {
        "page": page, "jobs": failed_jobs.explain(page.object_list),
        "max_attempts": settings.JOB_MAX_ATTEMPTS,
    })


@require_POST
@role_required("admin", message=REFUSAL)
def try_again(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Queue one failed job again now."""
    try:
        job = failed_jobs.try_again(job_id=pk, by=request.user, request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, gettext("Job %(number)s has been queued again. If it works it leaves this "
                                          "list.") % {"number": job.pk})
    page = request.POST.get("page", "")
    return redirect(reverse("failed-jobs") + (f"?page={page}" if page.isdecimal() else ""))
