"""Casework personas and records on top of tests/conftest.py.

alice (62.71) works with `dewi` (active, 62.71) and `rina` (waiting for verification, 62.71);
bob (62.01) works with `andi` (active, 62.01) and must get 404 for alice's records;
carol (provincial office 62) sees both regencies.
erin is the employer user of PT Kahayan (62.71) whose cashier vacancy is `kasir`.
"""

from __future__ import annotations

import pytest
from django.utils import timezone

from placement.matching.models import Match, MatchRun
from placement.taxonomy.models import Occupation
from tests.factories import (
    EmployerFactory,
    EmployerUserFactory,
    JobSeekerFactory,
    VacancyFactory,
)


@pytest.fixture
def dewi(db):
    return JobSeekerFactory(verified=True, full_name="Dewi Palangka")


@pytest.fixture
def rina(db):
    return JobSeekerFactory(full_name="Rina Menunggu")


@pytest.fixture
def andi(db):
    return JobSeekerFactory(
        verified=True, full_name="Andi Kobar", regency_id="62.01", sex="L", wanted=["8322"]
    )


@pytest.fixture
def kahayan(db, erin):
    employer = EmployerFactory(name="PT Kahayan Uji", regency_id="62.71")
    EmployerUserFactory(user=erin, employer=employer)
    return employer


@pytest.fixture
def kasir(kahayan):
    return VacancyFactory(employer=kahayan, title="Kasir Minimarket", headcount=2)


@pytest.fixture
def arut(db):
    return EmployerFactory(name="PT Arut Uji", regency_id="62.01")


@pytest.fixture
def sopir(arut):
    driver = Occupation.objects.current().get(code="8322")
    return VacancyFactory(employer=arut, title="Sopir Truk", occupation=driver)


def add_match(seeker, vacancy, *, rank: int = 1, score: float = 81.0) -> Match:
    run, _created = MatchRun.objects.get_or_create(
        run_on=timezone.localdate(), province="", defaults={"status": "succeeded"}
    )
    return Match.objects.create(
        run=run,
        seeker=seeker,
        vacancy=vacancy,
        score=score,
        skills=0.8,
        occupation=1.0,
        education=1.0,
        experience=1.0,
        location=1.0,
        wage=1.0,
        rank_for_vacancy=rank,
        rank_for_seeker=rank,
    )
