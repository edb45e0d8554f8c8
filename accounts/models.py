import hashlib
import secrets
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from scrutiny.emails import absolute_url
from scrutiny.locking import Versioned
from scrutiny.paths import reverse


class Role(models.TextChoices):
    TENANT = "tenant", _("Tenant")
    OFFICER = "officer", _("Officer")
    MANAGER = "manager", _("Manager")
    ADMIN = "admin", _("Administrator")


class ContactPreference(models.TextChoices):
    EMAIL = "email", _("Email")
    PHONE = "phone", _("Phone call")
    TEXT = "text", _("Text message")
    POST = "post", _("Letter by post")


if TYPE_CHECKING:
    _UserManagerBase = BaseUserManager["User"]
else:
    _UserManagerBase = BaseUserManager


class UserManager(_UserManagerBase):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra: Any) -> "User":
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> "User":
        extra.setdefault("role", Role.TENANT)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> "User":
        extra["role"] = Role.ADMIN
        return self._create_user(email, password, **extra)

    def get_by_natural_key(self, username: str | None) -> "User":
        return self.get(email__iexact=username)


class User(Versioned, AbstractBaseUser, PermissionsMixin):
    """Someone who signs in: a tenant, an officer, a manager or an administrator."""

    email = models.EmailField(_("email address"), unique=True)
    display_name = models.CharField(
        _("name"), max_length=150, help_text=_("The name other people see, for example Jo Smith.")
    )
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.TENANT)
    phone = models.CharField(_("phone number"), max_length=40, blank=True)
    postal_address = models.TextField(blank=True)
    contact_preference = models.CharField(
        _("how we should contact you"), max_length=10, choices=ContactPreference.choices,
        default=ContactPreference.EMAIL,
    )
    large_text = models.BooleanField(
        _("show larger text on this site"), default=False
    )
    large_print_documents = models.BooleanField(
        _("send me documents in large print"), default=False
    )
    access_needs = models.TextField(
        _("anything else that helps you take part"), blank=True,
        help_text=_("For example a hearing loop at meetings, papers a week early, or a BSL interpreter."),
    )
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(
        _("can use the administration site"), default=False,
        help_text=_("Set for administrators automatically."),
    )
    date_joined = models.DateTimeField(default=timezone.now)
    # Pages follow their address (/cy/ is Welsh); this is what email, notices and reports sent to
    # the person are written in.
    language = models.CharField(
        _("language for emails and letters"), max_length=10, choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    named_in_public = models.BooleanField(
        _("show my name on the landlord's public pages and open data"), default=False,
        help_text=_("Leave this off and public pages say \"a panel member\" instead of your name."),
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    class Meta:
        ordering = ["display_name"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_unique_ignoring_case"),
        ]

    def __str__(self) -> str:
        return self.display_name or self.email

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.email = (self.email or "").strip().lower()
        # The administration site is for administrators only.
        self.is_staff = self.role == Role.ADMIN
        self.is_superuser = self.role == Role.ADMIN
        super().save(*args, **kwargs)

    def get_session_auth_hash(self) -> str:
        # A person kept in the cache carries this hash instead of their password's (accounts/backends.py).
        kept = self.__dict__.get("kept_session_hash")
        if kept is not None and "password" not in self.__dict__:
            return str(kept)
        return super().get_session_auth_hash()

    def get_full_name(self) -> str:
        return self.display_name

    def get_short_name(self) -> str:
        return self.display_name.split(" ")[0] if self.display_name else self.email

    @property
    def is_tenant(self) -> bool:
        return self.role == Role.TENANT

    @property
    def is_site_admin(self) -> bool:
        return self.role == Role.ADMIN

    @property
    def works_for_landlord(self) -> bool:
        return self.role in (Role.OFFICER, Role.MANAGER, Role.ADMIN)


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _default_expiry() -> datetime:
    return timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS)


class Invitation(models.Model):
    """An administrator's invitation: an emailed link to set a password, valid for a while."""

    email = models.EmailField(_("email address"))
    display_name = models.CharField(_("name"), max_length=150)
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.TENANT)
    language = models.CharField(
        _("language of the invitation"), max_length=10, choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=_default_expiry)
    sent_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="invitation",
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Invitation for {self.email}"

    def new_token(self) -> str:
        """Give the invitation a fresh secret; only its hash is stored."""
        token = secrets.token_urlsafe(32)
        self.token_hash = _hash_token(token)
        self.expires_at = _default_expiry()
        return token

    @classmethod
    def find(cls, token: str) -> "Invitation | None":
        return cls.objects.filter(token_hash=_hash_token(token)).first()

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at

    @property
    def is_usable(self) -> bool:
        return self.accepted_at is None and not self.is_expired

    @property
    def status(self) -> str:
        if self.accepted_at:
            return pgettext("invitation", "Accepted")
        if self.is_expired:
            return pgettext("invitation", "Expired")
        return pgettext("invitation", "Sent") if self.sent_at else pgettext("invitation", "Sending")

    def accept_url(self, token: str) -> str:
        """The link to accept, in the invitation's language (/cy/... for Welsh)."""
        with translation.override(self.language or settings.LANGUAGE_CODE):
            return absolute_url(reverse("accounts:accept-invitation", args=[token]))


class Notice(models.Model):
    """What an email would have said, kept for the home page of someone who asked not to be
    emailed (or who has no working address), so nobody misses a step that is theirs."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notices")
    subject = models.CharField(max_length=255)
    body = models.TextField()
    url = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return self.subject
