"""The regulator's published figures for every landlord, and the imports that brought them in.

Figures are kept as published: a number, or "no figure" with the regulator's code for why.
"""

import hashlib

from django.conf import settings
from django.core.files import File
from django.db import models
from django.utils.translation import gettext_lazy as _

from scrutiny.paths import reverse
from scrutiny.uploads import UploadFileField, UploadPath


class Source(models.TextChoices):
    RSH_TSM = "rsh_tsm", _("RSH TSM full data")
    SHR_CHARTER = "shr_charter", _("SHR Charter CSV")


class Tenure(models.TextChoices):
    LCRA = "lcra", _("Rented homes (LCRA)")
    LCHO = "lcho", _("Shared ownership (LCHO)")
    # Also where the figures that cover every home the landlord owns are kept (BS, RP, NM).
    COMBINED = "combined", _("Rented and shared ownership combined")


class NoFigure(models.TextChoices):
    BLANK = "X", _("Left blank by the landlord")
    NOT_REQUIRED = "Z", _("No response required")
    EXCLUDED = "E", _("Excluded by the regulator")
    SUPPRESSED = "S", _("Suppressed: fewer than 50 surveys by that method")
    ZERO_DENOMINATOR = "U", _("Not calculable: nothing to count")


class LandlordType(models.TextChoices):
    PRP = "PRP", _("Housing association (private registered provider)")
    LA = "LA", _("Council (local authority)")
    RSL = "RSL", _("Housing association (registered social landlord)")


class Regulator(models.TextChoices):
    """Whose register a landlord's code is from: the two regulators' codes may coincide."""

    RSH = "rsh", _("Regulator of Social Housing (England)")
    SHR = "shr", _("Scottish Housing Regulator")


def regulator_of(source: str) -> str:
    """The regulator whose landlords an import's source describes."""
    return Regulator.SHR if source == Source.SHR_CHARTER else Regulator.RSH


def reporting_year_label(year: int) -> str:
    """2024 -> "2024/25": years are kept as the April they start in."""
    return f"{year}/{(year + 1) % 100:02d}"


class TsmImport(models.Model):
    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting to be read")
        READING = "reading", _("Being read")
        READ = "read", _("Read: check the preview")
        FAILED = "failed", _("Could not be read")
        APPLYING = "applying", _("Being saved")
        APPLIED = "applied", _("Saved")
        UNCHANGED = "unchanged", _("Already imported: nothing changed")
        REPLACED = "replaced", _("Replaced by a corrected edition")

    file = UploadFileField(upload_to=UploadPath("comparisons/imports"), blank=True,
                           allowed=frozenset({"xlsx", "csv"}))
    file_name = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64, db_index=True)
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.RSH_TSM)
    reporting_year = models.PositiveSmallIntegerField(null=True, blank=True)
    edition = models.CharField(max_length=40, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.WAITING)
    progress = models.PositiveSmallIntegerField(default=0, help_text=_("Per cent done."))
    progress_note = models.CharField(max_length=200, blank=True)
    error = models.TextField(blank=True)
    summary = models.JSONField(default=dict, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                    related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    applied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self) -> str:
        year = f" {reporting_year_label(self.reporting_year)}" if self.reporting_year else ""
        return f"{self.get_source_display()}{year}: {self.file_name}"

    def get_absolute_url(self) -> str:
        return reverse("comparisons:import", args=[self.pk])

    @staticmethod
    def hash_of(file: File) -> str:
        digest = hashlib.sha256()
        file.seek(0)
        for chunk in iter(lambda: file.read(1024 * 1024), b""):
            digest.update(chunk)
        file.seek(0)
        return digest.hexdigest()


class Landlord(models.Model):
    """A regulated landlord, as the latest imported year describes it."""

    regulator = models.CharField(max_length=3, choices=Regulator.choices, default=Regulator.RSH)
    code = models.CharField(max_length=20, help_text=_("The landlord's code in its regulator's register."))
    name = models.CharField(max_length=255)
    landlord_type = models.CharField(max_length=3, choices=LandlordType.choices)
    size_band = models.CharField(max_length=40, blank=True)
    region = models.CharField(max_length=80, blank=True)
    described_in_year = models.PositiveSmallIntegerField(help_text=_("The year these details come from."))

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["regulator", "code"],
                                               name="one_landlord_per_regulator_code")]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class Survey(models.Model):
    """How a landlord asked its tenants one year, for one tenure: the caveats beside each figure."""

    landlord = models.ForeignKey(Landlord, on_delete=models.CASCADE, related_name="surveys")
    year = models.PositiveSmallIntegerField()
    tenure = models.CharField(max_length=10, choices=Tenure.choices)
    population = models.PositiveIntegerField(
        null=True, blank=True,
        help_text=_("The relevant tenant population: households the survey speaks for."))
    sample_or_census = models.CharField(max_length=20, blank=True)
    sample_size = models.PositiveIntegerField(null=True, blank=True)
    margin_of_error = models.DecimalField(max_digits=7, decimal_places=3, null=True, blank=True,
                                          help_text=_("Percentage points, plus or minus."))
    tsm_import = models.ForeignKey(TsmImport, on_delete=models.CASCADE, related_name="surveys")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["landlord", "year", "tenure"],
                                               name="one_survey_per_landlord_year_tenure")]

    def __str__(self) -> str:
        return f"{self.landlord.code} {reporting_year_label(self.year)} {self.get_tenure_display()}"


class Figure(models.Model):
    """One published figure: a landlord's measure for a tenure and year, or why there is none."""

    landlord = models.ForeignKey(Landlord, on_delete=models.CASCADE, related_name="figures")
    measure = models.CharField(max_length=10)
    tenure = models.CharField(max_length=10, choices=Tenure.choices)
    year = models.PositiveSmallIntegerField()
    value = models.DecimalField(max_digits=12, decimal_places=4, null=True, blank=True)
    no_figure = models.CharField(max_length=1, choices=NoFigure.choices, blank=True)
    tsm_import = models.ForeignKey(TsmImport, on_delete=models.CASCADE, related_name="figures")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["landlord", "measure", "tenure", "year"],
                                    name="one_figure_per_landlord_measure_tenure_year"),
            models.CheckConstraint(
                condition=(models.Q(value__isnull=False, no_figure="")
                           | models.Q(value__isnull=True) & ~models.Q(no_figure="")),
                name="figure_is_a_number_or_says_why_not"),
        ]
        indexes = [models.Index(fields=["measure", "tenure", "year"], name="figure_measure_year")]

    def __str__(self) -> str:
        shown = self.value if self.value is not None else f"[{self.no_figure}]"
        return f"{self.landlord.code} {self.measure} {self.tenure} {reporting_year_label(self.year)}: {shown}"


class PeerChoice(models.Model):
    """The landlords an administrator chose to compare with by name, instead of those of the same
    type, size band and region. One row for the site; no codes means the default peers."""

    peer_codes = models.JSONField(default=list, blank=True,
                                  help_text=_("The regulator's codes of the landlords to compare with."))
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Peers chosen by name: {len(self.peer_codes)}"

    @classmethod
    def codes(cls) -> list[str]:
        """The chosen codes (one query), or [] for the default peers."""
        return cls.objects.filter(pk=1).values_list("peer_codes", flat=True).first() or []
