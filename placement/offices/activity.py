"""The officers' activity log and the caseload's "last contact": written by every service an
officer acts through (seekers', employers', the pipeline's and the officers' own).

On the ground floor so every app can log an officer's action directly (Permenaker 10/2023
workload, SKP evidence).
"""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from placement.offices.models import Activity, SeekerCase


def officer_of(user):
    """The user's active officer profile, or None (employers, seekers, inactive officers)."""
    officer = getattr(user, "officer_profile", None) if user is not None else None
    if officer is None or not officer.is_active:
        return None
    return officer


def record_activity(
    *,
    user,
    kind: str,
    subject=None,
    quantity: int = 1,
    at=None,
    **evidence: object,
) -> Activity | None:
    """Log what an officer did (for workload and SKP evidence); nothing for non-officers."""
    officer = getattr(user, "officer_profile", None) if user is not None else None
    if officer is None:
        return None
    return Activity.objects.create(
        officer=officer,
        office_id=officer.office_id,
        kind=kind,
        at=at or timezone.now(),
        subject_type=subject._meta.label_lower if subject is not None else "",
        subject_id=subject.pk if subject is not None else None,
        quantity=quantity,
        evidence=evidence,
    )


def note_contact(*, seeker, kind: str, user, on: date | None = None) -> None:
    """Remember the office's latest contact with `seeker` (only an officer's action counts)."""
    officer = officer_of(user)
    if officer is None:
        return
    on = on or timezone.localdate()
    updated = SeekerCase.objects.filter(seeker_id=seeker.pk, last_contact_on__lte=on).update(
        last_contact_on=on, last_contact_kind=kind, office_id=officer.office_id
    )
    if not updated:
        SeekerCase.objects.get_or_create(
            seeker_id=seeker.pk,
            defaults={
                "last_contact_on": on,
                "last_contact_kind": kind,
                "office_id": officer.office_id,
            },
        )
