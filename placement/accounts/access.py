"""Access helpers shared by the areas: role gates that answer 404, never 403."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse


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
