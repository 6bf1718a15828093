"""Referrals (perantaraan): an officer sends a seeker to an employer with a referral letter.

Statuses and who moves them:

    proposed -> referred                     (the officer issues the letter; the employer is told
                                              in its portal and by e-mail)
    referred -> interviewed -> hired | rejected (with a reason code)
                                             (the employer in its portal, or the officer for it)
    proposed | referred | interviewed -> withdrawn   (the officer: the seeker is no longer a
                                                      candidate)

"Hired" records the placement (placements.record_placement); when it cannot be recorded the
referral keeps its status.

Rules on who may be referred: an active seeker, an open vacancy, one live referral per pair; the
under-18 rule (placement/migrants/rules.py) and work abroad refuse. A required credential the
seeker lacks (a SIM class, a BNSP scheme, a language level: placement/taxonomy/credential_checks.py)
does not refuse: the employer may still want to meet the person (a licence being renewed, a test
booked), so the officer is warned and refers with a reason; the warning and the reason are kept on
the referral and in the audit trail.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from employers.models import EmployerUser, Vacancy
from employers.services import company_users
from jobseekers.models import JobSeeker
from placement.accounts.audit import Via, audit
from placement.accounts.models import Role, User
from placement.migrants.rules import minor_refusal
from placement.migrants.services import cpmi_missing
from placement.notifications.services import notify
from placement.offices.activity import note_contact, officer_of, record_activity
from placement.offices.models import Activity
from placement.pipeline.models import Placement, Referral
from placement.pipeline.services.placements import PlacementRefused, record_placement
from placement.taxonomy.credential_checks import requirement_checks

Status = Referral.Status
MAX_NOTE = 1000
MAX_OUTCOME_NOTE = 500

# Where each side may move a referral from each status.
OFFICER_TRANSITIONS: dict[str, frozenset[str]] = {
    Status.PROPOSED: frozenset({Status.REFERRED, Status.WITHDRAWN}),
    Status.REFERRED: frozenset(
        {Status.INTERVIEWED, Status.HIRED, Status.REJECTED, Status.WITHDRAWN}
    ),
    Status.INTERVIEWED: frozenset({Status.HIRED, Status.REJECTED, Status.WITHDRAWN}),
}
EMPLOYER_TRANSITIONS: dict[str, frozenset[str]] = {
    Status.REFERRED: frozenset({Status.INTERVIEWED, Status.HIRED, Status.REJECTED}),
    Status.INTERVIEWED: frozenset({Status.HIRED, Status.REJECTED}),
}
OUTCOMES = (Status.INTERVIEWED, Status.HIRED, Status.REJECTED, Status.WITHDRAWN)


class ReferralRefused(Exception):
    """A referral step the rules do not allow; `field` names the input it is about, if any."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class CredentialsMissing(ReferralRefused):
    """The seeker lacks a credential the vacancy requires: the officer may refer with a reason."""

    def __init__(self, warning: str) -> None:
        super().__init__(
            _("%(warning)s Give a reason to refer anyway.") % {"warning": warning},
            field="credential_reason",
        )
        self.warning = warning


def credential_warning(seeker: JobSeeker, vacancy: Vacancy) -> str:
    """'' when the seeker holds every credential the vacancy requires, else what is missing."""
    return " ".join(
        text for ok, text in requirement_checks(seeker, vacancy, audience="officer") if not ok
    )


def transitions_for(user: User) -> dict[str, frozenset[str]]:
    return EMPLOYER_TRANSITIONS if user.role == Role.EMPLOYER else OFFICER_TRANSITIONS


def allowed_outcomes(referral: Referral, user: User) -> list[str]:
    """The statuses `user` may set on `referral` now (letter issuing excluded)."""
    allowed = transitions_for(user).get(referral.status, frozenset())
    return [value for value in OUTCOMES if value in allowed]


def can_refer(seeker: JobSeeker, vacancy: Vacancy) -> str:
    """'' when `seeker` may be referred to `vacancy`, else the reason."""
    if seeker.status != JobSeeker.Status.ACTIVE:
        return _("Only a seeker with an active AK/I card can be referred.")
    if not vacancy.is_referable:
        return _("The vacancy is not open any more.")
    live = Referral.objects.filter(seeker=seeker, vacancy=vacancy).exclude(
        status__in=[Status.WITHDRAWN, Status.REJECTED]
    )
    if live.exists():
        return _("%(name)s is already referred to this vacancy.") % {"name": seeker.full_name}
    return minor_refusal(seeker, vacancy) or overseas_refusal(seeker, vacancy)


def overseas_refusal(seeker: JobSeeker, vacancy: Vacancy, *, holding: int = 0) -> str:
    """'' unless the vacancy is abroad and the seeker may not go, or its SIP2MI has no place.

    UU 18/2017: a migrant worker is 18 or over; each live referral holds one place of the job
    order's quota until it ends (hired: the placement uses the place; rejected or withdrawn:
    freed). `holding` is how many live referrals the caller already counts among them.
    """
    if not vacancy.is_overseas:
        return ""
    refusal = minor_refusal(seeker, vacancy)
    if refusal:
        return refusal
    missing = cpmi_missing(seeker)
    if missing:
        return _("The CPMI checklist of %(name)s is not complete: %(missing)s.") % {
            "name": seeker.full_name,
            "missing": ", ".join(str(label) for label in missing),
        }
    job_order = vacancy.job_order
    if job_order is None:
        return ""
    live = Referral.objects.open().filter(vacancy__job_order=job_order).count() - holding
    if job_order.quota_used + live >= job_order.quota:
        return _(
            "The quota of SIP2MI %(number)s is taken: %(used)s placed and %(live)s referred "
            "of %(quota)s places."
        ) % {
            "number": job_order.number,
            "used": job_order.quota_used,
            "live": live,
            "quota": job_order.quota,
        }
    return ""


def _officer_or_refuse(user: User):
    officer = officer_of(user)
    if officer is None:
        raise ReferralRefused(_("Only an officer of a manpower office can refer job seekers."))
    return officer


def _notify_soon(referral: Referral, base_url: str) -> None:
    # Celery cycle: the tasks module imports these services.
    from placement.pipeline.tasks import notify_employer_of_referral

    transaction.on_commit(lambda: notify_employer_of_referral.delay(referral.pk, base_url))
    seeker, vacancy = referral.seeker, referral.vacancy
    values = {"title": vacancy.title, "employer": vacancy.employer.name}
    notify(
        users=[seeker.user],
        event="seeker.referred",
        key=str(referral.pk),
        context=values,
        link=reverse("pipeline:referral_letter", args=[referral.pk]),
    )
    notify(
        users=company_users(vacancy.employer),
        event="employer.candidate_referred",
        key=str(referral.pk),
        context={**values, "name": seeker.full_name, "number": seeker.ak1_number},
        link=reverse("employers:referral_detail", args=[referral.pk]),
    )


@transaction.atomic
def refer_jobseeker(
    *,
    seeker: JobSeeker,
    vacancy: Vacancy,
    by: User,
    send: bool = True,
    source: str = Referral.Source.CASE_FILE,
    note: str = "",
    match_score: float | None = None,
    base_url: str = "",
    via: Via = "web",
    credential_reason: str = "",
) -> Referral:
    """Refer a seeker to an open vacancy (or only propose them: `send=False`).

    A required credential the seeker lacks raises CredentialsMissing unless `credential_reason`
    says why the officer refers anyway."""
    officer = _officer_or_refuse(by)
    reason = can_refer(seeker, vacancy)
    if reason:
        raise ReferralRefused(reason)
    warning = credential_warning(seeker, vacancy)
    credential_reason = (credential_reason or "").strip()[:MAX_NOTE] if warning else ""
    if warning and not credential_reason:
        raise CredentialsMissing(warning)
    if source not in Referral.Source.values:
        source = Referral.Source.CASE_FILE
    now = timezone.now()
    try:
        with transaction.atomic():
            referral = Referral.objects.create(
                seeker=seeker,
                vacancy=vacancy,
                office=officer.office,
                status=Status.REFERRED if send else Status.PROPOSED,
                source=source,
                match_score=match_score,
                note=(note or "").strip()[:MAX_NOTE],
                proposed_by=by,
                referred_by=by if send else None,
                referred_at=now if send else None,
                credential_warning=warning,
                credential_reason=credential_reason,
            )
    except IntegrityError as exc:  # two clicks at once
        raise ReferralRefused(
            _("%(name)s is already referred to this vacancy.") % {"name": seeker.full_name}
        ) from exc
    audit(
        actor=by,
        action="create",
        obj=referral,
        seeker=seeker.pk,
        status=referral.status,
        via=via,
        **(
            {"credential_warning": warning, "credential_reason": credential_reason}
            if warning
            else {}
        ),
    )
    note_contact(seeker=seeker, kind="referral", user=by)
    if send:
        record_activity(user=by, kind=Activity.Kind.REFERRAL, subject=referral, source=source)
        _notify_soon(referral, base_url)
    return referral


@transaction.atomic
def send_referral(
    *, referral: Referral, by: User, base_url: str = "", via: Via = "web"
) -> Referral:
    """Issue the letter of a proposed referral: it becomes "referred" and the employer is told."""
    _officer_or_refuse(by)
    referral = (
        Referral.objects.select_for_update(of=("self",))
        .select_related("seeker", "vacancy")
        .get(pk=referral.pk)
    )
    if referral.status != Status.PROPOSED:
        raise ReferralRefused(_("The letter of this referral has already been issued."))
    reason = (
        ""
        if referral.seeker.status == JobSeeker.Status.ACTIVE
        else _("Only a seeker with an active AK/I card can be referred.")
    )
    if not reason and not referral.vacancy.is_referable:
        reason = _("The vacancy is not open any more.")
    if not reason:
        # A proposal already holds its place of the quota.
        reason = overseas_refusal(referral.seeker, referral.vacancy, holding=1)
    if reason:
        raise ReferralRefused(reason)
    referral.status = Status.REFERRED
    referral.referred_by = by
    referral.referred_at = timezone.now()
    referral.save(update_fields=["status", "referred_by", "referred_at", "updated_at"])
    audit(actor=by, action="change", obj=referral, status=Status.REFERRED, via=via)
    record_activity(user=by, kind=Activity.Kind.REFERRAL, subject=referral, source=referral.source)
    note_contact(seeker=referral.seeker, kind="referral", user=by)
    _notify_soon(referral, base_url)
    return referral


@transaction.atomic
def record_referral_outcome(
    *,
    referral: Referral,
    status: str,
    by: User,
    reason: str = "",
    note: str = "",
    on: date | None = None,
    via: Via = "web",
) -> Referral:
    """The employer (or the officer for it) records what happened: interviewed, hired, not
    selected (with a reason code); the officer may also withdraw the candidate."""
    referral = (
        Referral.objects.select_for_update(of=("self",))
        .select_related("seeker", "vacancy", "office")
        .get(pk=referral.pk)
    )
    if status not in transitions_for(by).get(referral.status, frozenset()):
        raise ReferralRefused(
            _("A referral that is “%(current)s” cannot become “%(new)s”.")
            % {
                "current": referral.get_status_display(),
                "new": dict(Status.choices).get(status, status),
            },
            field="status",
        )
    today = timezone.localdate()
    on = on or today
    # Only a hire may carry a later date: the first working day (the decision is today).
    if on > today and status != Status.HIRED:
        raise ReferralRefused(_("The date cannot be in the future."), field="on")
    note = (note or "").strip()[:MAX_OUTCOME_NOTE]
    if status == Status.REJECTED:
        if reason not in Referral.RejectionReason.values:
            raise ReferralRefused(_("Choose the reason the candidate was not selected."), "reason")
        if reason == Referral.RejectionReason.OTHER and not note:
            raise ReferralRefused(_("Write the reason in the note."), field="note")
    is_employer = by.role == Role.EMPLOYER
    if status == Status.HIRED:
        try:
            record_placement(
                seeker=referral.seeker,
                vacancy=referral.vacancy,
                referral=referral,
                by=by,
                placed_on=on,
                reported_by=Placement.ReportedBy.EMPLOYER
                if is_employer
                else Placement.ReportedBy.OFFICE,
                via=via,
            )
        except PlacementRefused as refused:
            raise ReferralRefused(str(refused), field="on") from refused
    previous = referral.status
    referral.status = status
    referral.outcome_on = min(on, today)
    referral.outcome_by = by
    referral.outcome_note = note
    referral.rejection_reason = reason if status == Status.REJECTED else ""
    if status == Status.INTERVIEWED:
        referral.interviewed_on = on
    referral.save(
        update_fields=[
            "status",
            "outcome_on",
            "outcome_by",
            "outcome_note",
            "rejection_reason",
            "interviewed_on",
            "updated_at",
        ]
    )
    audit(actor=by, action="change", obj=referral, status=status, previous=previous, via=via)
    if status != Status.WITHDRAWN:
        notify(
            users=[referral.seeker.user],
            event="seeker.outcome",
            key=f"{referral.pk}:{status}",
            context={
                "title": referral.vacancy.title,
                "employer": referral.vacancy.employer.name,
                "status": Status(status).label,  # lazy: in the seeker's language
            },
            link=reverse("pipeline:mine"),
        )
    note_contact(seeker=referral.seeker, kind="referral_outcome", user=by, on=min(on, today))
    return referral


def employer_recipients(referral: Referral) -> list[str]:
    """Who at the company hears of a referral: its users and the contact address."""
    emails = list(
        EmployerUser.objects.filter(
            employer_id=referral.vacancy.employer_id, user__is_active=True
        ).values_list("user__email", flat=True)
    )
    contact = referral.vacancy.employer.contact_email
    if contact and contact not in emails:
        emails.append(contact)
    return emails


def notify_employer(*, referral: Referral, base_url: str = "") -> int:
    """E-mail the employer that a candidate was referred (never the NIK or disability)."""
    referral = Referral.objects.select_related(
        "seeker", "seeker__education_level", "vacancy", "vacancy__employer", "office"
    ).get(pk=referral.pk)
    if referral.status == Status.PROPOSED or referral.notified_at is not None:
        return 0
    recipients = employer_recipients(referral)
    if not recipients:
        return 0
    base = (base_url or "").rstrip("/")
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "referral": referral,
            "link": base + reverse("employers:referral_detail", args=[referral.pk]),
        }
        subject = _("A candidate referred by %(office)s: %(title)s") % {
            "office": referral.office.name,
            "title": referral.vacancy.title,
        }
        body = render_to_string("pipeline/email_referral.txt", context)
    sent = send_mail(subject, body, None, recipients)
    Referral.objects.filter(pk=referral.pk).update(notified_at=timezone.now())
    return sent
