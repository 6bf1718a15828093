from django.contrib import admin

from placement.registers.models import Agency, Bkk, JobOrder, Lptks, RegisterChange


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ("name", "licence_number", "licence_valid_to", "status")
    list_filter = ("status",)
    search_fields = ("name", "licence_number")


@admin.register(JobOrder)
class JobOrderAdmin(admin.ModelAdmin):
    list_display = ("number", "agency", "country", "occupation", "quota", "quota_used", "valid_to")
    list_filter = ("status", "country")
    search_fields = ("number", "foreign_employer", "agency__name")
    raw_id_fields = ("agency", "occupation")


@admin.register(Bkk)
class BkkAdmin(admin.ModelAdmin):
    list_display = ("institution", "kind", "registration_number", "regency", "is_active")
    list_filter = ("kind", "is_active")
    search_fields = ("institution", "registration_number")
    raw_id_fields = ("regency",)


@admin.register(Lptks)
class LptksAdmin(admin.ModelAdmin):
    list_display = ("name", "licence_number", "regency", "status")
    list_filter = ("status",)
    search_fields = ("name", "licence_number")
    raw_id_fields = ("regency",)


@admin.register(RegisterChange)
class RegisterChangeAdmin(admin.ModelAdmin):
    list_display = ("register", "object_id", "event", "status", "changed_by", "changed_at")
    list_filter = ("register", "event")

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
