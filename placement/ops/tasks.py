"""Operations tasks: the worker heartbeat (beat runs it every minute)."""

from __future__ import annotations

import socket

from celery import shared_task

from placement.ops import health


@shared_task(name="placement.ops.tasks.heartbeat", ignore_result=True, expires=120)
def heartbeat() -> None:
    """Proves beat, the broker and a worker are all alive; /healthz reports its age."""
    health.beat(socket.gethostname())
