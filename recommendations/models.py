"""Recommendations, the landlord's response, the action plan and its progress.

Status changes only happen in services.py; every change leaves a Transition row (who, when,
why) and django-simple-history keeps each version of the records for the audit trail.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from scrutiny.locking import Versioned
from scrutiny.paths import reverse
from scrutiny.uploads import UploadFileField, UploadPath


class Status(models.TextChoices):
    """The lifecycle in DESIGN.md, in order."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    ACCEPTED = "accepted", _("Accepted")
    PARTLY_ACCEPTED = "partly_accepted", _("Partly accepted")
    REJECTED = "rejected", _("Rejected")
    IN_PROGRESS = "in_progress", _("In progress")
    IMPLEMENTED = "implemented", _("Implemented")
    VERIFIED = "verified", _("Verified")


# Statuses in which work on the recommendation is still owed by the landlord.
OPEN_WORK = (Status.ACCEPTED, Status.PARTLY_ACCEPTED, Status.IN_PROGRESS)


class Priority(models.TextChoices):
    HIGH = "high", _("High")
    MEDIUM = "medium", _("Medium")
    LOW = "low", _("Low")


class Decision(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    PARTLY_ACCEPTED = "partly_accepted", _("Partly accepted")
    REJECTED = "rejected", _("Rejected")


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    UNDERWAY = "underway", _("Underway")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


# An action in one of these statuses needs no more work: it is not open, late or owed.
CLOSED_ACTION = (ActionStatus.DONE, ActionStatus.DROPPED)


class RecommendationQuerySet(models.QuerySet):
    def with_overdue(self, today: datetime.date | None = None) -> "RecommendationQuerySet":
        """Annotate `is_overdue`: work still owed and a due date (its own or an open action's) passed.

        Overdue is never stored: it is a fact about today, so it is worked out when asked.
        """
        today = today or timezone.localdate()
        late_action = Action.objects.filter(
            recommendation=OuterRef("pk"), due_date__lt=today
        ).exclude(status__in=CLOSED_ACTION)
        return self.annotate(
            is_overdue=models.Case(
                models.When(
                    Q(status__in=OPEN_WORK) & (Q(due_date__lt=today) | Exists(late_action)),
                    then=models.Value(True),
                ),
                default=models.Value(False),
                output_field=models.BooleanField(),
            )
        )


class Recommendation(Versioned, models.Model):
    """What a panel recommends the landlord changes, numbered R1, R2, ... within its review."""

    # A recommendation comes from a review today. When the self-assessment app lands, a
    # recommendation may instead come from a self-assessment outcome: that change adds an
    # `outcome` foreign key, makes `review` null=True, and adds a CheckConstraint that exactly
    # one of the two is set (numbering then runs within whichever it belongs to). Code that
    # reads `recommendation.review` should keep that in mind.
    review = models.ForeignKey(
        "reviews.Review", on_delete=models.PROTECT, related_name="recommendations"
    )
    number = models.PositiveIntegerField(editable=False)
    # The self-assessment outcome (a weakness) this recommendation answers, if it came from one.
    # The link lives here because recommendations may import assessments, never the reverse.
    outcome = models.ForeignKey(
        "assessments.Outcome", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="recommendations", editable=False,
    )
    text = models.TextField(
        _("recommendation"), help_text=_("What the panel recommends, in one or two sentences.")
    )
    rationale = models.TextField(
        _("why the panel recommends it"), blank=True,
        help_text=_("What the panel found that led to this recommendation."),
    )
    findings = models.ManyToManyField(
        to="reviews.Finding", blank=True, related_name="recommendations",
        help_text=_("The findings this recommendation rests on."),
    )
    priority = models.CharField(max_length=10, choices=Priority.choices, default=Priority.MEDIUM)
    service_area = models.ForeignKey(
        "reviews.ServiceArea", on_delete=models.PROTECT, null=True, blank=True,
        related_name="recommendations",
    )
    expected_benefit = models.TextField(
        _("expected benefit for tenants"), blank=True,
        help_text=_("What will be better for tenants if this is done."),
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The action plan: who answers for the recommendation being done, and by when.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="owned_recommendations",
    )
    due_date = models.DateField(null=True, blank=True)
    implementation_summary = models.TextField(_("what was done"), blank=True)
    impact_statement = models.TextField(
        blank=True, help_text=_("What the panel found had changed for tenants when it checked.")
    )
    # When each stage was reached, for the tracker's medians and the "year" filter.
    submitted_at = models.DateTimeField(null=True, blank=True)
    implemented_at = models.DateTimeField(null=True, blank=True)
    verified_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()
    objects = RecommendationQuerySet.as_manager()

    class Meta:
        ordering = ["review", "number"]
        constraints = [
            models.UniqueConstraint(fields=["review", "number"], name="recommendation_number_per_review"),
        ]
        indexes = [models.Index(fields=["status", "due_date"])]

    def __str__(self) -> str:
        return f"{self.code}: {self.text[:60]}"

    def get_absolute_url(self) -> str:
        return reverse("recommendations:detail", args=[self.pk])

    @property
    def code(self) -> str:
        return f"R{self.number}"

    @property
    def overdue(self) -> bool:
        """Use the queryset annotation where there is one; otherwise work it out (costs a query)."""
        if hasattr(self, "is_overdue"):
            return self.is_overdue
        if self.status not in OPEN_WORK:
            return False
        today = timezone.localdate()
        if self.due_date and self.due_date < today:
            return True
        return self.actions.filter(due_date__lt=today).exclude(status__in=CLOSED_ACTION).exists()


class Response(models.Model):
    """The landlord's answer to a recommendation: accepted, partly accepted or rejected."""

    recommendation = models.OneToOneField(Recommendation, on_delete=models.CASCADE, related_name="response")
    decision = models.CharField(max_length=20, choices=Decision.choices)
    reason = models.TextField(blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    responded_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"{self.get_decision_display()}: {self.recommendation}"


class ActionQuerySet(models.QuerySet):
    def open(self) -> "ActionQuerySet":
        return self.exclude(status__in=CLOSED_ACTION)

    def overdue(self, today: datetime.date | None = None) -> "ActionQuerySet":
        return self.open().filter(due_date__lt=today or timezone.localdate())


class Action(Versioned, models.Model):
    """One step of the action plan: what will be done, by whom, by when."""

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="actions")
    what = models.TextField(_("what will be done"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="recommendation_actions"
    )
    due_date = models.DateField()
    status = models.CharField(max_length=20, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED)
    completed_on = models.DateField(null=True, blank=True)
    dropped_reason = models.TextField(_("why it was dropped"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()
    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "pk"]

    def __str__(self) -> str:
        return self.what[:80]

    @property
    def overdue(self) -> bool:
        return self.status not in CLOSED_ACTION and self.due_date < timezone.localdate()


class ProgressUpdate(models.Model):
    """A note on how the work is going, with optional evidence; also the evidence of implementation."""

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="progress_updates"
    )
    action = models.ForeignKey(
        Action, on_delete=models.SET_NULL, null=True, blank=True, related_name="progress_updates"
    )
    text = models.TextField(_("progress"))
    evidence = UploadFileField(upload_to=UploadPath("recommendations/evidence"), blank=True)
    evidence_name = models.CharField(max_length=200, blank=True)
    marks_implementation = models.BooleanField(default=False)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:80]


class Transition(models.Model):
    """One step of a recommendation's lifecycle: from which status to which, by whom, when, why."""

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Status.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    note = models.TextField(blank=True)
    notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.recommendation.code}: {self.from_status or 'new'} → {self.to_status}"


class ReminderSent(models.Model):
    """One reminder digest per person per day: the unique row is what stops a second email.

    Written with the outbox job that emails it (recommendations/reminders.py)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    date = models.DateField()
    items = models.PositiveIntegerField(default=0)
    sent_at = models.DateTimeField(_("written at"), auto_now_add=True)
    emailed_at = models.DateTimeField(
        null=True, blank=True, help_text=_("When the email (or notice) went out; empty while it waits.")
    )

    class Meta:
        ordering = ["-date"]
        constraints = [
            models.UniqueConstraint(fields=["user", "date"], name="one_reminder_per_person_per_day")
        ]

    def __str__(self) -> str:
        return f"Reminder to {self.user} on {self.date}"
