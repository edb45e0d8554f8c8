from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.http import AuthenticatedHttpRequest
from reviews import permissions as perms
from reviews import selectors, services
from reviews.filter_form import filter_fields
from reviews.filters import EvidenceFilter
from reviews.forms import EVIDENCE_FORMS, PhotoForm
from reviews.kept_items import EVIDENCE_ROW, evidence_items
from reviews.models import Evidence, EvidenceKind, Review, SiteVisitPhoto
from reviews.views.common import CountedUpTo, autosave, get_review, paginate, query_without_page
from scrutiny import uploads
from scrutiny.forms import run_form
from scrutiny.permissions import require

# The long forms keep drafts as people type; short ones do not need to.
AUTOSAVED = {EvidenceKind.INTERVIEW, EvidenceKind.SITE_VISIT}
HEADINGS = {
    EvidenceKind.DOCUMENT: _("Add a document"),
    EvidenceKind.FIGURE: _("Add a performance figure"),
    EvidenceKind.INTERVIEW: _("Record an interview"),
    EvidenceKind.SITE_VISIT: _("Record a site visit"),
}
EDIT_REFUSAL = _(
    "Only the person who added this evidence, the panel's chair, vice-chair or supporting "
    "officer, or an administrator can change it."
)


def _get_evidence(request: AuthenticatedHttpRequest, pk: int, evidence_pk: int) -> tuple[Review, Evidence]:
    review = get_review(request, pk)
    evidence = get_object_or_404(Evidence.objects.select_related("review"), pk=evidence_pk, review=review)
    return review, evidence


def _split(kind: str, data: dict[str, Any]) -> tuple[dict[str, Any], Any, Any, str]:
    """Separate a form's cleaned data into the model's fields, people and a first photo."""
    data = dict(data)
    data.pop("version", None)
    people = data.pop(services.EVIDENCE_PEOPLE.get(kind, ""), None)
    photo = data.pop("photo", None)
    photo_description = data.pop("photo_description", "")
    return data, people, photo, photo_description


@login_required
def evidence_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    evidence = selectors.visible_evidence(request.user).order_by("-date", "-created_at", "-pk")
    filters = EvidenceFilter(request.GET or None, queryset=evidence, request=request)
    # The page's evidence as ids alone: its items are drawn once and kept under their versions.
    page = paginate(request, filters.qs.values_list(*EVIDENCE_ROW), paginator=CountedUpTo)
    return render(request, "reviews/evidence_list.html", {
        "filter": filters, "filter_fields": filter_fields(filters, request), "page": page,
        "query": query_without_page(request), "items": evidence_items(list(page.object_list)),
        "filtered": any(value for name, value in request.GET.items() if name != "page"),
    })


@login_required
def evidence_add(request: AuthenticatedHttpRequest, pk: int, kind: str) -> HttpResponse:
    review = get_review(request, pk)
    kind = kind.replace("-", "_")  # "site-visit" in the address is the site_visit kind
    if kind not in EVIDENCE_FORMS:
        raise Http404("There is no such kind of evidence.")
    require(perms.can_add_evidence(request.user, review), perms.EVIDENCE_REFUSAL)
    draft_name = f"{kind}-add"
    initial, draft = autosave(request, draft_name, review.pk) if kind in AUTOSAVED else ({}, None)
    form_class = EVIDENCE_FORMS[kind]
    if request.method == "POST":
        form = form_class(request.POST, request.FILES, review=review)
    else:
        form = form_class(review=review, initial=initial)

    def add(data: dict[str, Any]) -> Evidence:
        fields, people, photo, photo_description = _split(kind, data)
        return services.add_evidence(
            review=review, by=request.user, kind=kind, fields=fields, people=people,
            photo=photo, photo_description=photo_description,
        )

    done = run_form(request, form, add,
                    success=lambda evidence: gettext("“%(title)s” has been added to the evidence.") % {
                        "title": evidence.title})
    return done or render(request, "reviews/evidence_form.html", {
        "form": form, "review": review, "heading": HEADINGS[kind], "autosave": draft,
        "submit_label": gettext("Add to the evidence"),
    })


@login_required
def evidence_detail(request: AuthenticatedHttpRequest, pk: int, evidence_pk: int) -> HttpResponse:
    review, evidence = _get_evidence(request, pk, evidence_pk)
    item, findings = selectors.evidence_detail(evidence)
    return render(request, "reviews/evidence_detail.html", {
        "review": review, "item": item, "findings": findings,
        "can_edit": perms.can_edit_evidence(request.user, evidence),
        "can_add_evidence": perms.can_add_evidence(request.user, review),
        "can_add_finding": perms.can_add_finding(request.user, review),
    })


@login_required
def evidence_edit(request: AuthenticatedHttpRequest, pk: int, evidence_pk: int) -> HttpResponse:
    review, evidence = _get_evidence(request, pk, evidence_pk)
    require(perms.can_edit_evidence(request.user, evidence), EDIT_REFUSAL)
    kind = evidence.kind
    item = evidence.details
    draft_name = f"{kind}-edit"
    initial, draft = autosave(request, draft_name, evidence.pk) if kind in AUTOSAVED else ({}, None)
    form_class = EVIDENCE_FORMS[kind]
    if request.method == "POST":
        form = form_class(request.POST, request.FILES, instance=item, review=review)
    else:
        form = form_class(instance=item, review=review, initial=initial)

    def save(data: dict[str, Any]) -> Evidence:
        fields, people, _photo, _ = _split(kind, data)
        if "file" not in form.changed_data:
            fields.pop("file", None)  # no new file chosen: keep the one already there
        return services.update_evidence(
            evidence=evidence, by=request.user, version=data["version"], fields=fields, people=people,
        )

    done = run_form(request, form, save, success=lambda updated: gettext("“%(title)s” has been saved.") % {
        "title": updated.title})
    return done or render(request, "reviews/evidence_form.html", {
        "form": form, "review": review, "evidence": evidence, "item": item,
        "heading": gettext("Change %(kind)s: %(title)s") % {
            "kind": evidence.get_kind_display().lower(), "title": evidence.title},
        "autosave": draft, "submit_label": gettext("Save changes"),
    })


@login_required
def evidence_file(request: AuthenticatedHttpRequest, pk: int, evidence_pk: int) -> FileResponse:
    """A document's file, sent only to people who may see the review."""
    _review, evidence = _get_evidence(request, pk, evidence_pk)
    if evidence.kind != EvidenceKind.DOCUMENT:
        raise Http404("This evidence has no file.")
    document = evidence.document
    return uploads.serve(document.file, download_name=document.original_name or document.title)


@login_required
def photo(request: AuthenticatedHttpRequest, pk: int, photo_pk: int) -> FileResponse:
    """A site visit photo, sent only to people who may see the review."""
    review = get_review(request, pk)
    item = get_object_or_404(SiteVisitPhoto, pk=photo_pk, site_visit__review=review)
    return uploads.serve(item.file, download_name=f"photo-{item.pk}")


@login_required
def photo_add(request: AuthenticatedHttpRequest, pk: int, evidence_pk: int) -> HttpResponse:
    review, evidence = _get_evidence(request, pk, evidence_pk)
    if evidence.kind != EvidenceKind.SITE_VISIT:
        raise Http404("Photos go with site visits.")
    require(perms.can_add_evidence(request.user, review), perms.EVIDENCE_REFUSAL)
    form = PhotoForm(request.POST or None, request.FILES or None)
    done = run_form(
        request, form, lambda data: services.add_photo(
            site_visit=evidence.site_visit, by=request.user, file=data["photo"],
            description=data["photo_description"],
        ), success=gettext("The photo has been added."), redirect_to=evidence,
    )
    return done or render(request, "reviews/evidence_form.html", {
        "form": form, "review": review, "evidence": evidence,
        "heading": gettext("Add a photo: %(title)s") % {"title": evidence.title},
        "submit_label": gettext("Add the photo"),
    })
