"""What the panel has published for everyone to read: a completed review's report.

A Publication is made by a deliberate act of the panel's chair or an administrator
(opendata/services.py). Unpublishing keeps the row, with who took it down and when, so the record
of what was public stays; a review is public while it has a Publication not taken down.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from scrutiny.uploads import UploadFileField, UploadPath


class PublicationQuerySet(models.QuerySet):
    def current(self) -> "PublicationQuerySet":
        """Publications not taken down."""
        return self.filter(unpublished_at__isnull=True)


class Publication(models.Model):
    """A review's report, published for everyone (and perhaps later taken down)."""

    review = models.ForeignKey("reviews.Review", on_delete=models.CASCADE, related_name="publications")
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    published_at = models.DateTimeField(auto_now_add=True)
    unpublished_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    unpublished_at = models.DateTimeField(null=True, blank=True)
    # The report as published, in each language the site offers, made by the worker
    # (opendata/tasks.py): a PDF is never made inside a web request.
    pdf_en_gb = UploadFileField(upload_to=UploadPath("published"), max_length=200, blank=True)
    pdf_cy = UploadFileField(upload_to=UploadPath("published"), max_length=200, blank=True)

    objects = PublicationQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("publication")
        constraints = [
            models.UniqueConstraint(
                fields=["review"], condition=Q(unpublished_at__isnull=True),
                name="one_current_publication_per_review",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.review} published {self.published_at:%Y-%m-%d}"

    @property
    def is_current(self) -> bool:
        return self.unpublished_at is None
