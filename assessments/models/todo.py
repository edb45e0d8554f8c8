"""The to-do list a self-assessment leaves behind: an action against each weak outcome."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from assessments.models.assessment import SelfAssessment
from assessments.models.frameworks import Outcome
from scrutiny.paths import reverse


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    UNDERWAY = "underway", _("Underway")
    DONE = "done", _("Done")


class ImprovementAction(models.Model):
    """What will be done about a weakness found by a self-assessment, by whom and by when."""

    self_assessment = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="actions")
    outcome = models.ForeignKey(Outcome, on_delete=models.PROTECT, related_name="improvement_actions")
    what = models.TextField(_("what will be done"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="improvement_actions"
    )
    due_date = models.DateField()
    status = models.CharField(max_length=20, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED)
    progress = models.TextField(_("progress so far"), blank=True)
    # Optimistic locking: the owner and a coordinator may both update progress.
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["due_date", "pk"]

    def __str__(self) -> str:
        return self.what[:80]

    def get_absolute_url(self) -> str:
        return reverse("assessments:edit-action", args=[self.pk])

    @property
    def overdue(self) -> bool:
        return self.status != ActionStatus.DONE and self.due_date < timezone.localdate()
