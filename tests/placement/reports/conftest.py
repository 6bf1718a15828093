"""Fixtures of the reports tests: a small ledger written directly, and a supervisor."""

from __future__ import annotations

from datetime import date

import pytest

from placement.ledger.models import Event
from tests.factories import OfficerFactory

MONTH = date(2025, 3, 1)  # a completed month with events in the ledger fixture below


def event(kind: str, on: date, subject: int, regency: str = "62.71", **dims) -> Event:
    subject_type = "employers.vacancy" if kind.startswith("vacancy") else "jobseekers.jobseeker"
    return Event(
        kind=kind,
        occurred_on=on,
        subject_type=subject_type,
        subject_id=subject,
        regency_id=regency,
        province_id=regency.split(".")[0],
        detail={"test": True},
        **dims,
    )


@pytest.fixture
def ledger(db) -> list[Event]:
    """A known history: seekers and vacancies of 62.71, 62.01 and 31.71 around March 2025."""
    seeker = {"sex": "P", "age_group": "15-19", "education": "3000", "occupation_group": "5"}
    man = {"sex": "L", "age_group": "20-29", "education": "6200", "occupation_group": "2"}
    placed = {"industry_section": "C", "placement_scope": "AKAD", "employer_type": "private"}
    vacancy = {"sex": "", "education": "3000", "occupation_group": "8", "industry_section": "C"}
    events = [
        # Carried over into March: two seekers of 62.71, one of 62.01; one vacancy of 5 positions.
        event("seeker_registered", date(2025, 1, 10), 1, **seeker),
        event("seeker_registered", date(2025, 2, 3), 2, **man),
        event("seeker_registered", date(2025, 2, 20), 3, "62.01", **man),
        event("vacancy_registered", date(2025, 2, 25), 10, quantity=5, **vacancy),
        # March: one registration, one placement (the 19-year-old, now 20: counted in 15-19),
        # one removal, three positions filled, a registration in Jakarta.
        event("seeker_registered", date(2025, 3, 4), 4, **seeker),
        event("seeker_placed", date(2025, 3, 12), 1, **{**seeker, "age_group": "20-29"}, **placed),
        event("seeker_removed", date(2025, 3, 20), 2, **man),
        event("vacancy_filled", date(2025, 3, 12), 10, quantity=3, **vacancy),
        event("seeker_registered", date(2025, 3, 5), 5, "31.71", **man),
        # April: the removed seeker comes back.
        event("seeker_reactivated", date(2025, 4, 2), 2, **man),
    ]
    return Event.objects.bulk_create(events)


@pytest.fixture
def victor(db):
    """A supervisor (head) of the provincial office of Kalimantan Tengah: sees all of 62."""
    return OfficerFactory(
        office__code="62", user__email="victor@example.org", user__role="supervisor"
    ).user
