"""Structured logs: one JSON object per line, with the request or task id.

Settings pick this formatter when LOG_FORMAT=json (the default when DEBUG is off). Messages are
the code's own; nothing here adds request bodies, query strings or user data to a line.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime

from django.http import HttpRequest

from placement.ops.context import request_id

_STANDARD = set(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {
    "message",
    "asctime",
    "request_id",
}


class RequestIdFilter(logging.Filter):
    """Put the current request (or task) id on every record as `record.request_id`."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "request_id", ""):
            record.request_id = request_id.get()
        return True


def _plain(value: object) -> object:
    """A value of a record's extras as JSON. Django puts the request on its security and error
    records; its text would carry the query string (a NIK searched, a token in a link), so only
    the method and the path are kept."""
    if isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, HttpRequest):
        return f"{value.method} {value.path}"
    return str(value)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        rid = getattr(record, "request_id", "") or request_id.get()
        if rid:
            entry["request_id"] = rid
        for key, value in record.__dict__.items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = _plain(value)
        if record.exc_info:
            entry["exc_type"] = record.exc_info[0].__name__ if record.exc_info[0] else ""
            entry["traceback"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
