"""Session idle timeout and no-store caching for signed-in pages."""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from placement.accounts import mfa
from placement.accounts.audit import request_ip

_LAST_SEEN = "_last_seen"


class IdleTimeoutMiddleware:
    """End a session that has been idle longer than SESSION_IDLE_TIMEOUT seconds.

    The time last seen is written back at most every SESSION_IDLE_RESOLUTION seconds, not on
    every request: a session write is a signed encoding and an UPDATE (with its transaction) per
    page otherwise. The session then ends up to that much early, never late."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            last_seen = request.session.get(_LAST_SEEN)
            if last_seen is not None and now - last_seen > settings.SESSION_IDLE_TIMEOUT:
                logout(request)
            elif last_seen is None or now - last_seen >= settings.SESSION_IDLE_RESOLUTION:
                request.session[_LAST_SEEN] = now
        return self.get_response(request)


class NoStoreForSignedInMiddleware:
    """Signed-in pages may hold personal data: browsers and proxies must not keep them."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and "Cache-Control" not in response:
            response["Cache-Control"] = "no-store"
        return response


class PermissionsPolicyMiddleware:
    """Every response says which powerful browser features the site may use: none."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class IndonesianFirstLocaleMiddleware:
    """Pages: Indonesian unless the person chose English with the language switch (a cookie).

    Django's LocaleMiddleware would follow the browser's Accept-Language, and many phones in
    Indonesia are set to English: the service speaks Indonesian first and English on request.
    The API negotiates as usual (the cookie, then Accept-Language): programs say what they want.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith("/api/"):
            language = translation.get_language_from_request(request)
        else:
            chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
            supported = {code for code, _name in settings.LANGUAGES}
            language = chosen if chosen in supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials=None
) -> HttpResponse:
    """Too many failed sign-ins (django-axes): JSON for the API, the page for people. The same
    answer whether or not the account exists."""

    if request.path.startswith("/api/"):
        message = _("Too many sign-in attempts. Try again in 15 minutes.")
        response = JsonResponse({"detail": message}, status=429)
        response["Retry-After"] = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
        return response
    return render(request, settings.AXES_LOCKOUT_TEMPLATE, status=429)


class SecondFactorMiddleware:
    """Officers, supervisors, administrators and privacy officers pass a second factor before any
    page: enrolment at the first sign-in, then a code at each sign-in (or a device remembered for
    at most 12 hours). Runs after django-otp's OTPMiddleware."""

    EXEMPT = ("/accounts/mfa/", "/accounts/logout/", "/static/", "/i18n/", "/healthz")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and user.needs_second_factor
            and not user.is_verified()
            and not request.path.startswith(self.EXEMPT)
        ):
            response = self._refuse(request, user)
            if response is not None:
                return response
        return self.get_response(request)

    def _refuse(self, request: HttpRequest, user) -> HttpResponse | None:
        if mfa.login_from_remembered_device(request):
            return None
        if request.path.startswith("/api/"):
            message = _("Confirm your sign-in with the second factor first.")
            return JsonResponse({"detail": message}, status=403)
        step = "accounts:mfa_verify" if mfa.is_enrolled(user) else "accounts:mfa_setup"
        return redirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")


class AuditContextMiddleware:
    """Remember the request's address while it is served, for the audit trail's "from where"."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = request_ip.set(request.META.get("REMOTE_ADDR") or None)
        try:
            return self.get_response(request)
        finally:
            request_ip.reset(token)
