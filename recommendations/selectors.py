"""Reads for the recommendation pages, home sections and exports, with the joins done."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from statistics import median
from typing import TYPE_CHECKING, Any

from django.core.cache import cache
from django.db import connection
from django.db.models import Aggregate, Count, DurationField, ExpressionWrapper, F, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from recommendations import permissions
from recommendations.models import (
    OPEN_WORK,
    Action,
    Decision,
    ProgressUpdate,
    Recommendation,
    Status,
    Transition,
)
from scrutiny.freshness import renew, versions
from scrutiny.translated import both_columns

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from accounts.models import User


def visible_to(user: User) -> QuerySet[Recommendation]:
    """Recommendations the person may see, with what the tracker shows joined in."""
    qs = Recommendation.objects.select_related(
        "review__panel", "service_area", "owner", "response"
    ).with_overdue()
    only = permissions.visible_filter(user)
    return qs if only is None else qs.filter(only)


def summary(queryset: QuerySet[Recommendation]) -> dict[str, Any]:
    """Counts for the tracker's summary bar, in one query, over the filtered recommendations."""
    return queryset.order_by().aggregate(
        listed=Count("pk"),
        made=Count("pk", filter=~Q(status=Status.DRAFT)),
        awaiting=Count("pk", filter=Q(status=Status.SUBMITTED)),
        accepted=Count("pk", filter=Q(response__decision=Decision.ACCEPTED)),
        partly=Count("pk", filter=Q(response__decision=Decision.PARTLY_ACCEPTED)),
        rejected=Count("pk", filter=Q(response__decision=Decision.REJECTED)),
        implemented=Count("pk", filter=Q(status__in=[Status.IMPLEMENTED, Status.VERIFIED])),
        verified=Count("pk", filter=Q(status=Status.VERIFIED)),
        overdue=Count("pk", filter=Q(is_overdue=True)),
    )


def _median_days(pairs: Iterable[tuple[datetime | None, datetime | None]]) -> int | None:
    days = [(end - start).total_seconds() / 86400 for start, end in pairs if start and end]
    return round(median(days)) if days else None


class Median(Aggregate):
    """PostgreSQL's exact median (percentile_cont), here over a duration."""

    function = "PERCENTILE_CONT"
    name = "Median"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = DurationField()


def _median_between(queryset: QuerySet[Recommendation], start: str, end: str) -> int | None:
    """Median days from one moment to another over the rows that have both: computed by the
    database on PostgreSQL; on SQLite (development only) the pairs are read and worked out here."""
    rows = queryset.filter(**{f"{start}__isnull": False, f"{end}__isnull": False})
    if connection.vendor != "postgresql":
        return _median_days(rows.values_list(start, end))
    gap = ExpressionWrapper(F(end) - F(start), output_field=DurationField())
    value = rows.aggregate(m=Median(gap))["m"]
    return round(value.total_seconds() / 86400) if value is not None else None


def medians(queryset: QuerySet[Recommendation]) -> dict[str, int | None]:
    """Median days from submission to response, and from submission to implementation."""
    base = queryset.order_by()
    return {
        "to_response": _median_between(base, "submitted_at", "response__responded_at"),
        "to_implementation": _median_between(base, "submitted_at", "implemented_at"),
    }


# The tracker's summary and medians are the costly part of the page at scale; they are kept
# this long in the shared cache, under versions that only a change they count renews
# (recommendations/signals.py): one per panel, for figures over some panels' recommendations,
# and one for all of them.
TRACKER_FIGURES_SECONDS = 60
ALL_KEY = "recommendations:version"


def panel_key(panel_id: int | None) -> str:
    return f"recommendations:panel-version:{panel_id}"


def forget_figures(*, panel_ids: Iterable[int | None]) -> None:
    """Renew the versions of the figures over these panels' recommendations, and over all."""
    renew(ALL_KEY, *(panel_key(pk) for pk in set(panel_ids)))


def tracker_versions(*, key: str, panel_ids: list[int] | None = None) -> str:
    """What the tracker's figures and pages over a filtered set are kept under.

    `key` names the filtered set (who is looking and the filters), and `panel_ids` the panels
    it is drawn from (None: any). It also holds today's date (overdue is about today) and the
    versions of those panels' recommendations (of all, with None), so a kept figure is never
    older than the data, finding that out costs no query, and a change on another panel leaves
    it kept."""
    names = [ALL_KEY] if panel_ids is None else [panel_key(pk) for pk in sorted(set(panel_ids))]
    return f"{key}|{timezone.localdate()}|{versions(*names)}"


def tracker_figures(listing: Callable[[], QuerySet[Recommendation]], *, kept_under: str) -> tuple[dict, dict]:
    """The summary counts (with `listed`, how many the filters find) and medians of the
    recommendations `listing` gives, from the cache when nothing has changed (`kept_under`:
    tracker_versions)."""
    cache_key = "tracker-figures:" + hashlib.sha256(kept_under.encode()).hexdigest()
    figures = cache.get(cache_key)
    if figures is None:
        figures = (summary(listing()), medians(listing()))
        cache.set(cache_key, figures, TRACKER_FIGURES_SECONDS)
    return figures


def financial_year_bounds(start_year: int, start_month: int) -> tuple[datetime, datetime]:
    """The first moment of a financial year starting in start_year, and of the next."""
    tz = timezone.get_current_timezone()
    return (
        datetime(start_year, start_month, 1, tzinfo=tz),
        datetime(start_year + 1, start_month, 1, tzinfo=tz),
    )


def current_financial_year(start_month: int, today: dt.date | None = None) -> int:
    """The year the financial year containing today started in."""
    today = today or timezone.localdate()
    return today.year if today.month >= start_month else today.year - 1


def detail(pk: int) -> Recommendation:
    """One recommendation with its review, response and findings, as its page shows them (no
    more: each table joined in is read and built whole)."""
    return (
        Recommendation.objects.select_related(
            "review__panel", "service_area", "owner", "response__responded_by",
        )
        .prefetch_related("findings")
        .with_overdue()
        .get(pk=pk)
    )


def for_its_page(pk: int) -> Recommendation:
    """One recommendation with what deciding who may see it and which steps they may take needs
    (its page's body is kept: recommendations/detail_page.py)."""
    return Recommendation.objects.select_related("review").only(
        "pk", "review_id", "status", "owner_id", "service_area_id", "review__panel_id",
    ).get(pk=pk)


def actions_for(recommendation: Recommendation) -> list[Action]:
    """The recommendation's action plan, soonest due first, with owners."""
    return list(recommendation.actions.select_related("owner").order_by("due_date", "pk"))


def progress_for(recommendation: Recommendation) -> list[ProgressUpdate]:
    return list(
        recommendation.progress_updates.select_related("written_by", "action").order_by("-created_at", "-pk")
    )


@dataclass
class Event:
    at: datetime
    who: User | None  # who took the step (None once their account is deleted)
    title: str
    text: str = ""
    update: ProgressUpdate | None = None


STEP_TITLES = {
    Status.SUBMITTED: _("Submitted to the landlord"),
    Status.ACCEPTED: _("Accepted by the landlord"),
    Status.PARTLY_ACCEPTED: _("Partly accepted by the landlord"),
    Status.REJECTED: _("Rejected by the landlord"),
    Status.IN_PROGRESS: _("Action plan agreed: in progress"),
    Status.IMPLEMENTED: _("Marked as implemented"),
    Status.VERIFIED: _("Verified by the panel"),
}


def _day(value: dt.date) -> str:
    return date_format(value, "j F Y")


def _action_change(record: Any, previous: Any) -> tuple[str, str]:
    if previous is None or record.history_type == "+":
        return (gettext("Action added: %(what)s") % {"what": record.what},
                gettext("Owner %(owner)s, due %(date)s.") % {"owner": record.owner,
                                                              "date": _day(record.due_date)})
    changes = []
    if record.status != previous.status:
        before, after = previous.get_status_display().lower(), record.get_status_display().lower()
        changes.append(gettext("status %(before)s → %(after)s") % {"before": before, "after": after})
    if record.due_date != previous.due_date:
        changes.append(gettext("due date %(before)s → %(after)s") % {
            "before": _day(previous.due_date), "after": _day(record.due_date)})
    if record.owner_id != previous.owner_id:
        changes.append(gettext("owner %(before)s → %(after)s") % {"before": previous.owner,
                                                                   "after": record.owner})
    if record.what != previous.what:
        changes.append(gettext("wording changed"))
    title = gettext("Action changed: %(what)s") % {"what": record.what}
    return title, "; ".join(changes).capitalize() + "." if changes else ""


def timeline(recommendation: Recommendation) -> list[Event]:
    """Everything that happened to a recommendation, oldest first: steps, actions, progress."""
    events = []
    implemented = []
    for t in Transition.objects.filter(recommendation=recommendation).select_related("by"):
        if not t.from_status:
            title = gettext("Draft written")
        elif t.from_status == Status.IMPLEMENTED and t.to_status == Status.IN_PROGRESS:
            title = gettext("Returned to in progress by the panel")
        else:
            title = str(STEP_TITLES[t.to_status])
        events.append(Event(t.at, t.by, title, t.note))
        if t.to_status == Status.IMPLEMENTED:
            implemented.append(events[-1])
    records = list(
        Action.history.filter(recommendation_id=recommendation.pk)
        .select_related("history_user", "owner")
        .order_by("id", "history_date", "history_id")
    )
    previous = {}
    for record in records:
        title, text = _action_change(record, previous.get(record.id))
        previous[record.id] = record
        if text or record.history_type == "+":
            events.append(Event(record.history_date, record.history_user, title, text))
    implementation = {}
    for update in recommendation.progress_updates.select_related("written_by", "action"):
        if update.marks_implementation:
            # Shown with the "Implemented" step, whose note is the same text.
            implementation[update.created_at] = update
        else:
            events.append(Event(update.created_at, update.written_by, gettext("Progress update"), update.text,
                                update))
    for event in implemented:
        event.update = implementation.get(event.at)
    return sorted(events, key=lambda e: e.at)


def you_said_we_did() -> QuerySet[Recommendation]:
    """Verified recommendations with what was done and the impact, newest first."""
    return (
        Recommendation.objects.filter(status=Status.VERIFIED)
        .select_related("review__panel", "service_area", "response")
        .order_by("-verified_at", "-pk")
    )


# The columns the home page's lists show (recommendations/_home.html): building rows of a few
# columns, without the recommendation's and its review's long texts, costs less.
HOME_FIELDS = ("number", "text", "review__title")
# A panel's name in both languages: the page's own is read with no query of its own.
PANEL_NAME = ("review__panel__name", *(f"review__panel__{name}" for name in both_columns("name")))


def my_actions(user: User) -> tuple[list[Action], list[Recommendation]]:
    """An officer's open actions and in-progress recommendations, soonest due first."""
    today = timezone.localdate()
    actions = list(
        Action.objects.open()
        .filter(owner=user, recommendation__status__in=OPEN_WORK)
        .select_related("recommendation__review")
        .only("what", "due_date", "status", "recommendation__number", "recommendation__review__title")
        .order_by("due_date", "pk")[:20]
    )
    recs = list(
        Recommendation.objects.filter(owner=user, status=Status.IN_PROGRESS)
        .select_related("review").only(*HOME_FIELDS, "due_date")
        .with_overdue(today).order_by("due_date", "pk")[:20]
    )
    return actions, recs


def awaiting_response() -> list[Recommendation]:
    """Recommendations submitted and not yet answered, the longest waiting first."""
    return list(
        Recommendation.objects.filter(status=Status.SUBMITTED)
        .select_related("review__panel").only(*HOME_FIELDS, "submitted_at", *PANEL_NAME)
        .order_by("submitted_at", "pk")[:20]
    )


def without_owner() -> list[Recommendation]:
    """Accepted or partly accepted recommendations nobody has been named to do, oldest first."""
    return list(
        Recommendation.objects.filter(
            status__in=(Status.ACCEPTED, Status.PARTLY_ACCEPTED), owner__isnull=True
        ).select_related("review__panel", "response")
        .only(*HOME_FIELDS, "status", *PANEL_NAME, "response__responded_at")
        .order_by("response__responded_at", "pk")[:20]
    )


def to_verify(user: User) -> list[Recommendation]:
    """Implemented recommendations of the tenant's panels, waiting for the panel to check them."""
    return list(
        Recommendation.objects.filter(
            permissions.visible_filter(user) or Q(), status=Status.IMPLEMENTED
        ).select_related("review__panel").only(*HOME_FIELDS, "implemented_at", *PANEL_NAME)
        .order_by("implemented_at", "pk")[:20]
    )
