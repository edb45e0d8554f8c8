from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from reviews.models.evidence import Evidence
from reviews.models.review import Review, ScopeQuestion
from scrutiny.paths import reverse


class FindingKind(models.TextChoices):
    STRENGTH = "strength", _("Strength")
    WEAKNESS = "weakness", _("Weakness")
    OBSERVATION = "observation", _("Observation")

    @classmethod
    def position(cls, value: str) -> int:
        return cls.values.index(value)


class Finding(models.Model):
    """Something the panel found, in plain words, backed by evidence."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="findings")
    kind = models.CharField(max_length=20, choices=FindingKind.choices)
    statement = models.TextField()
    question = models.ForeignKey(
        ScopeQuestion, on_delete=models.SET_NULL, null=True, blank=True, related_name="findings"
    )
    evidence = models.ManyToManyField(Evidence, blank=True, related_name="findings")
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # Optimistic locking: a save must name the version it started from (services.update_finding).
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # The statement as PostgreSQL's search words, kept up to date on save (reviews.search).
    search = SearchVectorField(null=True, editable=False)

    class Meta:
        ordering = ["review", "created_at"]

    def __str__(self) -> str:
        return self.statement[:80]

    def get_absolute_url(self) -> str:
        return reverse("reviews:finding", args=[self.review_id, self.pk])


class CommentKind(models.TextChoices):
    AGREE = "agree", _("I agree")
    CHALLENGE = "challenge", _("I challenge this")
    ADD = "add", _("I want to add something")


class FindingComment(models.Model):
    """A panel member's response to a finding: agreeing, challenging or adding to it."""

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=CommentKind.choices)
    text = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["finding", "created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.author}"
