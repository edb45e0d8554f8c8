import os
from typing import Any

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from reviews.models.review import Review
from scrutiny.paths import reverse
from scrutiny.uploads import IMAGES, KINDS, UploadFileField, UploadPath


class EvidenceKind(models.TextChoices):
    DOCUMENT = "document", _("Document")
    FIGURE = "figure", _("Performance figure")
    INTERVIEW = "interview", _("Interview")
    SITE_VISIT = "site_visit", _("Site visit")


class Evidence(models.Model):
    """Something a review rests on. Each kind keeps its own details in a linked table
    (multi-table inheritance), so findings can point at any kind through one relation."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(max_length=20, choices=EvidenceKind.choices, editable=False)
    title = models.CharField(max_length=200)
    source = models.CharField(
        max_length=200, blank=True,
        help_text=_("Where it came from, for example the complaints team or the landlord's website."),
    )
    date = models.DateField(null=True, blank=True)
    description = models.TextField(blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    # Shown to everyone with the review's published report, once the panel's chair or an
    # administrator marks it so (opendata); unmarked evidence is never public.
    public = models.BooleanField(default=False, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Its text and its kind's notes as PostgreSQL's search words, kept up to date on save.
    search = SearchVectorField(null=True, editable=False)

    class Meta:
        ordering = ["review", "-created_at", "-pk"]
        verbose_name_plural = _("evidence")
        indexes = [
            models.Index(fields=["review", "kind"], name="evidence_review_kind"),
            # The evidence list's order: newest first, read from the index instead of sorting
            # every piece of evidence for each page.
            models.Index(fields=["-date", "-created_at", "-id"], name="evidence_newest_first"),
            # The list's year filter starts at the earliest piece added: read from here, not
            # from every row.
            models.Index(fields=["created_at"], name="evidence_added"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("reviews:evidence", args=[self.review_id, self.pk])

    @property
    def details(self) -> "Evidence":
        """The kind-specific part (a Document, PerformanceFigure, Interview or SiteVisit)."""
        return getattr(self, _DETAIL_ATTRIBUTE[self.kind])

    @property
    def label(self) -> str:
        """How the evidence is named in lists: its kind and title."""
        return f"{self.get_kind_display()}: {self.title}"


class Document(Evidence):
    """A policy, report, letter, spreadsheet or photo the panel read."""

    evidence_ptr = models.OneToOneField(
        Evidence, on_delete=models.CASCADE, parent_link=True, primary_key=True,
        related_name="document",
    )
    file = UploadFileField(upload_to=UploadPath("evidence"), max_length=200)
    original_name = models.CharField(max_length=200, blank=True)
    size = models.PositiveIntegerField(default=0)

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.kind = EvidenceKind.DOCUMENT
        super().save(*args, **kwargs)

    @property
    def file_label(self) -> str:
        kind = KINDS.get(os.path.splitext(self.file.name)[1].lstrip(".").lower())
        return str(kind.label) if kind else gettext("File")


class PerformanceFigure(Evidence):
    """One performance figure: what was measured, its value for a period, against what."""

    evidence_ptr = models.OneToOneField(
        Evidence, on_delete=models.CASCADE, parent_link=True, primary_key=True,
        related_name="figure",
    )
    measure = models.CharField(
        max_length=200, help_text=_("For example: stage 1 complaints answered within 5 working days.")
    )
    value = models.DecimalField(max_digits=14, decimal_places=2)
    unit = models.CharField(max_length=40, blank=True, help_text=_("For example %, days or homes."))
    period = models.CharField(max_length=40, help_text=_("For example 2015/16 or April to June 2016."))
    target = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    comparison_value = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    comparison_label = models.CharField(
        _("what the comparison is"), max_length=200, blank=True,
        help_text=_("For example: Scottish average 2015/16, or last year."),
    )
    higher_is_better = models.BooleanField(default=True)

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.kind = EvidenceKind.FIGURE
        super().save(*args, **kwargs)

    @property
    def meets_target(self) -> bool | None:
        """True or False against the target, or None when there is no target."""
        if self.target is None:
            return None
        return self.value >= self.target if self.higher_is_better else self.value <= self.target


class Interview(Evidence):
    """An interview with a member of staff or a tenant, recorded by their role."""

    evidence_ptr = models.OneToOneField(
        Evidence, on_delete=models.CASCADE, parent_link=True, primary_key=True,
        related_name="interview",
    )
    interviewee_role = models.CharField(
        _("role of the person interviewed"), max_length=200,
        help_text=_("Their job or role, for example Housing officer. Not their name."),
    )
    interviewee_name = models.CharField(
        _("name of the person interviewed"), max_length=150, blank=True,
        help_text=_("Leave this empty unless they agreed to be named in the review."),
    )
    interviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+",
    )
    questions = models.TextField(_("questions asked"), blank=True)
    notes = models.TextField(blank=True)

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.kind = EvidenceKind.INTERVIEW
        super().save(*args, **kwargs)


class SiteVisit(Evidence):
    """A visit to see a service for themselves: an office, an estate, an empty home."""

    evidence_ptr = models.OneToOneField(
        Evidence, on_delete=models.CASCADE, parent_link=True, primary_key=True,
        related_name="site_visit",
    )
    place = models.CharField(max_length=200)
    visitors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("who went"),
    )
    notes = models.TextField(blank=True)

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.kind = EvidenceKind.SITE_VISIT
        super().save(*args, **kwargs)


class SiteVisitPhoto(models.Model):
    """A photo taken on a site visit; stored without its EXIF (location) data."""

    site_visit = models.ForeignKey(SiteVisit, on_delete=models.CASCADE, related_name="photos")
    file = UploadFileField(allowed=IMAGES, upload_to=UploadPath("site-visits"), max_length=200)
    description = models.CharField(
        _("what the photo shows"), max_length=300,
        help_text=_("Read out to people who cannot see the photo."),
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["site_visit", "created_at", "pk"]

    def __str__(self) -> str:
        return self.description

    def get_absolute_url(self) -> str:
        return reverse("reviews:photo", args=[self.site_visit.review_id, self.pk])


_DETAIL_ATTRIBUTE = {
    EvidenceKind.DOCUMENT: "document",
    EvidenceKind.FIGURE: "figure",
    EvidenceKind.INTERVIEW: "interview",
    EvidenceKind.SITE_VISIT: "site_visit",
}
