from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone


class PanelKind(models.TextChoices):
    SCRUTINY_PANEL = "scrutiny_panel", "Scrutiny panel"
    QUALITY_PANEL = "quality_panel", "Quality panel"
    MYSTERY_SHOPPERS = "mystery_shoppers", "Mystery shoppers"
    RESIDENT_INSPECTORS = "resident_inspectors", "Resident inspectors"
    STEERING_GROUP = "steering_group", "Steering group"
    WORKING_GROUP = "working_group", "Working group"


class PanelRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    VICE_CHAIR = "vice_chair", "Vice-chair"
    MEMBER = "member", "Member"
    SUPPORTING_OFFICER = "supporting_officer", "Supporting officer"
    INDEPENDENT_ADVISER = "independent_adviser", "Independent adviser"


class Panel(models.Model):
    """A group of tenants (and staff) that does scrutiny work together."""

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=30, choices=PanelKind.choices)
    purpose = models.TextField(blank=True)
    is_active = models.BooleanField("active", default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("panels:detail", args=[self.pk])


class MembershipQuerySet(models.QuerySet):
    def current(self, on=None):
        """Memberships in force on a date (today by default): joined by then, not yet left."""
        on = on or timezone.localdate()
        return self.filter(joined_on__lte=on).filter(Q(left_on__isnull=True) | Q(left_on__gt=on))


class Membership(models.Model):
    """One spell of someone's membership of a panel; leaving and rejoining makes a new row."""

    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=30, choices=PanelRole.choices, default=PanelRole.MEMBER)
    joined_on = models.DateField(default=timezone.localdate)
    left_on = models.DateField(null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["panel", "user__display_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["panel", "user"], condition=Q(left_on__isnull=True),
                name="one_open_membership_per_person_and_panel",
            ),
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(left_on__gte=models.F("joined_on")),
                name="membership_leaves_after_joining",
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.get_role_display()} of {self.panel}"

    @property
    def is_tenant(self):
        return self.user.role == "tenant"
