"""The officer area."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from placement.accounts.access import role_required
from placement.accounts.models import Role
from placement.accounts.scope import region_scope

OFFICE_ROLES = (Role.OFFICER, Role.SUPERVISOR, Role.NATIONAL, Role.PRIVACY)


@role_required(*OFFICE_ROLES)
def dashboard(request: HttpRequest) -> HttpResponse:
    """The officer's day: queues and figures of the office's region."""
    officer = getattr(request.user, "officer_profile", None)
    return render(
        request,
        "officers/dashboard.html",
        {"officer": officer, "scope": region_scope(request.user)},
    )
