"""A self-assessment: invited assessors each score every outcome of a framework in private;
the scores are pooled only once it closes."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from assessments.models.frameworks import Framework, Outcome
from scrutiny.paths import reverse


def default_scale() -> list[str]:
    """The usual four-point scale; "don't know" is offered as well unless switched off."""
    return ["Not met", "Partly met", "Mostly met", "Fully met"]


# The usual scale's points, for Welsh pages: a self-assessment keeps its scale as written (in
# English unless the coordinator wrote another), and these are shown in the page's language.
DEFAULT_SCALE_SHOWN = dict(zip(default_scale(), [_("Not met"), _("Partly met"), _("Mostly met"),
                                                 _("Fully met")], strict=True))


def scale_label(label: str) -> str:
    """A point of a scale as shown: the usual scale's in the page's language, others as written."""
    return str(DEFAULT_SCALE_SHOWN.get(label, label))


class SelfAssessmentQuerySet(models.QuerySet):
    def closed(self, today: datetime.date | None = None) -> "SelfAssessmentQuerySet":
        today = today or timezone.localdate()
        return self.filter(Q(closed_at__isnull=False) | Q(closes_on__lt=today))


class SelfAssessment(models.Model):
    """One round of scoring a framework, by the people invited, between two dates."""

    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="self_assessments")
    title = models.CharField(max_length=200)
    panel = models.ForeignKey(
        "panels.Panel",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="self_assessments",
        help_text=_("The panel running it, if any: its chair and supporting officer help coordinate."),
    )
    opens_on = models.DateField()
    closes_on = models.DateField()
    # Set when a coordinator closes it before the closing date.
    closed_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Labels for scores 1, 2, 3, ...; a score is stored as its number.
    scale = models.JSONField(default=default_scale)
    allow_dont_know = models.BooleanField(_('offer "don\'t know"'), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Optimistic locking for the settings form (services.update_self_assessment).
    version = models.PositiveIntegerField(default=1)

    objects = SelfAssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["-closes_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=models.F("opens_on")), name="self_assessment_closes_after_it_opens"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("assessments:detail", args=[self.pk])

    def is_closed(self, today: datetime.date | None = None) -> bool:
        return self.closed_at is not None or self.closes_on < (today or timezone.localdate())

    def is_open(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return not self.is_closed(today) and self.opens_on <= today

    def status(self, today: datetime.date | None = None) -> str:
        if self.is_closed(today):
            return gettext("Closed")
        return gettext("Open") if self.is_open(today) else gettext("Not open yet")

    @property
    def scale_max(self) -> int:
        return len(self.scale)

    def scale_choices(self) -> list[tuple[int, str]]:
        return [(i, f"{i} {scale_label(label).lower()}") for i, label in enumerate(self.scale, start=1)]


class Perspective(models.TextChoices):
    TENANT = "tenant", _("Tenant")
    STAFF = "staff", _("Staff")


class Assessor(models.Model):
    """Someone invited to score a self-assessment. Their view (tenant or staff) is fixed when
    invited, so pooled results do not change if their site role changes later. If the person's
    account is deleted, the row and its scores stay without a name (user is then empty), so a
    closed self-assessment's pooled results, tenant/staff split included, never change."""

    self_assessment = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="assessors")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assessor_roles",
    )
    perspective = models.CharField(max_length=10, choices=Perspective.choices)
    invited_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    # A reminder is recorded here first, then sent by the background job (scrutiny.jobs).
    reminder_requested_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    # When the person was told they are invited (assessments/notifications.py); empty until then,
    # so each person is told once however often the self-assessment is edited.
    told_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["self_assessment", "user__display_name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["self_assessment", "user"], name="one_assessor_row_per_person"),
        ]

    def __str__(self) -> str:
        return f"{self.name} in {self.self_assessment}"

    @property
    def name(self) -> str:
        return self.user.display_name if self.user is not None else gettext("Former member")


class Score(models.Model):
    """One assessor's score for one outcome. No value means "don't know"."""

    assessor = models.ForeignKey(Assessor, on_delete=models.CASCADE, related_name="scores")
    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, related_name="scores")
    value = models.PositiveSmallIntegerField(null=True, blank=True)
    comment = models.TextField(blank=True)
    evidence_url = models.URLField(_("link to evidence"), blank=True, max_length=500)
    # Goes up by one on every change, so a save from a page showing an older score (the same
    # assessor in another window) is caught rather than silently overwriting it.
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["assessor", "outcome"]
        constraints = [
            models.UniqueConstraint(fields=["assessor", "outcome"], name="one_score_per_assessor_outcome"),
            models.CheckConstraint(
                condition=Q(value__isnull=True) | Q(value__gte=1), name="score_at_least_one"
            ),
        ]
        indexes = [models.Index(fields=["outcome", "value"])]

    def __str__(self) -> str:
        return f"{self.outcome.code}: {self.value if self.value is not None else 'don’t know'}"

    @property
    def dont_know(self) -> bool:
        return self.value is None
