from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from scrutiny.locking import Versioned
from scrutiny.paths import reverse
from scrutiny.uploads import UploadFileField, UploadPath


class DocumentStatus(models.TextChoices):
    CHECKING = "checking", _("Being checked")
    APPROVED = "approved", _("Customer Approved")
    SENT_BACK = "sent_back", _("Sent back for changes")


class TextReading(models.TextChoices):
    """Reading the words out of an uploaded file, which the worker does."""

    NOT_NEEDED = "", _("Typed or pasted")
    READING = "reading", _("Reading the text of this file")
    READ = "read", _("Text read")
    FAILED = "failed", _("Could not be read")


class DocumentLanguage(models.TextChoices):
    """The language a document is written in: the jargon list and the readability figures used
    for it are that language's."""

    ENGLISH = "en-gb", _("English")
    WELSH = "cy", _("Welsh")


class CheckedDocument(Versioned):
    """One version of a leaflet or letter the panel checks for plain English. A new version of
    the same document points at the one before it."""

    review = models.ForeignKey("reviews.Review", on_delete=models.CASCADE, related_name="checked_documents")
    title = models.CharField(
        max_length=200, help_text=_("For example: Your new tenancy – what happens next.")
    )
    edition = models.PositiveIntegerField(_("version"), default=1)
    previous = models.OneToOneField(
        to="self", on_delete=models.SET_NULL, null=True, blank=True, related_name="next_version"
    )
    file = UploadFileField(upload_to=UploadPath("checked-documents"), max_length=200, blank=True)
    original_name = models.CharField(max_length=200, blank=True)
    text = models.TextField(blank=True, help_text=_("The words of the document, as read by the panel."))
    language = models.CharField(
        _("language"), max_length=10, choices=DocumentLanguage.choices, default=DocumentLanguage.ENGLISH,
        help_text=_("The language the document is written in."),
    )
    text_reading = models.CharField(max_length=10, choices=TextReading.choices, blank=True, default="")
    text_problem = models.TextField(blank=True, help_text=_("Why the file's words could not be read."))
    status = models.CharField(max_length=20, choices=DocumentStatus.choices, default=DocumentStatus.CHECKING)
    decision_note = models.TextField(blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_on = models.DateField(null=True, blank=True)
    expires_on = models.DateField(null=True, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title", "-edition"]
        indexes = [models.Index(fields=["status", "expires_on"], name="checked_document_register")]

    def __str__(self) -> str:
        return gettext("%(title)s (version %(number)s)") % {"title": self.title, "number": self.edition}

    def get_absolute_url(self) -> str:
        return reverse("mysteryshop:document", args=[self.pk])


class JargonTerm(Versioned):  # type: ignore[django-manager-missing, unused-ignore]  # the manager modeltranslation makes at start-up
    """A word or phrase tenants find hard, with the plain words to use instead."""

    term = models.CharField(max_length=100)
    plain = models.CharField(_("plain alternative"), max_length=200)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["term"]
        verbose_name = _("jargon word")
        constraints = [models.UniqueConstraint(Lower("term"), name="jargon_term_once")]

    def __str__(self) -> str:
        return self.term

