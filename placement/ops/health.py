"""What `/healthz` and `manage.py healthz` report: database, Redis, the nightly run, the worker."""

from __future__ import annotations

import time

from django.conf import settings
from django.db import connection
from django.utils import timezone

from placement.matching.models import MatchRun


def check_database() -> dict[str, object]:
    started = time.perf_counter()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # noqa: BLE001 - any failure means "down"
        return {"ok": False, "error": exc.__class__.__name__}
    return {"ok": True, "ms": round((time.perf_counter() - started) * 1000, 1)}


def check_redis() -> dict[str, object]:
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


def last_nightly_run() -> dict[str, object] | None:
    try:
        run = MatchRun.objects.filter(province="").order_by("-run_on").first()
    except Exception:  # noqa: BLE001 - the database check reports the cause
        return None
    if run is None:
        return None
    finished = run.finished_at
    return {
        "date": run.run_on.isoformat(),
        "status": run.status,
        "finished_at": finished.isoformat() if finished else None,
        "age_hours": round((timezone.now() - finished).total_seconds() / 3600, 1)
        if finished
        else None,
    }


def report() -> tuple[bool, dict[str, object]]:
    """(healthy, body): unhealthy when the database or a configured Redis does not answer."""
    database = check_database()
    redis_status = check_redis()
    healthy = bool(database["ok"] and redis_status["ok"])
    body = {
        "status": "ok" if healthy else "error",
        "database": database,
        "redis": redis_status,
        "last_nightly_run": last_nightly_run() if database["ok"] else None,
    }
    return healthy, body
