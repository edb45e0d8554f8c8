from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.http import AuthenticatedHttpRequest
from mysteryshop import permissions as perms
from mysteryshop import selectors, services
from mysteryshop.apps import PUBLIC_REGISTER
from mysteryshop.bilingual import in_english, welsh_from
from mysteryshop.forms import DecisionForm, DocumentForm, JargonForm
from mysteryshop.models import (
    CheckedDocument,
    Checklist,
    ChecklistPurpose,
    JargonTerm,
    Site,
    SiteKind,
)
from mysteryshop.readability import analyse, jargon_for
from mysteryshop.views.common import paginate
from mysteryshop.views.visits import get_programme
from scrutiny import switches
from scrutiny.forms import run_form
from scrutiny.permissions import require
from scrutiny.uploads import detect_kind, serve


def _document(request: AuthenticatedHttpRequest, pk: int) -> CheckedDocument:
    document = get_object_or_404(CheckedDocument.objects.select_related("review__panel", "previous"), pk=pk)
    require(perms.can_view_programme(request.user, document.review), perms.NOT_YOUR_PANEL)
    return document


def _file_fields(form: forms.Form) -> dict[str, Any]:
    upload = form.cleaned_data.get("file")
    kind = detect_kind(upload, upload.name) if upload else None
    return {"file": upload, "kind": kind, "text": form.cleaned_data.get("text", ""),
            "language": form.cleaned_data.get("language", "")}


@login_required
def document_list(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    review = get_programme(request, pk)
    documents = review.checked_documents.select_related("previous").order_by("title", "-edition")
    return render(request, "mysteryshop/document_list.html", {
        "review": review, "page": paginate(request, documents),
        "can_add": perms.can_check_documents(request.user, review),
    })


@login_required
def document_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    review = get_programme(request, pk)
    require(perms.can_check_documents(request.user, review), services.documents.DOCUMENTS_REFUSAL)
    form = DocumentForm(request.POST or None, request.FILES or None,
                        initial={"language": services.documents.document_language()})
    done = run_form(request, form, lambda data: services.add_document(
        by=request.user, review=review, title=data["title"], **_file_fields(form)
    ))
    return done or render(request, "mysteryshop/form.html", {
        "form": form, "review": review, "heading": _("Check a document"),
        "intro": _("Upload a leaflet or letter (PDF, Word or text), or paste its words."),
        "submit_label": _("Check it"), "cancel_url": reverse("mysteryshop:documents", args=[review.pk]),
    })


@login_required
def document_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    document = _document(request, pk)
    terms = jargon_for(document.language)
    user = request.user
    can_decide = perms.can_decide_document(user, document.review) and document.status == "checking"
    return render(request, "mysteryshop/document_detail.html", {
        "document": document, "review": document.review,
        "report": analyse(document.text, terms, title=document.title, language=document.language),
        "checks": selectors.document_checks(document=document, user=user),
        "can_check": perms.can_check_documents(user, document.review),
        "can_decide": can_decide,
        "decision_form": DecisionForm(versioned=document) if can_decide else None,
        "has_next": hasattr(document, "next_version"),
    })


@login_required
def document_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    document = _document(request, pk)
    require(perms.can_check_documents(request.user, document.review), services.documents.DOCUMENTS_REFUSAL)
    form = DocumentForm(request.POST or None, request.FILES or None, versioned=document,
                        initial={"title": document.title, "text": document.text,
                                 "language": document.language})
    done = run_form(
        request, form, lambda data: services.update_text(
            by=request.user, document=document, version=data["version"], title=data["title"],
            **_file_fields(form),
        ), success=_("The document's words have been saved."),
    )
    return done or render(request, "mysteryshop/form.html", {
        "form": form, "review": document.review, "heading": _("Change %(thing)s") % {"thing": document},
        "submit_label": _("Save"), "cancel_url": document.get_absolute_url(),
    })


@login_required
@require_POST
def document_check(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """A member starts scoring the document against the document-check checklist."""
    document = _document(request, pk)
    # Asked before the site is made: someone refused must leave nothing behind.
    require(perms.can_record_visit(request.user, document.review), perms.SHOPPERS_ONLY)
    checklist = (
        Checklist.objects.filter(purpose=ChecklistPurpose.DOCUMENT, is_current=True).order_by("pk").first()
    )
    if checklist is None:
        messages.error(request, _("There is no document-check checklist. Ask an administrator to make one."))
        return redirect(document)
    with in_english():  # the site is found by its English name, whatever the page's language
        site, _made = Site.objects.get_or_create(name=document.title[:200], kind=SiteKind.DOCUMENT)
    try:
        visit = services.start_visit(
            by=request.user, review=document.review, checklist=checklist, site=site,
            channel="inspection", visited_at=timezone.now(), document=document,
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(document)
    return redirect("mysteryshop:visit-record", visit.pk)


@login_required
@require_POST
def document_decide(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    document = _document(request, pk)
    require(perms.can_decide_document(request.user, document.review), perms.AWARD_REFUSAL)
    form = DecisionForm(request.POST, versioned=document)
    done = run_form(
        request, form, lambda data: services.decide(
            by=request.user, document=document, version=data["version"],
            approve=data["decision"] == "approve", note=data["note"], expires_on=data["expires_on"],
        ), success=lambda saved: (
            _("Decision recorded: %(decision)s.") % {"decision": saved.get_status_display()}),
    )
    return done or render(request, "mysteryshop/form.html", {
        "form": form, "review": document.review,
        "heading": _("Decide on %(document)s") % {"document": document},
        "submit_label": _("Record the decision"), "cancel_url": document.get_absolute_url(),
    }, status=400)


@login_required
@require_POST
def document_new_version(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Re-check: one click starts the next version, ready for its new words."""
    document = _document(request, pk)
    try:
        new = services.new_version(by=request.user, document=document)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(document)
    messages.success(request, _("Version %(number)s started. Upload the new file or change the words.")
                     % {"number": new.edition})
    return redirect("mysteryshop:document-edit", new.pk)


@login_required
def document_file(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse | FileResponse:
    document = _document(request, pk)
    if not document.file:
        return redirect(document)
    return serve(document.file, download_name=document.original_name or f"document-{document.pk}")


def register(request: HttpRequest) -> HttpResponse:
    """Documents awarded Customer Approved; public when the site settings' switch says so."""
    if not switches.is_on(PUBLIC_REGISTER) and not request.user.is_authenticated:
        from django.contrib.auth.views import redirect_to_login

        return redirect_to_login(request.get_full_path())
    page = paginate(request, selectors.register().select_related("review"))
    for document in page:
        # The register is for everyone; a document's own page only for those who see its programme.
        document.can_open = request.user.is_authenticated and perms.can_view_programme(
            request.user, document.review
        )
    return render(request, "mysteryshop/register.html", {"page": page})


@login_required
def jargon_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(perms.can_manage_checklists(request.user), perms.ADMINS_ONLY)
    return render(request, "mysteryshop/jargon_list.html", {
        "page": paginate(request, JargonTerm.objects.order_by("term_en_gb"), size=50),
    })


@login_required
def jargon_form(request: AuthenticatedHttpRequest, jargon_pk: int | None = None) -> HttpResponse:
    require(perms.can_manage_checklists(request.user), perms.ADMINS_ONLY)
    item = get_object_or_404(JargonTerm, pk=jargon_pk) if jargon_pk else None
    form = JargonForm(request.POST or None, instance=item)
    done = run_form(
        request, form, lambda data: services.save_jargon(
            by=request.user, term=data["term"], plain=data["plain"], jargon=item,
            version=data.get("version"), welsh=welsh_from(data, ("term", "plain")),
        ),
        success=lambda saved: _("“%(term)s” has been saved.") % {"term": saved.term_en_gb},
        redirect_to="mysteryshop:jargon",
    )
    return done or render(request, "mysteryshop/form.html", {
        "form": form, "heading": _("Change a jargon word") if item else _("Add a jargon word"),
        "submit_label": _("Save"), "cancel_url": reverse("mysteryshop:jargon"),
    })


@login_required
@require_POST
def jargon_remove(request: AuthenticatedHttpRequest, jargon_pk: int) -> HttpResponse:
    require(perms.can_manage_checklists(request.user), perms.ADMINS_ONLY)
    item = get_object_or_404(JargonTerm, pk=jargon_pk)
    services.remove_jargon(by=request.user, jargon=item)
    messages.success(request, _("“%(term)s” has been taken off the list.") % {"term": item.term})
    return redirect("mysteryshop:jargon")
