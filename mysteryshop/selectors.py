"""Reads for the mysteryshop pages and for reports.

`programme_summary` and `year_summary` are the public interface the reports app uses for the
programme PDF and the Annual Report to Tenants: keep their shapes stable. Both aggregate in the
database, so they make the same number of queries for 10 visits or 10,000.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import Avg, BooleanField, Count, ExpressionWrapper, Max, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone, translation

from mysteryshop.models import (
    Answer,
    Channel,
    CheckedDocument,
    Checklist,
    ChecklistPurpose,
    DocumentStatus,
    Section,
    Site,
    SiteKind,
    Standard,
    Visit,
    VisitFinding,
    VisitStatus,
)
from mysteryshop.permissions import visible_visits
from reviews.models import Review, ReviewKind

INSPECTION_CHANNELS = (Channel.INSPECTION,)
# What each kind of programme looks at, so "Start a visit" offers those checklists and sites first.
PROGRAMME_PURPOSES: dict[str, tuple[str, ...]] = {
    ReviewKind.MYSTERY_SHOPPING: (
        ChecklistPurpose.PHONE, ChecklistPurpose.OFFICE, ChecklistPurpose.EMAIL_WEB,
    ),
    ReviewKind.INSPECTION: (ChecklistPurpose.EMPTY_HOME, ChecklistPurpose.HOSTEL),
    ReviewKind.DOCUMENT_REVIEW: (ChecklistPurpose.DOCUMENT,),
}
PROGRAMME_SITE_KINDS: dict[str, tuple[str, ...]] = {
    ReviewKind.MYSTERY_SHOPPING: (SiteKind.OFFICE, SiteKind.SERVICE),
    ReviewKind.INSPECTION: (SiteKind.PROPERTY, SiteKind.HOSTEL),
    ReviewKind.DOCUMENT_REVIEW: (SiteKind.DOCUMENT,),
}


def _fits(condition: Q) -> ExpressionWrapper:
    return ExpressionWrapper(condition, output_field=BooleanField())


def checklists_to_start(*, review: Review) -> QuerySet[Checklist]:
    """Current checklists, each with `fits`: of a kind the programme uses, or used by its visits
    already (in any version); those that fit come first."""
    used = Visit.objects.filter(review=review).values("checklist__family")
    fits = Q(purpose__in=PROGRAMME_PURPOSES.get(review.kind, ())) | Q(family__in=used)
    current = Checklist.objects.filter(is_current=True)
    return current.annotate(fits=_fits(fits)).order_by("-fits", "title_en_gb")


def sites_to_start(*, review: Review, in_use: Q) -> QuerySet[Site]:
    """The sites matching `in_use`, each with `fits`: of a kind the programme looks at, or
    visited by it already; those that fit come first."""
    used = Visit.objects.filter(review=review).values("site")
    fits = Q(kind__in=PROGRAMME_SITE_KINDS.get(review.kind, ())) | Q(pk__in=used)
    return Site.objects.filter(in_use).annotate(fits=_fits(fits)).order_by("-fits", "kind", "name_en_gb")


def sections_with_standards(*, checklist: Checklist) -> list[Section]:
    """The checklist's sections in order, each with `.items` holding its standards."""
    sections = list(checklist.sections.order_by("position", "pk"))
    by_section: dict[int, list[Standard]] = {s.pk: [] for s in sections}
    for standard in Standard.objects.filter(checklist=checklist).order_by("position", "pk"):
        by_section[standard.section_id].append(standard)
    for section in sections:
        section.items = by_section[section.pk]
    return sections


def visit_sections(*, visit: Visit) -> list[Section]:
    """The visit's checklist sections; each standard carries `.answer` (or None)."""
    sections = sections_with_standards(checklist=visit.checklist)
    answers = {a.standard_id: a for a in visit.answers.all()}
    for section in sections:
        for standard in section.items:
            standard.answer = answers.get(standard.pk)
            if standard.answer is not None:
                standard.answer.standard = standard
        # A text answer emptied again is kept as a row but is no answer to count.
        section.answered = sum(1 for s in section.items if s.answer is not None and s.answer.display)
    return sections


def visits_for(*, review: Review, user: Any, mine: bool = False) -> QuerySet[Visit]:
    """A programme's visits the person may see (drafts only if theirs to see), newest first,
    with what a list shows joined in."""
    visits = _visible(Visit.objects.filter(review=review), user)
    visits = visits.select_related("site", "shopper", "checklist")
    if mine:
        visits = visits.filter(shopper=user)
    return visits.order_by("-visited_at", "-pk")


def document_checks(*, document: CheckedDocument, user: Any) -> QuerySet[Visit]:
    """The checks made of a document that the person may see, newest first."""
    return _visible(document.visits.all(), user).select_related("shopper").order_by("-visited_at")


def _visible(visits: QuerySet[Visit], user: Any) -> QuerySet[Visit]:
    shown = visible_visits(user)
    return visits if shown is None else visits.filter(shown)


def visits_failing(*, review: Review, standard: Standard) -> QuerySet[Visit]:
    """Submitted visits of the programme where this standard (in any version) failed."""
    return (
        Visit.objects.filter(
            review=review, status=VisitStatus.SUBMITTED,
            answers__standard__key=standard.key, answers__passed=False,
        )
        .select_related("site")
        .order_by("-visited_at")
        .distinct()
    )


def follow_up_answers(*, source: Any) -> QuerySet[Answer]:
    """Answers to the finding's standard (in any version of the checklist) on the programme's
    submitted visits made after the finding was logged, newest first."""
    return (
        Answer.objects.filter(
            standard__key=source.standard_key, visit__review_id=source.finding.review_id,
            visit__status=VisitStatus.SUBMITTED, visit__visited_at__gt=source.created_at,
        )
        .select_related("visit__site", "standard")
        .order_by("-visit__visited_at", "-pk")
    )


def follow_up_tally(*, source: Any) -> dict[str, int]:
    """How many follow-up visits judged the finding's standard, and how many met it."""
    return follow_up_answers(source=source).order_by().aggregate(
        visits=Count("pk"), met=Count("pk", filter=Q(passed=True)),
        not_met=Count("pk", filter=Q(passed=False)),
    )


def finding_sources(*, review: Review, keys: list[Any]) -> dict[Any, Any]:
    """The newest finding logged from each of these standards (by key) in the programme."""
    found = VisitFinding.objects.filter(finding__review=review, standard_key__in=keys)
    return {source.standard_key: source for source in found.select_related("finding").order_by("created_at")}


@dataclass
class ProgrammeSummary:
    """The numbers of a programme's dashboard, from submitted visits only.

    Scores are percentages (0-100, one decimal place) averaged over visits, so each visit
    counts the same however many standards it had. Rows are plain dicts:
    by_site / by_channel: {"label", "visits", "score"}; by_month: {"month" (date), "visits",
    "score"}; site_trend: {"site", "scores": [score or None per month in `months`]};
    failing: {"key", "question", "fails", "judged", "fail_rate" (percentage)}.
    """

    visits: int = 0
    score: Decimal | None = None
    by_site: list[dict] = field(default_factory=list)
    by_channel: list[dict] = field(default_factory=list)
    by_month: list[dict] = field(default_factory=list)
    months: list[date] = field(default_factory=list)
    site_trend: list[dict] = field(default_factory=list)
    failing: list[dict] = field(default_factory=list)


def _round(value: Any) -> Decimal | None:
    return None if value is None else Decimal(value).quantize(Decimal("0.1"))


def _month(value: Any) -> date:
    if isinstance(value, datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


SUMMARY_SECONDS = 120  # how long a dashboard's numbers are reused while no visit changes


def programme_summary(*, review: Review, failing_limit: int = 10) -> ProgrammeSummary:
    """Scores by site, channel and month, each site's trend and the standards failed most.

    Reused from the cache for a short while, under a key that changes whenever a submitted
    visit of the programme is added, changed (an answer corrected) or removed, so a page never
    shows numbers older than the visits it is about. It holds words (sites, channels, standards)
    in the page's language, so the language is in the key too."""
    visits = Visit.objects.filter(review=review, status=VisitStatus.SUBMITTED, score__isnull=False)
    mark = visits.aggregate(n=Count("pk"), ids=Sum("pk"), changed=Max("updated_at"))
    changed = mark["changed"].timestamp() if mark["changed"] else 0
    language = translation.get_language() or settings.LANGUAGE_CODE
    key = f"mysteryshop:summary:{language}:{review.pk}:{failing_limit}:{mark['n']}:{mark['ids']}:{changed}"
    summary = cache.get(key)
    if summary is None:
        summary = compute_programme_summary(review=review, failing_limit=failing_limit)
        cache.set(key, summary, SUMMARY_SECONDS)
    return summary


def compute_programme_summary(*, review: Review, failing_limit: int = 10) -> ProgrammeSummary:
    """programme_summary's numbers, always from the database: three queries, whatever the size.

    Visits are counted and their scores summed per site, channel and month in one grouped query,
    and those few groups (sites x channels x months, not visits) are added up into each view;
    averages are sums over counts, as the database's AVG is. Answers are counted per standard
    version, then versions of the same standard (same key) are put together."""
    visits = Visit.objects.filter(review=review, status=VisitStatus.SUBMITTED, score__isnull=False)
    groups = list(
        visits.annotate(month=TruncMonth("visited_at"))
        .values(*SITE_NAMES, "channel", "month").annotate(n=Count("pk"), total=Sum("score"))
        .order_by()
    )
    summary = ProgrammeSummary()
    for row in groups:
        row["month"] = _month(row["month"])
        row["site__name"] = _site_name(row)
    summary.visits = sum(row["n"] for row in groups)
    summary.score = _mean(sum((row["total"] for row in groups), Decimal(0)), summary.visits)
    channels = {value: str(label) for value, label in Channel.choices}  # in the page's language
    summary.by_site = [{"label": label, "visits": n, "score": score}
                       for (label,), n, score in _roll_up(groups, "site__name")]
    summary.by_channel = [{"label": channels.get(channel, channel), "visits": n, "score": score}
                          for (channel,), n, score in _roll_up(groups, "channel")]
    summary.by_month = [{"month": month, "visits": n, "score": score}
                        for (month,), n, score in _roll_up(groups, "month")]
    summary.months = [row["month"] for row in summary.by_month]
    trend: dict[str, dict[date, Decimal | None]] = {}
    for (site, month), _n, score in _roll_up(groups, "site__name", "month"):
        trend.setdefault(site, {})[month] = score
    summary.site_trend = [
        {"site": site, "scores": [scores.get(m) for m in summary.months]} for site, scores in trend.items()
    ]
    summary.failing = _failing(review, failing_limit)
    return summary


# Each site's name in English and in Welsh, asked for by column: a site with no Welsh name is
# then shown by its English one on a Welsh page.
SITE_NAMES = ("site__name_en_gb", "site__name_cy")


def _site_name(row: dict) -> str:
    welsh = (translation.get_language() or "").startswith("cy")
    return (row["site__name_cy"] if welsh else None) or row["site__name_en_gb"] or ""


def _mean(total: Decimal, count: int) -> Decimal | None:
    return _round(total / count) if count else None


def _roll_up(groups: list[dict], *fields: str) -> list[tuple[tuple, int, Decimal | None]]:
    """The grouped rows added up by `fields`: (values, visits, average score), in order."""
    totals: dict[tuple, list] = {}
    for row in groups:
        entry = totals.setdefault(tuple(row[f] for f in fields), [0, Decimal(0)])
        entry[0] += row["n"]
        entry[1] += row["total"]
    return [(values, n, _mean(total, n)) for values, (n, total) in sorted(totals.items())]


def _failing(review: Review, limit: int) -> list[dict]:
    """The standards not met most often, with how many judged visits did not meet them."""
    # Counted per standard id alone (grouping on an integer is the cheap part of this query);
    # the few standards found are then read for their key and wording.
    per_version = list(
        Answer.objects.filter(visit__review=review, visit__status=VisitStatus.SUBMITTED,
                              visit__score__isnull=False, passed__isnull=False)
        .values("standard_id")
        .annotate(fails=Count("pk", filter=Q(passed=False)), judged=Count("pk"))
        .order_by("standard_id")
    )
    standards = Standard.objects.in_bulk([row["standard_id"] for row in per_version])
    by_key: dict[Any, dict] = {}
    for row in per_version:  # one row per standard and checklist version: a few dozen
        standard = standards[row["standard_id"]]
        entry = by_key.setdefault(standard.key, {"key": standard.key, "fails": 0, "judged": 0})
        entry["fails"] += row["fails"]
        entry["judged"] += row["judged"]
        # The newest version's wording, and its id for "make this a finding".
        entry["question"], entry["standard_id"] = standard.question, standard.pk
    rows = sorted((e for e in by_key.values() if e["fails"]), key=lambda e: (-e["fails"], e["question"]))
    for entry in rows:
        entry["fail_rate"] = _round(Decimal(entry["fails"]) * 100 / entry["judged"])
    return rows[:limit]


def year_summary(*, start: date, end: date) -> dict[str, Any]:
    """For the Annual Report: visits and inspections made from `start` to `end` (inclusive),
    their average scores, and documents awarded Customer Approved in that time.

    Returns {"mystery_shops", "mystery_shop_score", "inspections", "inspection_score",
    "documents_approved", "visits_by_purpose": [{"label", "visits", "score"}]}."""
    tz = timezone.get_current_timezone()
    since = datetime.combine(start, time.min, tzinfo=tz)
    until = datetime.combine(end, time.max, tzinfo=tz)
    visits = Visit.objects.filter(status=VisitStatus.SUBMITTED, visited_at__range=(since, until))
    totals = visits.aggregate(
        shops=Count("pk", filter=~Q(channel__in=INSPECTION_CHANNELS) & Q(document__isnull=True)),
        shop_score=Avg("score", filter=~Q(channel__in=INSPECTION_CHANNELS) & Q(document__isnull=True)),
        inspections=Count("pk", filter=Q(channel__in=INSPECTION_CHANNELS, document__isnull=True)),
        inspection_score=Avg("score", filter=Q(channel__in=INSPECTION_CHANNELS, document__isnull=True)),
    )
    purposes = {value: str(label) for value, label in ChecklistPurpose.choices}  # in the language now
    by_purpose = [
        {"label": purposes.get(row["checklist__purpose"], row["checklist__purpose"]),
         "visits": row["n"], "score": _round(row["score"])}
        for row in visits.values("checklist__purpose").annotate(n=Count("pk"), score=Avg("score"))
        .order_by("checklist__purpose")
    ]
    approved = CheckedDocument.objects.filter(
        status=DocumentStatus.APPROVED, approved_on__range=(start, end)
    ).count()
    return {
        "mystery_shops": totals["shops"], "mystery_shop_score": _round(totals["shop_score"]),
        "inspections": totals["inspections"], "inspection_score": _round(totals["inspection_score"]),
        "documents_approved": approved, "visits_by_purpose": by_purpose,
    }


def register(*, today: date | None = None) -> QuerySet[CheckedDocument]:
    """Documents awarded Customer Approved and not yet expired, soonest expiry first."""
    today = today or timezone.localdate()
    return (
        CheckedDocument.objects.filter(status=DocumentStatus.APPROVED, expires_on__gte=today)
        .order_by("expires_on", "title")
    )


def sites(*, user: Any, search: str = "") -> QuerySet[Site]:
    """Every site, in use first, each with how many of the visits made to it the person may see;
    `search` on the name, in English or Welsh. Sorted by the English name on every page (a
    query on `name` would be on the page's language's column, empty where no Welsh is written)."""
    found = Site.objects.annotate(visit_count=Count("visits", filter=visible_visits(user, "visits__")))
    if search.strip():
        words = search.strip()
        found = found.filter(Q(name_en_gb__icontains=words) | Q(name_cy__icontains=words))
    return found.order_by("-is_active", "name_en_gb", "kind")
