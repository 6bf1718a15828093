"""The one-time code that lets a person registered at the counter take over an online account:
made, printed once, stored only as a hash, sent by e-mail when there is one, and claimed with the
NIK (wrong codes counted; the answer never says whether a NIK is registered)."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.contrib.auth.hashers import check_password, make_password
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jobseekers.models import JobSeeker
from jobseekers.services.rules import EMAIL_TAKEN, ServiceError
from placement.accounts.audit import Via, audit
from placement.accounts.models import AuditEvent, Role, User

Action = AuditEvent.Action
CLAIM_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud, typed
CLAIM_CODE_LENGTH = 10
CLAIM_CODE_DAYS = 90
CLAIM_MAX_ATTEMPTS = 5
CLAIM_REFUSED = _(
    "The NIK and the code do not match a registration waiting to be claimed. Check the code on "
    "your slip; after five wrong codes ask your Disnaker for a new one."
)


def new_claim_code() -> str:
    return "".join(secrets.choice(CLAIM_CODE_ALPHABET) for _i in range(CLAIM_CODE_LENGTH))


def format_claim_code(code: str) -> str:
    """`ABCDE-FGHJK`: easier to read aloud and to copy from paper."""
    return f"{code[:5]}-{code[5:]}"


def set_claim_code(seeker: JobSeeker) -> str:
    code = new_claim_code()
    seeker.claim_code_hash = make_password(code)
    seeker.claim_code_expires = timezone.now() + timedelta(days=CLAIM_CODE_DAYS)
    seeker.claim_attempts = 0
    return code


def send_claim_code(email: str, name: str, code: str) -> None:
    subject = str(_("AntarKerja: your code to open your online account"))
    body = str(
        _(
            "Hello %(name)s,\n\nYou registered as a job seeker at the Disnaker counter. To see "
            "your registration, card and vacancies online, open AntarKerja, choose “I "
            "registered at the counter” and enter your NIK and this code: %(code)s\n\n"
            "The code works once and for %(days)s days."
        )
        % {"name": name, "code": format_claim_code(code), "days": CLAIM_CODE_DAYS}
    )
    send_mail(subject, body, None, [email], fail_silently=True)


def claim_account(*, nik: str, code: str, email: str, password: str, via: Via = "web") -> User:
    """The seeker takes over their counter registration online: NIK + one-time code -> an
    account. Wrong codes count; after five the code is dead (the officer issues a new one). The
    answer does not say whether the NIK is registered."""
    code = code.replace("-", "").replace(" ", "").upper()
    email = email.strip().lower()
    with transaction.atomic():
        seeker = (
            JobSeeker.objects.select_for_update()
            .filter(nik=nik, user__isnull=True, merged_into__isnull=True)
            .exclude(status=JobSeeker.Status.REJECTED)
            .exclude(claim_code_hash="")
            .first()
        )
        usable = (
            seeker is not None
            and seeker.claim_attempts < CLAIM_MAX_ATTEMPTS
            and seeker.claim_code_expires is not None
            and seeker.claim_code_expires > timezone.now()
        )
        if usable and check_password(code, seeker.claim_code_hash):
            if User.objects.filter(email__iexact=email).exists():
                raise ServiceError({"email": [EMAIL_TAKEN]})
            user = User.objects.create_user(
                email, password, role=Role.SEEKER, full_name=seeker.full_name
            )
            seeker.user = user
            seeker.claim_code_hash = ""
            seeker.claim_code_expires = None
            seeker.claim_attempts = 0
            seeker.save(
                update_fields=[
                    "user",
                    "claim_code_hash",
                    "claim_code_expires",
                    "claim_attempts",
                    "updated_at",
                ]
            )
            audit(actor=user, action=Action.CHANGE, obj=seeker, event="account_claimed", via=via)
            return user
    if seeker is not None:  # outside the rolled-back block: the wrong try is remembered
        JobSeeker.objects.filter(pk=seeker.pk).update(claim_attempts=seeker.claim_attempts + 1)
    raise ServiceError({"code": [CLAIM_REFUSED]}, code="claim_refused")
