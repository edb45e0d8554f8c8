"""Reads for review pages and reports, with the joins done so that a page makes the same
number of queries however many findings and pieces of evidence a review has."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.core.paginator import Page, Paginator
from django.db.models import (
    Case,
    Count,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from panels.permissions import panel_ids_for
from reviews.models import (
    Document,
    Draft,
    Evidence,
    EvidenceKind,
    Finding,
    FindingComment,
    FindingKind,
    Interview,
    PerformanceFigure,
    Review,
    SiteVisit,
    SiteVisitPhoto,
    Stage,
)
from scrutiny.permissions import is_staff_role

if TYPE_CHECKING:
    from django.db.models import Model

    from accounts.models import User
    from panels.models import Panel
    from reviews.models import ScopeQuestion, StageChange
    from scrutiny.permissions import Person

RECENT_EVIDENCE = 10
# The review page and the report draft show this many findings a page, so that a review with
# thousands of findings makes a page no bigger than one with a few dozen.
FINDINGS_PER_PAGE = 50
REPORT_FINDINGS_PER_PAGE = 100
# The report draft lists this many pieces of evidence of each kind, then links to the rest.
REPORT_EVIDENCE_SHOWN = 25
NO_QUESTION = 10_000  # findings not linked to a question come after every question
KIND_RANK = Case(
    *[When(kind=value, then=Value(i)) for i, value in enumerate(FindingKind.values)],
    output_field=IntegerField(),
)
PLURALS = {
    FindingKind.STRENGTH: _("Strengths"), FindingKind.WEAKNESS: _("Weaknesses"),
    FindingKind.OBSERVATION: _("Observations"),
    EvidenceKind.DOCUMENT: _("Documents"), EvidenceKind.FIGURE: _("Performance figures"),
    EvidenceKind.INTERVIEW: _("Interviews"), EvidenceKind.SITE_VISIT: _("Site visits"),
}


def _count(model: type[Model], field: str = "review") -> Coalesce:
    """A subquery counting a review's related rows, so counts never multiply each other."""
    return Coalesce(
        Subquery(
            model.objects.filter(**{field: OuterRef("pk")}).order_by()
            .values(field).annotate(n=Count("pk")).values("n"),
            output_field=IntegerField(),
        ),
        Value(0),
    )


def visible_reviews(user: Person) -> QuerySet[Review]:
    """Reviews the person may see: all for staff, their panels' reviews for tenants."""
    reviews = Review.objects.select_related("panel", "service_area")
    if is_staff_role(user):
        return reviews
    return reviews.filter(panel_id__in=panel_ids_for(user))


def with_counts(reviews: QuerySet[Review]) -> QuerySet[Review]:
    """Reviews annotated with how many findings and pieces of evidence each has."""
    return reviews.annotate(finding_count=_count(Finding), evidence_count=_count(Evidence))


def reviews_for_panel(panel: Panel) -> QuerySet[Review]:
    """A panel's reviews, newest first, with counts: for the panel's page."""
    return with_counts(
        Review.objects.filter(panel=panel).select_related("service_area", "lead_member")
    )


def reviews_in_progress_for(user: User) -> QuerySet[Review]:
    """Reviews not yet closed in the person's panels, or that they lead or support (rows alone:
    reviews/kept_items.py draws them with their counts)."""
    mine = Q(panel_id__in=panel_ids_for(user)) | Q(lead_member=user) | Q(supporting_officer=user)
    return Review.objects.filter(mine).exclude(stage=Stage.CLOSED).order_by("planned_end", "title")


def stage_timeline(review: Review, changes: Iterable[StageChange]) -> list[dict[str, Any]]:
    """Each stage in order with when it was last reached and by whom, and where the review is."""
    reached = {}
    for earlier in changes:
        reached[earlier.to_stage] = earlier
    current = Stage.position(review.stage)
    timeline = []
    for position, (value, label) in enumerate(Stage.choices):
        if position < current:
            status = "done"
        elif position == current:
            status = "current"
        else:
            status = "to do"
        change = reached.get(value) if position <= current else None
        timeline.append({"stage": value, "label": label, "status": status, "change": change})
    return timeline


def _findings(review: Review) -> QuerySet[Finding]:
    return (
        Finding.objects.filter(review=review)
        .select_related("question", "raised_by")
        .prefetch_related(
            Prefetch("evidence", queryset=Evidence.objects.only("id", "review_id", "kind", "title"))
        )
        .annotate(
            comment_count=Count("comments"),
            agree_count=Count("comments", filter=Q(comments__kind="agree")),
            challenge_count=Count("comments", filter=Q(comments__kind="challenge")),
        )
    )


def ordered_findings(review: Review) -> list[Finding]:
    """The review's findings in report order: by question, then strengths, weaknesses and
    observations, then when they were logged."""
    findings = list(_findings(review))
    findings.sort(
        key=lambda f: (
            f.question.number if f.question is not None else 10_000,
            FindingKind.position(f.kind),
            f.created_at,
            f.pk,
        )
    )
    return findings


def group_findings(
    findings: Iterable[Finding], questions: Iterable[ScopeQuestion]
) -> list[dict[str, Any]]:
    """Findings grouped by question (unlinked last), each group split by kind."""
    groups: OrderedDict[int | None, dict[str, Any]] = OrderedDict(
        (q.pk, {"question": q, "kinds": _empty_kinds()}) for q in questions
    )
    loose: dict[str, Any] = {"question": None, "kinds": _empty_kinds()}
    for finding in findings:
        group = groups.get(finding.question_id, loose)
        group["kinds"][finding.kind]["findings"].append(finding)
    result = list(groups.values())
    if any(k["findings"] for k in loose["kinds"].values()):
        result.append(loose)
    for group in result:
        group["count"] = sum(len(k["findings"]) for k in group["kinds"].values())
        group["kinds"] = [k for k in group["kinds"].values() if k["findings"]]
    return result


def _empty_kinds() -> OrderedDict[str, dict[str, Any]]:
    return OrderedDict(
        (value, {"kind": value, "label": label, "plural": PLURALS[value], "findings": []})
        for value, label in FindingKind.choices
    )


def findings_by_kind(findings: list[Finding]) -> list[dict[str, Any]]:
    """The findings split by kind (strengths, weaknesses, observations), each kind listed."""
    return [
        {"kind": value, "label": label, "plural": PLURALS[value],
         "findings": [f for f in findings if f.kind == value]}
        for value, label in FindingKind.choices
    ]


def evidence_counts(review: Review) -> list[dict[str, Any]]:
    """How many of each kind of evidence the review has, every kind listed."""
    counts = dict(
        Evidence.objects.filter(review=review).order_by().values_list("kind").annotate(n=Count("pk"))
    )
    return [
        {"kind": value, "label": label, "plural": PLURALS[value], "count": counts.get(value, 0)}
        for value, label in EvidenceKind.choices
    ]


def _finding_rows(review: Review, group_by: str) -> QuerySet:
    """The review's findings in page order: by question then type, or by type then question."""
    ranked = Finding.objects.filter(review=review).select_related("question", "raised_by").annotate(
        question_rank=Coalesce("question__number", Value(NO_QUESTION)), kind_rank=KIND_RANK
    )
    if group_by == "type":
        return ranked.order_by("kind_rank", "question_rank", "created_at", "pk")
    return ranked.order_by("question_rank", "kind_rank", "created_at", "pk")


def _add_evidence_and_comment_counts(findings: list[Finding]) -> None:
    """Each finding's evidence and comment counts, in two queries for the whole page."""
    prefetch_related_objects(
        findings, Prefetch("evidence", queryset=Evidence.objects.only("id", "review_id", "kind", "title"))
    )
    rows = FindingComment.objects.filter(finding__in=findings).order_by().values("finding_id").annotate(
        n=Count("pk"), agree=Count("pk", filter=Q(kind="agree")),
        challenge=Count("pk", filter=Q(kind="challenge")),
    )
    counts = {row["finding_id"]: row for row in rows}
    for finding in findings:
        row = counts.get(finding.pk, {})
        finding.comment_count = row.get("n", 0)
        finding.agree_count = row.get("agree", 0)
        finding.challenge_count = row.get("challenge", 0)


def finding_totals(review: Review) -> dict:
    """How many findings the review has in all, of each type and for each question, in one query."""
    rows = list(
        Finding.objects.filter(review=review).order_by().values("kind", "question_id").annotate(n=Count("pk"))
    )
    by_kind = dict.fromkeys(FindingKind.values, 0)
    by_question: dict[int | None, int] = {}
    for row in rows:
        by_kind[row["kind"]] += row["n"]
        by_question[row["question_id"]] = by_question.get(row["question_id"], 0) + row["n"]
    return {"all": sum(by_kind.values()), "by_kind": by_kind, "by_question": by_question}


def findings_page(
    review: Review, *, questions: list, group_by: str = "question", page_number: int | str | None = 1,
    per_page: int = FINDINGS_PER_PAGE,
) -> dict:
    """One page of the review's findings, grouped one way (by question or by type), with the
    totals for every group, in a fixed number of queries however many findings there are."""
    page: Page = Paginator(_finding_rows(review, group_by), per_page).get_page(page_number)
    findings = list(page.object_list)
    _add_evidence_and_comment_counts(findings)
    for number, finding in enumerate(findings, start=page.start_index()):
        finding.number = number
    totals = finding_totals(review)
    by_kind = findings_by_kind(findings)
    for group in by_kind:
        group["total"] = totals["by_kind"][group["kind"]]
    groups = group_findings(findings, questions)
    for group in groups:
        group["total"] = totals["by_question"].get(group["question"].pk if group["question"] else None, 0)
    if page.has_other_pages():
        # A question with no findings at all is said once, on the first page; otherwise a page
        # shows only the groups it has findings in.
        groups = [g for g in groups if g["count"] or (not g["total"] and page.number == 1)]
    return {
        "findings": findings,
        "finding_page": page,
        "finding_totals": totals,
        "finding_groups": groups,
        "findings_by_kind": by_kind,
    }


def review_page(
    review: Review, *, group_by: str = "question", page_number: int | str | None = 1, findings: bool = True,
    questions: list[ScopeQuestion] | None = None,
) -> dict:
    """Everything the review page shows, in a fixed number of queries and a bounded size;
    without the page of findings if `findings` is false (the page keeps that part cached)."""
    questions = list(review.questions.all()) if questions is None else questions
    changes = list(review.stage_changes.select_related("changed_by"))
    counts = evidence_counts(review)
    found = (
        findings_page(review, questions=questions, group_by=group_by, page_number=page_number)
        if findings else {}
    )
    return {
        "questions": questions,
        **found,
        "timeline": stage_timeline(review, changes),
        "stage_changes": changes,
        "evidence_counts": counts,
        "evidence_total": sum(c["count"] for c in counts),
        "recent_evidence": list(
            Evidence.objects.filter(review=review).select_related("added_by")[:RECENT_EVIDENCE]
        ),
    }


EVIDENCE_CHOICES_SHOWN = 50


def evidence_for_choice(review: Review) -> QuerySet[Evidence]:
    """The review's evidence for a finding's checkboxes: kind and title only."""
    return Evidence.objects.filter(review=review).only("id", "review_id", "kind", "title", "date")


def evidence_choices_shown(*, review: Review, keep: Iterable[int], search: str = "") -> list[Evidence]:
    """The boxes a finding's form shows: the evidence already ticked (keep), then the
    EVIDENCE_CHOICES_SHOWN most recent pieces (with search, those whose title contains it)."""
    choices = evidence_for_choice(review)
    kept = list(choices.filter(pk__in=list(keep)).order_by("-created_at", "-pk"))
    recent = choices.exclude(pk__in=[e.pk for e in kept]).order_by("-created_at", "-pk")
    if search:
        recent = recent.filter(title__icontains=search)
    return kept + list(recent[:EVIDENCE_CHOICES_SHOWN])


def evidence_detail(evidence: Evidence) -> tuple[Evidence, list[Finding]]:
    """A piece of evidence with its kind's details, people, photos and the findings on it."""
    model = {
        EvidenceKind.DOCUMENT: Document,
        EvidenceKind.FIGURE: PerformanceFigure,
        EvidenceKind.INTERVIEW: Interview,
        EvidenceKind.SITE_VISIT: SiteVisit,
    }[evidence.kind]
    qs = model.objects.select_related("review", "review__panel", "added_by")
    if model is Interview:
        qs = qs.prefetch_related("interviewers")
    if model is SiteVisit:
        qs = qs.prefetch_related("visitors", "photos")
    item = qs.get(pk=evidence.pk)
    findings = list(evidence.findings.select_related("question").order_by("created_at"))
    return item, findings


def visible_evidence(user: Person) -> QuerySet[Evidence]:
    """Evidence from the reviews the person may see, for the evidence list."""
    evidence = Evidence.objects.select_related("review", "review__panel", "added_by", "figure")
    if is_staff_role(user):
        return evidence
    return evidence.filter(review__panel_id__in=panel_ids_for(user))


def report(review: Review, *, page_number: int | str | None = None) -> dict:
    """The review report draft: scope, method, evidence summary and findings in order.

    Plain data, so that the PDF report can be made from the same dictionary. With a page number
    (the web page) it holds one page of findings and the first few pieces of evidence of each
    kind, so the page stays small; without one (the PDF) it holds everything."""
    bounded = page_number is not None
    limit = REPORT_EVIDENCE_SHOWN if bounded else None
    documents = Document.objects.filter(review=review).select_related("added_by").order_by("date", "pk")
    figures = PerformanceFigure.objects.filter(review=review).order_by("measure", "period", "pk")
    interviews = (
        Interview.objects.filter(review=review).prefetch_related("interviewers").order_by("date", "pk")
    )
    visits = (
        SiteVisit.objects.filter(review=review)
        .prefetch_related("visitors", Prefetch("photos", queryset=SiteVisitPhoto.objects.all()))
        .order_by("date", "pk")
    )
    counts = {c["kind"]: c["count"] for c in evidence_counts(review)}
    questions = list(review.questions.all())
    if bounded:
        findings_part = findings_page(
            review, questions=questions, page_number=page_number, per_page=REPORT_FINDINGS_PER_PAGE
        )
    else:
        findings = ordered_findings(review)
        for number, finding in enumerate(findings, start=1):
            finding.number = number
        findings_part = {
            "findings": findings, "finding_groups": group_findings(findings, questions),
            "findings_by_kind": findings_by_kind(findings),
        }
    return {
        "review": review,
        "questions": questions,
        "documents": list(documents[:limit]),
        "figures": list(figures[:limit]),
        "interviews": list(interviews[:limit]),
        "site_visits": list(visits[:limit]),
        "evidence_count": counts,
        "evidence_shown": limit,
        **findings_part,
        "evidence_total": sum(counts.values()),
    }


def draft_for(user: User, form: str, object_id: int | None) -> Draft | None:
    """The person's saved draft of a form for an object, or None."""
    return Draft.objects.filter(user=user, form=form, object_id=object_id).first()
