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


def last_nightly_run_object() -> MatchRun | None:
    try:
        return MatchRun.objects.filter(province="").order_by("-run_on").first()
    except Exception:  # noqa: BLE001 - the database check reports the cause
        return None


def last_nightly_run() -> dict[str, object] | None:
    run = last_nightly_run_object()
    if run is None:
        return None
    finished = run.finished_at
    age = (timezone.now() - finished).total_seconds() / 3600 if finished else None
    return {
        "date": run.run_on.isoformat(),
        "status": run.status,
        "finished_at": finished.isoformat() if finished else None,
        "age_hours": round(age, 1) if age is not None else None,
        # A night missed or failed: the last success is older than OPS["NIGHTLY_STALE_HOURS"].
        "ok": run.status == MatchRun.Status.SUCCEEDED
        and age is not None
        and age <= settings.OPS["NIGHTLY_STALE_HOURS"],
    }


HEARTBEAT_KEY = "ops:worker-heartbeat"


def beat(worker: str = "") -> None:
    """Called by the heartbeat task (every minute, from beat) and when a worker starts."""
    from django.core.cache import cache

    cache.set(HEARTBEAT_KEY, {"at": time.time(), "worker": worker}, timeout=None)


def heartbeat_age() -> float | None:
    """Seconds since a worker last ran the heartbeat; None when never (or the cache is down)."""
    from django.core.cache import cache

    try:
        value = cache.get(HEARTBEAT_KEY)
    except Exception:  # noqa: BLE001 - Redis down: the Redis check reports it
        return None
    if not value:
        return None
    return round(max(0.0, time.time() - float(value["at"])), 1)


def check_worker() -> dict[str, object]:
    if not settings.REDIS_URL:
        return {"ok": True, "configured": False}  # tasks run in the web process
    age = heartbeat_age()
    return {
        "ok": age is not None and age <= settings.OPS["HEARTBEAT_STALE_SECONDS"],
        "configured": True,
        "heartbeat_age_seconds": age,
    }


def report() -> tuple[bool, dict[str, object]]:
    """(healthy, body). Unhealthy ("error", HTTP 503) when the database or a configured Redis
    does not answer: this process cannot serve. A stale worker heartbeat or nightly run is
    "degraded" (HTTP 200): the pages work, but someone must look at the worker or beat."""
    database = check_database()
    redis_status = check_redis()
    healthy = bool(database["ok"] and redis_status["ok"])
    nightly = last_nightly_run() if database["ok"] else None
    worker = check_worker() if redis_status["ok"] else {"ok": False, "configured": True}
    status = "error"
    if healthy:
        status = "ok" if worker["ok"] and (nightly is None or nightly["ok"]) else "degraded"
    body = {
        "status": status,
        "database": database,
        "redis": redis_status,
        "last_nightly_run": nightly,
        "worker": worker,
    }
    return healthy, body
