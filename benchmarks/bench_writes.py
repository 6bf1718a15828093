"""The slow writes of issue 14: a seeker creating an account, signing in, an officer verifying a
registration. Full Django responses through the test client (middleware, axes, sessions, the real
password hasher of settings), warm, against DATABASE_URL (SQLite when unset).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ak_x REDIS_URL=redis://127.0.0.1:6379/4 \
        DEBUG=1 .venv/bin/python benchmarks/bench_writes.py --requests 30

Without REDIS_URL the tasks a write starts (rescoring, e-mail) run inside the request, as in
`make run`; with it they go to the worker, as in production. Target: p95 < 300 ms. The last line
printed is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _setup() -> None:
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "placement.settings")
    django.setup()
    from django.test.utils import setup_test_environment

    setup_test_environment()  # the test client's ALLOWED_HOSTS; the hasher stays the real one


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 1)


def _timed(call) -> tuple[float, object]:
    started = time.perf_counter()
    result = call()
    return (time.perf_counter() - started) * 1000, result


def _free_nik() -> str:
    """A NIK of Palangka Raya not used yet (the factory's sequence restarts every run)."""
    import random

    from jobseekers.models import JobSeeker

    while True:
        nik = f"627101670301{random.randint(1, 9999):04d}"
        if not JobSeeker.objects.filter(nik=nik).exists():
            return nik


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()
    _setup()
    from django.conf import settings
    from django.test import Client

    from officers.services import sync_offices
    from placement.taxonomy.loaders import load_all
    from placement.taxonomy.models import Occupation
    from tests.factories import JobSeekerFactory, OfficerFactory, UserFactory

    if not Occupation.objects.exists():
        load_all()
    sync_offices()
    settings.AXES_ENABLED = True
    run = uuid.uuid4().hex[:8]
    password = "Kuat-sekali-2026!"  # noqa: S105 - a benchmark account
    officer = OfficerFactory(office__code="62.71", user__email=f"bench.officer.{run}@example.org")
    times: dict[str, list[float]] = {"create_account": [], "login": [], "verify": []}
    for index in range(args.requests + 2):  # the first two warm up
        email = f"bench.{run}.{index}@example.org"
        client = Client()
        ms, response = _timed(
            lambda client=client, email=email: client.post(
                "/seeker/register/",
                {"email": email, "password1": password, "password2": password},
            )
        )
        assert response.status_code == 302, response.content[:500]
        if index >= 2:
            times["create_account"].append(ms)
        client = Client()
        ms, response = _timed(
            lambda client=client, email=email: client.post(
                "/accounts/login/", {"username": email, "password": password}
            )
        )
        assert response.status_code == 302, response.content[:500]
        if index >= 2:
            times["login"].append(ms)
        seeker = JobSeekerFactory(
            regency_id="62.71",
            nik=_free_nik(),
            user=UserFactory(email=f"bench.seeker.{run}.{index}@example.org", role="seeker"),
        )
        client = Client()
        client.force_login(officer.user)
        ms, response = _timed(
            lambda client=client, seeker=seeker: client.post(
                f"/officer/seekers/{seeker.pk}/verify/"
            )
        )
        assert response.status_code == 302, response.content[:500]
        if index >= 2:
            times["verify"].append(ms)
    result = {
        "database": settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1],
        "tasks": "eager" if settings.CELERY_TASK_ALWAYS_EAGER else "worker",
        "hasher": settings.PASSWORD_HASHERS[0].rsplit(".", 1)[-1],
        **{
            name: {
                "p50_ms": round(statistics.median(values), 1),
                "p95_ms": _p(values, 0.95),
                "n": len(values),
            }
            for name, values in times.items()
        },
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
