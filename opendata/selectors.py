"""Reads for the public pages and the open data: only what anyone may see.

Nothing personal leaves here: a tenant is named only when they chose that on their profile
(`User.named_in_public`), otherwise "a panel member"; staff appear by role; no email, phone or
address is ever read. Evidence appears only when marked public, and only with a published report.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.core.paginator import Paginator
from django.db.models import Case, Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce, ExtractYear
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from comparisons.models import Figure, Regulator, Source
from comparisons.selectors import our_landlord
from opendata.models import Publication
from recommendations.models import Action, Decision, ProgressUpdate, Recommendation, Status
from reviews.models import Document, Evidence, Finding, Review, Stage
from scrutiny.models import Country, SiteSettings

if TYPE_CHECKING:
    from accounts.models import User

PLANNED = (Stage.SCOPING,)
UNDER_WAY = (Stage.EVIDENCE, Stage.ANALYSIS, Stage.REPORTING)
COMPLETED = (Stage.RESPONSE, Stage.MONITORING, Stage.CLOSED)
REVIEWS_PER_PAGE = 10
SHOWN_STAGES = PLANNED + UNDER_WAY + COMPLETED  # a proposal the panel has not agreed is not shown

# Where a recommendation stands: the landlord's decision, and how the work is going.
AWAITING = "awaiting_response"
DELIVERED, ON_TRACK, LATE, NOT_DUE = "delivered", "on_track", "late", "not_applicable"
DECISION_LABELS = {
    Decision.ACCEPTED: gettext_lazy("Accepted"),
    Decision.PARTLY_ACCEPTED: gettext_lazy("Partly accepted"),
    Decision.REJECTED: gettext_lazy("Rejected"),
    AWAITING: gettext_lazy("Waiting for the landlord's response"),
}
DELIVERY_LABELS = {
    DELIVERED: gettext_lazy("Delivered"),
    ON_TRACK: gettext_lazy("On track"),
    LATE: gettext_lazy("Late"),
    NOT_DUE: gettext_lazy("No work owed"),
}
PHASE_LABELS = {
    "planned": gettext_lazy("Planned"),
    "under_way": gettext_lazy("Under way"),
    "completed": gettext_lazy("Completed"),
}
LICENCE = {"name": "Open Government Licence v3.0",
           "url": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"}
RSH_REGISTRATION = re.compile(r"^(L|LH)?\d{1,5}$", re.IGNORECASE)


def phase_of(stage: str) -> str:
    if stage in PLANNED:
        return "planned"
    return "under_way" if stage in UNDER_WAY else "completed"


def public_name(user: User | None) -> str:
    """How a person appears on a public page: a tenant by name only with their consent; staff by role."""
    if user is None:
        return ""
    role = getattr(user, "role", "tenant")
    if role == "officer":
        return _("a housing officer")
    if role == "manager":
        return _("a manager")
    if role == "admin":
        return _("an administrator")
    if user.named_in_public and user.display_name:
        return str(user.display_name)
    return _("a panel member")


def org_id(site: SiteSettings | None = None) -> str:
    """The landlord's org-id (https://org-id.guide): the one set in the site settings, else worked
    out from the regulator's code: an English housing association is GB-SHPE- and its RSH
    registration number; a council is GB-LAE- (England), GB-PLA- (Wales) or GB-LAS- (Scotland)
    and its code; a Scottish housing association is GB-SHR- and its Scottish Housing Regulator
    code. Empty when there is no code to work from."""
    site = site or SiteSettings.load()
    if site.org_id:
        return site.org_id.strip()
    code = site.regulator_code.strip().upper()
    if site.country == Country.SCOTLAND:
        shr = site.shr_code.strip().upper()
        if shr:
            return f"GB-SHR-{shr}"
        return f"GB-LAS-{code}" if code else ""
    if not code:
        return ""
    if site.country == Country.WALES:
        return f"GB-PLA-{code}"
    if site.country == Country.ENGLAND and RSH_REGISTRATION.match(code):
        return f"GB-SHPE-{code}"
    return f"GB-LAE-{code}" if site.country == Country.ENGLAND else f"GB-{code}"


def published_ids() -> set[int]:
    return set(Publication.objects.current().values_list("review_id", flat=True))


def programme() -> dict[str, list[Review]]:
    """The panel's reviews planned, under way and completed, each marked when its report is published."""
    current = Publication.objects.current().filter(review=OuterRef("pk"))
    reviews = (Review.objects.filter(stage__in=SHOWN_STAGES)
               .select_related("panel", "service_area")
               .annotate(is_published=Exists(current))
               .order_by("-planned_start", "-created_at", "-pk"))
    found: dict[str, list[Review]] = {"planned": [], "under_way": [], "completed": []}
    for review in reviews:
        found[phase_of(review.stage)].append(review)
    return found


def published_review(review_id: int) -> Review:
    """A review whose report is published now, or 404."""
    publication = (Publication.objects.current().filter(review_id=review_id)
                   .select_related("review__panel", "review__service_area", "review__lead_member").first())
    if publication is None:
        raise Http404("There is no published report of that review.")
    review = publication.review
    review.publication = publication
    return review


def _public_evidence(review: Review) -> QuerySet[Evidence]:
    return Evidence.objects.filter(review=review, public=True, kind="document").order_by("title", "pk")


def _recommendations() -> QuerySet[Recommendation]:
    """Every recommendation sent to the landlord, with where it stands worked out in the database:
    `decision` (the landlord's, or awaiting it), `delivery` (delivered, on track, late, or no work
    owed when rejected or not yet answered) and `year` (when the panel sent it)."""
    return (
        Recommendation.objects.exclude(status=Status.DRAFT).filter(review__stage__in=SHOWN_STAGES)
        .with_overdue()
        .annotate(
            decision=Coalesce(F("response__decision"), Value(AWAITING)),
            delivery=Case(
                When(Q(response__isnull=True) | Q(response__decision=Decision.REJECTED), then=Value(NOT_DUE)),
                When(status__in=(Status.IMPLEMENTED, Status.VERIFIED), then=Value(DELIVERED)),
                When(is_overdue=True, then=Value(LATE)),
                default=Value(ON_TRACK),
            ),
            year=ExtractYear(Coalesce("submitted_at", "created_at")),
        )
        .select_related("response__responded_by", "review")
    )


def _with_standing(rec: Recommendation) -> Recommendation:
    rec.decision_label = DECISION_LABELS[rec.decision]
    rec.delivery_label = DELIVERY_LABELS[rec.delivery]
    response = getattr(rec, "response", None)
    rec.public_reason = response.reason if response is not None else ""
    rec.responded_on = response.responded_at.date() if response is not None else None
    rec.responded_by_role = public_name(response.responded_by) if response is not None else ""
    return rec


def review_report(review: Review) -> dict[str, Any]:
    """What a published review's page and PDF show."""
    public_evidence = list(_public_evidence(review).select_related("document"))
    public_ids = {e.pk for e in public_evidence}
    findings = list(Finding.objects.filter(review=review).prefetch_related("evidence")
                    .order_by("created_at", "pk"))
    for number, finding in enumerate(findings, start=1):
        finding.number = number
        finding.public_evidence = [e for e in finding.evidence.all() if e.pk in public_ids]
    recommendations = [
        _with_standing(rec) for rec in _recommendations().filter(review=review).prefetch_related(
            Prefetch("actions", queryset=Action.objects.select_related("owner").order_by("due_date", "pk")),
            Prefetch("progress_updates", queryset=ProgressUpdate.objects.order_by("created_at", "pk")),
        ).order_by("number")
    ]
    for rec in recommendations:
        for action in rec.actions.all():
            action.owner_role = public_name(action.owner)
    return {
        "review": review,
        "lead": public_name(review.lead_member),
        "questions": list(review.questions.order_by("number")),
        "findings": findings,
        "recommendations": recommendations,
        "evidence": public_evidence,
        "counts": _count(recommendations),
        "site": SiteSettings.load(),
    }


def public_document(review: Review, evidence_id: int) -> Document:
    """A piece of evidence marked public, of a published review, or 404."""
    found = Document.objects.filter(pk=evidence_id, review=review, public=True).first()
    if found is None or not found.file:
        raise Http404("There is no public file of that name.")
    return found


@dataclass
class Counts:
    """How many recommendations, by the landlord's decision and by how the work stands."""

    label: str = ""
    total: int = 0
    decisions: Counter = field(default_factory=Counter)
    deliveries: Counter = field(default_factory=Counter)

    def add(self, decision: str, delivery: str, n: int = 1) -> None:
        self.total += n
        self.decisions[decision] += n
        self.deliveries[delivery] += n

    def add_counts(self, other: Counts) -> None:
        self.total += other.total
        self.decisions.update(other.decisions)
        self.deliveries.update(other.deliveries)

    @property
    def accepted_or_partly(self) -> int:
        return self.decisions[Decision.ACCEPTED] + self.decisions[Decision.PARTLY_ACCEPTED]

    def as_dict(self) -> dict[str, int]:
        return {
            "total": self.total,
            "accepted": self.decisions[Decision.ACCEPTED],
            "partly_accepted": self.decisions[Decision.PARTLY_ACCEPTED],
            "rejected": self.decisions[Decision.REJECTED],
            "awaiting_response": self.decisions[AWAITING],
            "delivered": self.deliveries[DELIVERED],
            "on_track": self.deliveries[ON_TRACK],
            "late": self.deliveries[LATE],
        }


def _count(recommendations: list[Recommendation]) -> Counts:
    counts = Counts()
    for rec in recommendations:
        counts.add(rec.decision, rec.delivery)
    return counts


def _counts_by(field_name: str, found: QuerySet[Recommendation]) -> dict[int, Counts]:
    """The counts for each value of `field_name` ("year" or "review_id"), added up in the database."""
    counts: dict[int, Counts] = defaultdict(Counts)
    for row in found.order_by().values(field_name, "decision", "delivery").annotate(n=Count("pk")):
        counts[row[field_name]].add(row["decision"], row["delivery"], row["n"])
    return counts


def recommendations(*, page: str | int | None = 1, per_page: int = REVIEWS_PER_PAGE) -> dict[str, Any]:
    """The recommendations sent to the landlord: counts for every year and in all, then the
    reviews of one page, each with its counts and its recommendations and where each stands."""
    found = _recommendations()
    by_year = _counts_by("year", found)
    total = Counts()
    for counts in by_year.values():
        total.add_counts(counts)
    reviews = (Review.objects.filter(stage__in=SHOWN_STAGES,
                                     pk__in=found.order_by().values("review_id"))
               .order_by("-created_at", "-pk"))
    shown = Paginator(reviews, per_page).get_page(page)
    ids = [review.pk for review in shown.object_list]
    by_review = _counts_by("review_id", found.filter(review_id__in=ids))
    rows: dict[int, list[Recommendation]] = defaultdict(list)
    for rec in found.filter(review_id__in=ids).order_by("number"):
        rows[rec.review_id].append(_with_standing(rec))
    return {
        "reviews": [{"review": review, "rows": rows[review.pk], "counts": by_review[review.pk]}
                    for review in shown.object_list],
        "page": shown,
        "years": [(year, by_year[year]) for year in sorted(by_year, reverse=True)],
        "total": total,
    }


def latest_responses(limit: int) -> list[Recommendation]:
    """The landlord's newest responses to recommendations: for the Atom feed."""
    found = _recommendations().filter(response__isnull=False).order_by("-response__responded_at", "-pk")
    return [_with_standing(rec) for rec in found[:limit]]


def all_recommendations() -> dict[str, Any]:
    """Every recommendation sent to the landlord, with its standing, and the counts per review and
    per year: for the open data files."""
    found = _recommendations()
    by_year = _counts_by("year", found)
    by_review = _counts_by("review_id", found)
    return {
        "rows": [_with_standing(rec) for rec in found.order_by("review_id", "number")],
        "reviews": [(review_id, by_review[review_id]) for review_id in sorted(by_review)],
        "years": [(year, by_year[year]) for year in sorted(by_year, reverse=True)],
    }


def measures() -> list[dict[str, Any]]:
    """The landlord's own figures in the regulator's data, each with its TSM or Charter code."""
    _, landlord = our_landlord()
    if landlord is None:
        return []
    figures = (Figure.objects.filter(landlord=landlord).select_related("tsm_import")
               .order_by("-year", "measure", "tenure"))
    framework = "charter" if landlord.regulator == Regulator.SHR else "tsm"
    return [{
        "code": f.measure, "framework": framework, "tenure": f.tenure, "year": f.year,
        "year_label": f"{f.year}/{(f.year + 1) % 100:02d}",
        "value": float(f.value) if f.value is not None else None,
        "no_figure_reason": f.no_figure,
        "source": "SHR Charter" if f.tsm_import.source == Source.SHR_CHARTER else "RSH TSM",
    } for f in figures]
