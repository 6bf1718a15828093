"""Recording ledger events: the one way rows get into the ledger."""

from __future__ import annotations

from datetime import date

from django.db import models
from django.utils import timezone

from placement.ledger.models import Event, EventKind

AGE_GROUPS = ((15, 19), (20, 29), (30, 44), (45, 54), (55, 200))


def age_group(age: int | None) -> str:
    """The IPK III/1 age band of an age in years ("15-19" ... "55+"); blank when unknown."""
    if age is None or age < 15:
        return ""
    for low, high in AGE_GROUPS:
        if low <= age <= high:
            return f"{low}+" if high == 200 else f"{low}-{high}"
    return ""


def record(
    kind: EventKind | str,
    *,
    subject: models.Model,
    occurred_on: date | None = None,
    office: models.Model | None = None,
    regency: models.Model | None = None,
    **dimensions: object,
) -> Event:
    """Append one event about `subject`; the region's province is filled in from the regency."""
    province_id = getattr(regency, "province_id", None) if regency is not None else None
    return Event.objects.create(
        kind=kind,
        occurred_on=occurred_on or timezone.localdate(),
        subject_type=subject._meta.label_lower,
        subject_id=subject.pk,
        office=office,
        regency=regency,
        province_id=province_id,
        **dimensions,
    )


def history(subject: models.Model) -> models.QuerySet[Event]:
    """The events about one subject, oldest first."""
    return Event.objects.filter(
        subject_type=subject._meta.label_lower, subject_id=subject.pk
    ).order_by("occurred_on", "id")
