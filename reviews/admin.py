from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from reviews.models import (
    Document,
    Draft,
    Evidence,
    Finding,
    FindingComment,
    Interview,
    PerformanceFigure,
    Review,
    ScopeQuestion,
    ServiceArea,
    SiteVisit,
    SiteVisitPhoto,
    StageChange,
)


@admin.register(ServiceArea)
class ServiceAreaAdmin(admin.ModelAdmin):
    list_display = ["name", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name"]


class ScopeQuestionInline(admin.TabularInline):
    model = ScopeQuestion
    extra = 0


class StageChangeInline(admin.TabularInline):
    model = StageChange
    extra = 0
    readonly_fields = ["from_stage", "to_stage", "changed_by", "changed_at", "note"]
    can_delete = False


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ["title", "panel", "service_area", "kind", "stage", "planned_start"]
    list_filter = ["stage", "kind", "service_area", "panel"]
    search_fields = ["title", "scope"]
    raw_id_fields = ["lead_member", "supporting_officer", "created_by"]
    # The stage is moved on the review page, so the move is recorded with who and when.
    readonly_fields = ["stage", "created_by", "created_at", "updated_at"]
    inlines = [ScopeQuestionInline, StageChangeInline]


@admin.register(ScopeQuestion)
class ScopeQuestionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "review"]
    search_fields = ["text", "review__title"]


@admin.register(StageChange)
class StageChangeAdmin(admin.ModelAdmin):
    list_display = ["review", "from_stage", "to_stage", "changed_by", "changed_at"]
    list_filter = ["to_stage"]
    readonly_fields = ["changed_at"]


class _EvidenceAdmin(admin.ModelAdmin):
    list_display = ["title", "review", "kind", "date", "added_by"]
    list_filter = ["kind"]
    search_fields = ["title", "description", "review__title"]
    raw_id_fields = ["added_by"]
    readonly_fields = ["kind", "version", "created_at", "updated_at"]


@admin.register(Evidence)
class EvidenceAdmin(_EvidenceAdmin):
    pass


@admin.register(Document)
class DocumentAdmin(_EvidenceAdmin):
    # Files are only ever sent by the permission-checked view, so the admin shows no link.
    exclude = ["file"]
    readonly_fields = [*_EvidenceAdmin.readonly_fields, "original_name", "size"]


@admin.register(PerformanceFigure)
class PerformanceFigureAdmin(_EvidenceAdmin):
    list_display = ["measure", "value", "unit", "period", "target", "review"]


@admin.register(Interview)
class InterviewAdmin(_EvidenceAdmin):
    list_display = ["interviewee_role", "date", "review"]
    filter_horizontal = ["interviewers"]


class SiteVisitPhotoInline(admin.TabularInline):
    model = SiteVisitPhoto
    extra = 0
    fields = ["description", "added_by", "created_at"]
    readonly_fields = ["added_by", "created_at"]


@admin.register(SiteVisit)
class SiteVisitAdmin(_EvidenceAdmin):
    list_display = ["place", "date", "review"]
    filter_horizontal = ["visitors"]
    inlines = [SiteVisitPhotoInline]


@admin.register(SiteVisitPhoto)
class SiteVisitPhotoAdmin(admin.ModelAdmin):
    list_display = ["description", "site_visit", "added_by", "created_at"]
    exclude = ["file"]
    raw_id_fields = ["site_visit", "added_by"]


class FindingCommentInline(admin.TabularInline):
    model = FindingComment
    extra = 0
    raw_id_fields = ["author"]


@admin.register(Finding)
class FindingAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "review", "kind", "question", "raised_by"]
    list_filter = ["kind"]
    search_fields = ["statement", "review__title"]
    raw_id_fields = ["raised_by"]
    filter_horizontal = ["evidence"]
    readonly_fields = ["version", "created_at", "updated_at"]
    inlines = [FindingCommentInline]


@admin.register(FindingComment)
class FindingCommentAdmin(admin.ModelAdmin):
    list_display = ["finding", "author", "kind", "created_at"]
    list_filter = ["kind"]
    raw_id_fields = ["finding", "author"]


@admin.register(Draft)
class DraftAdmin(admin.ModelAdmin):
    list_display = ["user", "form", "object_id", "saved_at"]
    list_filter = ["form"]
    raw_id_fields = ["user"]
    readonly_fields = ["saved_at"]
