"""The visit form built for a phone: one section per screen, every answer saved as it is given.

With JavaScript (static/js/visit.js) answers go one by one to `answer` as they are given, and
queue on the phone when there is no signal; the page is cached by the service worker
(`worker`). Without JavaScript, each screen's answers are sent when the shopper moves on."""

import json
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.http import AuthenticatedHttpRequest
from mysteryshop import permissions as perms
from mysteryshop import selectors, services
from mysteryshop.forms import PhotoForm
from mysteryshop.models import AnswerReceipt, Section, Standard
from mysteryshop.views.common import an_id, read_json, whole_number
from mysteryshop.views.visits import get_visit
from scrutiny.forms import LONG_TEXT

VALUE_FIELDS = ("choice", "rating", "number", "text", "not_applicable")


def _raw_from_post(post: QueryDict, standard_pk: int) -> dict[str, str]:
    raw = {name: post.get(f"s{standard_pk}-{name}", "") for name in VALUE_FIELDS}
    if raw["choice"] == "na":
        raw["not_applicable"] = "true"
    return raw


def _given(raw: dict[str, str], standard: Standard) -> bool:
    """Whether the shopper gave any answer to this standard on the screen."""
    return any(str(v).strip() for v in raw.values())


def _first_unfinished(sections: list[Section]) -> str:
    """Where to carry on: the first screen with a required question not yet answered."""
    for index, section in enumerate(sections, start=1):
        if any(s.required and s.answer is None for s in section.items):
            return str(index)
    return "check" if sections else "1"


def _keep_typed(sections: list[Section], post: QueryDict,
                problems: list[tuple[Standard, str]]) -> None:
    """Put what was typed back beside each answer that was refused, with the reason, so the
    page shows the shopper's own words rather than what is saved."""
    refused = {standard.pk: message for standard, message in problems}
    for section in sections:
        for standard in section.items:
            if standard.pk in refused:
                standard.typed = _raw_from_post(post, standard.pk)
                standard.problem = refused[standard.pk]


# The numbers that pick each plural form visit.js needs: one, two, "other" and eight (Welsh has
# all four; English uses the first and the third). visit.js picks by the same rule.
PLURAL_KEYS = (1, 2, 3, 8)


def _counted(said: Callable[[int], str]) -> dict[str, str]:
    """Each plural form of `said` (an ngettext of a number), by the number that picks it."""
    return {str(n): said(n) for n in PLURAL_KEYS}


def visit_words() -> dict[str, Any]:
    """The words visit.js shows, in the page's language. They come inside the page, which the
    service worker keeps, so they are there with no signal too."""
    return {
        # The page's language, for the plural forms: one, two, other, eight (Welsh) or one, other.
        "language": translation.get_language() or settings.LANGUAGE_CODE,
        "kept": _("Saved on this phone, not sent yet."),
        "saved": _("Saved."),
        "not_saved": _("This answer could not be saved. Check it and answer again."),
        "signed_out_answers": _("You have been signed out. Sign in again in another tab to send the "
                                "answers kept on this phone."),
        "signed_out_photos": _("You have been signed out. Sign in again in another tab to send the "
                               "photos kept on this phone."),
        "photos_added": _counted(lambda n: ngettext("%(count)s photo added.", "%(count)s photos added.", n)),
        "photo_failed": _("A photo could not be added: %(reason)s"),
        "kept_in_form": _("Your answer on this phone was kept in the form."),
        "keep_mine": _("Keep my answer"),
        "use_saved": _("Use the saved answer"),
        "changed_elsewhere": _("Changed elsewhere: choose which answer to keep."),
        "score_so_far": _("Score so far: %(score)s%%"),
        "answers": _counted(lambda n: ngettext("%(count)s answer", "%(count)s answers", n)),
        "photos": _counted(lambda n: ngettext("%(count)s photo", "%(count)s photos", n)),
        "answers_and_photos": _("%(answers)s and %(photos)s"),
        "all_saved": _("Every answer is saved."),
        "waiting": _("%(waiting)s saved on this phone, not sent yet."),
        "sending": _("Sending…"),
        "when_signal": _("They will be sent when you have signal."),
        "still_to_answer": _("Required questions still to answer:"),
        "all_answered": _("Every required question is answered."),
        "choose_photo": _("Choose a photo first."),
        "say_photo": _("Say what the photo shows."),
        "photo_kept": _("Photo saved on this phone."),
    }


@login_required
@never_cache
def record(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    visit = get_visit(request, pk)
    if not perms.can_edit_visit(request.user, visit):
        if visit.is_submitted:
            return redirect(visit)
        raise PermissionDenied(perms.NOT_YOUR_VISIT)
    sections = selectors.visit_sections(visit=visit)
    requested = request.GET.get("section") or _first_unfinished(sections)
    index = len(sections) + 1 if requested == "check" else whole_number(requested) or 1
    index = min(max(index, 1), len(sections) + 1)
    problems: list[tuple[Standard, str]] = []
    if request.method == "POST":
        section = sections[index - 1] if index <= len(sections) else None
        for standard in section.items if section else []:
            raw = _raw_from_post(request.POST, standard.pk)
            if not _given(raw, standard):
                continue
            try:
                services.record_answer(
                    by=request.user, visit=visit, standard=standard, value=raw,
                    based_on=whole_number(request.POST.get(f"s{standard.pk}-version")),
                )
            except ValidationError as exc:
                problems.append((standard, " ".join(exc.messages)))
        if not problems:
            step = {"back": -1, "next": 1}.get(request.POST.get("go", ""), 0)
            target = index + step
            suffix = "check" if target > len(sections) else str(max(target, 1))
            return redirect(reverse("mysteryshop:visit-record", args=[visit.pk]) + f"?section={suffix}")
        sections = selectors.visit_sections(visit=visit)
        _keep_typed(sections, request.POST, problems)
    visit.refresh_from_db()
    missing = services.missing_required(visit)
    return render(request, "mysteryshop/record.html", {
        "visit": visit, "review": visit.review, "sections": sections, "current": index,
        "total": len(sections), "problems": problems, "missing": missing,
        "photo_form": PhotoForm(), "photos": visit.photos.all(),
        "answered": sum(s.answered for s in sections),
        "standard_count": sum(len(s.items) for s in sections), "text_limit": LONG_TEXT,
        "visit_words": visit_words(),
    }, status=400 if problems else 200)


@login_required
@require_POST
def answer(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Save one answer sent by the page (JSON), once per idempotency key."""
    visit = get_visit(request, pk)
    try:
        body = read_json(request.body)
        key = uuid.UUID(str(body.get("key")))
    except (ValueError, TypeError, AttributeError, RecursionError):  # RecursionError: [[[[…]]]]
        body, key = {}, None
    # A repeat of an answer already received is answered even after the visit was submitted.
    repeat = key is not None and AnswerReceipt.objects.filter(key=key, visit=visit).exists()
    if not repeat and not perms.can_edit_visit(request.user, visit):
        return JsonResponse({"message": perms.edit_refusal(visit)}, status=403)
    try:
        if key is None:
            raise ValueError
        standard_pk, sent_version = an_id(body.get("standard")), body.get("based_on")
        based_on = None if sent_version in (None, "") else an_id(sent_version)
        if based_on is None and sent_version not in (None, ""):
            raise ValueError
        value = body.get("value") or {}
        if standard_pk is None or not isinstance(value, dict):
            raise ValueError
    except (ValueError, TypeError, AttributeError):
        return JsonResponse({"message": _("The answer could not be read. Try again.")}, status=400)
    standard = Standard.objects.filter(pk=standard_pk, checklist=visit.checklist_id).first()
    if standard is None:  # a page kept from before the checklist changed, or made up
        return JsonResponse({"message": _("This question is not on the visit's checklist. Reload the "
                                          "page to see its questions.")}, status=400)
    try:
        saved = services.record_answer(
            by=request.user, visit=visit, standard=standard, value=value, key=key, based_on=based_on
        )
    except services.AnswerConflict as exc:
        current = exc.current
        return JsonResponse({
            "conflict": True, "message": exc.messages[0], "version": current.version,
            "saved": current.display,
        }, status=409)
    except PermissionDenied as exc:
        return JsonResponse({"message": str(exc) or perms.NOT_YOUR_VISIT}, status=403)
    except ValidationError as exc:
        return JsonResponse({"message": " ".join(exc.messages)}, status=400)
    visit.refresh_from_db(fields=["score", "version"])
    return JsonResponse({
        "ok": True, "repeated": saved.repeated, "version": saved.answer.version,
        "score": None if visit.score is None else str(visit.score),
        "passed": saved.answer.passed,
    })


def worker_words() -> dict[str, dict[str, str]]:
    """What the worker says with no signal, in each language, by the address's prefix."""
    found = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            found["" if code == settings.LANGUAGE_CODE else code] = {
                "lang": "en-GB" if code == "en-gb" else code,
                "title": _("No signal"),
                "body": _("This visit was not opened on this phone while there was signal, so it "
                          "cannot be shown."),
            }
    return found


def worker(request: HttpRequest) -> HttpResponse:
    """The service worker, served from the site root so it may look after the visit pages
    (in every language), with its words in each language put in front."""
    script = Path(settings.BASE_DIR, "static", "js", "visit-worker.js").read_text()
    script = f"self.VISIT_WORKER_WORDS = {json.dumps(worker_words())};\n{script}"
    response = HttpResponse(script, content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    response["Cache-Control"] = "no-cache"
    return response
