"""One guard for every request's input, before any view sees it (SECURITY.md: bad input gets a
clear error). It refuses, with a 400 that names the field:

- control characters (NUL and the other C0/C1 codes) in the path, in query parameters, in form
  fields and in the strings of a JSON body (tab, line feed and carriage return are allowed in
  bodies: a textarea holds lines);
- over-long values (a query parameter over GUARD_MAX_QUERY_LENGTH characters, a body field over
  GUARD_MAX_FIELD_LENGTH): far above any field's own limit, which the forms and serializers
  report in their own words;
- malformed well-known parameters: months (`month`, `first`, `last`: YYYY-MM with a real month
  from year 1900), dates (`date`, `*_on`: YYYY-MM-DD, a real date) and ids (`id`, `*_id`,
  `seeker`, `vacancy`, `employer`, `application`, `referral`: digits only), and ids in the path
  (`pk`, `*_id`: digits; a number beyond any record answers 404).

Views and serializers still validate their own fields; this layer only makes sure nothing that
would crash a database driver or a date constructor ever reaches them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from datetime import date

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

# C0 controls, DEL and C1 controls.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# Bodies: the same without tab, line feed and carriage return.
_CONTROL_IN_BODY = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$", re.ASCII)
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$", re.ASCII)
# A whole number; one too large for any record is left to the view (it answers 404).
_ID = re.compile(r"^[0-9]{1,40}$", re.ASCII)

MONTH_PARAMS = frozenset({"month", "first", "last"})
ID_PARAMS = frozenset({"id", "seeker", "vacancy", "employer", "application", "referral"})
FIRST_YEAR = 1900


class InputRefused(Exception):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def _max_query() -> int:
    return int(getattr(settings, "GUARD_MAX_QUERY_LENGTH", 16_384))


def _max_field() -> int:
    return int(getattr(settings, "GUARD_MAX_FIELD_LENGTH", 65_536))


def check_month(field: str, value: str) -> None:
    match = _MONTH.match(value)
    if not match or int(match[1]) < FIRST_YEAR or not 1 <= int(match[2]) <= 12:
        raise InputRefused(field, _("Enter the month as YYYY-MM, for example 2026-03."))


def check_date(field: str, value: str) -> None:
    match = _DATE.match(value)
    try:
        if not match or int(match[1]) < FIRST_YEAR:
            raise ValueError
        date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise InputRefused(
            field, _("Enter a real date as YYYY-MM-DD, for example 2026-03-31.")
        ) from None


def check_id(field: str, value: str) -> None:
    if not _ID.match(value):
        raise InputRefused(field, _("Enter a whole number."))


def check_text(field: str, value: str, *, limit: int, pattern: re.Pattern = _CONTROL) -> None:
    if pattern.search(value):
        raise InputRefused(field, _("This value contains characters that are not allowed."))
    if len(value) > limit:
        raise InputRefused(
            field,
            _("Enter at most %(limit)d characters (it has %(length)d).")
            % {"limit": limit, "length": len(value)},
        )


def check_query_param(field: str, value: str) -> None:
    """One query parameter: no control characters, bounded, well-formed if its name is known."""
    check_text("query", field, limit=100)
    check_text(field, value, limit=_max_query())
    if value == "":
        return
    if field in MONTH_PARAMS:
        check_month(field, value)
    elif field == "date" or field.endswith("_on"):
        check_date(field, value)
    elif field in ID_PARAMS or field.endswith("_id"):
        check_id(field, value)


def _json_strings(value: object, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path or "body", value
    elif isinstance(value, dict):
        for key, item in value.items():
            name = f"{path}.{key}" if path else str(key)
            yield "body", str(key)
            yield from _json_strings(item, name)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _json_strings(item, f"{path}[{index}]" if path else f"[{index}]")


def check_request(request: HttpRequest) -> None:
    """Raise InputRefused for the first bad piece of the request's input."""
    check_text("path", request.path, limit=2_000)
    for field, values in request.GET.lists():
        for value in values:
            check_query_param(field, value)
    if request.method not in ("POST", "PUT", "PATCH"):
        return
    content_type = request.content_type or ""
    if content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        for field, values in request.POST.lists():
            check_text("body", field, limit=200, pattern=_CONTROL_IN_BODY)
            for value in values:
                check_text(field, value, limit=_max_field(), pattern=_CONTROL_IN_BODY)
    elif content_type == "application/json" or content_type.endswith("+json"):
        if not request.body:
            return
        try:
            body = json.loads(request.body)
        except (ValueError, UnicodeDecodeError):
            return  # the API's parser answers a malformed body with its own 400
        if request.path.startswith("/api/") and not isinstance(body, dict):
            raise InputRefused("body", _("Send a JSON object with the fields by name."))
        for field, value in _json_strings(body):
            check_text(field, value, limit=_max_field(), pattern=_CONTROL_IN_BODY)


class InputGuardMiddleware:
    """Answer 400 with the field and the reason before a malformed request reaches a view."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            check_request(request)
        except InputRefused as refused:
            return refusal_response(request, refused)
        except UnicodeDecodeError:
            return refusal_response(
                request, InputRefused("body", _("The request is not valid UTF-8."))
            )
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Callable, view_args: tuple, view_kwargs: dict
    ) -> HttpResponse | None:
        """Ids in the path (`pk`, `*_id`): a positive whole number, whatever the URL pattern."""
        for name, value in view_kwargs.items():
            if name != "pk" and not name.endswith(("_id", "_pk")):
                continue
            if isinstance(value, str) and value.isascii() and value.isdigit():
                value = int(value)
            if isinstance(value, int):
                if not 0 < value < 2**63:
                    raise Http404  # a number, just not one any record can have
            elif isinstance(value, str):
                return refusal_response(request, InputRefused("id", _("Enter a whole number.")))
        return None


def refusal_response(request: HttpRequest, refused: InputRefused) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse(
            {"detail": refused.message, refused.field: [refused.message]}, status=400
        )
    return render(
        request,
        "400.html",
        {"field": refused.field, "message": refused.message},
        status=400,
    )
