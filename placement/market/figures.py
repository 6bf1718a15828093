"""The placement-market figures of the officer's dashboard (issue 16)."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from placement.market import compliance
from placement.market.models import JobFair
from placement.migrants.services import case_counts


def build(user, *, today: date | None = None) -> dict:
    """Cases per region this month, employers behind on reporting, fairs waiting approval."""
    today = today or timezone.localdate()
    month_start = today.replace(day=1)
    per_region: dict[tuple[str, str], int] = {}
    for row in case_counts(user, since=month_start):
        key = (row["regency_id"], row["regency__name"])
        per_region[key] = per_region.get(key, 0) + row["n"]
    return {
        "month": month_start,
        "cases": sorted((code, name, n) for (code, name), n in per_region.items()),
        "cases_total": sum(per_region.values()),
        "duty": compliance.duty_counts(user),
        "fairs_waiting": JobFair.objects.visible_to(user)
        .filter(status=JobFair.Status.REQUESTED)
        .count(),
    }
