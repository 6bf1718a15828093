"""Access helpers shared by the areas: role gates that answer 404, never 403."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse

# A primary key is a positive bigint; anything else cannot name a row (and an out-of-range number
# would fail in the database rather than answer 404).
MAX_PK = 2**63


def parse_pk(value: object) -> int:
    """A primary key from a URL, form or API value, or 404 (never 400 or 500)."""
    try:
        pk = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        raise Http404 from None
    if not 0 < pk < MAX_PK:
        raise Http404
    return pk


def is_office_staff(user) -> bool:
    """Officers, supervisors and national administrators (signed in)."""
    return user.is_authenticated and user.is_office_staff


def role_required(*roles: str) -> Callable:
    """Allow signed-in users with one of `roles`; everyone else signed in gets 404."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        @login_required
        def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
            if request.user.role not in roles:
                raise Http404
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
