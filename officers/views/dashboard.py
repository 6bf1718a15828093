"""The officer's landing page."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from officers.access import office_required
from placement.accounts.scope import region_scope


@office_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """The officer's day: queues and figures of the office's region."""
    officer = getattr(request.user, "officer_profile", None)
    return render(
        request,
        "officers/dashboard.html",
        {"officer": officer, "scope": region_scope(request.user)},
    )
