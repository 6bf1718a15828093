"""The API's error answers in the asker's language: DRF's own throttling and body-parsing
messages come out half English in Indonesian (the wait is formatted into the msgid before it is
translated; the parser's message carries Python's words)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

# DRF's own messages that its Indonesian catalogue lacks and an API user meets (a bad token, a
# page past the end, a wrong type); listed here so makemessages keeps them in locale/id, whose
# translations take precedence over the package's (LOCALE_PATHS).
DRF_MESSAGES = (
    gettext_noop("Invalid input."),
    gettext_noop("Malformed request."),
    gettext_noop('Method "{method}" not allowed.'),
    gettext_noop("Invalid token."),
    gettext_noop("Invalid token header. No credentials provided."),
    gettext_noop("Invalid token header. Token string should not contain spaces."),
    gettext_noop("Invalid token header. Token string should not contain invalid characters."),
    gettext_noop("Invalid page."),
    gettext_noop("Must be a valid boolean."),
    gettext_noop("Not a valid string."),
    gettext_noop("This value does not match the required pattern."),
    gettext_noop("A valid number is required."),
    gettext_noop("String value too large."),
    gettext_noop("This list may not be empty."),
    gettext_noop('Expected a list of items but got type "{input_type}".'),
    gettext_noop("Invalid data. Expected a dictionary, but got {datatype}."),
    gettext_noop("Incorrect type. Expected pk value, received {data_type}."),
    gettext_noop("Invalid value."),
    gettext_noop("This field must be unique."),
    gettext_noop("Surrogate characters are not allowed: U+{code_point:X}."),
)


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
