from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.validators import RegexValidator
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from scrutiny.locking import Versioned
from scrutiny.uploads import UploadImageField, validate_image_upload


class Country(models.TextChoices):
    SCOTLAND = "scotland", _("Scotland")
    ENGLAND = "england", _("England")
    WALES = "wales", _("Wales")
    NORTHERN_IRELAND = "northern_ireland", _("Northern Ireland")


# modeltranslation makes the manager's class at run time (it reads the active language), which the
# type checker's Django plugin cannot find.
class SiteSettings(Versioned, models.Model):  # type: ignore[django-manager-missing, unused-ignore]
    """The one landlord this deployment serves: its name, logo, colours and words."""

    landlord_name = models.CharField(_("landlord's name"), max_length=200, default="Your landlord")
    logo = UploadImageField(
        upload_to="site/", blank=True, validators=[validate_image_upload],
        help_text=_("PNG or JPEG, shown at the top of every page and on reports."),
    )
    logo_alt_text = models.CharField(
        _("what the logo says"), max_length=200, blank=True,
        help_text=_("What the logo says, for screen readers."),
    )
    brand_colour = models.CharField(
        max_length=7, default="#1d4f91",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Use a colour like #1d4f91."))],
        help_text=_("Header colour. It must be dark enough for white text (contrast 4.5:1)."),
    )
    country = models.CharField(max_length=20, choices=Country.choices, default=Country.SCOTLAND)
    regulator_code = models.CharField(
        max_length=20, blank=True,
        help_text=_("Which landlord this is in the regulator's published figures: its RSH registration "
                    "or council code, like L4240 or 45UC."),
    )
    shr_code = models.CharField(
        max_length=20, blank=True,
        help_text=_("Which landlord this is in the Scottish Housing Regulator's Charter figures: its code "
                    "there, like RSL042. Leave it empty outside Scotland."),
    )
    # Which of the regulator's tenures are this landlord's homes: its own figures are read from them.
    rents_homes = models.BooleanField(
        default=True,
        help_text=_("Which of the regulator's figures are about this landlord's homes: tick each kind it "
                    "has. These are homes let at social or affordable rent (LCRA)."))
    has_shared_ownership = models.BooleanField(
        default=False, help_text=_("Homes sold on shared ownership (the regulator's LCHO figures)."))
    financial_year_start_month = models.PositiveSmallIntegerField(
        default=4, help_text=_("Month the financial year starts (4 = April).")
    )
    tenant_word = models.CharField(
        _("word for tenants"), max_length=30, default="tenant",
        help_text=_('What the landlord calls tenants ("tenant").'),
    )
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=40, blank=True)
    contact_text = models.TextField(
        _("how to reach us"), blank=True,
        help_text=_("Opening hours, an address, or other ways to get in touch. Shown at the foot of "
                    "every page and in the accessibility statement."),
    )
    welsh = models.BooleanField(
        _("offer every page in Welsh"), default=True,
        help_text=_("Each page links to the same page in the other language."),
    )
    first_language = models.CharField(
        _("language a new visitor sees first"), max_length=10, choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    org_id = models.CharField(
        _("organisation identifier (org-id)"), max_length=60, blank=True,
        help_text=_("How open data names this landlord, like GB-SHPE-L4240. Leave it empty to work it out "
                    "from the regulator's code."),
    )
    public_you_said_we_did = models.BooleanField(
        default=False, help_text=_('Show the "You said, we did" page to people who are not signed in.')
    )
    # Switches other apps register (scrutiny/switches.py), by key; a missing key is its default.
    switches = models.JSONField(default=dict, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")

    def __str__(self) -> str:
        return f"Site settings for {self.landlord_name}"

    CACHE_KEY = "scrutiny:site-settings"
    VERSION_KEY = "scrutiny:site-settings-version"  # renewed by every save (scrutiny/freshness.py)

    def save(self, *args: Any, **kwargs: Any) -> None:
        from scrutiny import freshness  # not at the top: mypy's Django plugin then misreads models

        self.pk = 1
        super().save(*args, **kwargs)
        cache.delete(self.CACHE_KEY)
        # Again at commit: a request that read the record before it committed may have put the old
        # one back in the cache.
        transaction.on_commit(lambda: cache.delete(self.CACHE_KEY))
        freshness.renew(self.VERSION_KEY)

    @classmethod
    def for_request(cls, request: Any) -> "SiteSettings":
        """`load()` once per request: the language middleware, the layout and its language link
        each ask. For reading: a page that changes the settings redirects before drawing them."""
        if request is None:
            return cls.load()
        site = request.__dict__.get("_site_settings")
        if site is None:
            site = request._site_settings = cls.load(along=getattr(request, "session", None))
        return site

    @classmethod
    def load(cls, along: Any = None) -> "SiteSettings":
        """The settings record, created with defaults the first time it is asked for; read in the
        same cache call as the session `along`, when given one that can (scrutiny/sessions.py)."""
        read_along = getattr(along, "read_along", None)
        obj = read_along(cls.CACHE_KEY).get(cls.CACHE_KEY) if read_along else cache.get(cls.CACHE_KEY)
        if obj is None:
            obj, _ = cls.objects.get_or_create(pk=1)
            cache.set(cls.CACHE_KEY, obj, 60)
        return obj


class Job(models.Model):
    """A piece of background work, saved with what caused it and done once (the outbox).

    Written in the same transaction as the change that needs it; queued to Celery after
    commit; taken by a worker on a short lease it renews while it works; queued again by one
    periodic job when the broker refused it, its lease ran out, or it waited too long. The one
    claim, attempt count and deadline of every kind of background work. See scrutiny/jobs.py."""

    task = models.CharField(max_length=200, help_text=_("The Celery task's name."))
    args = models.JSONField(default=list, blank=True)
    kwargs = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    queued_at = models.DateTimeField(null=True, blank=True, help_text=_("Last handed to the broker."))
    broker_refused = models.BooleanField(
        default=False, help_text=_("The broker could not be reached when it was last handed over.")
    )
    started_at = models.DateTimeField(null=True, blank=True, help_text=_("Last taken by a worker."))
    leased_until = models.DateTimeField(
        null=True, blank=True, help_text=_("A worker holds it until then, renewing while it works.")
    )
    gave_up_at = models.DateTimeField(
        null=True, blank=True, help_text=_("When it was last tried the most times allowed and left alone.")
    )
    done_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["created_at"], name="job_waiting_idx", condition=models.Q(done_at__isnull=True)
            ),
        ]

    def __str__(self) -> str:
        state = "done" if self.done_at else "waiting"
        return f"{self.task} #{self.pk} ({state})"


class AuditKind(models.TextChoices):
    SIGN_IN = "sign_in", _("Signed in")
    SIGN_IN_FAILED = "sign_in_failed", _("Sign-in refused")
    SIGN_OUT = "sign_out", _("Signed out")
    ROLE_CHANGED = "role_changed", _("Role changed")
    EXPORT = "export", _("Exported data")
    PERSONAL_DATA = "personal_data", _("Downloaded personal data")
    ERASED = "erased", _("Personal data erased")
    JOB_RETRIED = "job_retried", _("Background job tried again")
    SESSIONS_ENDED = "sessions_ended", _("Signed out elsewhere")
    FACTOR_ADDED = "factor_added", _("Second factor added")
    FACTOR_REMOVED = "factor_removed", _("Second factor removed")
    FACTOR_RESET = "factor_reset", _("Second factor reset")
    RECOVERY_CODES_MADE = "recovery_codes_made", _("Recovery codes made")
    FACTOR_CODE_REFUSED = "factor_code_refused", _("Second factor code refused")
    PUBLISHED = "published", _("Report published")
    UNPUBLISHED = "unpublished", _("Report taken down")
    EVIDENCE_PUBLIC = "evidence_public", _("Evidence made public or private")


class AuditEvent(models.Model):
    """Who did what that matters for security and data protection, and when (scrutiny/audit.py)."""

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    kind = models.CharField(max_length=20, choices=AuditKind.choices, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text=_("Who did it (empty: nobody signed in, or the command line)."),
    )
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text=_("Whose account or data it was about."),
    )
    detail = models.CharField(max_length=300, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} at {self.at:%Y-%m-%d %H:%M}"


class UserSession(models.Model):
    """One browser where a person is signed in (scrutiny/sessions.py keeps it): the session it
    holds, where the request came from and when it was last used, so that the person can see
    their sessions and end them. Django's own session rows cannot be found by person."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # The session's current key (it changes when the person signs in or changes their password).
    session_key = models.CharField(max_length=40, unique=True)
    user_agent = models.CharField(_("browser"), max_length=500, blank=True)
    ip_address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    signed_in_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-last_used_at", "-pk"]
        indexes = [models.Index(fields=["user", "-last_used_at"])]

    def __str__(self) -> str:
        return f"Session signed in at {self.signed_in_at:%Y-%m-%d %H:%M}"
