"""Site-wide pages: the public home page and the health check."""

from __future__ import annotations

import time

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from placement.matching.models import MatchRun


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """Public vacancy search and headline statistics."""
    return render(request, "home.html", {"q": request.GET.get("q", "")[:200]})


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
