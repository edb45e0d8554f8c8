"""Demo visits in the Perth shape: about 60 mystery shops over five months to three local
offices by phone and in person, empty-home and hostel inspections with photos, and two
documents checked (one Customer Approved, one sent back). Fictional; idempotent (each programme
is found by its title and filled only once)."""

import io
import random
from datetime import date, datetime, time, timedelta
from typing import Any

from django.apps import apps
from django.core.files.base import ContentFile, File
from django.utils import timezone
from PIL import Image, ImageDraw

from accounts.models import User
from mysteryshop.models import (
    Answer,
    CheckedDocument,
    Checklist,
    DocumentStatus,
    Site,
    SiteKind,
    Visit,
    VisitFinding,
    VisitPhoto,
    VisitStatus,
)
from mysteryshop.scoring import score_answer
from mysteryshop.seed import seed_all
from mysteryshop.services.visits import refresh_totals
from panels.models import Membership, Panel, PanelKind
from reviews.models import Finding, FindingKind, Review, ReviewKind, Stage
from scrutiny.uploads import prepare_upload

OFFICES = {"Perth local office": 0.88, "Crieff local office": 0.74, "Blairgowrie local office": 0.6}
HOMES = ["12 Muirton Place, Perth", "4 Hunter Crescent, Perth", "27 Strathearn Terrace, Crieff",
         "9 Rattray Road, Blairgowrie", "3 Letham Way, Perth", "15 Burrell Street, Crieff"]
HOSTELS = ["Greyfriars House hostel", "Leonard Street temporary flats"]
PLAIN_LETTER = (
    "Your new tenancy: what happens next\n\n"
    "Welcome to your new home. We will visit you in the first six weeks. We want to check you are "
    "settling in and answer any questions.\n\nYour rent is due every Monday. You can pay online, "
    "by phone or at any local office.\n\nIf something needs fixing, call us on 01738 000000. "
    "Tell us your name, your address and what is wrong.\n\nWe can give you this letter in large "
    "print or another language. Just ask."
)
JARGON_LETTER = (
    "Notice of action regarding arrears\n\n"
    "Notwithstanding the aforementioned correspondence, your account remains in arrears in "
    "accordance with the terms of your tenancy agreement and the Council hereby advises that, "
    "in the event of non-payment prior to the date specified, it will commence proceedings which "
    "may result in the termination of your tenancy and an application for decree for recovery of "
    "possession of the subjects.\n\nPlease utilise the enclosed form to facilitate payment."
)


def _jpeg(caption: str) -> File:
    """A small illustrative photo made here (no camera, no location), through the upload service."""
    img = Image.new("RGB", (480, 320), (205, 214, 222))
    draw = ImageDraw.Draw(img)
    draw.rectangle((20, 20, 460, 300), outline=(60, 70, 80), width=4)
    draw.text((40, 150), caption[:60], fill=(20, 20, 20))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=80)
    return prepare_upload(ContentFile(out.getvalue(), name="photo.jpg"))


def _answer_all(visit: Visit, checklist: Checklist, rng: random.Random, good: float) -> None:
    """Answers to every scored standard, good with probability `good`; totals stored."""
    answers = []
    value: dict[str, Any]
    for standard in checklist.standards.all():
        kind = standard.answer_type
        if kind == "text":
            continue
        ok = rng.random() < good
        if kind == "yes_no":
            value = {"choice": "yes" if ok else "no"}
            if not standard.required and rng.random() < 0.3:
                value = {"not_applicable": True}
        elif kind == "rating":
            value = {"rating": rng.choice([4, 5]) if ok else rng.choice([1, 2, 3])}
        else:
            limit = int(standard.threshold or 0)
            value = {"number": max(0, limit - rng.randint(0, 3)) if ok else limit + rng.randint(1, 4)}
            if not standard.lower_is_better:
                value = {"number": limit + 1 if ok else max(0, limit - 1)}
        result = score_answer(standard, **value)
        answers.append(Answer(visit=visit, standard=standard, points=result.points,
                              max_points=result.max_points, passed=result.passed, **value))
    Answer.objects.bulk_create(answers)
    refresh_totals(visit)


def _programme(panel: Panel, title: str, kind: str, people: dict[str, User]) -> Review:
    review, _ = Review.objects.get_or_create(
        panel=panel, title=title,
        defaults={"kind": kind, "stage": Stage.EVIDENCE, "created_by": people.get("admin"),
                  "scope": "Checking services as tenants meet them, against published standards."},
    )
    return review


def _shoppers(panel: Panel, people: dict[str, User]) -> list[User]:
    members = list(
        Membership.objects.current().filter(panel=panel, user__role="tenant").select_related("user")
    )
    users = [m.user for m in members] or [people.get("tenant")]
    return [u for u in users if u is not None]


def _mystery_shopping(panel: Panel, people: dict[str, User], rng: random.Random, today: date) -> Review:
    title = "Mystery shopping of local housing offices"
    review = _programme(panel, title, ReviewKind.MYSTERY_SHOPPING, people)
    if review.visits.exists():
        return review
    shoppers = _shoppers(panel, people)
    phone = Checklist.objects.get(purpose="phone", is_current=True, title="Telephone contact")
    office = Checklist.objects.get(purpose="office", is_current=True, title="Office visit")
    sites = [Site.objects.get_or_create(name=n, kind=SiteKind.OFFICE)[0] for n in OFFICES]
    start = today.replace(day=1) - timedelta(days=150)
    tz = timezone.get_current_timezone()
    for i in range(60):
        site = sites[i % 3]
        day = start + timedelta(days=(i * 150) // 60 + rng.randint(0, 2))
        by_phone = i % 2 == 0
        good = OFFICES[site.name] + (0.04 * (i / 12) if "Blairgowrie" in site.name else 0)
        visit = Visit.objects.create(
            review=review, checklist=phone if by_phone else office, site=site,
            channel="phone" if by_phone else "in_person", shopper=shoppers[i % len(shoppers)],
            visited_at=datetime.combine(day, time(9 + i % 7, 15), tzinfo=tz),
            status=VisitStatus.SUBMITTED, submitted_at=timezone.now(),
        )
        _answer_all(visit, visit.checklist, rng, min(good, 0.97))
    name = phone.standards.get(question__startswith="Did the person who answered")
    failing = review.visits.filter(answers__standard=name, answers__passed=False).distinct()
    if failing.exists():
        finding = Finding.objects.create(
            review=review, kind=FindingKind.WEAKNESS, raised_by=shoppers[0],
            statement="Staff answering the phone often do not give their name, most of all at "
                      "the Blairgowrie office.",
        )
        source = VisitFinding.objects.create(finding=finding, standard_key=name.key, question=name.question)
        source.visits.set(failing)
    return review


def _inspections(panel: Panel, people: dict[str, User], rng: random.Random, today: date) -> Review:
    review = _programme(panel, "Empty homes and hostels: quality checks", ReviewKind.INSPECTION, people)
    if review.visits.exists():
        return review
    shoppers = _shoppers(panel, people)
    empty = Checklist.objects.get(purpose="empty_home", is_current=True)
    hostel = Checklist.objects.get(purpose="hostel", is_current=True)
    tz = timezone.get_current_timezone()
    places = [(n, SiteKind.PROPERTY, empty) for n in HOMES] + [(n, SiteKind.HOSTEL, hostel) for n in HOSTELS]
    for i, (name, kind, checklist) in enumerate(places):
        site, _ = Site.objects.get_or_create(name=name, kind=kind)
        visit = Visit.objects.create(
            review=review, checklist=checklist, site=site, channel="inspection",
            shopper=shoppers[i % len(shoppers)], status=VisitStatus.SUBMITTED,
            visited_at=datetime.combine(today - timedelta(days=140 - i * 15), time(14, 0), tzinfo=tz),
            submitted_at=timezone.now(), notes="Inspected with the voids officer.",
        )
        _answer_all(visit, checklist, rng, 0.8 if i % 3 else 0.55)
        caption = "Rubbish left in the kitchen" if kind == SiteKind.PROPERTY else "Fire door propped open"
        VisitPhoto.objects.create(visit=visit, file=_jpeg(caption), description=caption,
                                  added_by=visit.shopper)
    return review


def _documents(panel: Panel, people: dict[str, User], rng: random.Random, today: date) -> Review:
    review = _programme(panel, "Customer Approved: leaflets and letters", ReviewKind.DOCUMENT_REVIEW, people)
    if review.checked_documents.exists():
        return review
    shoppers = _shoppers(panel, people)
    checklist = Checklist.objects.get(purpose="document", is_current=True)
    tz = timezone.get_current_timezone()
    decider = people.get("admin")
    for title, text, approved in (
        ("Your new tenancy: what happens next", PLAIN_LETTER, True),
        ("Rent arrears: notice of action", JARGON_LETTER, False),
    ):
        document = CheckedDocument.objects.create(review=review, title=title, text=text, added_by=shoppers[0])
        site, _ = Site.objects.get_or_create(name=title, kind=SiteKind.DOCUMENT)
        for n, shopper in enumerate(shoppers[:2]):
            visit = Visit.objects.create(
                review=review, checklist=checklist, site=site, channel="inspection", shopper=shopper,
                document=document, status=VisitStatus.SUBMITTED, submitted_at=timezone.now(),
                visited_at=datetime.combine(today - timedelta(days=20 - n), time(11, 0), tzinfo=tz),
            )
            _answer_all(visit, checklist, rng, 0.92 if approved else 0.3)
        document.decided_at, document.decided_by = timezone.now(), decider
        if approved:
            document.status, document.approved_on = DocumentStatus.APPROVED, today - timedelta(days=14)
            document.expires_on = document.approved_on + timedelta(days=730)
            document.decision_note = "Clear, friendly and tells the tenant what to do next."
        else:
            document.status = DocumentStatus.SENT_BACK
            document.decision_note = ("Too much legal jargon and one 70-word sentence. Say what is owed, "
                                      "what to do and who to call, in short sentences.")
        document.save()
    return review


def seed(*, password: str, people: dict[str, User]) -> dict[str, User]:
    """Demo programmes for this app; idempotent. Adds no people."""
    seed_all(apps)
    rng = random.Random(2015)
    today = timezone.localdate()
    shoppers, _ = Panel.objects.get_or_create(
        name="Mystery Shoppers", defaults={"kind": PanelKind.MYSTERY_SHOPPERS}
    )
    quality, _ = Panel.objects.get_or_create(name="Quality Panel", defaults={"kind": PanelKind.QUALITY_PANEL})
    _mystery_shopping(shoppers, people, rng, today)
    _inspections(quality, people, rng, today)
    _documents(quality, people, rng, today)
    return {}
