"""Monitoring: request ids, JSON logs, /metrics behind a token, /healthz, the 503 page."""

from __future__ import annotations

import datetime
import json
import logging
from unittest import mock

import pytest
from django.db import OperationalError
from django.test import Client
from django.utils import timezone

from placement.matching.models import MatchRun
from placement.ops import health, metrics
from placement.ops.context import request_id
from placement.ops.logging import JsonFormatter, RequestIdFilter

TOKEN = "metrics-test-token-0123456789"


def test_every_response_carries_a_request_id_and_keeps_a_sane_incoming_one(client, db):
    first = client.get("/healthz")["X-Request-ID"]
    assert len(first) == 32 and first != client.get("/healthz")["X-Request-ID"]
    assert client.get("/healthz", HTTP_X_REQUEST_ID="proxy-id-12345")["X-Request-ID"] == (
        "proxy-id-12345"
    )
    rejected = client.get("/healthz", HTTP_X_REQUEST_ID="no spaces <b>")["X-Request-ID"]
    assert rejected != "no spaces <b>" and len(rejected) == 32


def test_log_lines_are_json_with_the_request_id():
    record = logging.LogRecord(
        "placement.x", logging.WARNING, "f.py", 1, "unit %s late", (3,), None
    )
    token = request_id.set("abc123def456")
    try:
        RequestIdFilter().filter(record)
    finally:
        request_id.reset(token)
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "unit 3 late"
    assert line["request_id"] == "abc123def456"
    assert line["level"] == "WARNING" and line["logger"] == "placement.x"
    try:
        raise ValueError("boom")
    except ValueError:
        import sys

        record.exc_info = sys.exc_info()
    line = json.loads(JsonFormatter().format(record))
    assert line["exc_type"] == "ValueError" and "boom" in line["traceback"]


def test_log_lines_leave_out_the_query_string_of_the_request_django_attaches(rf):
    # django.security.csrf and django.request put the request on the record; its repr holds
    # the full path with the query string (a NIK searched, a link's token).
    request = rf.post("/accounts/login/?next=/officer/seekers/?nik=3201234567890123")
    record = logging.LogRecord("django.security.csrf", logging.WARNING, "f.py", 1, "x", (), None)
    record.request = request
    record.status_code = 403
    line = json.loads(JsonFormatter().format(record))
    assert line["request"] == "POST /accounts/login/" and line["status_code"] == 403
    assert "3201234567890123" not in json.dumps(line)


def test_metrics_is_absent_without_a_token_and_refuses_a_wrong_one(client, settings, db):
    settings.METRICS_TOKEN = ""
    assert client.get("/metrics").status_code == 404
    settings.METRICS_TOKEN = TOKEN
    assert client.get("/metrics").status_code == 401
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer nope").status_code == 401
    assert client.post("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}").status_code == 405


def test_metrics_report_latency_by_view_nightly_phases_and_tasks(client, settings, db):
    settings.METRICS_TOKEN = TOKEN
    MatchRun.objects.create(
        run_on=datetime.date(2026, 11, 28),
        status=MatchRun.Status.SUCCEEDED,
        finished_at=timezone.now(),
        timings={"extract": 1.5, "merge": 0.25, "store": 2.0, "total": 5.0},
        units_total=8,
        units_done=8,
    )
    client.get("/healthz")
    from placement.ops.tasks import heartbeat

    heartbeat.delay()  # eager in tests: the Celery signals still fire
    response = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert response.status_code == 200
    text = response.content.decode()
    assert 'antarkerja_http_request_duration_seconds_count{method="GET",view="healthz"}' in text
    assert 'antarkerja_http_responses_total{status="2xx",view="healthz"}' in text
    assert 'antarkerja_nightly_phase_seconds{phase="extract"} 1.5' in text
    assert 'antarkerja_nightly_run_info{status="succeeded"} 1.0' in text
    assert 'antarkerja_nightly_run_units{state="done"} 8.0' in text
    assert 'antarkerja_celery_task_duration_seconds_count{state="SUCCESS",task=' in text
    assert "antarkerja_worker_heartbeat_age_seconds" in text


def test_task_failures_are_counted():
    from celery import shared_task

    @shared_task(name="tests.ops.always_fails")
    def always_fails():
        raise RuntimeError("no")

    before = metrics.TASK_FAILURES.labels("tests.ops.always_fails", "RuntimeError")._value.get()
    # A worker never propagates the error; eager mode does unless told not to.
    assert always_fails.apply(throw=False).failed()
    after = metrics.TASK_FAILURES.labels("tests.ops.always_fails", "RuntimeError")._value.get()
    assert after == before + 1


def test_healthz_reports_the_worker_heartbeat_and_a_stale_nightly_run(client, settings, db):
    from django.core.cache import cache

    cache.delete(health.HEARTBEAT_KEY)
    settings.REDIS_URL = "redis://configured.invalid/0"
    with mock.patch.object(health, "check_redis", return_value={"ok": True, "configured": True}):
        body = client.get("/healthz").json()
        assert body["worker"] == {"ok": False, "configured": True, "heartbeat_age_seconds": None}
        assert body["status"] == "degraded"
        health.beat("w1")
        MatchRun.objects.create(
            run_on=timezone.localdate(),
            status=MatchRun.Status.SUCCEEDED,
            finished_at=timezone.now() - datetime.timedelta(hours=2),
        )
        response = client.get("/healthz")
    body = response.json()
    assert response.status_code == 200 and body["status"] == "ok"
    assert body["worker"]["ok"] and body["worker"]["heartbeat_age_seconds"] < 5
    assert body["last_nightly_run"]["ok"] and body["last_nightly_run"]["age_hours"] == 2.0


def test_a_lost_database_gives_a_friendly_503_page_without_a_traceback(db):
    browser = Client(raise_request_exception=False)
    with mock.patch(
        "placement.views.search_vacancies",
        side_effect=OperationalError("terminating connection due to administrator command"),
    ):
        response = browser.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    page = response.content.decode()
    assert "Layanan sementara tidak tersedia" in page
    assert "Traceback" not in page and "administrator command" not in page
    assert response["X-Request-ID"] in page


def test_other_errors_give_the_500_page(db):
    browser = Client(raise_request_exception=False)
    with mock.patch("placement.views.search_vacancies", side_effect=ValueError("secret detail")):
        response = browser.get("/")
    assert response.status_code == 500
    assert "secret detail" not in response.content.decode()


def test_a_delay_beyond_half_the_visibility_timeout_is_refused(settings):
    from placement.celery import _delay_seconds, app
    from placement.ops.tasks import heartbeat

    limit = app.conf.broker_transport_options["visibility_timeout"]
    app.conf.task_always_eager = False
    try:
        with pytest.raises(ValueError, match="visibility timeout"):
            heartbeat.apply_async(countdown=limit)
    finally:
        app.conf.task_always_eager = True
    eta = timezone.now() + datetime.timedelta(seconds=100)
    assert 98 < _delay_seconds({"eta": eta}) <= 100
    assert 98 < _delay_seconds({"eta": eta.isoformat()}) <= 100
    assert _delay_seconds({"countdown": 5}) == 5 and _delay_seconds({}) is None
