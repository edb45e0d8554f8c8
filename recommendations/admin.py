from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from recommendations.models import Action, ProgressUpdate, Recommendation, ReminderSent, Response, Transition


class ResponseInline(admin.StackedInline):
    model = Response
    extra = 0


class ActionInline(admin.TabularInline):
    model = Action
    extra = 0
    autocomplete_fields = ["owner"]


class TransitionInline(admin.TabularInline):
    model = Transition
    extra = 0
    readonly_fields = ["from_status", "to_status", "by", "at", "note", "notified_at"]
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Recommendation | None = None) -> bool:
        return False


@admin.register(Recommendation)
class RecommendationAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "review", "status", "priority", "owner", "due_date"]
    list_filter = ["status", "priority", "service_area", "review__panel"]
    search_fields = ["text", "rationale", "review__title"]
    # Status moves only through the services (with their checks and emails), never by hand here.
    readonly_fields = ["number", "status", "submitted_at", "implemented_at", "verified_at"]
    autocomplete_fields = ["owner", "created_by"]
    filter_horizontal = ["findings"]
    inlines = [ResponseInline, ActionInline, TransitionInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # written on the site, where the review's next number is given out safely


@admin.register(Response)
class ResponseAdmin(SimpleHistoryAdmin):
    list_display = ["recommendation", "decision", "responded_by", "responded_at"]
    list_filter = ["decision"]


@admin.register(Action)
class ActionAdmin(SimpleHistoryAdmin):
    list_display = ["what", "recommendation", "owner", "due_date", "status"]
    list_filter = ["status"]
    search_fields = ["what"]
    autocomplete_fields = ["owner"]


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(admin.ModelAdmin):
    list_display = ["__str__", "recommendation", "written_by", "created_at", "marks_implementation"]
    list_filter = ["marks_implementation"]


@admin.register(Transition)
class TransitionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "by", "at", "notified_at"]
    list_filter = ["to_status"]
    readonly_fields = ["recommendation", "from_status", "to_status", "by", "at", "note", "notified_at"]


@admin.register(ReminderSent)
class ReminderSentAdmin(admin.ModelAdmin):
    list_display = ["user", "date", "items", "sent_at", "emailed_at"]
    list_filter = ["date"]
