"""Every write to what the Annual Report to Tenants shows renews the kept report's version
(reports/annual/kept.py): model saves and deletes through Django's signals, bulk writes through
scrutiny.written. Each model says which financial years a row of it belongs to; None means any
year's report may show it (names, frameworks, the regulator's figures, the site settings).

Watched on purpose, and nothing else: sign-ins, sessions, the audit trail and background jobs
never touch a kept report.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from typing import Any

from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from reports.annual import kept

Years = Iterable[int] | None
# Fields of a person whose change shows in no report (a sign-in, a preference).
UNSHOWN_USER_FIELDS = frozenset({"last_login", "password", "large_print_documents", "large_text"})


def year_of(moment: datetime.date | datetime.datetime | None) -> list[int]:
    """The financial year (its starting calendar year) a date or moment falls in; none for None."""
    from scrutiny.dates import financial_year

    if moment is None:
        return []
    day = timezone.localdate(moment) if isinstance(moment, datetime.datetime) else moment
    return [financial_year(day).start.year]


def _completed_year(review_id: int | None) -> list[int]:
    """The year a review was completed in (its report first went to the landlord), if it was."""
    from reports.annual.sections import COMPLETED
    from reviews.models import StageChange

    first = (StageChange.objects.filter(review_id=review_id, to_stage__in=COMPLETED)
             .order_by("changed_at").values_list("changed_at", flat=True).first())
    return year_of(first)


def _review(review: Any) -> Years:
    if review.from_measure:  # shown, before and after, in every report from its measure's year on
        return None
    return _completed_year(review.pk)


def _recommendation(rec: Any) -> Years:
    dates = (rec.submitted_at, rec.implemented_at, rec.verified_at, timezone.now())
    return [y for moment in dates for y in year_of(moment)] + _completed_year(rec.review_id)


def _membership(membership: Any) -> Years:
    start = year_of(membership.joined_on)[0]
    end = year_of(membership.left_on or timezone.localdate())[0]
    return range(start, max(start, end) + 1)


def _self_assessment_of(assessment_id: int) -> Years:
    from assessments.models import SelfAssessment

    closes = SelfAssessment.objects.filter(pk=assessment_id).values_list("closes_on", flat=True).first()
    return year_of(closes)


def _user(user: Any, update_fields: Any = None) -> Years:
    if update_fields and set(update_fields) <= UNSHOWN_USER_FIELDS:
        return []
    return None  # a person's role or leaving changes the count of tenant volunteers


def _watched() -> dict[type, Callable[[Any], Years]]:
    from accounts.models import User
    from assessments.models import (
        Assessor,
        Framework,
        ImprovementAction,
        Indicator,
        IndicatorValue,
        Outcome,
        Score,
        SelfAssessment,
        Standard,
    )
    from comparisons.models import PeerChoice, TsmImport
    from mysteryshop.models import CheckedDocument, Checklist, Visit
    from panels.models import Attendance, Meeting, Membership, Panel, Training
    from recommendations.models import Recommendation, Response
    from reports.models import AnnualReport, AssessmentSection
    from reviews.models import Finding, Review, ServiceArea, StageChange
    from scrutiny.models import SiteSettings

    every: Callable[[Any], Years] = lambda row: None  # noqa: E731
    return {
        SiteSettings: every, Framework: every, Standard: every, Outcome: every, Indicator: every,
        TsmImport: every, PeerChoice: every, Panel: every, ServiceArea: every, Checklist: every,
        User: _user,
        AnnualReport: lambda r: [r.year],
        AssessmentSection: lambda s: [s.annual_report.year],
        IndicatorValue: lambda v: [v.year],
        Review: _review,
        StageChange: lambda c: year_of(c.changed_at) + _completed_year(c.review_id),
        Finding: lambda f: _completed_year(f.review_id),
        Recommendation: _recommendation,
        Response: lambda r: year_of(r.responded_at) + _recommendation(r.recommendation),
        Visit: lambda v: year_of(v.visited_at),
        CheckedDocument: lambda d: year_of(d.approved_on) + year_of(timezone.localdate()),
        Membership: _membership,
        Meeting: lambda m: year_of(m.date),
        Attendance: lambda a: year_of(a.meeting.date),
        Training: lambda t: year_of(t.completed_on),
        SelfAssessment: lambda a: year_of(a.closes_on),
        Assessor: lambda a: _self_assessment_of(a.self_assessment_id),
        Score: lambda s: _self_assessment_of(s.assessor.self_assessment_id),
        ImprovementAction: lambda a: _self_assessment_of(a.self_assessment_id),
    }


_years_of: dict[type, Callable[[Any], Years]] = {}
# Shown only through rows that name them (a panel's meetings, a person's membership): a new one,
# named by nothing yet, changes no report.
_NAMED_ONLY: set[type] = set()


def _renew(years: Years) -> None:
    if years is None:
        kept.renew_every_year()
    else:
        kept.renew_years(years)


def _saved(sender: type, instance: Any, update_fields: Any = None, created: bool = False,
           **kwargs: Any) -> None:
    find = _years_of.get(sender)
    if find is None or kwargs.get("raw") or (created and sender in _NAMED_ONLY):
        return
    _renew(_user(instance, update_fields) if find is _user else find(instance))


def _deleted(sender: type, instance: Any, **kwargs: Any) -> None:
    find = _years_of.get(sender)
    if find is not None:
        try:
            _renew(find(instance))
        except Exception:  # a parent already gone in the same cascade: any year may be out of date
            kept.renew_every_year()


def _bulk(sender: type, rows: list | None, **kwargs: Any) -> None:
    find = _years_of.get(sender)
    if find is None:
        return
    if rows is None:
        kept.renew_every_year()
        return
    parents = set()
    for row in rows:
        # Rows of one parent (a person's scores, a round's assessors) share their years: asked once.
        parent = getattr(row, "assessor_id", None) or getattr(row, "self_assessment_id", None)
        if parent is not None and parent in parents:
            continue
        parents.add(parent)
        _renew(find(row))


def connect() -> None:
    """Listen to every write of the models the report shows (called once, from ReportsConfig.ready)."""
    from accounts.models import User
    from mysteryshop.models import Checklist
    from panels.models import Panel
    from reviews.models import ServiceArea
    from scrutiny.written import rows_written

    _years_of.update(_watched())
    _NAMED_ONLY.update({User, Checklist, Panel, ServiceArea})
    for model in _years_of:
        post_save.connect(_saved, sender=model, dispatch_uid=f"annual-report-saved-{model.__name__}")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"annual-report-deleted-{model.__name__}")
        rows_written.connect(_bulk, sender=model, dispatch_uid=f"annual-report-bulk-{model.__name__}")
