from django.contrib import admin
from django.http import HttpRequest

from opendata.models import Publication


@admin.register(Publication)
class PublicationAdmin(admin.ModelAdmin):
    """Read only: publishing and taking down are done on the review's page, where who may is checked."""

    list_display = ["review", "published_by", "published_at", "unpublished_by", "unpublished_at"]
    readonly_fields = [f.name for f in Publication._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Publication | None = None) -> bool:
        return False
