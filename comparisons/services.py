"""Importing the regulator's published figures: upload, read in the worker, preview, apply.

Reading and saving run in the Celery worker (comparisons/tasks.py) and record their progress on
the import's row. Saving is one transaction: every figure of the file, or none.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from comparisons import charter_csv, tsm_workbook
from comparisons.models import Figure, Landlord, Source, Survey, TsmImport, regulator_of, reporting_year_label
from comparisons.permissions import can_import
from scrutiny.jobs import enqueue
from scrutiny.permissions import require
from scrutiny.uploads import prepare_upload, validate_upload

if TYPE_CHECKING:
    from accounts.models import User
    from scrutiny.models import Job

REFUSAL = "Only an administrator can import the regulator's figures."
# The file's own content says which it is: a TSM workbook (England) or a Charter CSV (Scotland).
SOURCES = {"xlsx": Source.RSH_TSM, "csv": Source.SHR_CHARTER}
# How many changed figures the summary lists one by one (the count is always exact).
CHANGES_LISTED = 200


# The worker's tasks, queued by name (comparisons/tasks.py) so that this module does not import them.
READ_IMPORT = "comparisons.tasks.read_import"
APPLY_IMPORT = "comparisons.tasks.apply_import"
GAVE_UP = ("The worker stopped {attempts} times before it finished {doing}, so it was not tried again. "
           "Nothing was saved: {what}.")


def upload(*, file: UploadedFile, by: User) -> TsmImport:
    """Keep an uploaded TSM workbook or Charter CSV and ask the worker to read it."""
    require(can_import(by), REFUSAL)
    name = os.path.basename(file.name or "workbook.xlsx")
    try:
        kind = validate_upload(file, frozenset(SOURCES))  # too large, empty, another type: said plainly
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from error
    sha256 = TsmImport.hash_of(file)
    with transaction.atomic():
        tsm_import = TsmImport.objects.create(
            file=prepare_upload(file, frozenset(SOURCES)), file_name=name, sha256=sha256, uploaded_by=by,
            source=SOURCES[kind],
        )
        enqueue(READ_IMPORT, tsm_import.pk)
    return tsm_import


def _progress(tsm_import: TsmImport, percent: int, note: str) -> None:
    # An update of its own, outside any transaction, so that the page sees it at once.
    TsmImport.objects.filter(pk=tsm_import.pk).update(progress=percent, progress_note=note[:200])


Book = tsm_workbook.Workbook | charter_csv.CharterReturn


def _read_file(tsm_import: TsmImport) -> Book:
    def progress(percent: int, note: str) -> None:
        _progress(tsm_import, percent, note)

    with tsm_import.file.open("rb") as handle:
        if tsm_import.source == Source.SHR_CHARTER:
            return charter_csv.read(handle.read(), progress=progress)
        return tsm_workbook.read(handle, file_name=tsm_import.file_name, progress=progress)


def _same_file_applied(tsm_import: TsmImport) -> TsmImport | None:
    return (TsmImport.objects.filter(sha256=tsm_import.sha256, status=TsmImport.Status.APPLIED)
            .exclude(pk=tsm_import.pk).first())


def _published(year: int, source: str) -> dict[tuple[str, str, str], tuple[Decimal | None, str]]:
    """The figures already saved for a year from a source, keyed as the workbook reader keys them."""
    figures = Figure.objects.filter(year=year, tsm_import__source=source)
    return {
        (code, measure, tenure): (value, no_figure)
        for code, measure, tenure, value, no_figure in figures.values_list(
            "landlord__code", "measure", "tenure", "value", "no_figure")
    }


def _shown(figure: tuple[Decimal | None, str] | None) -> str:
    if figure is None:
        return "none"
    value, no_figure = figure
    return f"[{no_figure}]" if value is None else f"{value.normalize():f}"


def _changes(book: Book, source: str) -> dict[str, Any]:
    """What saving this file would change in the figures already saved for its years."""
    replaces, changed = False, []
    for year, figures in sorted(book.by_year.items()):
        before = _published(year, source)
        replaces = replaces or bool(before)
        for key in sorted(set(before) | set(figures)) if before else []:
            old, new = before.get(key), figures.get(key)
            if old != new:
                changed.append({"landlord": key[0], "measure": key[1], "tenure": key[2],
                                "year": reporting_year_label(year), "was": _shown(old), "now": _shown(new)})
    return {"replaces": replaces, "count": len(changed), "listed": changed[:CHANGES_LISTED]}


def _summary(book: Book) -> dict[str, Any]:
    every = [figure for figures in book.by_year.values() for figure in figures.items()]
    kinds = Counter(no_figure or "number" for _, (_, no_figure) in every)
    measures = sorted({measure for (_, measure, _), _ in every})
    return {
        "year": " and ".join(reporting_year_label(year) for year in sorted(book.by_year)),
        "landlords": len(book.landlords),
        "landlord_codes": sorted(book.landlords),  # to say whether our landlord is in the file
        "measures": measures,
        "figures": len(every),
        "figures_by_kind": dict(sorted(kinds.items())),
        "columns_read": book.columns,
        "skipped": book.skipped,
        "not_included": book.not_included,
        "empty_cells": book.empty_cells,
    }


def read(*, import_id: int) -> TsmImport | None:
    """Read an uploaded workbook or CSV in the worker and record the preview (safe to run twice)."""
    started = TsmImport.objects.filter(
        pk=import_id, status__in=[TsmImport.Status.WAITING, TsmImport.Status.READING],
    ).update(status=TsmImport.Status.READING, progress=5, progress_note="Opening the file")
    if not started:
        return None
    tsm_import = TsmImport.objects.get(pk=import_id)
    try:
        book = _read_file(tsm_import)
    except ValidationError as error:
        tsm_import.status, tsm_import.error = TsmImport.Status.FAILED, " ".join(error.messages)
        tsm_import.progress, tsm_import.progress_note = 100, "Could not be read"
        tsm_import.save(update_fields=["status", "error", "progress", "progress_note"])
        return tsm_import
    summary = _summary(book)
    same = _same_file_applied(tsm_import)
    summary["same_file_as"] = same.pk if same else None
    nothing = {"replaces": False, "count": 0, "listed": []}
    summary["changes"] = nothing if same else _changes(book, tsm_import.source)
    tsm_import.reporting_year, tsm_import.edition, tsm_import.summary = book.year, book.edition, summary
    tsm_import.status, tsm_import.progress, tsm_import.progress_note = TsmImport.Status.READ, 100, "Read"
    tsm_import.save(update_fields=["reporting_year", "edition", "summary", "status", "progress",
                                   "progress_note"])
    return tsm_import


def preview(*, tsm_import: TsmImport, by: User) -> dict[str, Any]:
    """What the file holds and what applying it would change, as read by the worker."""
    require(can_import(by), REFUSAL)
    if tsm_import.status == TsmImport.Status.FAILED:
        raise ValidationError(tsm_import.error)
    if tsm_import.status in (TsmImport.Status.WAITING, TsmImport.Status.READING):
        raise ValidationError(_("The file is still being read. Wait a moment and look again."))
    return tsm_import.summary


def apply(*, tsm_import: TsmImport, by: User) -> TsmImport:
    """Ask the worker to save a read file's figures; the same file twice changes nothing."""
    require(can_import(by), REFUSAL)
    if tsm_import.status != TsmImport.Status.READ:
        raise ValidationError(
            _("This import cannot be saved now: it is \"%(status)s\".")
            % {"status": tsm_import.get_status_display()})
    with transaction.atomic():
        if _same_file_applied(tsm_import):
            tsm_import.status, tsm_import.progress_note = TsmImport.Status.UNCHANGED, "Already imported"
            tsm_import.save(update_fields=["status", "progress_note"])
            return tsm_import
        tsm_import.status, tsm_import.progress, tsm_import.progress_note = (
            TsmImport.Status.APPLYING, 0, "Waiting to be saved")
        tsm_import.save(update_fields=["status", "progress", "progress_note"])
        enqueue(APPLY_IMPORT, tsm_import.pk)
    return tsm_import


def save(*, import_id: int) -> TsmImport | None:
    """Save every figure of an import in one transaction, replacing its year's (safe to run twice)."""
    tsm_import = TsmImport.objects.filter(pk=import_id, status=TsmImport.Status.APPLYING).first()
    if tsm_import is None:
        return None
    try:
        book = _read_file(tsm_import)
    except ValidationError as error:  # the file changed on disc since it was read: say so
        TsmImport.objects.filter(pk=import_id).update(
            status=TsmImport.Status.FAILED, error=" ".join(error.messages), progress_note="Could not be read")
        return None
    _progress(tsm_import, 92, "Saving the figures")
    with transaction.atomic():
        tsm_import = TsmImport.objects.select_for_update().get(pk=import_id)
        if tsm_import.status != TsmImport.Status.APPLYING:
            return None
        changes = _changes(book, tsm_import.source)
        landlords = _save_landlords(book, regulator_of(tsm_import.source))
        years = list(book.by_year)
        Figure.objects.filter(year__in=years, tsm_import__source=tsm_import.source).delete()
        Survey.objects.filter(year__in=years, tsm_import__source=tsm_import.source).delete()
        Figure.objects.bulk_create([
            Figure(landlord_id=landlords[code], measure=measure, tenure=tenure, year=year,
                   value=value, no_figure=no_figure, tsm_import=tsm_import)
            for year, figures in book.by_year.items()
            for (code, measure, tenure), (value, no_figure) in figures.items()
        ], batch_size=2000)
        Survey.objects.bulk_create([
            Survey(landlord_id=landlords[s.code], year=book.year, tenure=s.tenure, population=s.population,
                   sample_or_census=s.sample_or_census[:20], sample_size=s.sample_size,
                   margin_of_error=s.margin_of_error, tsm_import=tsm_import)
            for s in book.surveys
        ], batch_size=2000)
        # An earlier import is replaced once a corrected edition has taken every one of its figures.
        TsmImport.objects.filter(source=tsm_import.source, status=TsmImport.Status.APPLIED).exclude(
            pk=tsm_import.pk).exclude(figures__isnull=False).update(status=TsmImport.Status.REPLACED)
        tsm_import.summary = {**tsm_import.summary, "changes": changes}
        tsm_import.status, tsm_import.applied_at = TsmImport.Status.APPLIED, timezone.now()
        tsm_import.progress, tsm_import.progress_note = 100, "Saved"
        tsm_import.save()
    return tsm_import


def _save_landlords(book: Book, regulator: str) -> dict[str, int]:
    """Add the landlords not seen before and update those this year describes: code -> id."""
    own = Landlord.objects.filter(regulator=regulator, code__in=book.landlords)
    existing = {landlord.code: landlord for landlord in own}
    new, changed = [], []
    for code, row in book.landlords.items():
        landlord = existing.get(code)
        if landlord is None:
            new.append(Landlord(regulator=regulator, code=code, name=row.name,
                                landlord_type=row.landlord_type, size_band=row.size_band, region=row.region,
                                described_in_year=book.year))
        elif landlord.described_in_year <= book.year:  # an older year does not overwrite a newer
            landlord.name, landlord.landlord_type = row.name, row.landlord_type
            landlord.size_band, landlord.region = row.size_band, row.region
            landlord.described_in_year = book.year
            changed.append(landlord)
    Landlord.objects.bulk_create(new, batch_size=1000)
    Landlord.objects.bulk_update(changed, ["name", "landlord_type", "size_band", "region",
                                           "described_in_year"], batch_size=1000)
    return dict(own.values_list("code", "pk"))


def give_up(*, task_name: str, given_up: Iterable[Job]) -> int:
    """Jobs that used up their attempts: a file never read has failed, and a file never saved can
    be saved again (saving is all or nothing), each saying why in plain words."""
    count = 0
    for job in given_up:
        found = TsmImport.objects.filter(pk=(job.args or [None])[0])
        if task_name == READ_IMPORT:
            count += found.filter(status__in=[TsmImport.Status.WAITING, TsmImport.Status.READING]).update(
                status=TsmImport.Status.FAILED, error=GAVE_UP.format(
                    attempts=job.attempts, doing="reading the file", what="upload the file again"))
        else:
            count += found.filter(status=TsmImport.Status.APPLYING).update(
                status=TsmImport.Status.READ, progress=0, progress_note=GAVE_UP.format(
                    attempts=job.attempts, doing="saving the figures", what="save them again")[:200])
    return count
