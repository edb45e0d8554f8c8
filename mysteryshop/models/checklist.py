import uuid
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from scrutiny.locking import Versioned
from scrutiny.paths import reverse


class ChecklistPurpose(models.TextChoices):
    PHONE = "phone", _("Telephone contact")
    OFFICE = "office", _("Office visit")
    EMAIL_WEB = "email_web", _("Email and web enquiry")
    EMPTY_HOME = "empty_home", _("Empty home before letting")
    HOSTEL = "hostel", _("Hostel or temporary accommodation")
    DOCUMENT = "document", _("Document check")
    OTHER = "other", _("Other")


class Checklist(Versioned):  # type: ignore[django-manager-missing, unused-ignore]  # the manager modeltranslation makes at start-up
    """One version of a checklist of standards. Versions of the same checklist share a `family`;
    a visit keeps the version it was scored against, so changing a checklist already used makes
    a new version (services.editable_version) and leaves the old one as it was."""

    family = models.UUIDField(default=uuid.uuid4, editable=False, db_index=True)
    number = models.PositiveIntegerField(_("version"), default=1, editable=False)
    title = models.CharField(max_length=200)
    purpose = models.CharField(max_length=20, choices=ChecklistPurpose.choices)
    introduction = models.TextField(
        blank=True, help_text=_("What the shopper or inspector should know before they start.")
    )
    is_current = models.BooleanField(default=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["family", "number"], name="checklist_version_once"),
            models.UniqueConstraint(
                fields=["family"], condition=Q(is_current=True), name="one_current_checklist_version"
            ),
        ]

    def __str__(self) -> str:
        return gettext("%(title)s (version %(number)s)") % {"title": self.title, "number": self.number}

    def get_absolute_url(self) -> str:
        return reverse("mysteryshop:checklist", args=[self.pk])


class Section(models.Model):  # type: ignore[django-manager-missing, unused-ignore]  # the manager modeltranslation makes at start-up
    """A group of standards shown together on one screen, such as "Reception"."""

    checklist = models.ForeignKey(Checklist, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveSmallIntegerField(default=1)
    title = models.CharField(max_length=200)

    class Meta:
        ordering = ["checklist", "position", "pk"]

    def __str__(self) -> str:
        return self.title


class AnswerType(models.TextChoices):
    YES_NO = "yes_no", _("Yes, no or not applicable")
    RATING = "rating", _("Rating from 1 to 5")
    NUMBER = "number", _("A number (such as rings or minutes)")
    TEXT = "text", _("Written answer (not scored)")


class Standard(models.Model):  # type: ignore[django-manager-missing, unused-ignore]  # the manager modeltranslation makes at start-up
    """One thing the shopper checks. `key` stays the same across versions of a checklist, so
    a follow-up visit on a later version is compared against the same standard."""

    checklist = models.ForeignKey(Checklist, on_delete=models.CASCADE, related_name="standards")
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="standards")
    key = models.UUIDField(default=uuid.uuid4, editable=False, db_index=True)
    position = models.PositiveSmallIntegerField(default=1)
    question = models.CharField(max_length=300)
    guidance = models.TextField(blank=True, help_text=_("What to look for, in plain words."))
    answer_type = models.CharField(max_length=10, choices=AnswerType.choices, default=AnswerType.YES_NO)
    threshold = models.DecimalField(
        _("pass mark"), max_digits=8, decimal_places=2, null=True, blank=True,
        help_text=_("For a rating, the lowest rating that passes (default 3). For a number, the "
                    "limit that passes, such as 5 rings."),
    )
    lower_is_better = models.BooleanField(
        default=False, help_text=_("For numbers such as rings or minutes waited: at or under the "
                                   "pass mark passes."),
    )
    unit = models.CharField(max_length=30, blank=True, help_text=_("For numbers: rings, minutes, days."))
    weight = models.PositiveSmallIntegerField(
        default=1, validators=[MinValueValidator(0), MaxValueValidator(10)],
        help_text=_("How much this standard counts in the score, from 0 to 10."),
    )
    required = models.BooleanField(default=True, help_text=_("The visit cannot be submitted without it."))

    class Meta:
        ordering = ["section__position", "section_id", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["checklist", "key"], name="standard_once_per_version"),
            models.CheckConstraint(
                condition=Q(threshold__isnull=True) | Q(threshold__gte=0, threshold__lte=100),
                name="standard_pass_mark_0_to_100",
                violation_error_message=_("The pass mark is from 0 to 100."),
            ),
        ]

    def __str__(self) -> str:
        return self.question

    @property
    def is_scored(self) -> bool:
        if self.answer_type == AnswerType.TEXT or self.weight == 0:
            return False
        return not (self.answer_type == AnswerType.NUMBER and self.threshold is None)

    @property
    def pass_mark(self) -> Decimal | None:
        if self.answer_type == AnswerType.RATING:
            return self.threshold if self.threshold is not None else Decimal(3)
        return self.threshold
