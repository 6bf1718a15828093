"""Offices: one per region, created from the reference data."""

from __future__ import annotations

from django.db import transaction

from placement.offices.models import Office
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
