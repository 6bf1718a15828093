"""Operations endpoints: /metrics (behind a token) and the error pages' handler."""

from __future__ import annotations

import hmac
import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from placement.ops import metrics

log = logging.getLogger("placement.ops")


@never_cache
@require_GET
def metrics_view(request: HttpRequest) -> HttpResponse:
    """Prometheus text format. `Authorization: Bearer <METRICS_TOKEN>`; without a token set, 404."""
    token = settings.METRICS_TOKEN
    if not token:
        raise Http404
    sent = request.headers.get("Authorization", "")
    if not hmac.compare_digest(sent.encode(), f"Bearer {token}".encode()):
        return HttpResponse(status=401, headers={"WWW-Authenticate": "Bearer"})
    return HttpResponse(metrics.render(), content_type="text/plain; version=0.0.4; charset=utf-8")


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500. A lost or refused database connection is temporary: a friendly 503 page
    asking to try again (CONN_HEALTH_CHECKS reconnects on the next request); anything else 500.
    Both pages are self-contained: they render without the database, the session or the user."""
    exception = sys.exc_info()[1]
    context = {"request_id": getattr(request, "request_id", ""), "stylesheet": _stylesheet()}
    if isinstance(exception, (OperationalError, InterfaceError)):
        log.warning("database unavailable: %s", exception.__class__.__name__)
        body = loader.get_template("503.html").render(context)
        return HttpResponse(body, status=503, headers={"Retry-After": "30"})
    return HttpResponseServerError(loader.get_template("500.html").render(context))


def _stylesheet() -> str:
    # An error page must render even when the static files manifest is what is broken.
    try:
        return static("css/site.css")
    except Exception:  # noqa: BLE001
        return settings.STATIC_URL + "css/site.css"
