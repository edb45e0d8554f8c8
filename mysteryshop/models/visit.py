from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mysteryshop.models.checklist import Checklist, Standard
from scrutiny.locking import Versioned
from scrutiny.paths import reverse
from scrutiny.uploads import IMAGES, UploadFileField, UploadPath
from scrutiny.wording import with_unit


class SiteKind(models.TextChoices):
    OFFICE = "office", _("Local office")
    PROPERTY = "property", _("Property (empty home)")
    HOSTEL = "hostel", _("Hostel or temporary accommodation")
    DOCUMENT = "document", _("Document")
    SERVICE = "service", _("Phone, email or web service")


class Site(Versioned):  # type: ignore[django-manager-missing, unused-ignore]  # the manager modeltranslation makes at start-up
    """What a visit looks at: a local office, an empty home, a hostel or a document.

    Never deleted once visits refer to it: `is_active` False takes it out of use, so new visits
    cannot choose it while old visits keep it."""

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=SiteKind.choices)
    address = models.CharField(max_length=300, blank=True)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(
            fields=["name", "kind"], name="site_name_once_per_kind",
            violation_error_message=_("There is already a site of this kind with this name."),
        )]

    def __str__(self) -> str:
        return self.name


class Channel(models.TextChoices):
    PHONE = "phone", _("Phone")
    IN_PERSON = "in_person", _("In person")
    EMAIL = "email", _("Email")
    WEB = "web", _("Web")
    INSPECTION = "inspection", _("Inspection")


class VisitStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")


class Visit(Versioned):
    """One mystery shop, inspection or document check, scored against one checklist version.

    `points`, `max_points` and `score` are the sums of its answers, kept up to date by
    services.record_answer so the dashboard adds up visits instead of answers."""

    review = models.ForeignKey("reviews.Review", on_delete=models.CASCADE, related_name="visits")
    checklist = models.ForeignKey(Checklist, on_delete=models.PROTECT, related_name="visits")
    site = models.ForeignKey(Site, on_delete=models.PROTECT, related_name="visits")
    document = models.ForeignKey(
        "mysteryshop.CheckedDocument", on_delete=models.CASCADE, null=True, blank=True,
        related_name="visits",
    )
    channel = models.CharField(max_length=20, choices=Channel.choices)
    visited_at = models.DateTimeField(_("date and time"))
    shopper = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="mystery_visits"
    )
    notes = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=VisitStatus.choices, default=VisitStatus.DRAFT)
    submitted_at = models.DateTimeField(null=True, blank=True)
    points = models.DecimalField(max_digits=8, decimal_places=2, default=0)
    max_points = models.DecimalField(max_digits=8, decimal_places=2, default=0)
    score = models.DecimalField(
        max_digits=5, decimal_places=1, null=True, blank=True,
        help_text=_("Weighted share of points earned, as a percentage; empty until scored."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-visited_at", "-pk"]
        indexes = [
            models.Index(fields=["review", "status", "visited_at"], name="visit_review_status_when"),
        ]

    def __str__(self) -> str:
        # The month's short name in the language of the moment ("Feb", "Chwef").
        return f"{self.get_channel_display()} – {self.site} – {date_format(self.visited_at, 'd M Y')}"

    def get_absolute_url(self) -> str:
        return reverse("mysteryshop:visit", args=[self.pk])

    @property
    def is_submitted(self) -> bool:
        return self.status == VisitStatus.SUBMITTED


class Answer(Versioned):
    """The answer to one standard on one visit. Its points are worked out when it is saved
    (mysteryshop.scoring), so totals are sums in the database."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="answers")
    standard = models.ForeignKey(Standard, on_delete=models.PROTECT, related_name="answers")
    not_applicable = models.BooleanField(default=False)
    choice = models.CharField(max_length=3, blank=True, choices=[("yes", _("Yes")), ("no", _("No"))])
    rating = models.PositiveSmallIntegerField(null=True, blank=True)
    number = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    text = models.TextField(blank=True)
    points = models.DecimalField(max_digits=8, decimal_places=2, default=0)
    max_points = models.DecimalField(max_digits=8, decimal_places=2, default=0)
    passed = models.BooleanField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["visit", "standard"]
        constraints = [
            models.UniqueConstraint(fields=["visit", "standard"], name="one_answer_per_standard"),
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=5),
                name="answer_rating_1_to_5",
            ),
        ]
        indexes = [models.Index(fields=["standard", "passed"], name="answer_standard_passed")]

    def __str__(self) -> str:
        return f"{self.standard} – {self.display}"

    @property
    def display(self) -> str:
        """The answer as a person would say it."""
        if self.not_applicable:
            return gettext("Not applicable")
        if self.choice:
            return self.get_choice_display()
        if self.rating is not None:
            return gettext("%(rating)s out of 5") % {"rating": self.rating}
        if self.number is not None:
            return with_unit(self.number, self.standard.unit)
        return self.text


class AnswerReceipt(models.Model):
    """An answer sent from a phone, by its idempotency key: sent twice, it is applied once."""

    key = models.UUIDField(unique=True)
    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="receipts")
    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, null=True, related_name="receipts")
    received_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return str(self.key)


class VisitPhoto(models.Model):
    """A photo taken on a visit, stored without its EXIF (location) data."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="photos")
    standard = models.ForeignKey(
        Standard, on_delete=models.SET_NULL, null=True, blank=True, related_name="photos"
    )
    file = UploadFileField(allowed=IMAGES, upload_to=UploadPath("visit-photos"), max_length=200)
    description = models.CharField(
        _("what the photo shows"), max_length=300,
        help_text=_("Read out to people who cannot see the photo."),
    )
    key = models.UUIDField(null=True, blank=True, unique=True, help_text=_("Sent from the phone once."))
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["visit", "created_at", "pk"]

    def __str__(self) -> str:
        return self.description

    def get_absolute_url(self) -> str:
        return reverse("mysteryshop:photo", args=[self.visit_id, self.pk])


class VisitFinding(models.Model):
    """A finding of the programme's review raised from a failed standard, with the visits that
    show it as its evidence. Kept here because reviews must not know about visits."""

    finding = models.OneToOneField(
        to="reviews.Finding", on_delete=models.CASCADE, related_name="visit_source"
    )
    standard_key = models.UUIDField(db_index=True)
    question = models.CharField(max_length=300)
    visits = models.ManyToManyField(Visit, related_name="findings_raised")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return gettext("From visits: %(question)s") % {"question": self.question}
