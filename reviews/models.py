from django.conf import settings
from django.db import models
from django.urls import reverse


class ServiceArea(models.Model):
    """A landlord service a review can look at (complaints, repairs, ...); edited in the admin."""

    name = models.CharField(max_length=100, unique=True)
    is_active = models.BooleanField("in use", default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class ReviewKind(models.TextChoices):
    SCRUTINY_REVIEW = "scrutiny_review", "Scrutiny review"
    MYSTERY_SHOPPING = "mystery_shopping", "Mystery-shopping programme"
    INSPECTION = "inspection", "Inspection programme"
    DOCUMENT_REVIEW = "document_review", "Document review"


class Stage(models.TextChoices):
    """The stages of a review, in order."""

    SCOPING = "scoping", "Scoping"
    EVIDENCE = "evidence", "Evidence gathering"
    ANALYSIS = "analysis", "Analysis"
    REPORTING = "reporting", "Reporting"
    RESPONSE = "response", "Landlord response"
    MONITORING = "monitoring", "Monitoring"
    CLOSED = "closed", "Closed"


class Review(models.Model):
    """A piece of scrutiny work by one panel on one service."""

    panel = models.ForeignKey("panels.Panel", on_delete=models.PROTECT, related_name="reviews")
    title = models.CharField(max_length=200)
    service_area = models.ForeignKey(
        ServiceArea, on_delete=models.PROTECT, related_name="reviews", null=True, blank=True
    )
    kind = models.CharField(
        max_length=30, choices=ReviewKind.choices, default=ReviewKind.SCRUTINY_REVIEW
    )
    scope = models.TextField(blank=True, help_text="What is in and out of the review, and why.")
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
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("reviews:detail", args=[self.pk])


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

    def __str__(self):
        return f"Q{self.number}. {self.text}"


class FindingKind(models.TextChoices):
    STRENGTH = "strength", "Strength"
    WEAKNESS = "weakness", "Weakness"
    OBSERVATION = "observation", "Observation"


class Finding(models.Model):
    """Something the panel found, in plain words, backed by evidence."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="findings")
    kind = models.CharField(max_length=20, choices=FindingKind.choices)
    statement = models.TextField()
    question = models.ForeignKey(
        ScopeQuestion, on_delete=models.SET_NULL, null=True, blank=True, related_name="findings"
    )
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["review", "created_at"]

    def __str__(self):
        return self.statement[:80]

    def get_absolute_url(self):
        return reverse("reviews:finding", args=[self.review_id, self.pk])
