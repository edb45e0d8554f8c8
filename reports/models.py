"""Report requests (a PDF or a large export made by a Celery worker) and the panel's own
assessment that goes into the Annual Report to Tenants."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from scrutiny.models import Job
from scrutiny.paths import reverse
from scrutiny.uploads import UploadFileField, UploadPath


class Kind(models.TextChoices):
    ANNUAL = "annual", _("Annual Report to Tenants")
    REVIEW = "review", _("Review report")
    TRACKER = "tracker", _("Recommendations tracker report")
    PROGRAMME = "programme", _("Mystery-shopping and inspection programme report")
    TRACKER_CSV = "tracker_csv", _("Recommendations export (CSV)")
    TRACKER_XLSX = "tracker_xlsx", _("Recommendations export (Excel)")


class Status(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Being made")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


ACTIVE = (Status.QUEUED, Status.RUNNING)


class ReportRequest(models.Model):
    """Someone asked for a report: what, with which choices, and how making it went."""

    kind = models.CharField(max_length=20, choices=Kind.choices)
    parameters = models.JSONField(default=dict, blank=True)
    # kind + parameters (+ the person, for exports whose rows depend on who asks), hashed:
    # identical requests share one while it is waiting or being made (the constraint below).
    key = models.CharField(max_length=64, db_index=True, editable=False)
    title = models.CharField(max_length=300)
    # The language the report is written in (the page's when asked): the worker makes it in this.
    language = models.CharField(max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    file = UploadFileField(upload_to=UploadPath("reports"), max_length=200, blank=True)
    file_name = models.CharField(max_length=200, blank=True)
    file_size = models.PositiveIntegerField(default=0)
    pages = models.PositiveIntegerField(null=True, blank=True)
    error = models.TextField(blank=True, help_text=_("Why it failed, in plain words."))
    error_detail = models.TextField(blank=True, help_text=_("The technical error, for administrators."))
    # The outbox job making it (scrutiny/jobs.py): the one claim, lease and attempt count.
    # `attempts` is the job's count, copied here each time the job starts making the report.
    job = models.ForeignKey(Job, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    queued_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    file_deleted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["key"], condition=Q(status__in=["queued", "running"]),
                name="one_active_report_request_per_key",
            ),
        ]
        indexes = [models.Index(fields=["status", "finished_at"], name="report_status_finished")]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_status_display().lower()})"

    def get_absolute_url(self) -> str:
        return reverse("reports:status", args=[self.pk])

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE

    @property
    def seconds_taken(self) -> float | None:
        if self.started_at and self.finished_at:
            return round((self.finished_at - self.started_at).total_seconds(), 1)
        return None


class AnnualReport(models.Model):  # type: ignore[django-manager-missing, unused-ignore]  # modeltranslation's manager
    """One financial year's Annual Report to Tenants: the panel's approval and publication."""

    year = models.PositiveSmallIntegerField(
        unique=True, help_text=_("The year the financial year starts in."),
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    published = models.BooleanField(
        default=False, help_text=_("Show the report on the public site, to people who are not signed in.")
    )
    # Staff reminding the chairs to approve: recorded here first, sent by the worker.
    reminded_at = models.DateTimeField(null=True, blank=True)
    reminded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"Annual Report to Tenants {self.year}"

    @property
    def is_approved(self) -> bool:
        return self.approved_at is not None


class WaitingRequest(models.Model):
    """Someone asked for the year's report before the panel approved its assessment: the
    report is made for them, and they are told, once the panel approves."""

    annual_report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE, related_name="waiting")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    large_print = models.BooleanField(default=False)
    language = models.CharField(max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE)
    asked_at = models.DateTimeField(auto_now_add=True)
    made = models.ForeignKey(
        ReportRequest, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    made_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["asked_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["annual_report", "requested_by", "large_print", "language"],
                condition=Q(made_at__isnull=True),
                name="one_waiting_annual_request_per_person",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.annual_report}, waiting for {self.requested_by}"


class AssessmentSection(models.Model):  # type: ignore[django-manager-missing, unused-ignore]  # modeltranslation's manager
    """The panel's own words on one section of the annual report."""

    annual_report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE, related_name="sections")
    section = models.CharField(max_length=40)
    text = models.TextField(blank=True)
    # Optimistic locking (scrutiny/locking.py): a save names the version it started from.
    version = models.PositiveIntegerField(default=1)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    # Every saved wording is kept, so text replaced after an editing conflict can still be found.
    # The history keeps `text` (the English, or the Welsh when saved from a Welsh page); the language
    # columns modeltranslation adds (reports/translation.py) are made after the history model is.
    history = HistoricalRecords(excluded_fields=["updated_at", "text_en_gb", "text_cy"])

    class Meta:
        ordering = ["annual_report", "section"]
        constraints = [
            models.UniqueConstraint(fields=["annual_report", "section"], name="one_assessment_per_section"),
        ]

    def __str__(self) -> str:
        return f"{self.annual_report}: {self.section}"
