"""Volunteering figures: the one place that counts meetings, attendance, hours and training.

Pages and the annual report read these functions only, so every figure is counted the same
way. A period runs from `start` to `end`, both days included; by default it is the landlord's
financial year (scrutiny/dates.py).

How each figure is counted:
- meetings held: meetings of the panel in the period, not cancelled and already finished;
- attendance rate: of the places members had at those meetings (one per member per meeting,
  counting only the days each person was a member, so leavers and rejoiners are treated
  fairly), the share where the person was present;
- volunteer hours: hours recorded for people present at those meetings;
- people trained: people who were members in the period and completed a course in it.
Panel and landlord-wide figures count tenants only (they are the volunteers); a person's own
figures count that person, whatever their role.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.cache import cache
from django.db.models import Count, Exists, F, OuterRef, Q, Sum
from django.utils import timezone

from panels.models import Attendance, AttendanceStatus, Meeting, Membership, Panel, Training
from panels.selectors.panels import due_for_refresher_count
from scrutiny.dates import Period, financial_year
from scrutiny.freshness import renew, versions

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from accounts.models import User

TENANT = "tenant"


@dataclass
class Figures:
    meetings_held: int = 0  # a person's figures: meetings held while they were a member
    places: int = 0  # one per member per meeting held while they were a member
    present: int = 0  # of those places, how many the person was present for
    apologies: int = 0
    hours: Decimal = field(default_factory=Decimal)
    trained: int = 0  # a panel: people trained; a person: courses completed
    volunteers: int = 0  # a panel: tenants who were members at some time in the period

    @property
    def attendance_rate(self) -> int | None:
        """Percentage of places taken, to the nearest whole number; None without meetings."""
        if not self.places:
            return None
        return round(100 * self.present / self.places)

    def add(self, other: Figures) -> Figures:
        """Add another set of figures to these (for totals); returns these."""
        for name in ("meetings_held", "places", "present", "apologies", "hours", "trained", "volunteers"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        return self


def _held(period: Period) -> QuerySet[Meeting]:
    return Meeting.objects.held().filter(date__gte=period.start, date__lte=period.end)


def _was_member() -> Exists:
    """For an attendance row: a membership of the meeting's panel in force on the meeting's date."""
    date = OuterRef("meeting__date")
    return Exists(
        Membership.objects.filter(
            Q(left_on__isnull=True) | Q(left_on__gt=date),
            panel=OuterRef("meeting__panel"),
            user=OuterRef("user"),
            joined_on__lte=date,
        )
    )


def _places(period: Period, group: str, **filters: Any) -> dict[int, int]:
    """(Member, meeting) pairs: each held meeting, once for every member on its date."""
    meeting_date = F("panel__meetings__date")
    return dict(
        Membership.objects.filter(
            Q(left_on__isnull=True) | Q(left_on__gt=meeting_date),
            panel__meetings__in=_held(period),
            # Said again as plain dates so PostgreSQL narrows the meetings before joining them to
            # every membership (about eight times faster for a panel with ten years of meetings).
            panel__meetings__date__gte=period.start,
            panel__meetings__date__lte=period.end,
            joined_on__lte=meeting_date,
            **filters,
        )
        .values_list(group)
        .annotate(n=Count("pk"))
        .order_by()
    )


def _attendance(period: Period, group: str, **filters: Any) -> dict[int, tuple[int, int, Decimal]]:
    """Per group: present and apologies while a member, and hours of everyone present."""
    rows = (
        Attendance.objects.filter(meeting__in=_held(period), **filters)
        .annotate(was_member=_was_member())
        .values_list(group)
        .annotate(
            present=Count("pk", filter=Q(status=AttendanceStatus.PRESENT, was_member=True)),
            apologies=Count("pk", filter=Q(status=AttendanceStatus.APOLOGIES, was_member=True)),
            hours=Sum("hours", filter=Q(status=AttendanceStatus.PRESENT)),
        )
        .order_by()
    )
    return {key: (present, apologies, hours or Decimal(0)) for key, present, apologies, hours in rows}


def _fill(
    figures: dict[int, Figures], places: dict[int, int], attendance: dict[int, tuple[int, int, Decimal]]
) -> None:
    for key, fig in figures.items():
        fig.places = places.get(key, 0)
        present, apologies, hours = attendance.get(key, (0, 0, Decimal(0)))
        fig.present, fig.apologies, fig.hours = present, apologies, hours


def panel_figures(
    *, period: Period | None = None, panels: Iterable[Panel] | None = None
) -> list[tuple[Panel, Figures]]:
    """Figures per panel for the period, as a list of (panel, Figures); tenants only.

    Runs a fixed number of queries however many panels, members and meetings there are.
    """
    period = period or financial_year()
    panels = list(panels if panels is not None else Panel.objects.all())
    ids = [p.pk for p in panels]
    figures = {pk: Figures() for pk in ids}
    held = dict(
        _held(period).filter(panel_id__in=ids).values_list("panel").annotate(n=Count("pk")).order_by()
    )
    _fill(
        figures,
        _places(period, "panel", panel_id__in=ids, user__role=TENANT),
        _attendance(period, "meeting__panel", meeting__panel_id__in=ids, user__role=TENANT),
    )
    members = Membership.objects.overlapping(period.start, period.end).filter(
        panel_id__in=ids, user__role=TENANT
    )
    volunteers = dict(members.values_list("panel").annotate(n=Count("user", distinct=True)).order_by())
    trained = dict(
        members.filter(
            user__training__completed_on__gte=period.start, user__training__completed_on__lte=period.end
        )
        .values_list("panel")
        .annotate(n=Count("user", distinct=True))
        .order_by()
    )
    for pk, fig in figures.items():
        fig.meetings_held = held.get(pk, 0)
        fig.volunteers = volunteers.get(pk, 0)
        fig.trained = trained.get(pk, 0)
    return [(panel, figures[panel.pk]) for panel in panels]


# A panel's page shows its figures from the cache, for at most a minute (meetings become "held"
# as they end, with nothing saved), and never after a change they are counted from: every save
# or deletion of the panel's meetings, attendance, memberships, or its members' training or
# roles, renews the panel's version (panels/signals.py), and the cache key holds it. A change
# on one panel leaves every other panel's figures kept.
# What is kept holds numbers only (Figures, a count), no words: the same for a Welsh page and an
# English one, so the page's language is not part of the keys.
PAGE_FIGURES_SECONDS = 60


def figures_key(panel_id: int) -> str:
    return f"panels:figures-version:{panel_id}"


def forget_figures(*, panel_ids: Iterable[int]) -> None:
    """Renew these panels' versions of their kept figures: call on any change they are counted
    from (now, and again when the change commits, so that nothing drawn meanwhile is kept)."""
    renew(*(figures_key(pk) for pk in set(panel_ids)))


def page_figures(*, panel: Panel, period: Period) -> Figures:
    """The panel's figures for its page: panel_figures, kept briefly in the cache. The figures
    are the same for everyone who may open the page."""
    key = f"panels:page-figures:{panel.pk}:{versions(figures_key(panel.pk))}:{period.start}:{period.end}"
    figures = cache.get(key)
    if figures is None:
        figures = panel_figures(period=period, panels=[panel])[0][1]
        cache.set(key, figures, PAGE_FIGURES_SECONDS)
    return figures


def page_due_count(panel: Panel) -> int:
    """How many of today's members are due refresher training (due_for_refresher_count), kept
    under the panel's figures version, renewed by its memberships and its members' training
    and roles, and today's date (a course falls due, and a member leaves, as days pass)."""
    key = f"panels:due-count:{panel.pk}:{versions(figures_key(panel.pk))}:{timezone.localdate()}"
    count = cache.get(key)
    if count is None:
        count = due_for_refresher_count(panel)
        cache.set(key, count, PAGE_FIGURES_SECONDS)
    return count


def totals(*, period: Period | None = None) -> Figures:
    """Landlord-wide figures for the period: all panels together, each tenant counted once."""
    period = period or financial_year()
    total = Figures()
    for _, fig in panel_figures(period=period):
        total.add(fig)
    members = Membership.objects.overlapping(period.start, period.end).filter(user__role=TENANT)
    total.volunteers = members.values("user").distinct().count()
    total.trained = (
        Training.objects.filter(
            completed_on__gte=period.start,
            completed_on__lte=period.end,
            user__in=members.values("user"),
        )
        .values("user")
        .distinct()
        .count()
    )
    return total


def member_figures(*, panel: Panel, period: Period | None = None) -> list[tuple[User, Figures]]:
    """Each person who was a member of the panel in the period, with their figures there."""
    period = period or financial_year()
    spells = list(
        Membership.objects.overlapping(period.start, period.end)
        .filter(panel=panel)
        .select_related("user")
        .order_by("user__display_name", "joined_on")
    )
    people = {}
    for spell in spells:
        people.setdefault(spell.user_id, spell.user)
    figures = {pk: Figures() for pk in people}
    _fill(
        figures,
        _places(period, "user", panel=panel),
        _attendance(period, "user", meeting__panel=panel),
    )
    trained = dict(
        Training.objects.filter(
            user_id__in=list(people), completed_on__gte=period.start, completed_on__lte=period.end
        )
        .values_list("user")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for pk, fig in figures.items():
        fig.meetings_held = fig.places
        fig.trained = trained.get(pk, 0)
    return [(user, figures[user.pk]) for user in people.values()]


def person_figures(
    *, user: User, period: Period | None = None
) -> tuple[list[tuple[Panel, Figures]], Figures]:
    """One person's figures for the period: a list of (panel, Figures) and their total."""
    period = period or financial_year()
    panel_ids = Membership.objects.overlapping(period.start, period.end).filter(user=user).values("panel")
    panels = list(Panel.objects.filter(pk__in=panel_ids))
    figures = {p.pk: Figures() for p in panels}
    _fill(
        figures,
        _places(period, "panel", user=user),
        _attendance(period, "meeting__panel", user=user),
    )
    total = Figures()
    for fig in figures.values():
        fig.meetings_held = fig.places
        total.add(fig)
    total.trained = Training.objects.filter(
        user=user, completed_on__gte=period.start, completed_on__lte=period.end
    ).count()
    return [(p, figures[p.pk]) for p in panels], total
