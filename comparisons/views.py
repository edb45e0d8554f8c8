"""The administrator's pages for importing the regulator's figures: upload, progress, preview, apply."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from comparisons import peers, services
from comparisons.forms import PeersForm, UploadForm
from comparisons.models import PeerChoice, TsmImport
from scrutiny.forms import run_form
from scrutiny.permissions import role_required

PER_PAGE = 20
SHOWN = 50  # rows skipped, landlords left out: the first this many, then how many more


@role_required("admin", message=services.REFUSAL)
def imports(request):
    """Upload a workbook; the imports so far, newest first, a page at a time."""
    form = UploadForm(request.POST or None, request.FILES or None)
    done = run_form(
        request, form, lambda data: services.upload(file=data["file"], by=request.user),
        success="The file is uploaded. It is being read: this page shows how it is going.",
    )
    imports_so_far = TsmImport.objects.select_related("uploaded_by")
    page = Paginator(imports_so_far, PER_PAGE).get_page(request.GET.get("page"))
    return done or render(request, "comparisons/imports.html", {"form": form, "page": page})


def _context(tsm_import):
    summary = tsm_import.summary or {}
    return {
        "tsm_import": tsm_import, "summary": summary,
        "skipped": summary.get("skipped", [])[:SHOWN],
        "skipped_more": max(0, len(summary.get("skipped", [])) - SHOWN),
        "not_included": summary.get("not_included", [])[:SHOWN],
        "is_busy": tsm_import.status in (TsmImport.Status.WAITING, TsmImport.Status.READING,
                                         TsmImport.Status.APPLYING),
    }


@role_required("admin", message=services.REFUSAL)
def import_page(request, pk):
    """One import: how reading or saving is going, then what the file holds and would change."""
    tsm_import = get_object_or_404(TsmImport.objects.select_related("uploaded_by"), pk=pk)
    return render(request, "comparisons/import.html", _context(tsm_import))


@role_required("admin", message=services.REFUSAL)
def import_status(request, pk):
    """The progress box alone, asked for every few seconds while the worker reads or saves."""
    tsm_import = get_object_or_404(TsmImport, pk=pk)
    response = render(request, "comparisons/_status.html", _context(tsm_import))
    response["Cache-Control"] = "no-store"
    return response


@require_POST
@role_required("admin", message=services.REFUSAL)
def apply_import(request, pk):
    """Save the previewed figures (the worker does it, in one transaction)."""
    tsm_import = get_object_or_404(TsmImport, pk=pk)
    try:
        tsm_import = services.apply(tsm_import=tsm_import, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(tsm_import)
    if tsm_import.status == TsmImport.Status.UNCHANGED:
        messages.success(request, "This file was imported before: nothing has changed.")
    else:
        messages.success(request, "The figures are being saved: this page shows how it is going.")
    return redirect(tsm_import)


@role_required("admin", message=peers.REFUSAL)
def choose_peers(request):
    """The landlords to compare with, chosen by their codes (or none: those like us)."""
    initial = {"codes": "\n".join(PeerChoice.codes())}
    form = PeersForm(request.POST or None, initial=initial)

    def save(data):
        chosen = peers.choose_peers(codes=peers.codes_in(data["codes"]))
        return chosen.peer_codes

    done = run_form(request, form, save, redirect_to="comparisons:peers", success=lambda codes: (
        f"We now compare with the {len(codes)} landlord{'s' if len(codes) != 1 else ''} you chose."
        if codes else "We now compare with landlords of the same type, size band and region as us."))
    return done or render(request, "comparisons/peers.html", {"form": form})
