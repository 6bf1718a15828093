"""The API's error answers in the asker's language: DRF's own throttling and body-parsing
messages come out half English in Indonesian (the wait is formatted into the msgid before it is
translated; the parser's message carries Python's words)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc: Exception, context: dict) -> Response | None:
    """DRF's handler, with our translated messages for throttling and an unreadable body."""
    if isinstance(exc, exceptions.Throttled):
        detail = _("Too many requests.")
        if exc.wait is not None:
            wait = int(exc.wait)
            detail += " " + ngettext(
                "Try again in %(wait)d second.", "Try again in %(wait)d seconds.", wait
            ) % {"wait": wait}
        translated = exceptions.Throttled(detail=detail)
        translated.wait = exc.wait  # keeps the Retry-After header
        exc = translated
    elif isinstance(exc, exceptions.ParseError):
        request = context.get("request")
        if "json" in (getattr(request, "content_type", "") or ""):
            exc = exceptions.ParseError(_("The request body is not valid JSON."))
        else:
            exc = exceptions.ParseError(_("The request body could not be read."))
    return drf_exception_handler(exc, context)
