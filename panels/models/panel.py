import datetime
from typing import Self

import nh3
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.html import escape, linebreaks
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from scrutiny.locking import Versioned
from scrutiny.paths import reverse
from scrutiny.uploads import UploadFileField, UploadPath

# Terms of reference may be written with a few HTML tags (headings, lists, emphasis); anything
# else is removed before it is saved, so the text can be shown as written.
RICH_TEXT_TAGS = {"p", "br", "h3", "h4", "ul", "ol", "li", "strong", "em", "a"}


def clean_rich_text(text: str | None) -> str:
    """The text with only the allowed tags left (links get rel="noopener noreferrer")."""
    return nh3.clean(text or "", tags=RICH_TEXT_TAGS, attributes={"a": {"href"}}).strip()


class PanelKind(models.TextChoices):
    SCRUTINY_PANEL = "scrutiny_panel", _("Scrutiny panel")
    QUALITY_PANEL = "quality_panel", _("Quality panel")
    MYSTERY_SHOPPERS = "mystery_shoppers", _("Mystery shoppers")
    RESIDENT_INSPECTORS = "resident_inspectors", _("Resident inspectors")
    STEERING_GROUP = "steering_group", _("Steering group")
    WORKING_GROUP = "working_group", _("Working group")


class PanelRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice_chair", _("Vice-chair")
    MEMBER = "member", _("Member")
    SUPPORTING_OFFICER = "supporting_officer", _("Supporting officer")
    INDEPENDENT_ADVISER = "independent_adviser", _("Independent adviser")


# modeltranslation (panels/translation.py) swaps the manager for one made at run time, which
# django-stubs cannot name.
class Panel(Versioned, models.Model):  # type: ignore[django-manager-missing, unused-ignore]
    """A group of tenants (and staff) that does scrutiny work together."""

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=30, choices=PanelKind.choices)
    purpose = models.TextField(blank=True)
    terms_of_reference = models.TextField(
        blank=True,
        help_text=_("What the panel is for, who sits on it and how it works. You can use headings, "
        "lists and bold text with simple HTML, or upload a document below."),
    )
    terms_of_reference_file = UploadFileField(
        _("terms of reference document"), upload_to=UploadPath("panels/terms"), blank=True, max_length=200
    )
    terms_of_reference_file_name = models.CharField(max_length=200, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    closed_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("panels:detail", args=[self.pk])

    @property
    def terms_of_reference_html(self) -> str:
        """The terms of reference ready to show: cleaned HTML, or plain text in paragraphs."""
        text = self.terms_of_reference or ""
        if "<" in text:
            return mark_safe(clean_rich_text(text))  # noqa: S308 - cleaned by nh3 just now
        return linebreaks(escape(text))


class MembershipQuerySet(models.QuerySet):
    def current(self, on: datetime.date | None = None) -> Self:
        """Memberships in force on a date (today by default): joined by then, not yet left."""
        on = on or timezone.localdate()
        return self.filter(joined_on__lte=on).filter(Q(left_on__isnull=True) | Q(left_on__gt=on))

    def overlapping(self, start: datetime.date, end: datetime.date) -> Self:
        """Memberships in force on at least one day from start to end (both included)."""
        return self.filter(joined_on__lte=end).filter(Q(left_on__isnull=True) | Q(left_on__gt=start))


class Membership(models.Model):
    """One spell of someone's membership of a panel; leaving and rejoining makes a new row.

    left_on is the first day the person is no longer a member.
    """

    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(
        _("panel role"), max_length=30, choices=PanelRole.choices, default=PanelRole.MEMBER
    )
    joined_on = models.DateField(default=timezone.localdate)
    left_on = models.DateField(null=True, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["panel", "user__display_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["panel", "user"],
                condition=Q(left_on__isnull=True),
                name="one_open_membership_per_person_and_panel",
            ),
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(left_on__gte=models.F("joined_on")),
                name="membership_leaves_after_joining",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} of {self.panel}"

    @property
    def is_tenant(self) -> bool:
        return self.user.role == "tenant"

    @property
    def is_current(self) -> bool:
        today = timezone.localdate()
        return self.joined_on <= today and (self.left_on is None or self.left_on > today)


class PanelInvitation(models.Model):
    """A place on a panel kept for someone invited to the site: it becomes a membership when
    they accept the invitation (see panels.signals)."""

    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="invitations")
    invitation = models.ForeignKey(
        "accounts.Invitation", on_delete=models.CASCADE, related_name="panel_places"
    )
    role = models.CharField(
        _("panel role"), max_length=30, choices=PanelRole.choices, default=PanelRole.MEMBER
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    membership = models.OneToOneField(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="invitation"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Place on {self.panel} for {self.invitation.email}"
