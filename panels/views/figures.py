"""Volunteering figures for a period: every panel together, and each member of one panel."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from accounts.http import AuthenticatedHttpRequest
from panels import permissions, selectors
from panels.forms import PeriodForm
from panels.views.common import viewable_panel
from scrutiny.permissions import require


@login_required
def figures(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(
        permissions.can_view_all_figures(request.user),
        _("Volunteering figures for every panel are for staff. Your own are on your page."),
    )
    period_form = PeriodForm(request.GET or None)
    period = period_form.period()
    return render(
        request,
        "panels/figures.html",
        {
            "period_form": period_form,
            "period": period,
            "rows": selectors.panel_figures(period=period),
            "total": selectors.totals(period=period),
        },
    )


@login_required
def panel_figures(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    panel = viewable_panel(request, pk)
    require(
        permissions.can_view_panel_figures(request.user, panel),
        _("Each member's figures are for staff and the panel's chair and officers."),
    )
    period_form = PeriodForm(request.GET or None)
    period = period_form.period()
    return render(
        request,
        "panels/panel_figures.html",
        {
            "panel": panel,
            "period_form": period_form,
            "period": period,
            "panel_total": selectors.panel_figures(period=period, panels=[panel])[0][1],
            "rows": selectors.member_figures(panel=panel, period=period),
        },
    )
