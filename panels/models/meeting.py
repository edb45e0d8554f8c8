import datetime
from decimal import Decimal
from typing import Self

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from panels.models.panel import Panel
from scrutiny.locking import Versioned
from scrutiny.paths import reverse
from scrutiny.uploads import KINDS, UploadFileField, UploadPath


class MeetingQuerySet(models.QuerySet):
    def upcoming(self, now: datetime.datetime | None = None) -> Self:
        """Meetings not cancelled that have not finished yet, soonest first."""
        now = timezone.localtime(now)
        return (
            self.filter(is_cancelled=False)
            .filter(Q(date__gt=now.date()) | Q(date=now.date(), end_time__gt=now.time()))
            .order_by("date", "start_time")
        )

    def held(self, now: datetime.datetime | None = None) -> Self:
        """Meetings not cancelled that have finished."""
        now = timezone.localtime(now)
        return self.filter(is_cancelled=False).filter(
            Q(date__lt=now.date()) | Q(date=now.date(), end_time__lte=now.time())
        )


class Meeting(Versioned, models.Model):
    """A panel meeting: when and where, its agenda and papers, and afterwards its minutes."""

    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="meetings")
    title = models.CharField(max_length=200, default="Panel meeting")
    date = models.DateField()
    start_time = models.TimeField()
    end_time = models.TimeField()
    place = models.CharField(
        max_length=300, blank=True, help_text=_("For example: Council Building, 2 High Street, room 4.")
    )
    online_link = models.URLField(
        _("online meeting link"),
        max_length=500,
        blank=True,
        help_text=_("A Teams or Zoom link, if people can join online."),
    )
    agenda = models.TextField(blank=True)
    minutes = models.TextField(blank=True)
    is_cancelled = models.BooleanField(_("cancelled"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-start_time"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__gt=models.F("start_time")), name="meeting_ends_after_it_starts"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title}, {self.date:%d %B %Y}"

    def get_absolute_url(self) -> str:
        return reverse("panels:meeting", args=[self.pk])

    @property
    def starts_at(self) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(self.date, self.start_time))

    @property
    def ends_at(self) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(self.date, self.end_time))

    @property
    def length_hours(self) -> Decimal:
        """The meeting's length in hours, to two places: the default volunteer hours."""
        seconds = (
            datetime.datetime.combine(self.date, self.end_time)
            - datetime.datetime.combine(self.date, self.start_time)
        ).total_seconds()
        return (Decimal(seconds) / 3600).quantize(Decimal("0.01"))

    @property
    def is_upcoming(self) -> bool:
        return not self.is_cancelled and timezone.localtime() < self.ends_at


class MeetingPaper(models.Model):
    """A paper for a meeting (a report, a draft, the previous minutes), kept as an upload."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="papers")
    title = models.CharField(max_length=200)
    file = UploadFileField(upload_to=UploadPath("panels/papers"), max_length=200)
    file_name = models.CharField(max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def file_label(self) -> str:
        kind = KINDS.get(self.file.name.rsplit(".", 1)[-1].lower()) if "." in self.file.name else None
        return str(kind.label) if kind else "File"


class MeetingItemKind(models.TextChoices):
    DECISION = "decision", _("Decision")
    ACTION = "action", _("Action")


class MeetingItem(models.Model):
    """A decision the meeting took, or an action someone agreed to do."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(max_length=10, choices=MeetingItemKind.choices)
    text = models.TextField(_("what was decided or agreed"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who will do it"),
    )
    due_on = models.DateField(_("to be done by"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:60]}"


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Present")
    APOLOGIES = "apologies", _("Apologies")
    ABSENT = "absent", _("Absent")


class Attendance(models.Model):
    """Whether a person came to a meeting, and the volunteer hours it counts for."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attendance")
    status = models.CharField(max_length=10, choices=AttendanceStatus.choices)
    hours = models.DecimalField(
        _("volunteer hours"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Defaults to the length of the meeting for people who were there."),
    )
    note = models.CharField(_("message with apologies"), max_length=500, blank=True)
    apologies_sent_at = models.DateTimeField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["meeting", "user__display_name"]
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "user"], name="one_attendance_per_person_and_meeting"
            ),
            models.CheckConstraint(
                condition=Q(hours__isnull=True) | (Q(hours__gte=0) & Q(hours__lte=24)),
                name="attendance_hours_in_a_day",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_status_display()} at {self.meeting}"
