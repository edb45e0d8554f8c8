"""Frameworks a landlord is measured against: standards, their outcomes, and indicators with
yearly figures."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from scrutiny.paths import reverse


class Framework(models.Model):  # type: ignore[django-manager-missing, unused-ignore]
    """A set of standards and outcomes (the Scottish Social Housing Charter, the Tenant
    Satisfaction Measures, or a landlord's own copy of an accreditation framework)."""

    code = models.SlugField(
        max_length=60, unique=True, help_text=_("A short name used in files, e.g. tpas-2016.")
    )
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    source = models.CharField(
        max_length=300, blank=True, help_text=_("Where the text comes from, e.g. the publisher and date.")
    )
    source_url = models.URLField(_("link to the source"), blank=True)
    # Seeded frameworks come from published texts in migrations; imported ones from a file.
    is_seeded = models.BooleanField(default=False, editable=False)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("assessments:framework", args=[self.pk])


class Standard(models.Model):  # type: ignore[django-manager-missing, unused-ignore]
    """A group of outcomes within a framework (a Charter section, a Tpas standard)."""

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="standards")
    code = models.CharField(max_length=30)
    title = models.CharField(max_length=300)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["framework", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="standard_code_per_framework"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class Outcome(models.Model):  # type: ignore[django-manager-missing, unused-ignore]
    """One thing the landlord should achieve, scored in a self-assessment."""

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="outcomes")
    standard = models.ForeignKey(Standard, on_delete=models.CASCADE, related_name="outcomes")
    code = models.CharField(max_length=30)
    title = models.CharField(max_length=500)
    description = models.TextField(blank=True)
    guidance = models.TextField(blank=True, help_text=_("What to look for when scoring this outcome."))
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["framework", "standard__position", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="outcome_code_per_framework"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class Indicator(models.Model):  # type: ignore[django-manager-missing, unused-ignore]
    """A yearly performance figure (a TSM, an ARC indicator) that belongs to a framework."""

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="indicators")
    code = models.CharField(max_length=30)
    title = models.CharField(max_length=500)
    unit = models.CharField(
        max_length=40, blank=True, help_text=_('For example "%", "days" or "per 1,000 homes".')
    )
    higher_is_better = models.BooleanField(default=True)
    position = models.PositiveIntegerField(default=0)
    # The outcome (a Charter outcome, a TSM theme) the figure measures: the Annual Report to
    # Tenants shows each figure under it. Blank for figures no outcome claims.
    outcome = models.ForeignKey(
        Outcome, on_delete=models.SET_NULL, null=True, blank=True, related_name="indicators",
        help_text=_("The outcome this figure measures, if any."),
    )

    class Meta:
        ordering = ["framework", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="indicator_code_per_framework"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class IndicatorValue(models.Model):
    """An indicator's figure for one year. The previous year's figure is the row for year - 1,
    read when needed rather than copied."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    year = models.PositiveIntegerField(
        help_text=_("The year the financial year starts, e.g. 2024 for 2024/25.")
    )
    value = models.DecimalField(max_digits=12, decimal_places=2)
    target = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    peer_average = models.DecimalField(
        _("peer or national average"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    note = models.TextField(blank=True)
    # Optimistic locking: two officers may open the same figure (services.save_indicator_value).
    version = models.PositiveIntegerField(default=1)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["indicator", "year"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year"], name="one_value_per_indicator_year"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.year}: {self.value}"
