from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from scrutiny.locking import Versioned
from scrutiny.paths import reverse


class ServiceArea(Versioned, models.Model):
    """A landlord service a review can look at (complaints, repairs, ...); an administrator
    edits it on the Administration page."""

    name = models.CharField(max_length=100, unique=True)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ReviewKind(models.TextChoices):
    SCRUTINY_REVIEW = "scrutiny_review", _("Scrutiny review")
    MYSTERY_SHOPPING = "mystery_shopping", _("Mystery-shopping programme")
    INSPECTION = "inspection", _("Inspection programme")
    DOCUMENT_REVIEW = "document_review", _("Document review")


class Stage(models.TextChoices):
    """The stages of a review, in order. A member proposes a review; the chair, vice-chair or
    supporting officer confirms it, and it moves on to scoping."""

    PROPOSED = "proposed", _("Proposed")
    SCOPING = "scoping", _("Scoping")
    EVIDENCE = "evidence", _("Evidence gathering")
    ANALYSIS = "analysis", _("Analysis")
    REPORTING = "reporting", _("Reporting")
    RESPONSE = "response", _("Landlord response")
    MONITORING = "monitoring", _("Monitoring")
    CLOSED = "closed", _("Closed")

    @classmethod
    def position(cls, value: str) -> int:
        """Where a stage comes in the order, from 0 (scoping)."""
        return cls.values.index(value)


class Review(Versioned, models.Model):
    """A piece of scrutiny work by one panel on one service."""

    panel = models.ForeignKey("panels.Panel", on_delete=models.PROTECT, related_name="reviews")
    title = models.CharField(max_length=200)
    service_area = models.ForeignKey(
        ServiceArea, on_delete=models.PROTECT, related_name="reviews", null=True, blank=True
    )
    kind = models.CharField(
        max_length=30, choices=ReviewKind.choices, default=ReviewKind.SCRUTINY_REVIEW
    )
    scope = models.TextField(blank=True, help_text=_("What is in and out of the review, and why."))
    method = models.TextField(
        blank=True,
        help_text=_("How the panel will gather evidence: documents, figures, interviews, visits."),
    )
    planned_start = models.DateField(null=True, blank=True)
    planned_end = models.DateField(null=True, blank=True)
    lead_member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )
    supporting_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.SCOPING)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Title and scope as PostgreSQL's search words, kept up to date on save (reviews.search).
    search = SearchVectorField(null=True, editable=False)
    # A review proposed from the regulator's figures ("where to look next"): which measure,
    # tenure and year it came from, so its report can show the measure before and after.
    from_measure = models.CharField(max_length=10, blank=True, editable=False)
    from_tenure = models.CharField(max_length=10, blank=True, editable=False)
    from_year = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(planned_start__isnull=True) | Q(planned_end__isnull=True)
                | Q(planned_end__gte=models.F("planned_start")),
                name="review_ends_after_it_starts",
                violation_error_message=_("The planned end must be on or after the planned start."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("reviews:detail", args=[self.pk])

    @property
    def year(self) -> int | None:
        """The year the review belongs to: its planned start, or when it was set up."""
        if self.planned_start:
            return self.planned_start.year
        return self.created_at.year if self.created_at else None

    @property
    def is_closed(self) -> bool:
        return self.stage == Stage.CLOSED

    @property
    def next_stage(self) -> str | None:
        position = Stage.position(self.stage)
        return Stage.values[position + 1] if position + 1 < len(Stage.values) else None


class ScopeQuestion(models.Model):
    """One of the questions a review sets out to answer."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="questions")
    number = models.PositiveSmallIntegerField()
    text = models.TextField()

    class Meta:
        ordering = ["review", "number"]
        constraints = [
            models.UniqueConstraint(fields=["review", "number"], name="question_number_per_review")
        ]

    def __str__(self) -> str:
        return f"Q{self.number}. {self.text}"


class StageChange(models.Model):
    """A move of a review from one stage to another: who made it, when and why."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="stage_changes")
    from_stage = models.CharField(max_length=20, choices=Stage.choices, blank=True)
    to_stage = models.CharField(max_length=20, choices=Stage.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["review", "changed_at", "pk"]

    def __str__(self) -> str:
        start = self.get_from_stage_display() or "new"
        return f"{self.review}: {start} to {self.get_to_stage_display()}"
