"""The id of the request (or Celery task) being handled, for log lines and the response header."""

from __future__ import annotations

from contextvars import ContextVar

request_id: ContextVar[str] = ContextVar("request_id", default="")
