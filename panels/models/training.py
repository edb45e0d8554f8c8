import datetime
from datetime import timedelta
from typing import Self

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from scrutiny.uploads import UploadFileField, UploadPath

# Training expiring within this many days is "due for refresher": time enough to book a course.
REFRESHER_NOTICE_DAYS = 90


class TrainingQuerySet(models.QuerySet):
    def due_for_refresher(self, on: datetime.date | None = None) -> Self:
        """Training that has expired, or expires within REFRESHER_NOTICE_DAYS of the date."""
        on = on or timezone.localdate()
        return self.filter(
            expires_on__isnull=False, expires_on__lte=on + timedelta(days=REFRESHER_NOTICE_DAYS)
        )


class Training(models.Model):
    """One course a person has completed, with its certificate and expiry where it applies."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training")
    course = models.CharField(
        max_length=200,
        help_text=_("For example: Introduction to tenant scrutiny, or Mystery shopping skills."),
    )
    provider = models.CharField(
        max_length=200, blank=True, help_text=_("Who ran it, for example TIS or TPAS Scotland.")
    )
    completed_on = models.DateField(_("date completed"))
    expires_on = models.DateField(
        _("refresher needed by"),
        null=True,
        blank=True,
        help_text=_("Leave empty if this training does not need refreshing."),
    )
    certificate = UploadFileField(upload_to=UploadPath("training"), blank=True, max_length=200)
    certificate_name = models.CharField(max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = TrainingQuerySet.as_manager()

    class Meta:
        ordering = ["-completed_on", "course"]
        verbose_name_plural = _("training")
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_on__isnull=True) | Q(expires_on__gt=models.F("completed_on")),
                name="training_expires_after_completion",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.course} ({self.user}, {self.completed_on:%d %B %Y})"

    @property
    def status(self) -> str | None:
        """ "current", "due" (refresher due soon) or "expired"; None if it never expires."""
        if self.expires_on is None:
            return None
        today = timezone.localdate()
        if self.expires_on <= today:
            return "expired"
        if self.expires_on <= today + timedelta(days=REFRESHER_NOTICE_DAYS):
            return "due"
        return "current"

    @property
    def is_due_for_refresher(self) -> bool:
        return self.status in ("due", "expired")
