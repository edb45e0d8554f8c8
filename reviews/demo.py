"""Demo reviews: the SURE Team's complaints handling and repairs communications reviews, with
fictional evidence, interviews, a site visit each and findings, plus the next review being scoped.
Tenants choose the topics: each review is proposed by a member with its scope and questions and
confirmed by the chair, through the services.

Everything is found by its review and title or wording, so running the seed again adds nothing.
Dates are set relative to today so the reviews line up with the demo recommendations' story."""

import io
from datetime import date, timedelta
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from accounts.demo import demo_user
from accounts.models import Role, User
from panels.models import Membership, Panel, PanelKind, PanelRole
from reviews import services
from reviews.demo_content import COMPLAINTS, NEXT_REVIEW, REPAIRS
from reviews.models import (
    Document,
    Evidence,
    Finding,
    FindingComment,
    Interview,
    PerformanceFigure,
    Review,
    ReviewKind,
    ServiceArea,
    SiteVisit,
    SiteVisitPhoto,
    StageChange,
)

EXTRA_PEOPLE = {
    "sure_chair": ("iain.robertson@example.org", "Iain Robertson", Role.TENANT, PanelRole.CHAIR),
    "sure_member": ("aileen.stewart@example.org", "Aileen Stewart", Role.TENANT, PanelRole.MEMBER),
}


def _today() -> date:
    return timezone.localdate()


def _member(panel: Panel, user: User | None, role: str) -> None:
    if user and not Membership.objects.current().filter(panel=panel, user=user).exists():
        Membership.objects.create(
            panel=panel, user=user, role=role, joined_on=_today() - timedelta(days=500)
        )


def _pdf(title: str, paragraphs: list[str]) -> bytes:
    """A small real PDF, so the demo's download links give a file that opens."""
    from weasyprint import HTML  # slow to import; only needed here

    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    html = f"<html lang='en-GB'><head><title>{title}</title></head><body><h1>{title}</h1>{body}</body></html>"
    return HTML(string=html).write_pdf()


def _photo(caption: str) -> bytes:
    """A plain illustrative picture (no camera, no location data)."""
    img = Image.new("RGB", (480, 320), (214, 222, 230))
    draw = ImageDraw.Draw(img)
    draw.rectangle([40, 180, 440, 260], fill=(120, 90, 60))
    draw.text((40, 40), caption[:60], fill=(20, 20, 20))
    out = io.BytesIO()
    img.save(out, format="JPEG", quality=85)
    return out.getvalue()


def _review(panel: Panel, spec: dict[str, Any], people: dict[str, User]) -> Review | None:
    """The review, proposed by a tenant with its scope and questions, confirmed by the chair and
    moved through its stages, all through the services; then each step dated in the past."""
    review = Review.objects.filter(title=spec["title"], panel=panel).first()
    tenant, chair = people.get("tenant"), people.get("sure_chair")
    if review is not None or tenant is None or chair is None:
        return review
    review = services.create_review(
        by=tenant, panel=panel, title=spec["title"], kind=ReviewKind.SCRUTINY_REVIEW,
        service_area=ServiceArea.objects.get_or_create(name=spec["area"])[0],
        scope=spec["scope"], method=spec["method"], questions=spec["questions"],
        planned_start=_today() - timedelta(days=spec["start"]),
        planned_end=_today() - timedelta(days=spec["end"]),
        lead_member=tenant, supporting_officer=people.get("officer"),
    )
    services.confirm_review(review=review, by=chair)
    for stage, _ago in spec["stages"][1:]:
        services.move_stage(review=review, to_stage=stage, by=chair)
    proposed = spec["stages"][0][1] + 14
    days = [proposed] + [ago for _stage, ago in spec["stages"]]
    for change, ago in zip(review.stage_changes.order_by("pk"), days, strict=True):
        StageChange.objects.filter(pk=change.pk).update(changed_at=timezone.now() - timedelta(days=ago))
    Review.objects.filter(pk=review.pk).update(created_at=timezone.now() - timedelta(days=proposed))
    review.refresh_from_db()
    return review


def _evidence(review: Review, spec: dict[str, Any], people: dict[str, User]) -> dict[str, Evidence]:
    """Create each piece of evidence once, found again by its title."""
    made: dict[str, Evidence] = {}
    date = _today() - timedelta(days=spec["start"] - 20)
    for item in spec["documents"]:
        doc = Document.objects.filter(review=review, title=item["title"]).first()
        if doc is None:
            if item["format"] == "pdf":
                content, name = _pdf(item["title"], item["text"]), item["file"] + ".pdf"
            else:
                content, name = "\n\n".join(item["text"]).encode(), item["file"] + ".txt"
            doc = Document(
                review=review, title=item["title"], source=item["source"], date=date,
                description=item["description"], added_by=people.get("officer"),
                original_name=name, size=len(content),
            )
            doc.file.save(name, ContentFile(content), save=False)
            doc.save()
        made[item["key"]] = doc
    for item in spec["figures"]:
        fields = {k: v for k, v in item.items() if k != "key"}
        figure, _ = PerformanceFigure.objects.get_or_create(
            review=review, title=item["measure"],
            defaults={**fields, "source": "Housing Services performance report", "date": date,
                      "added_by": people.get("officer")},
        )
        made[item["key"]] = figure
    for item in spec["interviews"]:
        interview, created = Interview.objects.get_or_create(
            review=review, title=f"Interview with {item['role']}",
            defaults={"interviewee_role": item["role"], "questions": item["questions"],
                      "notes": item["notes"], "date": date + timedelta(days=item["day"]),
                      "added_by": people.get("tenant")},
        )
        if created:
            interview.interviewers.set([p for p in (people.get("tenant"), people.get("sure_member")) if p])
        made[item["key"]] = interview
    item = spec["site_visit"]
    visit, created = SiteVisit.objects.get_or_create(
        review=review, title=f"Visit to {item['place']}",
        defaults={"place": item["place"], "notes": item["notes"], "date": date + timedelta(days=30),
                  "added_by": people.get("tenant")},
    )
    if created:
        visit.visitors.set([p for p in (people.get("tenant"), people.get("sure_chair")) if p])
    if not visit.photos.exists():
        photo = SiteVisitPhoto(site_visit=visit, description=item["photo"], added_by=people.get("tenant"))
        photo.file.save("visit.jpg", ContentFile(_photo(item["photo"])), save=False)
        photo.save()
    made[item["key"]] = visit
    return made


def _findings(
    review: Review, spec: dict[str, Any], evidence: dict[str, Evidence], people: dict[str, User]
) -> None:
    questions = {q.number: q for q in review.questions.all()}
    authors = [people.get("tenant"), people.get("sure_chair"), people.get("sure_member")]
    for i, item in enumerate(spec["findings"]):
        finding, created = Finding.objects.get_or_create(
            review=review, statement=item["statement"],
            defaults={"kind": item["kind"], "question": questions.get(item["question"]),
                      "raised_by": authors[i % len(authors)]},
        )
        if created:
            finding.evidence.set([evidence[k] for k in item["evidence"]])
            for author_key, kind, text in item.get("comments", ()):
                FindingComment.objects.create(
                    finding=finding, author=people.get(author_key), kind=kind, text=text
                )


def seed(*, password: str, people: dict[str, User]) -> dict[str, User]:
    """Demo data for this app; idempotent. Returns any demo people it adds, by key."""
    added = {
        key: demo_user(email, name, role, password)
        for key, (email, name, role, _panel_role) in EXTRA_PEOPLE.items()
    }
    people = {**people, **added}
    sure, _ = Panel.objects.get_or_create(name="SURE Team", defaults={"kind": PanelKind.SCRUTINY_PANEL})
    _member(sure, people.get("tenant"), PanelRole.MEMBER)
    _member(sure, people.get("officer"), PanelRole.SUPPORTING_OFFICER)
    for key, (*_rest, panel_role) in EXTRA_PEOPLE.items():
        _member(sure, added[key], panel_role)
    for spec in (COMPLAINTS, REPAIRS):
        review = _review(sure, spec, people)
        if review is None:
            raise ValueError("The demo reviews need the demo tenant and the SURE Team's chair.")
        evidence = _evidence(review, spec, people)
        _findings(review, spec, evidence, people)
    _review(sure, NEXT_REVIEW, people)
    return added
