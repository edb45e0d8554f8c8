"""Performance figures: each indicator's yearly value, target, previous year and peer average."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext, ngettext

from accounts.http import AuthenticatedHttpRequest
from assessments import imports, permissions, selectors, services
from assessments.forms import FigureForm, FiguresImportForm
from assessments.models import Framework, Indicator, IndicatorValue
from scrutiny import charts
from scrutiny.forms import run_form
from scrutiny.permissions import require
from scrutiny.query import number_in


def _year(request: AuthenticatedHttpRequest, framework: Framework) -> tuple[int, str]:
    """The year asked for in the address; else the latest with figures, with a message saying why
    when the address asked for a year figures cannot be entered for (too far back or ahead, not a
    number, too big for the database)."""
    allowed = selectors.figure_years()
    year = number_in(request.GET, "year", low=allowed[-1], high=allowed[0])
    if year is not None:
        return year, ""
    years = selectors.indicator_years(framework=framework)
    latest = years[0] if years else selectors.default_year()
    if not request.GET.get("year", "").strip():
        return latest, ""
    return latest, (
        gettext("There are no figures for the year in the address, so this shows %(shown)s. "
                "Choose a year between %(first)s and %(last)s.") % {
            "shown": selectors.year_label(latest), "first": selectors.year_label(allowed[-1]),
            "last": selectors.year_label(allowed[0])}
    )


def figure_charts(rows: list[selectors.IndicatorRow], year: int) -> list[charts.Chart]:
    """One small bar chart per unit: this year, last year and the target side by side."""
    groups: dict[str, list] = {}
    for row in rows:
        if row.value is not None or row.previous is not None:
            groups.setdefault(row.indicator.unit, []).append(row)
    made = []
    for unit, items in groups.items():
        made.append(
            charts.bar(
                title=(gettext("Figures in %(unit)s: %(year)s and the year before") % {
                    "unit": unit, "year": selectors.year_label(year)} if unit else
                    gettext("Figures in numbers: %(year)s and the year before") % {
                        "year": selectors.year_label(year)}),
                description=gettext(
                    "Each indicator's figure this year beside last year's and its target. "
                    "For some indicators a lower figure is better: the table below says which."),
                labels=[charts.short_label(r.indicator.title) for r in items],
                series={
                    selectors.year_label(year - 1): [r.previous for r in items],
                    selectors.year_label(year): [r.value for r in items],
                    gettext("Target"): [r.target for r in items],
                },
                unit="%" if unit == "%" else "",
                horizontal=True,
            )
        )
    return made


@login_required
def figures(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    framework = get_object_or_404(Framework, pk=pk)
    require(permissions.can_view_figures(request.user))
    year, year_error = _year(request, framework)
    rows = selectors.indicator_table(framework=framework, year=year)
    return render(
        request,
        "assessments/figures.html",
        {
            "framework": framework,
            "rows": rows,
            "year": year,
            "year_label": selectors.year_label(year),
            "years": selectors.figure_years(),
            "year_error": year_error,
            "charts": figure_charts(rows, year),
            "can_enter": permissions.can_enter_figures(request.user),
        },
    )


@login_required
def edit_figure(request: AuthenticatedHttpRequest, pk: int, year: int) -> HttpResponse:
    indicator = get_object_or_404(Indicator.objects.select_related("framework"), pk=pk)
    require(permissions.can_enter_figures(request.user), gettext("Only staff can enter performance figures."))
    if year not in selectors.figure_years():
        raise Http404(gettext("No such year."))
    saved = IndicatorValue.objects.filter(indicator=indicator, year=year).first()
    initial = {}
    if saved:
        initial = {
            "value": saved.value,
            "target": saved.target,
            "peer_average": saved.peer_average,
            "note": saved.note,
        }
    form = FigureForm(request.POST or None, initial=initial, versioned=saved)

    def save(data: dict[str, Any]) -> IndicatorValue:
        data = dict(data)
        return services.save_indicator_value(
            indicator=indicator, year=year, by=request.user, version=data.pop("version", None), **data
        )

    # A conflict keeps both texts; a figure someone entered meanwhile becomes the one to replace.
    done = run_form(
        request, form, save, success=f"{indicator.code} for {selectors.year_label(year)} is saved.",
        redirect_to=reverse("assessments:figures", args=[indicator.framework_id]) + f"?year={year}",
    )
    return done or render(
        request,
        "assessments/figure_form.html",
        {
            "indicator": indicator,
            "year": year,
            "year_label": selectors.year_label(year),
            "form": form,
        },
    )


@login_required
def import_figures(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    framework = get_object_or_404(Framework, pk=pk)
    require(permissions.can_enter_figures(request.user), gettext("Only staff can enter performance figures."))
    form = FiguresImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        try:
            count = imports.import_figures(
                framework=framework, by=request.user, data=form.cleaned_data["file"].read()
            )
        except imports.ImportFailed as exc:
            errors = exc.errors
            form.add_error(
                "file",
                ngettext("Nothing was imported: %(count)s problem in the file (listed below).",
                         "Nothing was imported: %(count)s problems in the file (listed below).",
                         len(errors)) % {"count": len(errors)},
            )
        else:
            imported = ngettext("%(count)s figure imported.", "%(count)s figures imported.", count)
            messages.success(request, imported % {"count": count})
            return redirect("assessments:figures", pk=framework.pk)
    return render(
        request,
        "assessments/import_figures.html",
        {
            "framework": framework,
            "form": form,
            "errors": errors,
            "codes": list(framework.indicators.values_list("code", flat=True)[:3]),
        },
    )
