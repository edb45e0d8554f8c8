from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm

from accounts import services
from accounts.models import Invitation, User
from scrutiny.forms import SingleLineCharField


class UserCreationForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email", "display_name", "role")
        field_classes = {"display_name": SingleLineCharField}


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    add_form = UserCreationForm
    ordering = ["display_name"]
    list_display = ["display_name", "email", "role", "is_active", "last_login"]
    list_filter = ["role", "is_active"]
    search_fields = ["display_name", "email"]
    readonly_fields = ["last_login", "date_joined", "is_staff", "is_superuser"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Person", {"fields": ["display_name", "role", "is_active"]}),
        ("Contact", {"fields": ["phone", "postal_address", "contact_preference"]}),
        ("Access needs", {"fields": ["large_text", "large_print_documents", "access_needs"]}),
        ("Dates", {"fields": ["last_login", "date_joined", "is_staff", "is_superuser"]}),
    ]
    add_fieldsets = [
        (None, {"fields": ["email", "display_name", "role", "password1", "password2"]}),
    ]
    filter_horizontal = []

    def save_model(self, request, obj, form, change):  # type: ignore[no-untyped-def]
        """A role changed or an account switched off here ends the person's sessions, as it does
        on the product's own page (accounts.services.change_role)."""
        super().save_model(request, obj, form, change)
        if change and ({"role", "is_active"} & set(form.changed_data)):
            services.end_sessions_after_role_change(user=obj, by=request.user)


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "display_name", "role", "created_at", "expires_at", "sent_at",
                    "accepted_at"]
    list_filter = ["role"]
    search_fields = ["email", "display_name"]
    readonly_fields = ["token_hash", "sent_at", "accepted_at", "user", "invited_by", "created_at"]
