"""The second factor (SECURITY.md: MFA for officers): TOTP with django-otp, recovery codes as a
static device, "remember this device" for at most 12 hours, and a logged reset by an
administrator. Officers, supervisors, national administrators and privacy officers must pass it
before any page (or an API token) is theirs; seekers and employers sign in with a password.
"""

from __future__ import annotations

from base64 import b32encode

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from placement.accounts.audit import audit
from placement.accounts.models import AuditEvent, User

RECOVERY_CODES = 10
REMEMBER_COOKIE = "ak_mfa_remember"
_REMEMBER_SALT = "placement.accounts.mfa.remember"
MAX_REMEMBER_SECONDS = 12 * 60 * 60  # "remember this device": twelve hours at most


def remember_seconds() -> int:
    return min(int(getattr(settings, "MFA_REMEMBER_SECONDS", MAX_REMEMBER_SECONDS)), 12 * 3600)


def is_enrolled(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def secret_of(device: TOTPDevice) -> str:
    """The key as the base32 text an authenticator app accepts when typed in."""
    return b32encode(device.bin_key).decode("ascii").rstrip("=")


@transaction.atomic
def start_enrolment(*, user: User) -> TOTPDevice:
    """The unconfirmed TOTP device the user is setting up (one at a time)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    return device


@transaction.atomic
def confirm_enrolment(*, user: User, device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm the device with a first code; return new recovery codes (shown once), or None."""
    if device.user_id != user.pk or device.confirmed or not device.verify_token(token):
        return None
    TOTPDevice.objects.filter(user=user, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = issue_recovery_codes(user=user)
    audit(actor=user, action=AuditEvent.Action.CREATE, obj=device, event="mfa_enrolled")
    return codes


def issue_recovery_codes(*, user: User) -> list[str]:
    """Ten single-use recovery codes, replacing any earlier ones."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="recovery", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def verify(*, user: User, token: str):
    """The device that accepts `token` (an authenticator code or a recovery code), or None."""
    token = "".join(token.split()).lower()
    if not token:
        return None
    for device in TOTPDevice.objects.filter(user=user, confirmed=True):
        if token.isdigit() and device.verify_token(token):
            return device
    for device in StaticDevice.objects.filter(user=user, confirmed=True):
        if device.verify_token(token):
            audit(actor=user, action=AuditEvent.Action.CHANGE, obj=device, event="recovery_code")
            return device
    return None


@transaction.atomic
def reset_second_factor(*, user: User, by: User) -> None:
    """An administrator removes a user's devices (a lost phone): the user enrols again at the
    next sign-in, and every session and API token of theirs ends. Logged."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    user.security_stamp += 1
    user.save(update_fields=["security_stamp"])
    from rest_framework.authtoken.models import Token

    Token.objects.filter(user=user).delete()
    audit(actor=by, action=AuditEvent.Action.CHANGE, obj=user, event="mfa_reset")


# --- Remember this device ------------------------------------------------------------------------
def remember_device(response: HttpResponse, *, user: User, device) -> None:
    """A signed cookie that passes the second factor on this browser for at most 12 hours."""
    value = signing.dumps(
        {"u": user.pk, "d": device.persistent_id, "s": user.security_stamp}, salt=_REMEMBER_SALT
    )
    response.set_cookie(
        REMEMBER_COOKIE,
        value,
        max_age=remember_seconds(),
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def login_from_remembered_device(request: HttpRequest) -> bool:
    """Pass the second factor from a valid "remember this device" cookie."""
    value = request.COOKIES.get(REMEMBER_COOKIE)
    if not value:
        return False
    try:
        data = signing.loads(value, salt=_REMEMBER_SALT, max_age=remember_seconds())
    except signing.BadSignature:
        return False
    user = request.user
    if data.get("u") != user.pk or data.get("s") != user.security_stamp:
        return False
    from django_otp.models import Device

    device = Device.from_persistent_id(str(data.get("d", "")), for_verify=False)
    if device is None or device.user_id != user.pk or not device.confirmed:
        return False
    otp_login(request, device)
    return True


def mark_verified(request: HttpRequest, device) -> None:
    otp_login(request, device)
