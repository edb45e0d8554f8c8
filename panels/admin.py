from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from panels.models import (
    Attendance,
    Meeting,
    MeetingItem,
    MeetingPaper,
    Membership,
    Panel,
    PanelInvitation,
    Training,
)


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "panel"
    extra = 0
    autocomplete_fields = ["user"]
    exclude = ["added_by"]


@admin.register(Panel)
class PanelAdmin(TranslationAdmin):  # the name, purpose and terms of reference in both languages
    list_display = ["name", "kind", "is_active", "closed_on"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "panel", "role", "joined_on", "left_on"]
    list_filter = ["panel", "role"]
    search_fields = ["user__display_name", "user__email", "panel__name"]
    autocomplete_fields = ["user", "panel", "added_by"]


@admin.register(PanelInvitation)
class PanelInvitationAdmin(admin.ModelAdmin):
    list_display = ["invitation", "panel", "role", "created_at", "membership"]
    list_filter = ["panel"]
    raw_id_fields = ["invitation", "membership", "invited_by"]


@admin.register(Training)
class TrainingAdmin(admin.ModelAdmin):
    list_display = ["user", "course", "provider", "completed_on", "expires_on"]
    list_filter = ["course"]
    search_fields = ["user__display_name", "course", "provider"]
    autocomplete_fields = ["user", "recorded_by"]
    date_hierarchy = "completed_on"


class AttendanceInline(admin.TabularInline):
    model = Attendance
    fk_name = "meeting"
    extra = 0
    autocomplete_fields = ["user"]
    exclude = ["recorded_by"]


class MeetingPaperInline(admin.TabularInline):
    model = MeetingPaper
    extra = 0
    exclude = ["uploaded_by"]


class MeetingItemInline(admin.TabularInline):
    model = MeetingItem
    extra = 0
    autocomplete_fields = ["owner"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["title", "panel", "date", "start_time", "is_cancelled"]
    list_filter = ["panel", "is_cancelled"]
    search_fields = ["title", "panel__name"]
    date_hierarchy = "date"
    inlines = [MeetingPaperInline, MeetingItemInline, AttendanceInline]
    exclude = ["created_by"]


@admin.register(MeetingPaper)
class MeetingPaperAdmin(admin.ModelAdmin):
    list_display = ["title", "meeting", "uploaded_at"]
    raw_id_fields = ["meeting", "uploaded_by"]


@admin.register(MeetingItem)
class MeetingItemAdmin(admin.ModelAdmin):
    list_display = ["kind", "meeting", "owner", "due_on"]
    list_filter = ["kind"]
    raw_id_fields = ["meeting", "owner"]


@admin.register(Attendance)
class AttendanceAdmin(admin.ModelAdmin):
    list_display = ["user", "meeting", "status", "hours"]
    list_filter = ["status", "meeting__panel"]
    search_fields = ["user__display_name"]
    raw_id_fields = ["meeting", "user", "recorded_by"]
