from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.http import AuthenticatedHttpRequest
from mysteryshop import permissions as perms
from mysteryshop import selectors, services
from mysteryshop.forms import FindingFromVisitsForm
from mysteryshop.models import Standard
from mysteryshop.selectors import ProgrammeSummary
from mysteryshop.views.visits import get_programme
from scrutiny import charts
from scrutiny.charts import Chart
from scrutiny.forms import run_form
from scrutiny.permissions import require


def programme_charts(summary: ProgrammeSummary) -> dict[str, Chart]:
    """The dashboard's charts, from the programme summary's numbers (no queries)."""
    month_labels = [date_format(m, "M Y") for m in summary.months]
    return {
        "by_site": charts.bar(
            title=_("Average score by site"), unit="%", max_value=100, horizontal=True,
            description=_("The average visit score at each site, as a percentage."),
            labels=[r["label"] for r in summary.by_site],
            series={_("Average score"): [r["score"] for r in summary.by_site]},
        ),
        "by_channel": charts.bar(
            title=_("Average score by channel"), unit="%", max_value=100, horizontal=True,
            description=_("The average visit score for each way of contact, as a percentage."),
            labels=[r["label"] for r in summary.by_channel],
            series={_("Average score"): [r["score"] for r in summary.by_channel]},
        ),
        "trend": charts.line(
            title=_("Each site's score month by month"), unit="%", max_value=100,
            description=_("The average visit score at each site in each month; gaps are months "
                          "with no visit to that site."),
            labels=month_labels, series={r["site"]: r["scores"] for r in summary.site_trend},
            dots=False,  # a dot per site per month is most of the page's size and drawing time
        ),
    }


@login_required
def dashboard(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    review = get_programme(request, pk)
    summary = selectors.programme_summary(review=review)
    # A standard already made a finding links to it, where its follow-up visits are shown.
    sources = selectors.finding_sources(review=review, keys=[row["key"] for row in summary.failing])
    for row in summary.failing:
        row["source"] = sources.get(row["key"])
    return render(request, "mysteryshop/dashboard.html", {
        "review": review, "summary": summary, "charts": programme_charts(summary),
        "can_raise": perms.can_raise_finding(request.user, review),
    })


@login_required
def finding_from_standard(request: AuthenticatedHttpRequest, pk: int, standard_pk: int) -> HttpResponse:
    """Turn a standard failed on one or more visits into a finding of the review."""
    review = get_programme(request, pk)
    require(perms.can_raise_finding(request.user, review), perms.SHOPPERS_ONLY)
    standard = get_object_or_404(Standard, pk=standard_pk)
    failing = selectors.visits_failing(review=review, standard=standard)
    chosen = request.GET.get("visit")
    picked: list[str | int] = [chosen] if chosen else list(failing.values_list("pk", flat=True)[:50])
    initial = {
        "visits": picked,
        "statement": _("Standard not met: %(question)s") % {"question": standard.question},
    }
    form = FindingFromVisitsForm(request.POST or None, visits=failing, initial=initial)
    done = run_form(
        request, form, lambda data: services.raise_finding(
            by=request.user, review=review, standard=standard, visits=list(data["visits"]),
            statement=data["statement"],
        ), success=_("The finding has been logged with the visits as its evidence."),
    )
    return done or render(request, "mysteryshop/form.html", {
        "form": form, "review": review, "heading": _("Make a finding from a standard not met"),
        "intro": ngettext(
            "The standard: %(question)s. %(count)s submitted visit did not meet it.",
            "The standard: %(question)s. %(count)s submitted visits did not meet it.", failing.count(),
        ) % {"question": standard.question, "count": failing.count()},
        "submit_label": _("Log the finding"),
        "cancel_url": reverse("mysteryshop:dashboard", args=[review.pk]),
    })
