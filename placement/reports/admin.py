"""The reports in Django admin: standard times (also editable on the officer page) and, read-only,
the stored monthly tables."""

from django.contrib import admin

from placement.reports.models import IpkReport, StandardTime


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(StandardTime)
class StandardTimeAdmin(ReadOnlyAdmin):
    """Changed on /officer/reports/workload/standard-times/, where every change is audited."""

    list_display = ["kind", "minutes", "per_unit", "basis", "updated_at", "updated_by"]


@admin.register(IpkReport)
class IpkReportAdmin(ReadOnlyAdmin):
    list_display = ["month", "region_code", "built_at"]
    list_filter = ["month"]
    search_fields = ["region_code"]
