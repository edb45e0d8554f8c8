from django.contrib import admin

from panels.models import Membership, Panel


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Panel)
class PanelAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "panel", "role", "joined_on", "left_on"]
    list_filter = ["panel", "role"]
    search_fields = ["user__display_name", "user__email", "panel__name"]
    autocomplete_fields = ["user", "panel"]
