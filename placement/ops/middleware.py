"""Outermost middleware: a request id for every request, and the request metrics."""

from __future__ import annotations

import re
import uuid

from placement.ops import metrics
from placement.ops.context import request_id

# An id sent by the proxy is kept when it looks like one (no spaces, no personal data).
_INCOMING = re.compile(r"^[A-Za-z0-9._-]{8,64}$", re.ASCII)


class RequestIdMiddleware:
    """Sets the request id (X-Request-ID from the proxy, or a new one) for logs and the response,
    and records latency by view, the status class and unhandled exceptions."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        rid = incoming if _INCOMING.match(incoming) else uuid.uuid4().hex
        request.request_id = rid
        token = request_id.set(rid)
        timer = metrics.Timer()
        try:
            response = self.get_response(request)
        finally:
            request_id.reset(token)
        view = _view_name(request)
        metrics.REQUEST_LATENCY.labels(view, request.method).observe(timer.seconds)
        metrics.RESPONSES.labels(view, f"{response.status_code // 100}xx").inc()
        response["X-Request-ID"] = rid
        return response

    def process_exception(self, request, exception):
        metrics.EXCEPTIONS.labels(_view_name(request), exception.__class__.__name__).inc()


def _view_name(request) -> str:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return "<unresolved>"
    return match.view_name or match._func_path
