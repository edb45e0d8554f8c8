"""Demo data: the Scottish Housing Regulator's Charter figures for the sample's four made-up
landlords and for the demo landlord, imported as an administrator's upload would be (read, then
saved), with "How we compare" switched on for everyone, so a new user sees the page signed in
and signed out. The demo landlord's figures are its own figures of the demo's Charter framework
(assessments/demo.py). Running the seed again adds nothing."""

from __future__ import annotations

from pathlib import Path

from django.core.files.base import ContentFile

from accounts.models import User
from comparisons import charter, public, services
from comparisons.models import Source, TsmImport, reporting_year_label
from scrutiny.models import SiteSettings

SAMPLE = Path(__file__).parent / "data" / "charter_sample.csv"
CODE, NAME = "TV05", "Tayview Council"
FIRST_YEAR = 2024  # the sample's years: 2024/25 and 2025/26
# Indicator: (2024/25, 2025/26, unit), as the demo's own Charter figures (assessments/demo.py).
OURS = {"7": ("88.9", "91.4", "%"), "11": ("4.2", "3.8", "hours"), "12": ("9.6", "8.1", "days"),
        "13": ("88.4", "90.1", "%"), "16": ("86.0", "83.5", "%"), "23": ("51.2", "44.6", "days")}


def _in_its_year(line: str) -> bool:
    """Whether a sample row's indicator is in its year's return. The sample holds one that is not,
    to show a row left out; the demo leaves it out itself, as the preview's reasons are kept as
    the worker wrote them, in English, and the demo is read in Welsh too."""
    cells = line.split(",")
    return charter.indicator_in(int(cells[2][:4]), int(cells[3])) is not None


def _csv() -> bytes:
    header, *sample = SAMPLE.read_text(encoding="utf-8").strip().splitlines()
    ours = [f"{CODE},{NAME},{reporting_year_label(FIRST_YEAR + step)},{indicator},,{values[step]},"
            f"{values[2]},,,Council"
            for indicator, values in OURS.items() for step in (0, 1)]
    return "\n".join([header, *filter(_in_its_year, sample), *ours, ""]).encode()


def seed(*, password: str, people: dict[str, User]) -> dict[str, User]:
    data = _csv()
    sha256 = TsmImport.hash_of(ContentFile(data))
    if not TsmImport.objects.filter(sha256=sha256).exists():
        made = TsmImport.objects.create(file=ContentFile(data, name="charter-demo.csv"),
                                        file_name="charter-demo.csv", sha256=sha256,
                                        source=Source.SHR_CHARTER, uploaded_by=people.get("admin"))
        services.read(import_id=made.pk)  # the worker's two steps, as after an upload and "Save"
        TsmImport.objects.filter(pk=made.pk, status=TsmImport.Status.READ).update(
            status=TsmImport.Status.APPLYING)
        services.save(import_id=made.pk)
    site = SiteSettings.load()
    if not site.shr_code or public.PUBLIC_HOW_WE_COMPARE not in site.switches:
        site.shr_code = site.shr_code or CODE
        site.switches = {public.PUBLIC_HOW_WE_COMPARE: True, **site.switches}
        site.save()
    return {}
