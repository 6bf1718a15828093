"""The registration desk as a Disnaker runs it: walk-in registration at the counter, returning or
rejecting a registration, removal with a reason, reissuing a lost card, merging a duplicate
person, and the one-time code that lets a walk-in seeker take over an online account.

Every state change here is one function and one transaction: the record, its ledger event, the
audit entry (with `via`) and the officer's activity are written together or not at all.

Ledger events and their IPK effect (placement/reports/ipk.py counts only registered, reactivated,
placed and removed):

- walk-in registration: none until verification (`seeker_registered`, as online);
- return (`seeker_returned`) and rejection (`seeker_rejected`): no flow, the registration never
  entered the stock;
- removal (`seeker_removed`, `detail.reason`): every reason is the "dihapuskan" outflow, III/1
  column 4 (REMOVAL_OUTFLOW); a job with its details is recorded as a placement instead, which is
  the "ditempatkan" outflow;
- card reissue (`seeker_card_reissued`): no flow, the same number stays in the stock;
- merge: the kept record gets `seeker_merged` (no flow); the duplicate leaves the stock once with
  `seeker_removed` (reason duplicate) if it was in it, else `seeker_rejected`. Both records keep
  their own events, so the two histories stay in the ledger.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth.hashers import check_password, make_password
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jobseekers.models import Education, JobSeeker
from jobseekers.nik import parse_nik
from jobseekers.services.checks import compute_warnings, normalise_name
from jobseekers.services.lifecycle import _office_of
from jobseekers.services.registration import (
    EMAIL_TAKEN,
    _holder_of,
    _refresh_derived,
    _set_preferred_occupations,
    give_consent,
    missing_for_submission,
)
from jobseekers.services.rules import NIK_TAKEN, ServiceError, locked, today_or
from placement.accounts.audit import Via, audit
from placement.accounts.models import AuditEvent, Role, User
from placement.accounts.scope import region_scope
from placement.ledger import services as ledger
from placement.ledger.models import EventKind
from placement.notifications.services import notify
from placement.offices.activity import note_contact, record_activity
from placement.offices.models import Activity

Action = AuditEvent.Action
Reason = JobSeeker.RemovalReason

# IPK outflow of each removal reason (DOMAIN.md section 2: "placed (3) + removed (4) = B").
REMOVAL_OUTFLOW: dict[str, str] = dict.fromkeys(Reason.values, "removed")
# The reasons an officer gives by hand; the nightly job alone sets "expired" (a date decides it).
MANUAL_REMOVAL_REASONS = (
    Reason.ON_REQUEST,
    Reason.DEATH,
    Reason.MOVED_AWAY,
    Reason.DUPLICATE,
    Reason.FOUND_WORK,
    Reason.MISSED_REPORT,
)
REISSUE_REASONS = {"lost": _("Lost"), "damaged": _("Damaged")}
MIN_AGE = 15
CLAIM_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud, typed
CLAIM_CODE_LENGTH = 10
CLAIM_CODE_DAYS = 90
CLAIM_MAX_ATTEMPTS = 5
CLAIM_REFUSED = _(
    "The NIK and the code do not match a registration waiting to be claimed. Check the code on "
    "your slip; after five wrong codes ask your Disnaker for a new one."
)


def _officer_activity(officer: User, seeker: JobSeeker, event: str, **evidence: object) -> None:
    record_activity(
        user=officer, kind=Activity.Kind.SEEKER_UPDATED, subject=seeker, event=event, **evidence
    )
    note_contact(seeker=seeker, kind=event, user=officer)


def _desk_event(seeker: JobSeeker, kind: str, office, on: date, **detail: object) -> None:
    """A ledger event about a registration; before verification the deciding office is its own."""
    fields: dict[str, object] = {"detail": detail}
    if seeker.office_id is None and office is not None:
        fields["office_id"] = office.pk
    ledger.record_seeker_event(seeker, kind, on, **fields)


# --- Walk-in registration ------------------------------------------------------------------------
@dataclass(frozen=True)
class WalkIn:
    """What the officer enters at the counter (the same answers as the online steps)."""

    full_name: str
    nik: str
    birth_place: str
    marital_status: str
    religion: str
    ktp_address: str
    ktp_regency: object
    address: str
    regency: object
    district: object | None
    category: str
    education: dict
    preferred_occupations: tuple = ()
    documents: tuple[str, ...] = ()
    # The person and the KTP agree with the sex and date of birth the NIK gives...
    identity_confirmed: bool = True
    # ...or not: what the KTP says instead, and why (the NIK is permanent, DOMAIN.md section 3).
    stated_sex: str = ""
    stated_birth_date: date | None = None
    identity_note: str = ""
    postcode: str = ""
    phone: str = ""
    email: str = ""
    relocation: str = JobSeeker.Relocation.REGENCY
    consent_version: str = ""


def derived_identity(nik: str) -> tuple[str, date]:
    """Sex and date of birth as the NIK gives them (raises ValidationError on a bad NIK)."""
    parsed = parse_nik(nik)
    return parsed.sex, parsed.birth_date


def _identity(entry: WalkIn, today: date) -> tuple[str, date, str]:
    return confirmed_identity(
        nik=entry.nik,
        confirmed=entry.identity_confirmed,
        stated_sex=entry.stated_sex,
        stated_birth_date=entry.stated_birth_date,
        note=entry.identity_note,
        today=today,
    )


def confirmed_identity(
    *,
    nik: str,
    confirmed: bool,
    stated_sex: str = "",
    stated_birth_date: date | None = None,
    note: str = "",
    today: date | None = None,
) -> tuple[str, date, str]:
    """The sex and birth date to store (the NIK's, or the KTP's with a reason when the person
    and the KTP disagree with the NIK) and that reason; errors name the field. The one rule the
    counter form and the service both apply."""
    today = today or timezone.localdate()
    note = (note or "").strip()
    try:
        nik_sex, nik_born = derived_identity(nik)
    except ValidationError as error:
        raise ServiceError({"nik": error.messages}) from None
    if confirmed:
        sex, born, note = nik_sex, nik_born, ""
    else:
        errors: dict[str, list] = {}
        if not note:
            errors["identity_note"] = [_("Say why the KTP or the person differs from the NIK.")]
        if not stated_sex:
            errors["stated_sex"] = [_("Choose the sex the KTP gives.")]
        if stated_birth_date is None:
            errors["stated_birth_date"] = [_("Enter the date of birth the KTP gives.")]
        if not errors and stated_sex == nik_sex and stated_birth_date == nik_born:
            errors["identity_confirmed"] = [
                _("These agree with the NIK: choose that the NIK is right.")
            ]
        if errors:
            raise ServiceError(errors)
        sex, born = stated_sex, stated_birth_date
    age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    if born > today or age < MIN_AGE:
        field = "nik" if confirmed else "stated_birth_date"
        raise ServiceError(
            {field: [_("A job seeker must be at least 15 years old (this person is younger).")]}
        )
    return sex, born, note


def _check_documents(documents) -> list[str]:
    unknown = set(documents) - set(JobSeeker.Document.values)
    if unknown:
        raise ServiceError({"documents": [_("Choose documents from the list.")]})
    if JobSeeker.Document.KTP not in documents:
        raise ServiceError({"documents": [_("Registration needs the KTP: tick it once seen.")]})
    return [d for d in JobSeeker.Document.values if d in documents]


def new_claim_code() -> str:
    return "".join(secrets.choice(CLAIM_CODE_ALPHABET) for _i in range(CLAIM_CODE_LENGTH))


def format_claim_code(code: str) -> str:
    """`ABCDE-FGHJK`: easier to read aloud and to copy from paper."""
    return f"{code[:5]}-{code[5:]}"


def _set_claim_code(seeker: JobSeeker) -> str:
    code = new_claim_code()
    seeker.claim_code_hash = make_password(code)
    seeker.claim_code_expires = timezone.now() + timedelta(days=CLAIM_CODE_DAYS)
    seeker.claim_attempts = 0
    return code


@transaction.atomic
def register_walk_in(*, officer: User, entry: WalkIn, via: Via = "web") -> tuple[JobSeeker, str]:
    """Register a person at the counter (KTP in hand, e-mail and phone optional): the record is
    sent for verification at once. Returns the record and the one-time claim code (shown once,
    printed on the slip; stored only as a hash)."""
    office = _office_of(officer)
    today = timezone.localdate()
    sex, born, note = _identity(entry, today)
    nik = parse_nik(entry.nik).nik
    errors: dict[str, list] = {}
    if not region_scope(officer).contains_regency(entry.regency.pk):
        errors["regency"] = [
            _(
                "The person lives outside your office's region: they register at the office "
                "where they live or where their KTP is."
            )
        ]
    if entry.district is not None and entry.district.regency_id != entry.regency.pk:
        errors["district"] = [_("Choose a district of the chosen regency/city.")]
    email = entry.email.strip().lower()
    if email and User.objects.filter(email__iexact=email).exists():
        errors["email"] = [EMAIL_TAKEN]
    if errors:
        raise ServiceError(errors)
    documents = _check_documents(entry.documents)
    seeker = JobSeeker(
        channel=JobSeeker.Channel.COUNTER,
        registered_by=officer,
        full_name=normalise_name(entry.full_name),
        birth_place=entry.birth_place.strip(),
        birth_date=born,
        sex=sex,
        identity_note=note,
        marital_status=entry.marital_status,
        religion=entry.religion,
        ktp_address=entry.ktp_address.strip(),
        ktp_regency=entry.ktp_regency,
        address=entry.address.strip(),
        regency=entry.regency,
        district=entry.district,
        postcode=entry.postcode,
        phone=entry.phone,
        category=entry.category,
        relocation=entry.relocation,
        documents_seen=documents,
        steps_done=["identity", "contact", "education", "preferences", "category"],
    )
    if _holder_of(nik, seeker) is not None:
        raise ServiceError({"nik": [NIK_TAKEN]})
    seeker.nik = nik
    code = _set_claim_code(seeker)
    seeker.save()
    Education.objects.create(seeker=seeker, **entry.education)
    _refresh_derived(seeker)
    _set_preferred_occupations(seeker, list(entry.preferred_occupations))
    missing = missing_for_submission(seeker)
    if missing:
        raise ServiceError(
            _("Some answers are still missing: %(steps)s.") % {"steps": ", ".join(missing)}
        )
    give_consent(seeker=seeker, actor=officer, version=entry.consent_version)
    seeker.status = JobSeeker.Status.SUBMITTED
    seeker.submitted_at = timezone.now()
    seeker.warnings = compute_warnings(seeker)
    seeker.save()
    audit(
        actor=officer,
        action=Action.CREATE,
        obj=seeker,
        event="registered_at_counter",
        documents=documents,
        office=office.code,
        via=via,
    )
    _officer_activity(officer, seeker, "registered_at_counter")
    if email:
        transaction.on_commit(lambda: _send_claim_code(email, seeker.full_name, code))
    return seeker, code


def _send_claim_code(email: str, name: str, code: str) -> None:
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


@transaction.atomic
def issue_claim_code(*, seeker: JobSeeker, officer: User, via: Via = "web") -> str:
    """A new one-time code for a seeker without an online account (the old one stops working)."""
    _office_of(officer)
    seeker = locked(seeker)
    if seeker.user_id is not None:
        raise ServiceError(_("This person already has an online account."), code="has_account")
    if seeker.status == JobSeeker.Status.REJECTED or seeker.merged_into_id:
        raise ServiceError(_("This registration is closed."), code="state")
    code = _set_claim_code(seeker)
    seeker.save(update_fields=["claim_code_hash", "claim_code_expires", "claim_attempts"])
    audit(actor=officer, action=Action.CHANGE, obj=seeker, event="claim_code_issued", via=via)
    _officer_activity(officer, seeker, "claim_code_issued")
    return code


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


# --- Completing a returned counter registration --------------------------------------------------
@transaction.atomic
def complete_at_counter(
    *,
    seeker: JobSeeker,
    officer: User,
    documents,
    education: dict | None = None,
    via: Via = "web",
) -> JobSeeker:
    """The person came back with what was missing: the officer ticks the documents now seen,
    adds an education row if needed, and sends the registration for verification again."""
    _office_of(officer)
    seeker = locked(seeker)
    if seeker.status != JobSeeker.Status.RETURNED:
        raise ServiceError(_("Only a returned registration is completed here."), code="state")
    seeker.documents_seen = _check_documents(documents)
    if education:
        Education.objects.create(seeker=seeker, **education)
        _refresh_derived(seeker)
    missing = missing_for_submission(seeker)
    if missing:
        raise ServiceError(
            _("Some answers are still missing: %(steps)s.") % {"steps": ", ".join(missing)}
        )
    seeker.status = JobSeeker.Status.SUBMITTED
    seeker.submitted_at = timezone.now()
    seeker.warnings = compute_warnings(seeker)
    seeker.save()
    audit(
        actor=officer,
        action=Action.CHANGE,
        obj=seeker,
        event="resubmitted",
        documents=seeker.documents_seen,
        via=via,
    )
    _officer_activity(officer, seeker, "resubmitted")
    return seeker


# --- Return and reject ---------------------------------------------------------------------------
def _reason_text(reason: str, field: str = "reason") -> str:
    reason = " ".join((reason or "").split())
    if not reason:
        raise ServiceError({field: [_("Give the reason: the person reads it.")]})
    if len(reason) > 500:
        raise ServiceError({field: [_("Keep the reason under 500 characters.")]})
    return reason


@transaction.atomic
def return_registration(
    *, seeker: JobSeeker, officer: User, reason: str, via: Via = "web", on: date | None = None
) -> JobSeeker:
    """Send a registration back to the seeker with what to fix (they change it and send again)."""
    office = _office_of(officer)
    reason = _reason_text(reason)
    seeker = locked(seeker)
    if seeker.status != JobSeeker.Status.SUBMITTED:
        raise ServiceError(_("This registration is not waiting for verification."), code="state")
    on = today_or(on)
    seeker.status = JobSeeker.Status.RETURNED
    seeker.return_reason = reason
    seeker.save(update_fields=["status", "return_reason", "updated_at"])
    _desk_event(seeker, EventKind.SEEKER_RETURNED, office, on, reason=reason)
    audit(actor=officer, action=Action.CHANGE, obj=seeker, event="returned", via=via)
    _officer_activity(officer, seeker, "returned")
    returned_count = AuditEvent.objects.filter(
        object_type=JobSeeker._meta.label_lower, object_id=str(seeker.pk), detail__event="returned"
    ).count()
    notify(
        users=[seeker.user],
        event="seeker.registration_returned",
        key=f"{seeker.pk}:{returned_count}",
        context={"reason": reason},
        link="/seeker/register/check/",
    )
    return seeker


@transaction.atomic
def reject_registration(
    *,
    seeker: JobSeeker,
    officer: User,
    reason: str,
    note: str = "",
    via: Via = "web",
    on: date | None = None,
) -> JobSeeker:
    """Do not accept a registration (with a reason code). The NIK is free for a new one."""
    office = _office_of(officer)
    if reason not in JobSeeker.RejectionReason.values:
        raise ServiceError({"reason": [_("Choose a reason from the list.")]})
    note = " ".join(note.split())[:500]
    if reason == JobSeeker.RejectionReason.OTHER and not note:
        raise ServiceError({"note": [_("Say what the other reason is.")]})
    seeker = locked(seeker)
    if seeker.status not in (JobSeeker.Status.SUBMITTED, JobSeeker.Status.RETURNED):
        raise ServiceError(_("Only a registration not yet verified can be rejected."), code="state")
    _reject(seeker, reason, note, office, today_or(on))
    audit(actor=officer, action=Action.CHANGE, obj=seeker, event="rejected", reason=reason, via=via)
    _officer_activity(officer, seeker, "rejected", reason=reason)
    notify(
        users=[seeker.user],
        event="seeker.registration_rejected",
        key=str(seeker.pk),
        context={"reason": seeker.get_rejection_reason_display()},
        link="/seeker/",
    )
    return seeker


def _reject(seeker: JobSeeker, reason: str, note: str, office, on: date, **detail) -> None:
    seeker.status = JobSeeker.Status.REJECTED
    seeker.rejection_reason = reason
    seeker.decision_note = note
    seeker.save(update_fields=["status", "rejection_reason", "decision_note", "updated_at"])
    _desk_event(seeker, EventKind.SEEKER_REJECTED, office, on, reason=reason, **detail)


# --- Removal, reissue, merge ---------------------------------------------------------------------
@transaction.atomic
def remove_jobseeker(
    *,
    seeker: JobSeeker,
    officer: User,
    reason: str,
    note: str = "",
    via: Via = "web",
    on: date | None = None,
) -> JobSeeker:
    """Remove an active card by hand ("dihapuskan") with a reason code: the IPK removal outflow.
    Re-registration later reactivates the same number."""
    _office_of(officer)
    if reason not in MANUAL_REMOVAL_REASONS:
        raise ServiceError({"reason": [_("Choose a reason from the list.")]})
    seeker = locked(seeker)
    if seeker.status != JobSeeker.Status.ACTIVE:
        raise ServiceError(_("Only an active card can be removed."), code="state")
    _remove(seeker, reason, " ".join(note.split())[:500], today_or(on))
    audit(actor=officer, action=Action.CHANGE, obj=seeker, event="removed", reason=reason, via=via)
    _officer_activity(officer, seeker, "removed", reason=reason)
    return seeker


@transaction.atomic
def remove_on_erasure(
    *, seeker: JobSeeker, actor: User | None, reason: str, on: date | None = None, via: Via = "web"
) -> JobSeeker:
    """Before a person is erased (UU 27/2022 PDP: at their request, or by the retention job), an
    active card leaves the register like any removal: one `seeker_removed` event with today's
    dimensions, read before they are erased. Cards that are not active are left as they are."""
    seeker = locked(seeker)
    if seeker.status != JobSeeker.Status.ACTIVE:
        return seeker
    _remove(seeker, reason, "", today_or(on), erasure=True)
    audit(actor=actor, action=Action.CHANGE, obj=seeker, event="removed", reason=reason, via=via)
    return seeker


def _remove(seeker: JobSeeker, reason: str, note: str, on: date, **detail: object) -> None:
    seeker.status = JobSeeker.Status.REMOVED
    seeker.removed_on = on
    seeker.removal_reason = reason
    seeker.decision_note = note
    seeker.save(
        update_fields=["status", "removed_on", "removal_reason", "decision_note", "updated_at"]
    )
    ledger.record_seeker_event(
        seeker, EventKind.SEEKER_REMOVED, on, detail={"reason": reason, "manual": True, **detail}
    )


@transaction.atomic
def reissue_card(
    *, seeker: JobSeeker, officer: User, reason: str, via: Via = "web", on: date | None = None
) -> JobSeeker:
    """Print the card again (lost or damaged): the number stays, the printing is counted and
    logged."""
    _office_of(officer)
    if reason not in REISSUE_REASONS:
        raise ServiceError({"reason": [_("Choose lost or damaged.")]})
    seeker = locked(seeker)
    if seeker.status != JobSeeker.Status.ACTIVE or not seeker.ak1_number:
        raise ServiceError(
            _("Only an active card is reissued; re-register a removed one first."), code="state"
        )
    seeker.card_edition += 1
    seeker.save(update_fields=["card_edition", "updated_at"])
    ledger.record_seeker_event(
        seeker,
        EventKind.SEEKER_CARD_REISSUED,
        today_or(on),
        detail={"reason": reason, "edition": seeker.card_edition},
    )
    audit(
        actor=officer,
        action=Action.CHANGE,
        obj=seeker,
        event="card_reissued",
        reason=reason,
        edition=seeker.card_edition,
        via=via,
    )
    _officer_activity(officer, seeker, "card_reissued", reason=reason)
    return seeker


MERGEABLE_KEEP = (JobSeeker.Status.SUBMITTED, JobSeeker.Status.ACTIVE, JobSeeker.Status.PLACED)


@transaction.atomic
def merge_duplicate(
    *,
    keep: JobSeeker,
    duplicate: JobSeeker,
    officer: User,
    note: str = "",
    via: Via = "web",
    on: date | None = None,
) -> JobSeeker:
    """One person, two registrations: keep one, close the other into it. The duplicate leaves the
    IPK stock once if it was in it; both histories stay in the ledger; an online account of the
    duplicate moves to the kept record when that has none."""
    office = _office_of(officer)
    if keep.pk == duplicate.pk:
        raise ServiceError({"duplicate": [_("Choose another registration than this one.")]})
    first, second = sorted([keep.pk, duplicate.pk])  # lock in one order: no deadlock
    rows = {
        s.pk: s
        for s in JobSeeker.objects.select_for_update(of=("self",))
        .select_related("regency", "office", "education_level", "user")
        .filter(pk__in=[first, second])
    }
    keep, duplicate = rows[keep.pk], rows[duplicate.pk]
    if keep.merged_into_id or keep.status not in MERGEABLE_KEEP:
        raise ServiceError(_("The record to keep must be a live registration."), code="state")
    if duplicate.merged_into_id or duplicate.status == JobSeeker.Status.REJECTED:
        raise ServiceError({"duplicate": [_("That registration is already closed.")]})
    on = today_or(on)
    note = " ".join(note.split())[:500]
    if duplicate.status == JobSeeker.Status.ACTIVE:
        _remove(duplicate, Reason.DUPLICATE, note, on, merged_into=keep.pk)
    elif duplicate.status in (
        JobSeeker.Status.DRAFT,
        JobSeeker.Status.SUBMITTED,
        JobSeeker.Status.RETURNED,
    ):
        _reject(
            duplicate, JobSeeker.RejectionReason.DUPLICATE, note, office, on, merged_into=keep.pk
        )
    # Removed or placed: already out of the stock, nothing to count.
    moved_account = None
    if keep.user_id is None and duplicate.user_id is not None:
        moved_account = duplicate.user_id
        keep.user_id, duplicate.user_id = duplicate.user_id, None
        JobSeeker.objects.filter(pk=duplicate.pk).update(user=None)
    duplicate.merged_into = keep
    duplicate.save(update_fields=["merged_into", "user", "updated_at"])
    keep.save(update_fields=["user", "updated_at"])
    _desk_event(
        keep,
        EventKind.SEEKER_MERGED,
        office,
        on,
        merged=duplicate.pk,
        merged_number=duplicate.ak1_number or "",
    )
    audit(
        actor=officer,
        action=Action.CHANGE,
        obj=keep,
        event="merged",
        merged=duplicate.pk,
        account_moved=bool(moved_account),
        via=via,
    )
    audit(actor=officer, action=Action.CHANGE, obj=duplicate, event="merged_into", into=keep.pk)
    _officer_activity(officer, keep, "merged", merged=duplicate.pk)
    return keep
