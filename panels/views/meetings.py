"""Meetings: the list, one meeting's page, arranging, papers, decisions, actions, attendance."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.http import AuthenticatedHttpRequest
from accounts.models import User
from panels import kept_parts, permissions, selectors, services
from panels.calendar import meeting_calendar
from panels.forms import (
    ApologiesForm,
    AttendanceForm,
    MeetingEditForm,
    MeetingForm,
    MeetingItemForm,
    PaperForm,
)
from panels.models import MeetingItem, MeetingItemKind, MeetingPaper, Membership
from panels.views.common import (
    MANAGERS_ONLY,
    NOT_YOUR_PANEL,
    managed_meeting,
    managed_panel,
    viewable_meeting,
    viewable_panel,
)
from scrutiny import uploads
from scrutiny.forms import run_form
from scrutiny.permissions import require


@login_required
def meeting_list(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    panel = viewable_panel(request, pk)
    user = request.user
    is_member = permissions.is_member(user, panel)
    page = request.GET.get("page", "")[:20]

    def draw() -> tuple[dict[str, Any], int]:
        past = Paginator(selectors.past_meetings(panel, user), 20).get_page(page)
        upcoming = list(selectors.upcoming_meetings(panel, user))
        context = {"upcoming": upcoming, "past": past, "is_member": is_member}
        return context, kept_parts.until_first_ends(upcoming)

    # Kept for each person (their own attendance shows), under the panel's meetings version.
    meeting_lists, _facts = kept_parts.kept(
        "panels:meeting-lists", template="panels/_meeting_lists.html",
        keys=[kept_parts.meetings_key(panel.pk)], varies=[panel.pk, user.pk, is_member, page], draw=draw,
    )
    return render(
        request,
        "panels/meeting_list.html",
        {
            "panel": panel,
            "meeting_lists": meeting_lists,
            "can_manage": permissions.can_manage_panel(user, panel),
        },
    )


@login_required
def new_meeting(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    panel = managed_panel(request, pk)
    title = _("%(panel)s meeting") % {"panel": panel.name}
    form = MeetingForm(request.POST or None, initial={"title": title})
    done = run_form(
        request, form, lambda data: services.create_meeting(panel=panel, by=request.user, **data),
        success=_("The meeting has been arranged. Members see it on their home page."),
    )
    return done or render(request, "panels/meeting_form.html", {"panel": panel, "form": form})


@login_required
def meeting_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    meeting = viewable_meeting(request, pk)
    user = request.user
    can_manage = permissions.can_manage_meeting(user, meeting)
    context: dict[str, Any] = {
        "meeting": meeting,
        "panel": meeting.panel,
        "mine": selectors.my_attendance(meeting, user),
        "is_member": permissions.is_member(user, meeting.panel_id),
        "can_manage": can_manage,
        **selectors.meeting_page(meeting),
    }
    if can_manage:
        people = User.objects.filter(
            pk__in=Membership.objects.current(meeting.date).filter(panel=meeting.panel_id).values("user")
        )
        context["item_form"] = MeetingItemForm(people=people)
        context["paper_form"] = PaperForm()
    return render(request, "panels/meeting_detail.html", context)


@login_required
def edit_meeting(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    meeting = managed_meeting(request, pk)
    form = MeetingEditForm(request.POST or None, instance=meeting)
    done = run_form(
        request, form, lambda data: services.update_meeting(meeting=meeting, by=request.user, **data),
        success=_("The meeting has been saved."), redirect_to=meeting,
    )
    return done or render(
        request, "panels/meeting_form.html", {"panel": meeting.panel, "meeting": meeting, "form": form}
    )


@login_required
def meeting_ics(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    meeting = viewable_meeting(request, pk)
    return meeting_calendar(request, meeting)


@login_required
def apologies(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    meeting = viewable_meeting(request, pk)
    require(
        permissions.is_member(request.user, meeting.panel_id), _("Only members of the panel send apologies.")
    )
    if not meeting.is_upcoming:
        messages.error(
            request, _("This meeting has already happened or was cancelled, so apologies are closed.")
        )
        return redirect(meeting)
    mine = selectors.my_attendance(meeting, request.user)
    form = ApologiesForm(request.POST or None, initial={"note": mine.note if mine else ""})
    done = run_form(
        request, form, lambda data: services.send_apologies(meeting=meeting, user=request.user, **data),
        success=_("Your apologies have been sent. Thank you for letting the panel know."),
        redirect_to=meeting,
    )
    return done or render(
        request, "panels/apologies.html", {"meeting": meeting, "panel": meeting.panel, "form": form}
    )


@require_POST
@login_required
def withdraw_apologies(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    meeting = viewable_meeting(request, pk)
    require(
        permissions.is_member(request.user, meeting.panel_id), _("Only members of the panel send apologies.")
    )
    try:
        services.withdraw_apologies(meeting=meeting, user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request, _("Your apologies have been withdrawn: the panel expects you at the meeting.")
        )
    return redirect(meeting)


@login_required
def attendance(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    meeting = managed_meeting(request, pk)
    rows = selectors.attendance_sheet(meeting)
    form = AttendanceForm(request.POST or None, rows=rows, meeting=meeting)
    done = run_form(
        request, form,
        lambda data: services.record_attendance(meeting=meeting, by=request.user, entries=form.entries()),
        success=_("Attendance has been saved."), redirect_to=meeting,
    )
    return done or render(
        request,
        "panels/attendance_form.html",
        {
            "meeting": meeting,
            "panel": meeting.panel,
            "form": form,
            "rows": rows,
        },
    )


@login_required
def add_paper(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    meeting = managed_meeting(request, pk)
    form = PaperForm(request.POST or None, request.FILES or None)
    done = run_form(
        request, form, lambda data: services.add_paper(meeting=meeting, by=request.user, **data),
        success=_("The paper has been added."), redirect_to=meeting,
    )
    return done or render(
        request, "panels/paper_form.html", {"meeting": meeting, "panel": meeting.panel, "form": form}
    )


@login_required
def paper(request: AuthenticatedHttpRequest, pk: int) -> FileResponse:
    paper = get_object_or_404(MeetingPaper.objects.select_related("meeting"), pk=pk)
    require(permissions.can_view_meeting(request.user, paper.meeting), NOT_YOUR_PANEL)
    return uploads.serve(paper.file, download_name=paper.title)


@require_POST
@login_required
def remove_paper(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    paper = get_object_or_404(MeetingPaper.objects.select_related("meeting"), pk=pk)
    require(permissions.can_manage_meeting(request.user, paper.meeting), MANAGERS_ONLY)
    services.remove_paper(paper=paper, by=request.user)
    messages.success(request, _("“%(title)s” has been removed.") % {"title": paper.title})
    return redirect(paper.meeting)


@login_required
def add_item(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    meeting = managed_meeting(request, pk)
    people = User.objects.filter(
        pk__in=Membership.objects.current(meeting.date).filter(panel=meeting.panel_id).values("user")
    )
    form = MeetingItemForm(request.POST or None, people=people)
    done = run_form(
        request, form, lambda data: services.add_item(meeting=meeting, by=request.user, **data),
        success=lambda item: _("The action has been recorded.") if item.kind == MeetingItemKind.ACTION
        else _("The decision has been recorded."),
        redirect_to=meeting,
    )
    return done or render(
        request, "panels/item_form.html", {"meeting": meeting, "panel": meeting.panel, "form": form}
    )


@require_POST
@login_required
def remove_item(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(MeetingItem.objects.select_related("meeting"), pk=pk)
    require(permissions.can_manage_meeting(request.user, item.meeting), MANAGERS_ONLY)
    services.remove_item(item=item, by=request.user)
    messages.success(request, _("The action has been removed.") if item.kind == MeetingItemKind.ACTION
                     else _("The decision has been removed."))
    return redirect(item.meeting)
