"""The public job-fair pages, at /bursa-kerja/."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from employers.models import Employer, Vacancy
from placement.market.models import JobFair


@require_GET
def public_fairs(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "market/public_fairs.html",
        {"fairs": JobFair.objects.public().select_related("regency")[:100]},
    )


@require_GET
def public_fair(request: HttpRequest, pk: int) -> HttpResponse:
    fair = get_object_or_404(JobFair.objects.public().select_related("regency"), pk=pk)
    vacancies = Vacancy.objects.published().filter(fair_links__fair=fair).select_related("employer")
    employers = Employer.objects.filter(pk__in=fair.employers.values("employer_id"))
    return render(
        request,
        "market/public_fair.html",
        {"fair": fair, "vacancies": vacancies, "employers": employers},
    )
