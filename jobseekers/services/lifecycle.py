"""The AK/I card's life: verification and the number, six-monthly reports, removal, reactivation."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jobseekers.models import CardSequence, JobSeeker
from jobseekers.services.registration import add_experience, update_jobseeker
from jobseekers.services.rules import (
    ServiceError,
    add_months,
    locked,
    report_interval_months,
    today_or,
    validity_months,
)
from jobseekers.signals import seeker_verified
from placement.accounts.audit import Via, audit
from placement.accounts.models import AuditEvent, User
from placement.ledger import services as ledger
from placement.ledger.models import Event, EventKind
from placement.notifications.services import notify
from placement.offices.activity import note_contact, record_activity
from placement.offices.models import Activity

Action = AuditEvent.Action


# --- The AK/I card -------------------------------------------------------------------------------
def office_number_code(office) -> str:
    """The office part of an AK/I number: the region code without dots (`6271`, `62`, `00`)."""
    return office.code.replace(".", "")


def issue_ak1_number(*, office, year: int) -> str:
    """The next AK/I number of `office` in `year`: `<office code>-<year>-<serial>`, unique."""
    sequence, _created = CardSequence.objects.get_or_create(office=office, year=year)
    CardSequence.objects.filter(pk=sequence.pk).update(last_number=F("last_number") + 1)
    sequence.refresh_from_db(fields=["last_number"])
    return format_ak1_number(office_number_code(office), year, sequence.last_number)


def format_ak1_number(office_code: str, year: int, serial: int) -> str:
    return f"{office_code}-{year}-{serial:06d}"


def _office_of(user: User):
    officer = getattr(user, "officer_profile", None)
    if officer is None or not officer.is_active:
        raise ServiceError(_("Only an officer of a manpower office can do this."), code="no_office")
    return officer.office


@transaction.atomic
def verify_jobseeker(
    *, seeker: JobSeeker, officer: User, via: Via = "web", on: date | None = None
) -> JobSeeker:
    """Verify a submitted registration: issue the AK/I number and start the card's two years;
    the officer's activity and the caseload's last contact are written with it."""
    on = today_or(on)
    office = _office_of(officer)
    seeker = locked(seeker)
    if seeker.status != JobSeeker.Status.SUBMITTED:
        raise ServiceError(_("This registration is not waiting for verification."), code="state")
    if seeker.duplicate_of_id is not None:
        raise ServiceError(
            _("Another registration holds this NIK: correct the NIK before verifying."),
            code="nik_duplicate",
        )
    seeker.ak1_number = issue_ak1_number(office=office, year=on.year)
    seeker.status = JobSeeker.Status.ACTIVE
    seeker.office = office
    seeker.registered_on = on
    seeker.last_reported_on = None
    seeker.next_report_on = add_months(on, report_interval_months())
    seeker.expires_on = add_months(on, validity_months())
    seeker.verified_by = officer
    seeker.verified_at = timezone.now()
    seeker.save()
    ledger.record_seeker_event(seeker, EventKind.SEEKER_REGISTERED, on)
    audit(actor=officer, action=Action.CHANGE, obj=seeker, event="verified", via=via)
    record_activity(user=officer, kind=Activity.Kind.SEEKER_VERIFIED, subject=seeker)
    note_contact(seeker=seeker, kind="verification", user=officer)
    seeker_verified.send(sender=JobSeeker, seeker=seeker)  # the matching rescores them
    notify(
        users=[seeker.user],
        event="seeker.card_issued",
        key=f"{seeker.ak1_number}:{on:%Y%m%d}",
        context={"number": seeker.ak1_number},
        link="/seeker/card.pdf",
    )
    return seeker


def _renew_dates(seeker: JobSeeker, on: date) -> None:
    seeker.last_reported_on = on
    seeker.next_report_on = add_months(on, report_interval_months())
    if seeker.expires_on is None or seeker.expires_on < seeker.next_report_on:
        # The report at the end of the card's two years re-registers it (same number).
        seeker.expires_on = add_months(on, validity_months())


@dataclass(frozen=True)
class ReportAnswers:
    """What the six-monthly report asks (the AK/I card's report boxes, made into questions):
    still looking? worked meanwhile (where, how long)? new address or phone? new skills? other
    wishes? Only what changed is given; it updates the profile in the same transaction."""

    still_looking: bool = True
    # A job held since the last report and ended (job_title, employer_name, months, occupation).
    work: dict | None = None
    # Changed contact fields (address, regency, district, postcode, phone).
    contact: dict = field(default_factory=dict)
    skills_added: tuple = ()
    preferred_occupations: tuple = ()
    expected_wage: int | None = None

    def changed(self) -> list[str]:
        names = sorted(self.contact)
        if self.work:
            names.append("experiences")
        if self.skills_added:
            names.append("skills")
        if self.preferred_occupations:
            names.append("preferred_occupations")
        if self.expected_wage is not None:
            names.append("expected_wage")
        return names


@transaction.atomic
def report_jobseeker(
    *,
    seeker: JobSeeker,
    actor: User,
    answers: ReportAnswers | None = None,
    via: Via = "web",
    on: date | None = None,
) -> str:
    """The six-monthly report ("lapor") with its answers; for a removed or placed seeker it
    reactivates the card. "No longer looking" removes the card at the holder's request. Made at
    the office, it is the officer's activity and the office's latest contact."""
    on = today_or(on)
    answers = answers or ReportAnswers()
    seeker = locked(seeker)
    if not answers.still_looking:
        if seeker.status != JobSeeker.Status.ACTIVE:
            raise ServiceError(
                _("Your card is not active: there is nothing to stop."), code="state"
            )
        _stop_looking(seeker, actor, on, via=via)
        event = EventKind.SEEKER_REMOVED
    else:
        if seeker.status in (JobSeeker.Status.REMOVED, JobSeeker.Status.PLACED):
            _apply_answers(seeker, actor, answers)
            _reactivate(seeker, actor, on, via=via, answers=answers)
            event = EventKind.SEEKER_REACTIVATED
        else:
            _check_can_report(seeker, on)
            _apply_answers(seeker, actor, answers)
            event = _report(seeker, actor, on, via=via, answers=answers)
    record_activity(user=actor, kind=Activity.Kind.SEEKER_UPDATED, subject=seeker, event=str(event))
    note_contact(seeker=seeker, kind="report", user=actor)
    return event


def _answers_detail(answers: ReportAnswers) -> dict:
    return {
        "still_looking": answers.still_looking,
        "worked_meanwhile": bool(answers.work),
        "changed": answers.changed(),
    }


def _apply_answers(seeker: JobSeeker, actor: User, answers: ReportAnswers) -> None:
    """Write the report's answers into the profile (the same services as the profile pages)."""
    changes: dict[str, object] = dict(answers.contact)
    if answers.skills_added:
        current = [s.skill for s in seeker.skills.select_related("skill")]
        changes["skills"] = list(dict.fromkeys([*current, *answers.skills_added]))
    if answers.preferred_occupations:
        changes["preferred_occupations"] = list(answers.preferred_occupations)
    if answers.expected_wage is not None:
        changes["expected_wage"] = answers.expected_wage
    if changes:
        update_jobseeker(seeker=seeker, actor=actor, changes=changes)
    if answers.work:
        add_experience(seeker=seeker, actor=actor, **answers.work)
        seeker.refresh_from_db(fields=["experience_months"])


def _stop_looking(seeker: JobSeeker, actor: User, on: date, *, via: Via) -> None:
    seeker.status = JobSeeker.Status.REMOVED
    seeker.removed_on = on
    seeker.removal_reason = JobSeeker.RemovalReason.ON_REQUEST
    seeker.save(update_fields=["status", "removed_on", "removal_reason", "updated_at"])
    ledger.record_seeker_event(
        seeker,
        EventKind.SEEKER_REMOVED,
        on,
        detail={"reason": JobSeeker.RemovalReason.ON_REQUEST, "still_looking": False},
    )
    audit(
        actor=actor,
        action=Action.CHANGE,
        obj=seeker,
        event="removed",
        reason=JobSeeker.RemovalReason.ON_REQUEST,
        via=via,
    )


def _check_can_report(seeker: JobSeeker, on: date) -> None:
    if seeker.status != JobSeeker.Status.ACTIVE:
        raise ServiceError(_("Your card has not been issued yet."), code="not_active")
    if not seeker.can_report_on(on):
        opens = seeker.report_opens_on()
        raise ServiceError(
            _("Your next report opens on %(date)s.") % {"date": opens.strftime("%d-%m-%Y")},
            code="not_due",
        )


def _report(
    seeker: JobSeeker, actor: User, on: date, *, via: Via, answers: ReportAnswers | None = None
) -> str:
    _check_can_report(seeker, on)
    _renew_dates(seeker, on)
    seeker.save()
    detail = _answers_detail(answers) if answers is not None else {}
    ledger.record_seeker_event(seeker, EventKind.SEEKER_REPORTED, on, detail=detail)
    audit(actor=actor, action=Action.CHANGE, obj=seeker, event="reported", via=via, **detail)
    return EventKind.SEEKER_REPORTED


def _reactivate(
    seeker: JobSeeker,
    actor: User,
    on: date,
    *,
    via: Via = "web",
    answers: ReportAnswers | None = None,
) -> None:
    if not seeker.ak1_number:
        raise ServiceError(_("This registration has no AK/I card yet."), code="no_card")
    previous = seeker.status
    seeker.status = JobSeeker.Status.ACTIVE
    seeker.removed_on = None
    seeker.removal_reason = ""
    _renew_dates(seeker, on)
    seeker.save()
    detail = {"previous_status": previous}
    if answers is not None:
        detail.update(_answers_detail(answers))
    ledger.record_seeker_event(seeker, EventKind.SEEKER_REACTIVATED, on, detail=detail)
    audit(actor=actor, action=Action.CHANGE, obj=seeker, event="reactivated", via=via)


@transaction.atomic
def reactivate_jobseeker(*, seeker: JobSeeker, actor: User, on: date | None = None) -> JobSeeker:
    """Re-registration of a removed or placed seeker: the same AK/I number becomes active again."""
    seeker = locked(seeker)
    if seeker.status not in (JobSeeker.Status.REMOVED, JobSeeker.Status.PLACED):
        raise ServiceError(_("Only a removed or placed card can be reactivated."), code="state")
    _reactivate(seeker, actor, today_or(on))
    return seeker


@transaction.atomic
def mark_placed(
    *, seeker: JobSeeker, actor: User | None, on: date | None = None, via: Via = "web"
) -> JobSeeker:
    """The holder got a job: the AK/I card is deactivated (status placed).

    The placement service writes the `seeker_placed` ledger event with the job's dimensions;
    re-registration later reactivates the same number.
    """
    seeker = locked(seeker)
    if seeker.status != JobSeeker.Status.ACTIVE:
        raise ServiceError(_("Only a seeker with an active AK/I card can be placed."), code="state")
    seeker.status = JobSeeker.Status.PLACED
    seeker.save(update_fields=["status", "updated_at"])
    audit(
        actor=actor,
        action=Action.CHANGE,
        obj=seeker,
        event="placed",
        on=today_or(on).isoformat(),
        via=via,
    )
    return seeker


def expire_lapsed_seekers(*, on: date | None = None, batch_size: int = 500) -> int:
    """Mark active seekers who missed their report or whose card expired as removed."""
    on = today_or(on)
    total = 0
    while True:
        with transaction.atomic():
            batch = list(
                JobSeeker.objects.lapsed(on)
                .with_ipk_dimensions()
                .select_for_update(skip_locked=True, of=("self",))
                .order_by("pk")[:batch_size]
            )
            if not batch:
                return total
            events, audits = [], []
            for seeker in batch:
                expired = seeker.expires_on is not None and seeker.expires_on < on
                reason = (
                    JobSeeker.RemovalReason.EXPIRED
                    if expired
                    else JobSeeker.RemovalReason.MISSED_REPORT
                )
                seeker.status = JobSeeker.Status.REMOVED
                seeker.removed_on = on
                seeker.removal_reason = reason
                seeker.updated_at = timezone.now()
                events.append(
                    ledger.seeker_event(
                        seeker, EventKind.SEEKER_REMOVED, on, detail={"reason": reason}
                    )
                )
                audits.append(
                    AuditEvent(
                        action=Action.CHANGE,
                        object_type=JobSeeker._meta.label_lower,
                        object_id=str(seeker.pk),
                        detail={"event": "removed", "reason": reason},
                    )
                )
            JobSeeker.objects.bulk_update(
                batch, ["status", "removed_on", "removal_reason", "updated_at"]
            )
            Event.objects.bulk_create(events)
            AuditEvent.objects.bulk_create(audits)
            total += len(batch)
