from django.conf import settings
from django.db import models


class Draft(models.Model):
    """Text someone is still typing into a long form, saved as they type so that a dropped
    connection or an ended session loses nothing. One per person, form and object."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="review_drafts"
    )
    form = models.CharField(max_length=40)
    object_id = models.PositiveBigIntegerField()
    data = models.JSONField(default=dict)
    saved_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-saved_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "form", "object_id"], name="one_draft_per_person_form_and_object"
            )
        ]

    def __str__(self) -> str:
        return f"Draft of {self.form} {self.object_id} by {self.user}"
