from django.contrib import admin
from django.http import HttpRequest

from comparisons.models import Landlord, TsmImport


@admin.register(TsmImport)
class TsmImportAdmin(admin.ModelAdmin):
    list_display = ["file_name", "reporting_year", "edition", "status", "uploaded_by", "uploaded_at"]
    list_filter = ["status", "source"]
    readonly_fields = [f.name for f in TsmImport._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # imports are uploaded on the site's own page, which reads them first


@admin.register(Landlord)
class LandlordAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "regulator", "landlord_type", "size_band", "region", "described_in_year"]
    list_filter = ["regulator", "landlord_type", "size_band", "region"]
    search_fields = ["name", "code"]
    readonly_fields = [f.name for f in Landlord._meta.fields]
