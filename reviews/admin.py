from django.contrib import admin

from reviews.models import Finding, Review, ScopeQuestion, ServiceArea


@admin.register(ServiceArea)
class ServiceAreaAdmin(admin.ModelAdmin):
    list_display = ["name", "is_active"]
    search_fields = ["name"]


class ScopeQuestionInline(admin.TabularInline):
    model = ScopeQuestion
    extra = 0


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ["title", "panel", "service_area", "kind", "stage"]
    list_filter = ["stage", "kind", "service_area", "panel"]
    search_fields = ["title", "scope"]
    inlines = [ScopeQuestionInline]


@admin.register(Finding)
class FindingAdmin(admin.ModelAdmin):
    list_display = ["__str__", "review", "kind", "raised_by"]
    list_filter = ["kind"]
    search_fields = ["statement"]
