"""Frameworks: the list, one framework's outcomes, and importing one from a file."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext, ngettext

from accounts.http import AuthenticatedHttpRequest
from assessments import imports, permissions
from assessments.forms import FrameworkImportForm
from assessments.models import Framework
from assessments.samples import SAMPLE_CSV, SAMPLE_YAML
from scrutiny import extensions
from scrutiny.permissions import require


@login_required
def framework_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    frameworks = Framework.objects.all()
    return render(
        request,
        "assessments/frameworks.html",
        {
            "frameworks": frameworks,
            "can_import": permissions.can_manage_frameworks(request.user),
        },
    )


@login_required
def framework(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    fw = get_object_or_404(Framework, pk=pk)
    standards = Paginator(fw.standards.prefetch_related("outcomes").order_by("position", "pk"), 5).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "assessments/framework.html",
        {
            "framework": fw,
            "page": standards,
            "indicators": list(fw.indicators.all()),
            "links": extensions.links(extensions.FRAMEWORK_PAGE_LINKS, fw, request.user),
        },
    )


@login_required
def import_framework(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_manage_frameworks(request.user),
            gettext("Only administrators can import frameworks."))
    form = FrameworkImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            fw = imports.import_framework(
                by=request.user,
                data=upload.read(),
                filename=upload.name,
                name=form.cleaned_data["name"],
                source=form.cleaned_data["source"],
            )
        except imports.ImportFailed as exc:
            errors = exc.errors
            form.add_error(
                "file",
                ngettext("Nothing was imported: %(count)s problem in the file (listed below).",
                         "Nothing was imported: %(count)s problems in the file (listed below).",
                         len(errors)) % {"count": len(errors)},
            )
        else:
            count = fw.outcomes.count()
            messages.success(request, ngettext("“%(name)s” is imported with %(count)s outcome.",
                                               "“%(name)s” is imported with %(count)s outcomes.", count)
                             % {"name": fw.name, "count": count})
            return redirect(fw)
    return render(
        request,
        "assessments/import_framework.html",
        {
            "form": form,
            "errors": errors,
            "sample_csv": SAMPLE_CSV,
            "sample_yaml": SAMPLE_YAML,
        },
    )


@login_required
def sample_file(request: AuthenticatedHttpRequest, kind: str) -> HttpResponse:
    """The 96-outcome sample (our own placeholder wording) as CSV or YAML."""
    from assessments.samples import ninety_six_csv, ninety_six_yaml

    if kind == "csv":
        response = HttpResponse(ninety_six_csv(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="sample-96-outcomes.csv"'
    else:
        response = HttpResponse(ninety_six_yaml(), content_type="application/yaml; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="sample-96-outcomes.yaml"'
    return response
