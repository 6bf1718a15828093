"""The employer's lifecycle: registration (with the first account), colleagues, verification or
rejection by an officer, company details."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from employers import rules
from employers.models import Employer, EmployerUser
from placement.accounts.audit import Via, audit
from placement.accounts.models import Role, User
from placement.notifications.services import notify, remember_language
from placement.offices.activity import record_activity
from placement.offices.models import Activity


class EmployerRefused(Exception):
    """An employer operation that the rules do not allow; the message is for the user."""

    def __init__(self, message: str, problems: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or {}


@transaction.atomic
def register_employer(
    *,
    name: str,
    nib: str | None,
    industry,
    ownership: str,
    address: str,
    regency,
    district=None,
    contact_name: str,
    contact_email: str,
    contact_phone: str,
    website: str = "",
    email: str,
    full_name: str,
    password: str,
    kind: str = Employer.Kind.COMPANY,
    identifier: str = "",
    language: str = "",
) -> Employer:
    """Register an employer and its first user, who becomes the employer's administrator.

    A company gives its NIB and type; a government body, foundation or household gives its own
    identifier and has the ownership of its kind (the III/8(b) row). `language` is the one the
    person is reading the site in: their e-mails are written in it until they choose otherwise.
    """
    nib = (nib or "").strip() or None
    ownership = Employer.KIND_OWNERSHIP.get(kind, ownership)
    problems = rules.identity_problems(kind, nib or "", identifier, ownership)
    if problems:
        raise EmployerRefused(next(iter(problems.values())), problems)
    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise EmployerRefused(_("An account with this e-mail address already exists."))
    if nib and Employer.objects.filter(nib=nib).exists():
        raise EmployerRefused(_("A company with this NIB is already registered."))
    user = User.objects.create_user(email, password, role=Role.EMPLOYER, full_name=full_name)
    remember_language(user=user, language=language)
    try:
        with transaction.atomic():
            employer = Employer.objects.create(
                kind=kind,
                name=name.strip(),
                nib=nib,
                identifier=identifier.strip() if kind != Employer.Kind.COMPANY else "",
                industry=industry,
                ownership=ownership,
                address=address.strip(),
                regency=regency,
                district=district,
                contact_name=contact_name.strip(),
                contact_email=contact_email.strip().lower(),
                contact_phone=contact_phone.strip(),
                website=website.strip(),
            )
    except IntegrityError as exc:  # two registrations of one NIB at the same moment
        raise EmployerRefused(_("A company with this NIB is already registered.")) from exc
    EmployerUser.objects.create(user=user, employer=employer, is_admin=True)
    audit(actor=user, action="create", obj=employer, event="registered")
    return employer


@transaction.atomic
def add_colleague(
    *, employer: Employer, by: User, email: str, full_name: str, is_admin: bool, base_url: str
) -> EmployerUser:
    """Add a colleague to the company and e-mail them a link to choose their password."""
    if not EmployerUser.objects.filter(employer=employer, user=by, is_admin=True).exists():
        raise EmployerRefused(_("Only the company's administrators can add colleagues."))
    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise EmployerRefused(_("This e-mail address already has an account; use another address."))
    user = User.objects.create_user(email, None, role=Role.EMPLOYER, full_name=full_name.strip())
    membership = EmployerUser.objects.create(user=user, employer=employer, is_admin=is_admin)
    audit(actor=by, action="create", obj=membership, event="colleague_added")
    link = base_url.rstrip("/") + reverse(
        "accounts:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    context = {"employer": employer, "by": by, "user": user, "link": link}
    subject = _("You have been added to %(company)s on AntarKerja") % {"company": employer.name}
    body = render_to_string("employers/email_invitation.txt", context)
    transaction.on_commit(
        lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
    )
    return membership


@transaction.atomic
def remove_colleague(*, membership: EmployerUser, by: User) -> None:
    """Take a colleague's access away (the account is deactivated, the history stays)."""
    employer = membership.employer
    if not EmployerUser.objects.filter(employer=employer, user=by, is_admin=True).exists():
        raise EmployerRefused(_("Only the company's administrators can remove colleagues."))
    if membership.user_id == by.pk:
        raise EmployerRefused(_("You cannot remove yourself."))
    user = membership.user
    user.is_active = False
    user.save(update_fields=["is_active"])
    audit(actor=by, action="change", obj=membership, event="colleague_removed")


@transaction.atomic
def verify_employer(*, employer: Employer, by: User, via: Via = "web") -> Employer:
    """An officer confirms the company is real: it may now publish vacancies (logged as the
    officer's verification work)."""
    employer = Employer.objects.select_for_update().get(pk=employer.pk)
    if employer.status == Employer.Status.VERIFIED:
        raise EmployerRefused(_("This company is already verified."))
    employer.status = Employer.Status.VERIFIED
    employer.status_reason = ""
    employer.verified_by = by
    employer.verified_at = timezone.now()
    employer.save(update_fields=["status", "status_reason", "verified_by", "verified_at"])
    audit(actor=by, action="change", obj=employer, event="verified", via=via)
    record_activity(
        user=by, kind=Activity.Kind.EMPLOYER_VERIFIED, subject=employer, decision="verify"
    )
    notify(
        users=company_users(employer),
        event="employer.verified",
        key=f"{employer.pk}:{employer.verified_at:%Y%m%d%H%M%S}",
        context={"company": employer.name},
        link=reverse("employers:portal"),
    )
    return employer


def company_users(employer: Employer) -> list[User]:
    """The active users who act for `employer` (whom its notices go to)."""
    return list(User.objects.filter(employer_membership__employer=employer, is_active=True))


@transaction.atomic
def reject_employer(*, employer: Employer, by: User, reason: str, via: Via = "web") -> Employer:
    """An officer refuses the registration, with the reason the company will read (the check
    is verification work too)."""
    reason = reason.strip()
    if not reason:
        raise EmployerRefused(_("Give the reason, so the company knows what to correct."))
    employer = Employer.objects.select_for_update().get(pk=employer.pk)
    employer.status = Employer.Status.REJECTED
    employer.status_reason = reason[:255]
    employer.verified_by = by
    employer.verified_at = timezone.now()
    employer.save(update_fields=["status", "status_reason", "verified_by", "verified_at"])
    audit(actor=by, action="change", obj=employer, event="rejected", via=via)
    record_activity(
        user=by, kind=Activity.Kind.EMPLOYER_VERIFIED, subject=employer, decision="reject"
    )
    notify(
        users=company_users(employer),
        event="employer.rejected",
        key=f"{employer.pk}:{employer.verified_at:%Y%m%d%H%M%S}",
        context={"company": employer.name, "reason": employer.status_reason},
        link=reverse("employers:company"),
    )
    return employer


# What the company may correct itself (the NIB and the kind stay as registered).
DETAILS_FIELDS = (
    "name",
    "industry",
    "ownership",
    "address",
    "regency",
    "district",
    "contact_name",
    "contact_email",
    "contact_phone",
    "website",
)


@transaction.atomic
def update_employer(*, employer: Employer, by: User, fields: dict) -> Employer:
    """The company corrects its details; a rejected company goes back to the officers' queue."""
    changed = []
    for name, value in fields.items():
        if name in DETAILS_FIELDS and getattr(employer, name) != value:
            setattr(employer, name, value)
            changed.append(name)
    if employer.status == Employer.Status.REJECTED:
        employer.status = Employer.Status.PENDING
        changed.append("status")
    if changed:
        employer.save(update_fields=[*changed, "updated_at"])
        audit(actor=by, action="change", obj=employer, fields=sorted(changed))
    return employer
