"""Erasing a job seeker (UU 27/2022 PDP Art. 16(2)(h), 43): identity, contact data, free text and
files go; the row stays as a pseudonymous id so the ledger's statistical events keep their subject
and the IPK tables stay as they were.

What stays: the record number (primary key), sex, home regency, education level and category
(the IPK dimensions the ledger already holds), the card dates and status, placements' job facts,
and the audit trail (append-only; ids, never identity). What goes: NIK, names, birth date and
place, address, phone, religion, marital status, disability, the AK/I number, education and work
history, skills and wishes, the CV and CPMI documents, notes that mention the person, their
notices, and their sign-in (the account is closed: sessions and API tokens die with it).

The ledger is never rewritten (placement/ledger/chain.py): an active seeker is removed with one
`seeker_removed` event (reason "on_request" or "retention"), which the IPK tables count as an
outflow of this month like any removal; past months do not change.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from jobseekers import services as seeker_services
from jobseekers.models import Education, Experience, JobSeeker, SeekerSkill
from officers.models import Action as AgreedAction
from officers.models import CounsellingSession
from placement.accounts.audit import Via, audit
from placement.accounts.models import AuditEvent, User
from placement.market.models import FairVisitor
from placement.matching.models import Match
from placement.migrants.models import CpmiItem, CpmiRecord
from placement.migrants.services import document_path
from placement.notifications.models import Notification
from placement.pipeline.models import Application, CandidateRequest, HireReport, Referral
from placement.privacy.models import SubjectRequest

# What an erased person is called where a name is required.
ANONYMOUS = "Anonim"


def anonymous_email(seeker_id: int) -> str:
    return f"anonim-{seeker_id}@anonim.invalid"


@transaction.atomic
def anonymise_seeker(
    *,
    seeker: JobSeeker,
    actor: User | None,
    reason: str = JobSeeker.RemovalReason.ON_REQUEST,
    on: date | None = None,
    via: Via = "web",
) -> JobSeeker:
    """Erase the person behind `seeker` (idempotent: an erased record is returned as it is)."""
    on = on or timezone.localdate()
    seeker = JobSeeker.objects.select_for_update(of=("self",)).get(pk=seeker.pk)
    if seeker.anonymised_on is not None:
        return seeker
    # First the ledger (with today's dimensions, before they are erased), then the identity.
    seeker = seeker_services.remove_on_erasure(
        seeker=seeker, actor=actor, reason=reason, on=on, via=via
    )
    seeker_services.withdraw_consent(seeker=seeker, actor=actor, via=via)
    files = _erase_files(seeker)
    _erase_history(seeker)
    _erase_notes(seeker)
    user = seeker.user
    for name, value in {
        "nik": None,
        "duplicate_of": None,
        "full_name": ANONYMOUS,
        "birth_place": "",
        "birth_date": None,
        "marital_status": "",
        "religion": "",
        "address": "",
        "district": None,
        "postcode": "",
        "phone": "",
        "expected_wage": None,
        "has_disability": False,
        "disability_note": "",
        "ak1_number": None,
        "warnings": [],
        "identity_note": "",
        "return_reason": "",
        "decision_note": "",
        "claim_code_hash": "",
        "claim_code_expires": None,
        "anonymised_on": on,
    }.items():
        setattr(seeker, name, value)
    seeker.save()
    if user is not None:
        Notification.objects.filter(user=user).delete()
        user.email = anonymous_email(seeker.pk)
        user.full_name = ""
        user.is_active = False
        user.set_unusable_password()
        user.save()  # a new security stamp: every session and API token of the person dies
    audit(
        actor=actor,
        action=AuditEvent.Action.DELETE,
        obj=seeker,
        event="anonymised",
        reason=reason,
        files=len(files),
        via=via,
    )
    transaction.on_commit(lambda: [path.unlink(missing_ok=True) for path in files])
    # Registrations an officer merged into this one are the same person: erased with it.
    for merged in JobSeeker.objects.filter(merged_into=seeker, anonymised_on__isnull=True):
        anonymise_seeker(seeker=merged, actor=actor, reason=reason, on=on, via=via)
    return seeker


def _erase_files(seeker: JobSeeker) -> list:
    """Delete the CV, the card photo, the document copies and the CPMI scans; their files go
    once the transaction commits."""
    files = seeker_services.delete_seeker_files(seeker)
    items = CpmiItem.objects.filter(record__seeker=seeker)
    files += [document_path(item) for item in items if item.stored_name]
    items.update(stored_name="", original_name="", reference="", note="")
    CpmiRecord.objects.filter(seeker=seeker).update(destination_country="")
    return files


def _erase_history(seeker: JobSeeker) -> None:
    """Education, work history, skills and wishes (school and employer names identify)."""
    Education.objects.filter(seeker=seeker).delete()
    Experience.objects.filter(seeker=seeker).delete()
    SeekerSkill.objects.filter(seeker=seeker).delete()
    seeker.preferred_occupations.clear()
    Match.objects.filter(seeker_id=seeker.pk).delete()
    CandidateRequest.objects.filter(seeker=seeker).delete()


def _erase_notes(seeker: JobSeeker) -> None:
    """Free text about the person: notes to employers, guidance notes of one-person sessions,
    agreed actions, fair-visitor entries, the requests' details, and the employers' notices that
    name them."""
    Application.objects.filter(seeker=seeker).update(note="")
    HireReport.objects.filter(seeker=seeker).update(note="", decision_note="")
    referral_ids = list(Referral.objects.filter(seeker=seeker).values_list("pk", flat=True))
    Referral.objects.filter(pk__in=referral_ids).update(note="", outcome_note="")
    own_sessions = [
        session
        for session in CounsellingSession.objects.filter(seekers=seeker).prefetch_related("seekers")
        if len(session.seekers.all()) == 1
    ]
    CounsellingSession.objects.filter(pk__in=[s.pk for s in own_sessions]).update(notes="")
    AgreedAction.objects.filter(seeker=seeker).update(description="-")
    FairVisitor.objects.filter(seeker=seeker).update(name=ANONYMOUS, phone="")
    SubjectRequest.objects.filter(seeker=seeker).update(details="")
    if referral_ids:
        keys = Q()
        for pk in referral_ids:
            keys |= Q(key=str(pk)) | Q(key__startswith=f"{pk}:")
        for notice in Notification.objects.filter(keys, event__startswith="employer."):
            context = dict(notice.context or {})
            if "name" in context or "number" in context:
                context.update(name=ANONYMOUS, number="")
                notice.context = context
                notice.save(update_fields=["context"])
