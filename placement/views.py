"""Site-wide pages: the public home page and the health check."""

from __future__ import annotations

import time

from django.conf import settings
from django.core.paginator import Paginator
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from employers.access import get_vacancy_for_viewer, is_public
from employers.search import VacancySearchForm, headline_stats, search_vacancies
from jobseekers.models import JobSeeker
from placement.accounts.models import Role
from placement.matching.models import MatchRun
from placement.migrants.rules import user_is_minor
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
    abroad = not user_is_minor(request.user)  # no work abroad under 18 (UU 18/2017)
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
    if request.user.is_authenticated and request.user.role == Role.SEEKER:
        seeker = JobSeeker.objects.filter(user=request.user).first()
        if seeker is not None:
            application = Application.objects.filter(seeker=seeker, vacancy=vacancy).first()
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
            "apply_form": ApplyForm(),
        },
    )


def _check_database() -> dict[str, object]:
    started = time.perf_counter()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # noqa: BLE001 - any failure means "down"
        return {"ok": False, "error": exc.__class__.__name__}
    return {"ok": True, "ms": round((time.perf_counter() - started) * 1000, 1)}


def _check_redis() -> dict[str, object]:
    if not settings.REDIS_URL:
        return {"ok": True, "configured": False}
    import redis

    started = time.perf_counter()
    try:
        client = redis.Redis.from_url(
            settings.REDIS_URL, socket_timeout=2, socket_connect_timeout=2
        )
        client.ping()
    except Exception as exc:  # noqa: BLE001
        return {"ok": False, "configured": True, "error": exc.__class__.__name__}
    return {"ok": True, "configured": True, "ms": round((time.perf_counter() - started) * 1000, 1)}


def _last_nightly_run() -> dict[str, object] | None:
    try:
        run = MatchRun.objects.order_by("-run_on").first()
    except Exception:  # noqa: BLE001 - the database check reports the cause
        return None
    if run is None:
        return None
    return {
        "date": run.run_on.isoformat(),
        "status": run.status,
        "finished_at": run.finished_at.isoformat() if run.finished_at else None,
    }


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Database, Redis (when configured) and the last nightly run; 503 when a dependency is down."""
    database = _check_database()
    redis_status = _check_redis()
    healthy = bool(database["ok"] and redis_status["ok"])
    body = {
        "status": "ok" if healthy else "error",
        "database": database,
        "redis": redis_status,
        "last_nightly_run": _last_nightly_run() if database["ok"] else None,
    }
    return JsonResponse(body, status=200 if healthy else 503)
