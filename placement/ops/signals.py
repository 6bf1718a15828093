"""Celery signal handlers: task metrics, the task id as the log request id, worker heartbeat."""

from __future__ import annotations

import contextlib
import time

from celery import signals

from placement.ops import health, metrics
from placement.ops.context import request_id

_started: dict[str, float] = {}


@signals.task_prerun.connect
def _task_started(task_id=None, task=None, **kwargs) -> None:
    _started[task_id] = time.perf_counter()
    request_id.set(task_id or "")


@signals.task_postrun.connect
def _task_finished(task_id=None, task=None, state=None, **kwargs) -> None:
    started = _started.pop(task_id, None)
    if started is not None and task is not None:
        metrics.TASK_DURATION.labels(task.name, state or "UNKNOWN").observe(
            time.perf_counter() - started
        )
    request_id.set("")


@signals.task_failure.connect
def _task_failed(sender=None, exception=None, **kwargs) -> None:
    name = getattr(sender, "name", "unknown")
    metrics.TASK_FAILURES.labels(name, exception.__class__.__name__).inc()


@signals.task_retry.connect
def _task_retried(sender=None, **kwargs) -> None:
    metrics.TASK_RETRIES.labels(getattr(sender, "name", "unknown")).inc()


@signals.worker_ready.connect
def _worker_ready(sender=None, **kwargs) -> None:
    # Best effort: the next heartbeat comes within a minute anyway.
    with contextlib.suppress(Exception):
        health.beat(getattr(sender, "hostname", ""))
