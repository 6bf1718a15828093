from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from placement.accounts import mfa
from placement.accounts.models import AuditEvent, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    actions = ["reset_second_factor"]
    ordering = ("email",)
    list_display = ("email", "full_name", "role", "is_active")
    list_filter = ("role", "is_active")
    search_fields = ("email", "full_name")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Profile", {"fields": ("full_name", "role")}),
        ("Access", {"fields": ("is_active", "is_staff", "is_superuser", "groups")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "role")}),)

    @admin.action(description=_("Reset the sign-in confirmation (lost phone); logged"))
    def reset_second_factor(self, request, queryset) -> None:
        for user in queryset:
            mfa.reset_second_factor(user=user, by=request.user)
        self.message_user(request, _("The users enrol again at their next sign-in."))


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ("at", "actor", "action", "object_type", "object_id")
    list_filter = ("action", "object_type")

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
