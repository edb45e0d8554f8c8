"""The Annual Report to Tenants as a web page, and the panel's assessment in it."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.http import AuthenticatedHttpRequest
from accounts.models import User
from reports import approval, permissions, public, selectors
from reports import assessment as services
from reports.annual import assessable_sections, current_year, kept, words_only, year_of
from reports.apps import PUBLIC_ANNUAL_REPORT
from reports.forms import AnnualReportForm, AssessmentForm
from reports.models import AnnualReport
from scrutiny import switches
from scrutiny.forms import run_form
from scrutiny.permissions import require
from scrutiny.public_cache import NO_FORM_TOKEN, etag_of, not_modified, public_headers

EARLIEST_YEAR = kept.FIRST_YEAR


def _year(year: int) -> int:
    if not EARLIEST_YEAR <= year <= current_year() + 1:
        raise Http404(_("There is no annual report for that year."))
    return year


def annual_page(request: HttpRequest, year: int) -> HttpResponse:
    """The report as an accessible page: for signed-in people, and for everyone once published.
    Its drawing is kept until what it shows changes (reports/annual/kept.py); signed-out visitors
    get it as a public page a browser or proxy may keep (scrutiny/public_cache.py)."""
    year = _year(year)
    if not request.user.is_authenticated:
        return _public_annual_page(request, year)
    large = request.user.large_print_documents
    form = AnnualReportForm(initial={"year": year, "large_print": large})
    report = kept.drawn(year, large_print=large)
    return render(request, "reports/annual.html", {"report": report, "ask_form": form})


def _public_annual_page(request: HttpRequest, year: int) -> HttpResponse:
    """For everyone once published, while the site switch allows: a page the same for everyone,
    kept by browsers, proxies and scrutiny.public_cache.PublicPagesMiddleware."""
    etag = etag_of("reports:annual", public.annual_version(request, year=year))
    report = kept.drawn(year)
    if not (report["public"] and switches.is_on(PUBLIC_ANNUAL_REPORT)):
        return redirect_to_login(request.get_full_path())
    unchanged = not_modified(request, etag)
    if unchanged is not None:
        return unchanged
    response = render(request, "reports/annual.html", {"report": report, "ask_form": None, **NO_FORM_TOKEN})
    return public_headers(response, etag)


@login_required
def assessment(request: AuthenticatedHttpRequest, year: int) -> HttpResponse:
    """The panel's assessment for the year: each section's text, and approving it."""
    year = _year(year)
    record, texts = selectors.assessment(year=year)
    report = selectors.annual_report(year=year)
    sections = [
        {"key": key, "title": title, "text": texts.get(key)} for key, title in _sections(year, report)
    ]
    return render(request, "reports/assessment.html", {
        "year": year_of(year), "record": record, "sections": sections,
        "words_only": words_only(report),
        "can_write": permissions.can_write_assessment(request.user),
        "can_approve": permissions.can_approve_assessment(request.user),
        "can_publish": permissions.can_publish(request.user),
        **_awaiting_approval(request.user, record),
    })


def _sections(year: int, report: dict[str, Any]) -> list[tuple[str, str]]:
    """The sections and outcomes the panel may write on: the year's, and any it already wrote on."""
    found = assessable_sections(year)
    known = {key for key, _ in found}
    kept = [s for s in report["sections"] if s.key.startswith("kept-")]
    return found + [(s.key[len("kept-"):], s.title) for s in kept if s.key[len("kept-"):] not in known]


def _awaiting_approval(user: User, record: AnnualReport | None) -> dict[str, Any]:
    """Until the panel approves: who must, reminding them, and the person's own waiting requests."""
    if record is not None and record.is_approved:
        return {}
    return {
        "approvers": selectors.assessment_approvers(),
        "can_remind": permissions.can_remind_approvers(user),
        "remind_again_at": approval.next_reminder_at(record),
        "my_waiting": list(record.waiting.filter(requested_by=user, made_at__isnull=True)) if record else [],
    }


@login_required
@require_POST
def remind(request: AuthenticatedHttpRequest, year: int) -> HttpResponse:
    """Staff remind the chairs to approve the assessment (once a day at most)."""
    year = _year(year)
    require(permissions.can_remind_approvers(request.user), permissions.REFUSALS["remind"])
    try:
        approval.remind_approvers(year=year, by=request.user)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, _("A reminder is on its way to the panel's chairs."))
    return redirect("reports:assessment", year=year)


@login_required
def assessment_edit(request: AuthenticatedHttpRequest, year: int, section: str) -> HttpResponse:
    """Write the panel's view of one section (one thing per page), kept safe from lost edits."""
    year = _year(year)
    require(permissions.can_write_assessment(request.user), permissions.REFUSALS["write"])
    _record, texts = selectors.assessment(year=year)
    titles = dict(_sections(year, selectors.annual_report(year=year)))
    if section not in titles:
        raise Http404(_("There is no such section."))
    current = texts.get(section)
    form = AssessmentForm(request.POST or None, versioned=current, initial={
        "text": (current.text_en_gb or "") if current else "",
        "text_cy": (current.text_cy or "") if current else "",
    })
    done = run_form(
        request, form, lambda data: services.save_section(
            year=year, section=section, text=data["text"], text_cy=data.get("text_cy"),
            version=data.get("version") if current else None, by=request.user,
        ),
        success=_("The panel's view of \"%(section)s\" has been saved.") % {"section": titles[section]},
        redirect_to=reverse("reports:assessment", kwargs={"year": year}),
    )
    return done or render(request, "reports/assessment_form.html", {
        "form": form, "year": year_of(year), "section_title": titles[section],
    })


@login_required
@require_POST
def approve(request: AuthenticatedHttpRequest, year: int) -> HttpResponse:
    year = _year(year)
    try:
        services.approve(year=year, by=request.user)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, _("The panel's assessment is approved. The report can now be made."))
        alone = words_only(selectors.annual_report(year=year))
        if alone:
            messages.warning(request, _("These parts of the report have the panel's words but no figures, "
                                        "so readers will see the words alone: %(parts)s.")
                             % {"parts": "; ".join(alone)})
    return redirect("reports:assessment", year=year)


@login_required
@require_POST
def publish(request: AuthenticatedHttpRequest, year: int) -> HttpResponse:
    year = _year(year)
    published = request.POST.get("published") == "yes"
    try:
        services.publish(year=year, by=request.user, published=published)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, _("The report is now on the public site.") if published
                         else _("The report is no longer on the public site."))
    return redirect("reports:assessment", year=year)
