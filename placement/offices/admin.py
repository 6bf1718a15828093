from django.contrib import admin

from placement.offices.models import Office, Officer


@admin.register(Office)
class OfficeAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "level")
    list_filter = ("level",)
    search_fields = ("code", "name")


@admin.register(Officer)
class OfficerAdmin(admin.ModelAdmin):
    list_display = ("user", "office", "position", "is_active")
    list_filter = ("position", "is_active")
    raw_id_fields = ("user", "office")
