"""Prometheus metrics: what the processes count, and what is read at scrape time.

Counted in the processes (added up across gunicorn and Celery processes through
PROMETHEUS_MULTIPROC_DIR when it is set): request latency by view, responses by status class,
unhandled exceptions, Celery task durations, failures and retries.
Read when /metrics is scraped: the nightly run's phases and state, queue lengths, the worker's
heartbeat age.
"""

from __future__ import annotations

import os
import time

import redis
from django.conf import settings
from prometheus_client import (
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily

from placement.ops import health

# The folder where the processes of one host add up their counts must exist before the first
# count: a fresh compose volume, or /run after a reboot, does not have it (every request and
# task failed with FileNotFoundError).
if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
    os.makedirs(os.environ["PROMETHEUS_MULTIPROC_DIR"], exist_ok=True)

REQUEST_LATENCY = Histogram(
    "antarkerja_http_request_duration_seconds",
    "Time to answer a request, by Django view.",
    ["view", "method"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 30),
)
RESPONSES = Counter(
    "antarkerja_http_responses_total", "Responses by view and status class.", ["view", "status"]
)
EXCEPTIONS = Counter(
    "antarkerja_http_exceptions_total",
    "Unhandled exceptions in views (answered 500 or 503).",
    ["view", "exception"],
)
TASK_DURATION = Histogram(
    "antarkerja_celery_task_duration_seconds",
    "Celery task run time, by task.",
    ["task", "state"],
    buckets=(0.1, 0.5, 1, 5, 15, 60, 300, 900, 1800, 3600),
)
TASK_FAILURES = Counter(
    "antarkerja_celery_task_failures_total", "Celery tasks that failed.", ["task", "exception"]
)
TASK_RETRIES = Counter("antarkerja_celery_task_retries_total", "Celery task retries.", ["task"])

# Kombu's Redis transport keeps one list per queue and priority step.
_PRIORITY_SUFFIXES = ("", "\x06\x163", "\x06\x166", "\x06\x169")


class ScrapeTimeCollector:
    """Gauges read from PostgreSQL and Redis at each scrape (cheap: a few small queries)."""

    def describe(self):
        return []  # registering must not query anything

    def collect(self):
        run = health.last_nightly_run_object()
        phases = GaugeMetricFamily(
            "antarkerja_nightly_phase_seconds",
            "Duration of each phase of the latest nightly run.",
            labels=["phase"],
        )
        state = GaugeMetricFamily(
            "antarkerja_nightly_run_info", "The latest nightly run (value 1).", labels=["status"]
        )
        finished = GaugeMetricFamily(
            "antarkerja_nightly_run_finished_timestamp_seconds",
            "When the latest nightly run finished (Unix time; 0 while running).",
        )
        units = GaugeMetricFamily(
            "antarkerja_nightly_run_units", "Work units of the latest run.", labels=["state"]
        )
        if run is not None:
            for phase, seconds in sorted((run.timings or {}).items()):
                if isinstance(seconds, (int, float)):
                    phases.add_metric([phase], float(seconds))
            state.add_metric([run.status], 1)
            finished.add_metric([], run.finished_at.timestamp() if run.finished_at else 0)
            units.add_metric(["done"], run.units_done)
            units.add_metric(["total"], run.units_total)
        yield from (phases, state, finished, units)

        heartbeat = GaugeMetricFamily(
            "antarkerja_worker_heartbeat_age_seconds",
            "Seconds since a Celery worker last ran the heartbeat task (-1: never).",
        )
        age = health.heartbeat_age()
        heartbeat.add_metric([], -1 if age is None else age)
        yield heartbeat

        if settings.REDIS_URL:
            queues = GaugeMetricFamily(
                "antarkerja_celery_queue_length", "Messages waiting in a queue.", labels=["queue"]
            )
            unacked = GaugeMetricFamily(
                "antarkerja_celery_unacked_messages",
                "Messages delivered to a worker and not yet acknowledged.",
            )
            try:
                client = _redis()
                for queue in _queue_names():
                    queues.add_metric(
                        [queue], sum(client.llen(queue + s) for s in _PRIORITY_SUFFIXES)
                    )
                unacked.add_metric([], client.hlen("unacked"))
            except Exception:  # noqa: BLE001 - Redis down: /healthz says so; no queue figures
                return
            yield queues
            yield unacked


def _redis():
    broker = settings.CELERY_BROKER_URL
    return redis.Redis.from_url(broker, socket_timeout=2, socket_connect_timeout=2)


def _queue_names() -> list[str]:
    return sorted({"celery", *getattr(settings, "CELERY_TASK_ROUTES_QUEUES", [])})


_SCRAPE = ScrapeTimeCollector()
_registered_locally = False


def registry() -> CollectorRegistry:
    """All processes' counters (multiprocess folder) or this process's, plus scrape-time gauges."""
    global _registered_locally
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        reg = CollectorRegistry()
        multiprocess.MultiProcessCollector(reg)
        reg.register(_SCRAPE)
        return reg

    if not _registered_locally:
        REGISTRY.register(_SCRAPE)
        _registered_locally = True
    return REGISTRY


def render() -> bytes:
    return generate_latest(registry())


class Timer:
    def __init__(self) -> None:
        self.started = time.perf_counter()

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started
