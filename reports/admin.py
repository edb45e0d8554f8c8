from django.contrib import admin
from django.http import HttpRequest

from reports.models import AnnualReport, AssessmentSection, ReportRequest


@admin.register(ReportRequest)
class ReportRequestAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "requested_by", "created_at", "finished_at", "attempts"]
    list_filter = ["status", "kind"]
    readonly_fields = [f.name for f in ReportRequest._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # reports are asked for on the site, where the request is checked


class AssessmentSectionInline(admin.StackedInline):
    model = AssessmentSection
    extra = 0
    readonly_fields = ["version", "updated_by", "updated_at"]


@admin.register(AnnualReport)
class AnnualReportAdmin(admin.ModelAdmin):
    list_display = ["year", "approved_at", "published"]
    readonly_fields = ["reminded_at", "reminded_by", "reminder_sent_at"]  # set by "Remind them"
    inlines = [AssessmentSectionInline]
