"""Site-wide pages: the public home page and the health check."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from employers.access import get_vacancy_for_viewer, is_public
from employers.search import VacancySearchForm, headline_stats, search_vacancies
from jobseekers.models import JobSeeker
from placement.accounts.models import Role
from placement.matching.explain import requirement_checks
from placement.migrants.rules import user_is_minor
from placement.ops import health
from placement.pipeline.forms import ApplyForm
from placement.pipeline.models import Application
from placement.pipeline.services import can_apply

SEARCH_PAGE_SIZE = 20


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """Public vacancy search and headline statistics."""
    form = VacancySearchForm(request.GET or None)
    filters = form.filters() if request.GET else {}
    searched = any(value for value in filters.values())
    abroad = not user_is_minor(request.user)  # nothing closed to minors (migrants/rules.py)
    page = Paginator(search_vacancies(**filters, abroad=abroad), SEARCH_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "home.html",
        {
            "form": form,
            "page": page,
            "searched": searched,
            "query": query.urlencode(),
            "stats": headline_stats(),
        },
    )


@require_GET
def vacancy_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One vacancy: published ones for everyone; the owner and officers see theirs in any status."""
    vacancy = get_vacancy_for_viewer(request.user, pk)
    skills = list(vacancy.skills.select_related("skill"))
    application = None
    refusal = ""
    checks: list[tuple[bool, str]] = []
    if request.user.is_authenticated and request.user.role == Role.SEEKER:
        seeker = JobSeeker.objects.filter(user=request.user).first()
        if seeker is not None:
            application = Application.objects.filter(seeker=seeker, vacancy=vacancy).first()
            checks = requirement_checks(seeker, vacancy)
        refusal = can_apply(seeker, vacancy)
    return render(
        request,
        "employers/vacancy_detail.html",
        {
            "vacancy": vacancy,
            "is_public": is_public(vacancy),
            "required_skills": sorted((s.skill for s in skills if s.is_required), key=str),
            "optional_skills": sorted((s.skill for s in skills if not s.is_required), key=str),
            "application": application,
            "refusal": refusal,
            "requirement_checks": checks,
            "apply_form": ApplyForm(),
        },
    )


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Database, Redis (when configured), the last nightly run and the worker; 503 when red."""
    healthy, body = health.report()
    return JsonResponse(body, status=200 if healthy else 503)
