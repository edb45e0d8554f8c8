from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.http import AuthenticatedHttpRequest
from mysteryshop import permissions as perms
from mysteryshop import selectors, services
from mysteryshop.bilingual import welsh_from
from mysteryshop.forms import ChecklistForm, CopyForm, SectionForm, StandardForm
from mysteryshop.models import Checklist, Section, Standard
from mysteryshop.views.common import whole_number
from scrutiny.forms import run_form
from scrutiny.permissions import require


def _checklist(request: AuthenticatedHttpRequest, pk: int, manage: bool = False) -> Checklist:
    checklist = get_object_or_404(Checklist, pk=pk)
    if manage:
        require(perms.can_manage_checklists(request.user), perms.ADMINS_ONLY)
    else:
        require(perms.can_view_checklists(request.user))
    return checklist


def _moved(request: HttpRequest, old: Checklist, new: Checklist) -> None:
    if new.pk != old.pk:
        messages.info(request, _("Visits were scored against version %(old)s, so your change made version "
                                 "%(new)s. Earlier visits keep version %(old)s.")
                      % {"old": old.number, "new": new.number})


def _said(request: HttpRequest, old: Checklist, text: str) -> Callable[[Checklist], str]:
    """run_form's success text for a change to a checklist, saying first if it made a new version."""
    def said(new: Checklist) -> str:
        _moved(request, old, new)
        return text
    return said


def _details(data: dict[str, Any]) -> dict[str, Any]:
    return {**{k: data[k] for k in ("title", "purpose", "introduction")},
            "welsh": welsh_from(data, ("title", "introduction"))}


@login_required
def checklist_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(perms.can_view_checklists(request.user))
    checklists = (
        Checklist.objects.filter(is_current=True)
        .annotate(standard_count=Count("standards", distinct=True))
        .order_by("title_en_gb")
    )
    return render(request, "mysteryshop/checklist_list.html", {
        "checklists": checklists, "can_manage": perms.can_manage_checklists(request.user),
    })


@login_required
def checklist_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    checklist = _checklist(request, pk)
    return render(request, "mysteryshop/checklist_detail.html", {
        "checklist": checklist, "sections": selectors.sections_with_standards(checklist=checklist),
        "versions": Checklist.objects.filter(family=checklist.family).order_by("-number"),
        "can_manage": perms.can_manage_checklists(request.user) and checklist.is_current,
    })


@login_required
def checklist_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(perms.can_manage_checklists(request.user), perms.ADMINS_ONLY)
    form = ChecklistForm(request.POST or None)
    done = run_form(
        request, form, lambda data: services.create_checklist(by=request.user, **_details(data)),
        success=_("The checklist has been made. Now add its sections."),
    )
    return done or render(request, "mysteryshop/form.html", {
        "form": form, "heading": _("New checklist"), "submit_label": _("Make the checklist"),
    })


@login_required
def checklist_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    checklist = _checklist(request, pk, manage=True)
    form = ChecklistForm(request.POST or None, instance=checklist)
    done = run_form(
        request, form, lambda data: services.update_checklist(
            by=request.user, checklist=checklist, version=data["version"], **_details(data),
        ), success=_said(request, checklist, _("The checklist has been saved.")),
    )
    return done or render(request, "mysteryshop/form.html", {
        "form": form, "checklist": checklist, "heading": _("Change %(thing)s") % {"thing": checklist.title},
        "submit_label": _("Save changes"), "cancel_url": checklist.get_absolute_url(),
    })


@login_required
def checklist_copy(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    checklist = _checklist(request, pk, manage=True)
    copy_title = _("Copy of %(title)s") % {"title": checklist.title}
    form = CopyForm(request.POST or None, initial={"title": copy_title})
    done = run_form(
        request, form,
        lambda data: services.copy_checklist(by=request.user, checklist=checklist, title=data["title"]),
        success=_("The copy has been made. Change it as you need."),
    )
    return done or render(request, "mysteryshop/form.html", {
        "form": form, "checklist": checklist, "heading": _("Copy %(title)s") % {"title": checklist.title},
        "submit_label": _("Make a copy"), "cancel_url": checklist.get_absolute_url(),
    })


@login_required
def section_form(request: AuthenticatedHttpRequest, pk: int, section_pk: int | None = None) -> HttpResponse:
    checklist = _checklist(request, pk, manage=True)
    section = get_object_or_404(Section, pk=section_pk, checklist=checklist) if section_pk else None
    form = SectionForm(request.POST or None, instance=section, versioned=checklist)
    done = run_form(
        request, form, lambda data: services.save_section(
            by=request.user, checklist=checklist, version=data["version"], title=data["title"],
            section=section, welsh=welsh_from(data, ("title",)),
        ).checklist, success=_said(request, checklist, _("The section has been saved.")),
    )
    return done or render(request, "mysteryshop/form.html", {
        "form": form, "checklist": checklist,
        "heading": _("Change a section") if section else _("Add a section"),
        "submit_label": _("Save the section"), "cancel_url": checklist.get_absolute_url(),
    })


@login_required
def standard_form(request: AuthenticatedHttpRequest, pk: int, section_pk: int | None = None,
                  standard_pk: int | None = None) -> HttpResponse:
    checklist = _checklist(request, pk, manage=True)
    standard = (
        get_object_or_404(Standard.objects.select_related("section"), pk=standard_pk, checklist=checklist)
        if standard_pk else None
    )
    section = standard.section if standard else get_object_or_404(Section, pk=section_pk, checklist=checklist)
    form = StandardForm(request.POST or None, instance=standard, versioned=checklist)
    done = run_form(
        request, form, lambda data: services.save_standard(
            by=request.user, checklist=checklist, version=data["version"], section=section,
            fields={k: v for k, v in data.items() if k != "version"}, standard=standard,
            welsh=welsh_from(data, StandardForm.translated),
        ).checklist, success=_said(request, checklist, _("The standard has been saved.")),
    )
    return done or render(request, "mysteryshop/form.html", {
        "form": form, "checklist": checklist,
        "heading": (_("Change a standard") if standard
                    else _("Add a standard to %(section)s") % {"section": section.title}),
        "submit_label": _("Save the standard"), "cancel_url": checklist.get_absolute_url(),
    })


@login_required
@require_POST
def standard_remove(request: AuthenticatedHttpRequest, pk: int, standard_pk: int) -> HttpResponse:
    checklist = _checklist(request, pk, manage=True)
    standard = get_object_or_404(Standard, pk=standard_pk, checklist=checklist)
    form = SectionForm(request.POST, versioned=checklist)
    form.is_valid()
    try:
        new = services.remove_standard(
            by=request.user, checklist=checklist, version=form.cleaned_data.get("version", 0),
            standard=standard,
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(checklist)
    _moved(request, checklist, new)
    messages.success(request, _("The standard has been taken out."))
    return redirect(new)


@login_required
@require_POST
def section_move(request: AuthenticatedHttpRequest, pk: int, section_pk: int) -> HttpResponse:
    checklist = _checklist(request, pk, manage=True)
    section = get_object_or_404(Section, pk=section_pk, checklist=checklist)
    return _move(request, checklist, "section", lambda version, direction: services.move_section(
        by=request.user, checklist=checklist, version=version, section=section, direction=direction,
    ))


@login_required
@require_POST
def standard_move(request: AuthenticatedHttpRequest, pk: int, standard_pk: int) -> HttpResponse:
    checklist = _checklist(request, pk, manage=True)
    standard = get_object_or_404(Standard, pk=standard_pk, checklist=checklist)
    return _move(request, checklist, "standard", lambda version, direction: services.move_standard(
        by=request.user, checklist=checklist, version=version, standard=standard, direction=direction,
    ))


def _move(request: HttpRequest, checklist: Checklist, noun: str,
          call: Callable[[int, str], Any]) -> HttpResponse:
    """Move a section or standard one place up or down, then show the checklist at it."""
    direction = request.POST.get("direction", "")
    version = request.POST.get("version", "")
    try:
        moved = call(whole_number(version) or 0, direction)
    except services.EditConflict:
        messages.error(request, _("Someone else changed this checklist while you had it open. "
                                  "Check the order below, then move it again if you still need to."))
        return redirect(checklist)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(checklist)
    _moved(request, checklist, moved.checklist)
    moved_words = {
        ("section", "up"): _("The section has been moved up."),
        ("section", "down"): _("The section has been moved down."),
        ("standard", "up"): _("The standard has been moved up."),
        ("standard", "down"): _("The standard has been moved down."),
    }
    messages.success(request, moved_words[noun, "up" if direction == "up" else "down"])
    return redirect(f"{moved.checklist.get_absolute_url()}#{noun}-{moved.pk}")
