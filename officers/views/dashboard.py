"""The officer's landing page: this month's figures, charts and the work queues."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from officers import dashboard as figures
from officers.access import office_required
from placement.market import figures as market_figures


@office_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    """The officer's day: queues and figures of the office's region."""
    officer = getattr(request.user, "officer_profile", None)
    office = officer.office if officer is not None else None
    today = timezone.localdate()
    return render(
        request,
        "officers/dashboard.html",
        {
            "officer": officer,
            "dashboard": figures.build(request.user, officer, today),
            "market": figures.shared(
                "market", request.user, office, today, lambda: market_figures.build(request.user)
            ),
        },
    )
