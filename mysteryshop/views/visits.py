from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.http import AuthenticatedHttpRequest
from mysteryshop import permissions as perms
from mysteryshop import selectors, services
from mysteryshop.forms import PhotoForm, VisitForm
from mysteryshop.models import Channel, Visit, VisitPhoto
from mysteryshop.views.common import paginate, uuid_or_none, whole_number
from reviews.models import Review
from reviews.selectors import visible_reviews
from scrutiny.forms import run_form
from scrutiny.permissions import require
from scrutiny.uploads import serve

VISIT_FIELDS = ("site", "channel", "visited_at", "notes")


def get_programme(request: AuthenticatedHttpRequest, pk: int) -> Review:
    review = get_object_or_404(Review.objects.select_related("panel"), pk=pk, kind__in=perms.VISIT_KINDS)
    require(perms.can_view_programme(request.user, review), perms.NOT_YOUR_PANEL)
    return review


def get_visit(request: AuthenticatedHttpRequest, pk: int, edit: bool = False) -> Visit:
    visit = get_object_or_404(
        Visit.objects.select_related("review__panel", "checklist", "site", "shopper"), pk=pk
    )
    require(perms.can_view_visit(request.user, visit), perms.NOT_YOUR_PANEL)
    if edit:
        require(perms.can_edit_visit(request.user, visit), perms.edit_refusal(visit))
    return visit


@login_required
def programmes(request: AuthenticatedHttpRequest) -> HttpResponse:
    reviews = (
        visible_reviews(request.user).filter(kind__in=perms.VISIT_KINDS)
        .select_related("panel").order_by("-created_at")
    )
    return render(request, "mysteryshop/programmes.html", {"page": paginate(request, reviews)})


@login_required
def programme(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    review = get_programme(request, pk)
    mine = request.GET.get("mine") == "1"
    visits = selectors.visits_for(review=review, user=request.user, mine=mine)
    return render(request, "mysteryshop/programme.html", {
        "review": review, "page": paginate(request, visits), "mine": mine,
        "can_record": perms.can_record_visit(request.user, review),
        "query": "mine=1" if mine else "",
    })


@login_required
def visit_start(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    review = get_programme(request, pk)
    require(perms.can_record_visit(request.user, review), perms.SHOPPERS_ONLY)
    form = VisitForm(request.POST or None, initial=_start_choices(request), programme=review)

    def start(data: dict[str, Any]) -> str:
        visit = services.start_visit(
            by=request.user, review=review, checklist=data["checklist"],
            **{k: data[k] for k in VISIT_FIELDS},
        )
        return reverse("mysteryshop:visit-record", args=[visit.pk])  # on to its questions

    done = run_form(request, form, start)
    return done or render(request, "mysteryshop/form.html", {
        "form": form, "review": review, "heading": _("Start a visit"),
        "sites_link": perms.can_manage_sites(request.user),
        "intro": _("Choose the checklist and say where, how and when. You answer the questions next."),
        "submit_label": _("Start the visit"),
        "cancel_url": reverse("mysteryshop:programme", args=[review.pk]),
    })


def _start_choices(request: HttpRequest) -> dict[str, str]:
    """What a link such as "start a follow-up visit" chose already: the form still checks it."""
    initial = {k: request.GET[k] for k in ("checklist", "site") if request.GET.get(k, "").isdecimal()}
    if request.GET.get("channel") in Channel.values:
        initial["channel"] = request.GET["channel"]
    return initial


@login_required
def visit_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    visit = get_visit(request, pk)
    sections = selectors.visit_sections(visit=visit)
    failed = [s for section in sections for s in section.items if s.answer and s.answer.passed is False]
    return render(request, "mysteryshop/visit_detail.html", {
        "visit": visit, "review": visit.review, "sections": sections, "failed": failed,
        "photos": visit.photos.all(),
        "can_edit": perms.can_edit_visit(request.user, visit),
        "can_raise": perms.can_raise_finding(request.user, visit.review),
        "findings": visit.findings_raised.select_related("finding"),
    })


@login_required
def visit_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    visit = get_visit(request, pk, edit=True)
    form = VisitForm(request.POST or None, instance=visit, programme=visit.review)
    done = run_form(
        request, form, lambda data: services.update_visit(
            by=request.user, visit=visit, version=data["version"], **{k: data[k] for k in VISIT_FIELDS},
        ), success=_("The visit's details have been saved."),
    )
    return done or render(request, "mysteryshop/form.html", {
        "form": form, "review": visit.review, "visit": visit, "heading": _("Change the visit's details"),
        "sites_link": perms.can_manage_sites(request.user),
        "submit_label": _("Save changes"), "cancel_url": visit.get_absolute_url(),
    })


@login_required
@require_POST
def visit_submit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    visit = get_visit(request, pk, edit=True)
    try:
        version = whole_number(request.POST.get("version")) or 0
        services.submit_visit(by=request.user, visit=visit, version=version)
    except services.EditConflict:
        messages.error(request, _("The visit was changed elsewhere while you had it open. Check the "
                                  "answers below, then submit again."))
        return redirect("mysteryshop:visit-record", visit.pk)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(reverse("mysteryshop:visit-record", args=[visit.pk]) + "?section=check")
    messages.success(request, _("Thank you. The visit has been submitted to the panel."))
    return redirect(visit)


@login_required
def photo_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """A photo from the visit form: sent straight away, or later from the phone's queue."""
    visit = get_visit(request, pk)
    key = uuid_or_none(request.POST.get("key"))
    if key and VisitPhoto.objects.filter(key=key, visit=visit).exists():
        return _photo_done(request, visit)
    require(perms.can_edit_visit(request.user, visit), perms.edit_refusal(visit))
    form = PhotoForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        standard = visit.checklist.standards.filter(pk=whole_number(request.POST.get("standard"))).first()
        try:
            services.add_photo(by=request.user, visit=visit, file=form.cleaned_data["photo"],
                               description=form.cleaned_data["description"], standard=standard, key=key)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return _photo_done(request, visit)
    if request.method == "POST" and request.headers.get("X-Requested-With") == "fetch":
        from django.http import JsonResponse

        errors = [str(e) for errors in form.errors.values() for e in errors]
        return JsonResponse({"message": " ".join(errors) or _("The photo could not be saved.")}, status=400)
    return render(request, "mysteryshop/form.html", {
        "form": form, "review": visit.review, "visit": visit, "heading": _("Add a photo"),
        "submit_label": _("Add the photo"),
        "cancel_url": reverse("mysteryshop:visit-record", args=[visit.pk]),
    })


def _photo_done(request: HttpRequest, visit: Visit) -> HttpResponse:
    if request.headers.get("X-Requested-With") == "fetch":
        from django.http import JsonResponse

        return JsonResponse({"ok": True, "photos": visit.photos.count()})
    messages.success(request, _("The photo has been added."))
    return redirect("mysteryshop:visit-record", visit.pk)


@login_required
def photo(request: AuthenticatedHttpRequest, pk: int, photo_pk: int) -> FileResponse:
    visit = get_visit(request, pk)
    item = get_object_or_404(VisitPhoto, pk=photo_pk, visit=visit)
    return serve(item.file, download_name=f"visit-{visit.pk}-photo-{item.pk}")
