"""The seeker portal."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from placement.accounts.access import role_required
from placement.accounts.models import Role


@role_required(Role.SEEKER)
def portal(request: HttpRequest) -> HttpResponse:
    """The seeker's home: status, card and next steps."""
    return render(request, "jobseekers/portal.html")
