"""The administrator's pages for importing the regulator's figures: upload, progress, preview, apply."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from accounts.http import AuthenticatedHttpRequest
from comparisons import own_figures, peers, services
from comparisons.forms import PeersForm, UploadForm
from comparisons.models import PeerChoice, Source, TsmImport
from scrutiny.forms import run_form
from scrutiny.models import SiteSettings
from scrutiny.permissions import role_required

PER_PAGE = 20
SHOWN = 50  # rows skipped, landlords left out: the first this many, then how many more


@role_required("admin", message=services.REFUSAL)
def imports(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Upload a workbook; the imports so far, newest first, a page at a time."""
    form = UploadForm(request.POST or None, request.FILES or None)
    done = run_form(
        request, form, lambda data: services.upload(file=data["file"], by=request.user),
        success=_("The file is uploaded. It is being read: this page shows how it is going."),
    )
    imports_so_far = TsmImport.objects.select_related("uploaded_by")
    page = Paginator(imports_so_far, PER_PAGE).get_page(request.GET.get("page"))
    return done or render(request, "comparisons/imports.html", {"form": form, "page": page})


def _our_code_missing(tsm_import: TsmImport) -> str:
    """The site settings' code for this file's regulator when the file has no row for it, else ""."""
    codes = (tsm_import.summary or {}).get("landlord_codes")
    site = SiteSettings.load()
    code = site.shr_code if tsm_import.source == Source.SHR_CHARTER else site.regulator_code
    return code if code and codes is not None and code not in codes else ""


def _context(tsm_import: TsmImport) -> dict[str, Any]:
    summary = tsm_import.summary or {}
    return {
        "our_code_missing": _our_code_missing(tsm_import),
        "tsm_import": tsm_import, "summary": summary,
        "skipped": summary.get("skipped", [])[:SHOWN],
        "skipped_more": max(0, len(summary.get("skipped", [])) - SHOWN),
        "not_included": summary.get("not_included", [])[:SHOWN],
        "is_busy": tsm_import.status in (TsmImport.Status.WAITING, TsmImport.Status.READING,
                                         TsmImport.Status.APPLYING),
    }


@role_required("admin", message=services.REFUSAL)
def import_page(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """One import: how reading or saving is going, then what the file holds and would change."""
    tsm_import = get_object_or_404(TsmImport.objects.select_related("uploaded_by"), pk=pk)
    return render(request, "comparisons/import.html", _context(tsm_import))


@role_required("admin", message=services.REFUSAL)
def import_status(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The progress box alone, asked for every few seconds while the worker reads or saves."""
    tsm_import = get_object_or_404(TsmImport, pk=pk)
    response = render(request, "comparisons/_status.html", _context(tsm_import))
    response["Cache-Control"] = "no-store"
    return response


@require_POST
@role_required("admin", message=services.REFUSAL)
def apply_import(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Save the previewed figures (the worker does it, in one transaction)."""
    tsm_import = get_object_or_404(TsmImport, pk=pk)
    try:
        tsm_import = services.apply(tsm_import=tsm_import, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(tsm_import)
    if tsm_import.status == TsmImport.Status.UNCHANGED:
        messages.success(request, _("This file was imported before: nothing has changed."))
    else:
        messages.success(request, _("The figures are being saved: this page shows how it is going."))
    return redirect(tsm_import)


def _posted(request: HttpRequest, prefix: str) -> dict[str, str]:
    return {name[len(prefix):]: value for name, value in request.POST.items() if name.startswith(prefix)}


def _versions(request: HttpRequest) -> dict[str, int]:
    return {key: int(value) for key, value in _posted(request, "version-").items() if value.isdigit()}


def _said(filled: own_figures.Filled) -> str:
    parts = []
    if filled.filled:
        parts.append(ngettext("Filled %(count)s figure from the regulator's: %(list)s.",
                              "Filled %(count)s figures from the regulator's: %(list)s.", len(filled.filled))
                     % {"count": len(filled.filled), "list": ", ".join(filled.filled)})
    if filled.changed:
        parts.append(ngettext("Changed %(count)s figure to the regulator's: %(list)s.",
                              "Changed %(count)s figures to the regulator's: %(list)s.", len(filled.changed))
                     % {"count": len(filled.changed), "list": ", ".join(filled.changed)})
    return " ".join(parts) or _("Nothing was filled or changed: you kept every figure of ours.")


@role_required("admin", message=own_figures.REFUSAL)
def own_figures_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Our landlord's row in the regulator's figures beside ours: choose, row by row, which to keep."""
    clashes, choices = [], {}
    if request.method == "POST":
        choices = _posted(request, "choice-")
        try:
            filled = own_figures.fill_own_figures(
                by=request.user, choices=choices, versions=_versions(request))
        except own_figures.Clash as clash:
            clashes = clash.messages
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("comparisons:own-figures")
        else:
            messages.success(request, _said(filled))
            return redirect("comparisons:own-figures")
    own = own_figures.own_figures(by=request.user)
    rows = [{"row": row, "choice": choices.get(row.key, row.default)} for row in own.rows]
    return render(request, "comparisons/own_figures.html", {
        "own": own, "rows": rows, "clashes": clashes, "site_settings_url": reverse("site-settings")})


@role_required("admin", message=peers.REFUSAL)
def choose_peers(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The landlords to compare with, chosen by their codes (or none: those like us)."""
    initial = {"codes": "\n".join(PeerChoice.codes())}
    form = PeersForm(request.POST or None, initial=initial)

    def save(data: dict[str, Any]) -> list[str]:
        chosen = peers.choose_peers(codes=peers.codes_in(data["codes"]))
        return chosen.peer_codes

    done = run_form(request, form, save, redirect_to="comparisons:peers", success=lambda codes: (
        ngettext("We now compare with the %(count)s landlord you chose.",
                 "We now compare with the %(count)s landlords you chose.", len(codes)) % {"count": len(codes)}
        if codes else _("We now compare with landlords of the same type, size band and region as us.")))
    return done or render(request, "comparisons/peers.html", {"form": form})
