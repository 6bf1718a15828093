"""The registration desk as a Disnaker runs it: completing, returning or rejecting a registration,
removal with a reason, reissuing a lost card, merging a duplicate person, a new one-time code.
Walk-in registration is in `walk_in` and the claim itself in `claims`; both use the block below.

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

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jobseekers.models import Education, JobSeeker
from jobseekers.services.checks import compute_warnings
from jobseekers.services.claims import set_claim_code
from jobseekers.services.lifecycle import _office_of
from jobseekers.services.registration import (
    _refresh_derived,
    missing_for_submission,
)
from jobseekers.services.rules import ServiceError, locked, today_or
from placement.accounts.audit import Via, audit
from placement.accounts.models import AuditEvent, User
from placement.ledger import services as ledger
from placement.ledger.models import EventKind
from placement.notifications.services import notify
from placement.offices.activity import note_contact, record_activity
from placement.offices.models import Activity

Action = AuditEvent.Action
Reason = JobSeeker.RemovalReason
Status = JobSeeker.Status

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
# The statuses each desk action starts from, and what the officer reads otherwise.
DESK_ACTION_STATES: dict[str, tuple[tuple[str, ...], str]] = {
    "resubmitted": ((Status.RETURNED,), _("Only a returned registration is completed here.")),
    "returned": ((Status.SUBMITTED,), _("This registration is not waiting for verification.")),
    "rejected": (
        (Status.SUBMITTED, Status.RETURNED),
        _("Only a registration not yet verified can be rejected."),
    ),
    "removed": ((Status.ACTIVE,), _("Only an active card can be removed.")),
    "card_reissued": (
        (Status.ACTIVE,),
        _("Only an active card is reissued; re-register a removed one first."),
    ),
}


# --- The block every counter action shares -------------------------------------------------------
def log_desk_change(
    officer: User,
    seeker: JobSeeker,
    event: str,
    via: Via,
    audit_only: dict,
    *,
    action: str = Action.CHANGE,
    **detail: object,
) -> None:
    """Audit the change (with `via`) and log it as the officer's activity and last contact."""
    audit(actor=officer, action=action, obj=seeker, event=event, via=via, **detail, **audit_only)
    record_activity(
        user=officer, kind=Activity.Kind.SEEKER_UPDATED, subject=seeker, event=event, **detail
    )
    note_contact(seeker=seeker, kind=event, user=officer)


@contextmanager
def _desk_change(
    seeker: JobSeeker,
    *,
    officer: User,
    event: str,
    via: Via,
    **detail: object,
) -> Iterator[tuple[JobSeeker, dict]]:
    """Lock the seeker and check its status is one the event starts from (DESK_ACTION_STATES);
    once the body has made the change and written its ledger event, audit it and log the
    officer's activity. The body gets the locked row and a dict for details only the audit keeps."""
    seeker = locked(seeker)
    states, refused = DESK_ACTION_STATES.get(event, ((), ""))
    if states and seeker.status not in states:
        raise ServiceError(refused, code="state")
    audit_only: dict = {}
    yield seeker, audit_only
    log_desk_change(officer, seeker, event, via, audit_only, **detail)


def _desk_event(seeker: JobSeeker, kind: str, office, on: date, **detail: object) -> None:
    """A ledger event about a registration; before verification the deciding office is its own."""
    fields: dict[str, object] = {"detail": detail}
    if seeker.office_id is None and office is not None:
        fields["office_id"] = office.pk
    ledger.record_seeker_event(seeker, kind, on, **fields)


def send_for_verification(seeker: JobSeeker) -> None:
    missing = missing_for_submission(seeker)
    if missing:
        raise ServiceError(
            _("Some answers are still missing: %(steps)s.") % {"steps": ", ".join(missing)}
        )
    seeker.status = Status.SUBMITTED
    seeker.submitted_at = timezone.now()
    seeker.warnings = compute_warnings(seeker)
    seeker.save()


@transaction.atomic
def issue_claim_code(*, seeker: JobSeeker, officer: User, via: Via = "web") -> str:
    """A new one-time code for a seeker without an online account (the old one stops working)."""
    _office_of(officer)
    change = _desk_change(seeker, officer=officer, event="claim_code_issued", via=via)
    with change as (seeker, _audit_only):
        if seeker.user_id is not None:
            raise ServiceError(_("This person already has an online account."), code="has_account")
        if seeker.status == Status.REJECTED or seeker.merged_into_id:
            raise ServiceError(_("This registration is closed."), code="state")
        code = set_claim_code(seeker)
        seeker.save(update_fields=["claim_code_hash", "claim_code_expires", "claim_attempts"])
    return code


def check_documents(documents) -> list[str]:
    unknown = set(documents) - set(JobSeeker.Document.values)
    if unknown:
        raise ServiceError({"documents": [_("Choose documents from the list.")]})
    if JobSeeker.Document.KTP not in documents:
        raise ServiceError({"documents": [_("Registration needs the KTP: tick it once seen.")]})
    return [d for d in JobSeeker.Document.values if d in documents]


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
    change = _desk_change(seeker, officer=officer, event="resubmitted", via=via)
    with change as (seeker, audit_only):
        seeker.documents_seen = check_documents(documents)
        if education:
            Education.objects.create(seeker=seeker, **education)
            _refresh_derived(seeker)
        send_for_verification(seeker)
        audit_only["documents"] = seeker.documents_seen
    return seeker


# --- Return and reject ---------------------------------------------------------------------------
def _chosen(reason: str, choices, message: str = _("Choose a reason from the list.")) -> str:
    """The reason code, if it is one of `choices`."""
    if reason not in choices:
        raise ServiceError({"reason": [message]})
    return reason


def _note_text(note: str) -> str:
    """The officer's free-text note, on one line and at most 500 characters."""
    return " ".join(note.split())[:500]


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
    change = _desk_change(seeker, officer=officer, event="returned", via=via)
    with change as (seeker, _audit_only):
        seeker.status = Status.RETURNED
        seeker.return_reason = reason
        seeker.save(update_fields=["status", "return_reason", "updated_at"])
        _desk_event(seeker, EventKind.SEEKER_RETURNED, office, today_or(on), reason=reason)
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
    reason = _chosen(reason, JobSeeker.RejectionReason.values)
    note = _note_text(note)
    if reason == JobSeeker.RejectionReason.OTHER and not note:
        raise ServiceError({"note": [_("Say what the other reason is.")]})
    change = _desk_change(seeker, officer=officer, event="rejected", via=via, reason=reason)
    with change as (seeker, _audit_only):
        _reject(seeker, reason, note, office, today_or(on))
    notify(
        users=[seeker.user],
        event="seeker.registration_rejected",
        key=str(seeker.pk),
        context={"reason": JobSeeker.RejectionReason(seeker.rejection_reason).label},
        link="/seeker/",
    )
    return seeker


def _reject(seeker: JobSeeker, reason: str, note: str, office, on: date, **detail) -> None:
    seeker.status = Status.REJECTED
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
    reason = _chosen(reason, MANUAL_REMOVAL_REASONS)
    change = _desk_change(seeker, officer=officer, event="removed", via=via, reason=reason)
    with change as (seeker, _audit_only):
        _remove(seeker, reason, _note_text(note), today_or(on))
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
    reason = _chosen(reason, REISSUE_REASONS, _("Choose lost or damaged."))
    change = _desk_change(seeker, officer=officer, event="card_reissued", via=via, reason=reason)
    with change as (seeker, audit_only):
        if not seeker.ak1_number:
            raise ServiceError(DESK_ACTION_STATES["card_reissued"][1], code="state")
        seeker.card_edition += 1
        seeker.save(update_fields=["card_edition", "updated_at"])
        audit_only["edition"] = seeker.card_edition
        ledger.record_seeker_event(
            seeker,
            EventKind.SEEKER_CARD_REISSUED,
            today_or(on),
            detail={"reason": reason, "edition": seeker.card_edition},
        )
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
    note = _note_text(note)
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
    audit(actor=officer, action=Action.CHANGE, obj=duplicate, event="merged_into", into=keep.pk)
    log_desk_change(
        officer, keep, "merged", via, {"account_moved": bool(moved_account)}, merged=duplicate.pk
    )
    return keep
