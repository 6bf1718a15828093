"""Office services."""

from __future__ import annotations

from django.db import transaction

from officers.models import Office
from placement.taxonomy.models import Province, Regency

NATIONAL_CODE = "00"


@transaction.atomic
def sync_offices() -> str:
    """Create the national office and one office per province and regency/city (idempotent)."""
    existing = set(Office.objects.values_list("code", flat=True))
    new: list[Office] = []
    if NATIONAL_CODE not in existing:
        new.append(
            Office(
                code=NATIONAL_CODE,
                level=Office.Level.NATIONAL,
                name="Kementerian Ketenagakerjaan RI (Pusat Pasar Kerja)",
            )
        )
    for province in Province.objects.all():
        if province.code not in existing:
            new.append(
                Office(
                    code=province.code,
                    level=Office.Level.PROVINCE,
                    name=f"Dinas Tenaga Kerja Provinsi {province.name}",
                    province=province,
                )
            )
    for regency in Regency.objects.all():
        if regency.code not in existing:
            new.append(
                Office(
                    code=regency.code,
                    level=Office.Level.REGENCY,
                    name=f"Dinas Tenaga Kerja {regency.name}",
                    province_id=regency.province_id,
                    regency=regency,
                )
            )
    Office.objects.bulk_create(new, batch_size=1000)
    return f"Offices: {len(new)} created, {len(existing)} unchanged"


def record_activity(
    *,
    user,
    kind: str,
    subject=None,
    quantity: int = 1,
    at=None,
    **evidence: object,
):
    """Log what an officer did (for workload and SKP evidence); nothing for non-officers."""
    from django.utils import timezone

    from officers.models import Activity

    officer = getattr(user, "officer_profile", None)
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
