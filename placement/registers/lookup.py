"""The public, read-only look-up of the registers: by number (exact) or by name (contains)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from placement.registers.models import Agency, Bkk, JobOrder, Lptks
from placement.registers.services import normalise_number

LIMIT = 10
MIN_NAME_LENGTH = 3


@dataclass
class LookupResult:
    agencies: list[Agency]
    job_orders: list[JobOrder]
    bkks: list[Bkk]
    lptks: list[Lptks]

    @property
    def is_empty(self) -> bool:
        return not (self.agencies or self.job_orders or self.bkks or self.lptks)


def lookup(query: str) -> LookupResult:
    """Entries whose number is `query`, or whose name contains it (at least 3 characters)."""
    query = " ".join((query or "").split())[:200]
    number = normalise_number(query)
    if not query:
        return LookupResult([], [], [], [])
    by_name = len(query) >= MIN_NAME_LENGTH
    agency_q = Q(licence_number=number) | (Q(name__icontains=query) if by_name else Q(pk__in=[]))
    agencies = list(Agency.objects.filter(agency_q).select_related("regency")[:LIMIT])
    job_orders = list(
        JobOrder.objects.filter(Q(number=number) | Q(agency__in=[a.pk for a in agencies]))
        .select_related("agency", "occupation")
        .order_by("-valid_to")[:LIMIT]
    )
    bkk_q = Q(registration_number=number) | (
        Q(institution__icontains=query) if by_name else Q(pk__in=[])
    )
    bkks = list(Bkk.objects.filter(bkk_q).select_related("regency")[:LIMIT])
    lptks_q = Q(licence_number=number) | (Q(name__icontains=query) if by_name else Q(pk__in=[]))
    lptks = list(Lptks.objects.filter(lptks_q).select_related("regency")[:LIMIT])
    return LookupResult(agencies, job_orders, bkks, lptks)
