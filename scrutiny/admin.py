from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from scrutiny.models import Job, SiteSettings
from scrutiny.translated import both_columns


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin):
    list_display = ["landlord_name", "country", "public_you_said_we_did"]
    # Switches are set on the product's own settings page, where every registered one is shown,
    # and so are the languages and the Welsh versions (here the fields read and write the English).
    exclude = ["switches", "version", "welsh", "first_language",
               *both_columns("landlord_name", "logo_alt_text", "tenant_word", "contact_text")]

    def save_model(self, request: HttpRequest, obj: SiteSettings, form: Any, change: bool) -> None:
        obj.version += 1  # so the settings page notices this change too
        super().save_model(request, obj, form, change)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return not SiteSettings.objects.exists()

    def has_delete_permission(self, request: HttpRequest, obj: SiteSettings | None = None) -> bool:
        return False


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    """Background work in the outbox: what waits, what was done, what failed last."""

    list_display = ["task", "created_at", "queued_at", "leased_until", "done_at", "attempts"]
    list_filter = ["task", ("done_at", admin.EmptyFieldListFilter)]
    readonly_fields = [f.name for f in Job._meta.fields if f.name not in ("args", "kwargs")]
    exclude = ["args", "kwargs"]  # may hold a one-time link until the job is done

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
