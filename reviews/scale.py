"""Reviews of the scale landlord: 400 reviews over ten years with 30,000 pieces of evidence,
40,000 findings (1,500 of them in one very large review) and 20,000 comments."""

from datetime import timedelta
from decimal import Decimal

from reviews.models import (
    CommentKind,
    Document,
    Evidence,
    EvidenceKind,
    Finding,
    FindingComment,
    FindingKind,
    Interview,
    PerformanceFigure,
    Review,
    ReviewKind,
    ScopeQuestion,
    ServiceArea,
    SiteVisit,
    Stage,
    StageChange,
)
from reviews.search import refresh_all
from scrutiny.scale import Plan, bulk, bulk_children

REVIEWS = 400
EVIDENCE = 30_000
FINDINGS = 40_000
COMMENTS = 20_000
LARGE_REVIEW = "Scale: Repairs review (very large)"
LARGE_FINDINGS = 1_500
LARGE_EVIDENCE = 600
AREAS = [
    "Repairs", "Complaints", "Anti-social behaviour", "Empty homes", "Rent arrears", "Allocations",
    "Estate services", "Gas safety", "Adaptations", "Tenant engagement", "Damp and mould", "Lettings",
]
SUBJECTS = [
    "repairs", "complaint letters", "call waiting times", "the website", "estate cleaning", "void homes",
    "rent statements", "damp and mould", "adaptations", "anti-social behaviour cases", "the repairs line",
]
VERBS = [
    "Tenants told us that", "The figures show that", "We found that", "Staff explained that",
    "On our visit we saw that",
]
ENDINGS = [
    "are often late and nobody says why.", "are clear and easy to follow.",
    "are handled well when tenants chase them.", "take longer than the landlord's target.",
    "vary a lot between offices.", "improved after the last review.",
]
EVIDENCE_KINDS = [EvidenceKind.DOCUMENT] * 4 + [EvidenceKind.FIGURE] * 3 + [EvidenceKind.INTERVIEW] * 2 + [
    EvidenceKind.SITE_VISIT
]


def seed(plan: Plan) -> None:
    """Make the reviews and their content once; either way, note their ids for later steps."""
    if not Review.objects.filter(title__startswith="Scale: ").exists():
        _make(plan)
    reviews = Review.objects.filter(title__startswith="Scale: ").order_by("pk")
    plan.made["reviews"] = list(reviews.values_list("pk", "panel_id", "stage", "service_area_id"))
    plan.made["large_review"] = reviews.get(title=LARGE_REVIEW).pk


def _sentence(plan: Plan) -> str:
    rnd = plan.random
    return f"{rnd.choice(VERBS)} {rnd.choice(SUBJECTS)} {rnd.choice(ENDINGS)}"


def _make(plan: Plan) -> None:
    rnd = plan.random
    areas = [ServiceArea.objects.get_or_create(name=name)[0] for name in AREAS]
    panels, active = plan.made["panels"], plan.made["active_panel"]
    people = plan.made["people"]
    members = plan.made["members"]
    count = plan.count(REVIEWS, least=4)
    stages = Stage.values
    reviews = [Review(
        panel_id=active, title=LARGE_REVIEW, service_area=areas[0], kind=ReviewKind.SCRUTINY_REVIEW,
        scope="How well the repairs service works for tenants, from reporting a repair to its completion.",
        method="Documents, figures, interviews with staff and tenants, and visits.",
        planned_start=plan.today - timedelta(days=200), planned_end=plan.today + timedelta(days=100),
        lead_member_id=people["tenant"][0], supporting_officer_id=people["officer"][0], stage=Stage.ANALYSIS,
    )]
    for n in range(1, count):
        start = plan.day()
        age = (plan.today - start).days
        # Old reviews are closed; the newest are still going.
        stage = Stage.CLOSED if age > 700 else stages[min(len(stages) - 1, rnd.randint(0, 5))]
        panel = active if n % 4 == 0 else rnd.choice(panels)
        reviews.append(Review(
            panel_id=panel, title=f"Scale: {rnd.choice(AREAS)} review {n}", service_area=rnd.choice(areas),
            kind=rnd.choice(ReviewKind.values), scope=f"How well {rnd.choice(SUBJECTS)} work for tenants.",
            method="Documents, figures and interviews.", planned_start=start,
            planned_end=start + timedelta(days=rnd.randint(60, 300)),
            lead_member_id=rnd.choice(members[panel] or people["tenant"]),
            supporting_officer_id=rnd.choice(people["officer"]), stage=stage,
        ))
    reviews = bulk(Review, reviews)
    questions = bulk(ScopeQuestion, [
        ScopeQuestion(review=r, number=q, text=f"How well does the service do part {q} of its job?")
        for r in reviews for q in range(1, rnd.randint(3, 6) + 1)
    ])
    questions_of: dict[int, list[ScopeQuestion]] = {}
    for q in questions:
        questions_of.setdefault(q.review_id, []).append(q)
    changes = []
    for r in reviews:
        for position in range(Stage.position(r.stage) + 1):
            changes.append(StageChange(
                review=r, from_stage=stages[position - 1] if position else "", to_stage=stages[position],
                changed_by_id=r.supporting_officer_id, note="Moved on at the panel meeting.",
            ))
    bulk(StageChange, changes)
    evidence = _evidence(plan, reviews)
    findings = _findings(plan, reviews, questions_of, evidence)
    _comments(plan, findings, reviews)
    refresh_all()  # bulk inserts send no signals: write every row's search words at once
    plan.note(
        f"{len(reviews)} reviews, {len(questions)} questions, {len(changes)} stage changes, "
        f"{sum(len(v) for v in evidence.values())} pieces of evidence, {len(findings)} findings"
    )


def _spread(plan: Plan, total: int, reviews: list[Review], large: int) -> list[int]:
    """How many rows each review gets: `large` for the first, the rest shared at random."""
    rest = max(0, total - large)
    weights = [plan.random.random() for _ in reviews[1:]]
    scale = rest / (sum(weights) or 1)
    return [large] + [round(w * scale) for w in weights]


def _evidence(plan: Plan, reviews: list[Review]) -> dict[int, list[int]]:
    rnd = plan.random
    per_review = _spread(plan, plan.count(EVIDENCE), reviews, plan.count(LARGE_EVIDENCE, least=20))
    parents = []
    for review, n in zip(reviews, per_review, strict=True):
        for i in range(n):
            kind = rnd.choice(EVIDENCE_KINDS)
            parents.append(Evidence(
                review=review, kind=kind, title=f"{kind.label} {i + 1}: {rnd.choice(SUBJECTS)}",
                source=rnd.choice(["Repairs team", "Complaints team", "Website", "Tenants"]),
                date=plan.day(), description=_sentence(plan), added_by_id=review.lead_member_id,
            ))
    parents = bulk(Evidence, parents)
    children: dict[str, list] = {kind: [] for kind in EvidenceKind.values}
    for e in parents:
        child: Evidence
        if e.kind == EvidenceKind.DOCUMENT:
            child = Document(
                evidence_ptr_id=e.pk, file="evidence/scale/report.pdf", original_name="report.pdf",
                size=120_000,
            )
        elif e.kind == EvidenceKind.FIGURE:
            child = PerformanceFigure(
                evidence_ptr_id=e.pk, measure=f"Share of {rnd.choice(SUBJECTS)} on time",
                value=Decimal(rnd.randint(40, 99)), unit="%", period=str(e.date.year if e.date else ""),
                target=Decimal(90), higher_is_better=True,
            )
        elif e.kind == EvidenceKind.INTERVIEW:
            child = Interview(evidence_ptr_id=e.pk, interviewee_role="Housing officer",
                              questions="What gets in the way?", notes=_sentence(plan))
        else:
            child = SiteVisit(evidence_ptr_id=e.pk, place="North area office", notes=_sentence(plan))
        children[e.kind].append(child)
    for model, kind in ((Document, EvidenceKind.DOCUMENT), (PerformanceFigure, EvidenceKind.FIGURE),
                        (Interview, EvidenceKind.INTERVIEW), (SiteVisit, EvidenceKind.SITE_VISIT)):
        bulk_children(model, children[kind])
    of_review: dict[int, list[int]] = {}
    for e in parents:
        of_review.setdefault(e.review_id, []).append(e.pk)
    return of_review


def _findings(
    plan: Plan, reviews: list[Review], questions_of: dict[int, list[ScopeQuestion]],
    evidence: dict[int, list[int]],
) -> list[Finding]:
    rnd = plan.random
    per_review = _spread(plan, plan.count(FINDINGS), reviews, plan.count(LARGE_FINDINGS, least=60))
    findings = []
    for review, n in zip(reviews, per_review, strict=True):
        questions = questions_of.get(review.pk, [])
        for _ in range(n):
            findings.append(Finding(
                review=review, kind=rnd.choice(FindingKind.values), statement=_sentence(plan),
                question=rnd.choice(questions) if questions and rnd.random() < 0.85 else None,
                raised_by_id=review.lead_member_id,
            ))
    findings = bulk(Finding, findings)
    through = Finding.evidence.through
    links = []
    for f in findings:
        pool = evidence.get(f.review_id, [])
        for evidence_id in set(rnd.sample(pool, min(2, len(pool)))):
            links.append(through(finding_id=f.pk, evidence_id=evidence_id))
    bulk(through, links)
    return findings


def _comments(plan: Plan, findings: list[Finding], reviews: list[Review]) -> None:
    rnd = plan.random
    members = plan.made["members"]
    panel_of = {r.pk: r.panel_id for r in reviews}
    comments = []
    for _ in range(plan.count(COMMENTS)):
        finding = rnd.choice(findings)
        authors = members[panel_of[finding.review_id]] or plan.made["people"]["tenant"]
        comments.append(FindingComment(
            finding=finding, author_id=rnd.choice(authors), kind=rnd.choice(CommentKind.values),
            text="I saw the same when I rang the repairs line.",
        ))
    bulk(FindingComment, comments)
