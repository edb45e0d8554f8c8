"""Reads for the panel list, the panel page, its members and their training."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    Min,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Lower, Trim
from django.utils import timezone

from panels.models import Meeting, Membership, Panel, PanelInvitation, PanelRole, Training
from panels.models.training import REFRESHER_NOTICE_DAYS
from panels.permissions import panel_ids_for
from scrutiny.permissions import is_staff_role

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from accounts.models import User
    from scrutiny.permissions import Person

# Chairs first, then the people who support the panel, then members, each in name order.
ROLE_ORDER = Case(
    When(role=PanelRole.CHAIR, then=Value(0)),
    When(role=PanelRole.VICE_CHAIR, then=Value(1)),
    When(role=PanelRole.SUPPORTING_OFFICER, then=Value(2)),
    When(role=PanelRole.INDEPENDENT_ADVISER, then=Value(3)),
    default=Value(4),
    output_field=IntegerField(),
)


def _current_member_count() -> Coalesce:
    today = timezone.localdate()
    counted = (
        Membership.objects.current(today)
        .filter(panel=OuterRef("pk"))
        .order_by()
        .values("panel")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def _next_meeting_date() -> Subquery:
    upcoming = Meeting.objects.upcoming().filter(panel=OuterRef("pk")).values("date")[:1]
    return Subquery(upcoming)


def visible_panels(user: Person, *, closed: bool = False) -> QuerySet[Panel]:
    """Panels the person may see (all for staff, their own for tenants), with member counts and
    the date of each panel's next meeting; open panels unless closed=True."""
    panels = Panel.objects.filter(is_active=not closed)
    if not is_staff_role(user):
        panels = panels.filter(pk__in=panel_ids_for(user))
    return panels.annotate(member_count=_current_member_count(), next_meeting_date=_next_meeting_date())


def current_members(panel: Panel) -> QuerySet[Membership]:
    """Today's members of the panel with their accounts, chairs and officers first."""
    return (
        Membership.objects.current()
        .filter(panel=panel)
        .select_related("user")
        .annotate(role_order=ROLE_ORDER)
        .order_by("role_order", "user__display_name")
    )


def past_members(panel: Panel) -> QuerySet[Membership]:
    """Spells that have ended, most recent leavers first."""
    today = timezone.localdate()
    return (
        Membership.objects.filter(panel=panel, left_on__lte=today)
        .select_related("user")
        .order_by("-left_on", "user__display_name")
    )


def pending_places(panel: Panel) -> QuerySet[PanelInvitation]:
    """Places kept for people invited to the site who have not accepted yet."""
    return PanelInvitation.objects.filter(
        panel=panel, membership__isnull=True, invitation__accepted_at__isnull=True
    ).select_related("invitation", "invited_by").order_by("-created_at", "-pk")


def panel_training(panel: Panel) -> QuerySet[Membership]:
    """Today's members of the panel, each with their training records (newest first)."""
    return current_members(panel).prefetch_related(
        Prefetch("user__training", queryset=Training.objects.order_by("course", "-completed_on"))
    )


def latest_by_course(records: Iterable[Training]) -> dict[str, Training]:
    """The newest record of each course (names matched ignoring case and spaces at the ends):
    a course someone has refreshed is judged by the refresher, not the old certificate."""
    latest = {}
    for record in sorted(records, key=lambda r: r.completed_on, reverse=True):
        latest.setdefault(record.course.strip().lower(), record)
    return latest


def due_for_refresher(records: Iterable[Training]) -> list[Training]:
    """Of the person's records, the latest of each course that is due (or overdue) a refresher."""
    due = [r for r in latest_by_course(records).values() if r.is_due_for_refresher]
    return sorted(due, key=lambda r: r.expires_on or date.max)  # due ones have a date


def _latest_training_of_members(panel: Panel) -> QuerySet[Training]:
    """The newest record of each course held by today's members (names matched ignoring case
    and spaces at the ends): a refreshed course is judged by the refresher, not the old one."""
    course = Lower(Trim("course"))
    newer = Training.objects.annotate(key=course).filter(
        user=OuterRef("user"), key=OuterRef("key"), completed_on__gt=OuterRef("completed_on")
    )
    return (
        Training.objects.annotate(key=course)
        .filter(user__in=Membership.objects.current().filter(panel=panel).values("user"))
        .exclude(Exists(newer))
    )


def course_counts(panel: Panel) -> QuerySet[Training]:
    """Each course today's members hold, with how many hold it and how many are due a refresher,
    counted in the database (rows of course, people and due, in course name order)."""
    soon = timezone.localdate() + timedelta(days=REFRESHER_NOTICE_DAYS)
    return (
        _latest_training_of_members(panel)
        .order_by()
        .values("key")
        .annotate(
            course=Min(Trim("course")),
            people=Count("user", distinct=True),
            due=Count("user", distinct=True, filter=Q(expires_on__isnull=False, expires_on__lte=soon)),
        )
        .order_by("key")
    )


def training_due(panel: Panel) -> QuerySet[Training]:
    """The latest record of each course today's members are due (or overdue) to refresh,
    soonest expiry first, with the person."""
    return (
        _latest_training_of_members(panel)
        .due_for_refresher()
        .select_related("user")
        .order_by("expires_on", "user__display_name", "pk")
    )


def with_latest_training(memberships: Iterable[Membership]) -> list[Membership]:
    """Give each membership (from panel_training(), one page of them) latest_training: the newest
    record of each course the person holds, in course name order."""
    memberships = list(memberships)
    for membership in memberships:
        latest = latest_by_course(membership.user.training.all())
        membership.latest_training = sorted(latest.values(), key=lambda r: r.course.lower())
    return memberships


def memberships_of(user: User) -> QuerySet[Membership]:
    """Every spell the person has had on any panel, current ones first."""
    today = timezone.localdate()
    is_current = Case(
        When(Q(joined_on__lte=today) & (Q(left_on__isnull=True) | Q(left_on__gt=today)), then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    return (
        Membership.objects.filter(user=user)
        .select_related("panel")
        .annotate(past=is_current)
        .order_by("past", "panel__name", "-joined_on")
    )


def training_of(user: User) -> QuerySet[Training]:
    """The person's training records, newest first."""
    return Training.objects.filter(user=user).order_by("-completed_on", "course")


def due_for_refresher_count(panel: Panel) -> int:
    """How many of today's members have a course due for a refresher, counted in the database:
    the same rule as the training page (a course is judged by its newest record, names matched
    ignoring case and spaces at the ends) without reading every member's training."""
    due = _latest_training_of_members(panel).due_for_refresher()
    return due.order_by().values("user").distinct().count()
