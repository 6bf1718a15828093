"""API tokens that expire: after API_TOKEN_IDLE_SECONDS without use (12 hours) and at the latest
API_TOKEN_MAX_AGE_SECONDS after they were issued (7 days). A password or role change, a
deactivation and signing out delete them (User.save, LogoutView)."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed

from placement.accounts.models import TokenUse

# Record a use at most this often: one write per token per minute, not one per request.
_TOUCH_EVERY = timedelta(seconds=60)


def idle_limit() -> timedelta:
    return timedelta(seconds=int(getattr(settings, "API_TOKEN_IDLE_SECONDS", 12 * 3600)))


def age_limit() -> timedelta:
    return timedelta(seconds=int(getattr(settings, "API_TOKEN_MAX_AGE_SECONDS", 7 * 86400)))


class ExpiringTokenAuthentication(TokenAuthentication):
    """`Authorization: Token <key>`, refused once the token is idle or too old."""

    def authenticate_credentials(self, key: str):
        user, token = super().authenticate_credentials(key)
        now = timezone.now()
        use = TokenUse.objects.filter(token=token).first()
        last_used = use.last_used_at if use is not None else token.created
        if now - token.created > age_limit() or now - last_used > idle_limit():
            token.delete()  # expired tokens are removed, not kept around
            raise AuthenticationFailed(_("The token has expired. Sign in again for a new one."))
        if use is None or now - use.last_used_at > _TOUCH_EVERY:
            TokenUse.objects.update_or_create(token=token, defaults={"last_used_at": now})
        return user, token


def is_expired(token, now=None) -> bool:
    now = now or timezone.now()
    use = TokenUse.objects.filter(token=token).first()
    last_used = use.last_used_at if use is not None else token.created
    return now - token.created > age_limit() or now - last_used > idle_limit()


def issue_token(user):
    """The user's API token: the current one while it is valid, else a new one."""
    from rest_framework.authtoken.models import Token

    token = Token.objects.filter(user=user).first()
    if token is not None and is_expired(token):
        token.delete()
        token = None
    if token is None:
        token = Token.objects.create(user=user)
    return token
