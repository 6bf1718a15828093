"""The employer portal."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from placement.accounts.access import role_required
from placement.accounts.models import Role


@role_required(Role.EMPLOYER)
def portal(request: HttpRequest) -> HttpResponse:
    """The employer's home: company, vacancies and candidates."""
    return render(request, "employers/portal.html")
