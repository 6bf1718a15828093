"""The demo seeder: the Contract's companies, realistic vacancies, idempotent and fast."""

from __future__ import annotations

import io
import random
import time

from django.db.models import Count

from employers.models import Employer, Vacancy, VacancySkill
from placement.demo import accounts as officers_demo
from placement.demo import employers as demo
from placement.ledger.models import Event


def seed(vacancies: int) -> float:
    """Seed, and return the CPU time this process spent (not wall-clock: load elsewhere on the
    machine must not fail the test)."""
    started = time.process_time()
    officers_demo.seed(stdout=io.StringIO(), options={}, rng=random.Random(1))
    demo.seed(stdout=io.StringIO(), options={"vacancies": vacancies}, rng=random.Random(7))
    return time.process_time() - started


def test_the_demo_employers_get_verified_companies_with_published_vacancies(db):
    seed(0)
    for local, regency in (("employer.6271", "62.71"), ("employer.6201", "62.01")):
        employer = Employer.objects.get(users__user__email=f"{local}@antarkerja.example")
        assert employer.status == "verified" and employer.regency_id == regency
        assert employer.users.get().is_admin
        published = Vacancy.objects.published().filter(employer=employer)
        assert published.count() >= 4
        assert Vacancy.objects.filter(employer=employer, status="submitted").exists()


def test_generated_vacancies_are_realistic_and_a_third_are_in_kalimantan_tengah(db):
    elapsed = seed(300)
    generated = Vacancy.objects.filter(employer__nib__startswith=demo.GENERATED_NIB_PREFIX)
    assert generated.count() == 300
    assert elapsed < 10
    in_62 = generated.filter(employer__regency__province_id="62").count()
    assert in_62 >= 100
    statuses = dict(generated.values_list("status").annotate(n=Count("id")))
    assert {"published", "submitted", "draft", "returned", "filled", "expired"} <= set(statuses)
    assert statuses["published"] > 150
    # Wages near the provincial minimum wage for the occupation, never absurd.
    for vacancy in generated.exclude(wage_min=None).select_related("regency"):
        assert 1_500_000 <= vacancy.wage_min <= 20_000_000
    # Every vacancy has skills that fit it; work abroad goes through a P3MI.
    with_skills = VacancySkill.objects.filter(vacancy__in=generated).values("vacancy").distinct()
    assert with_skills.count() == 300
    abroad = generated.filter(scope="AKAN")
    assert abroad.exists() and not abroad.filter(p3mi_name="").exists()
    # Published vacancies are counted in the ledger.
    registered = Event.objects.filter(kind="vacancy_registered").count()
    assert registered >= generated.exclude(published_at=None).count()


def test_seeding_twice_creates_nothing_new(db):
    seed(60)
    counts = (Employer.objects.count(), Vacancy.objects.count(), Event.objects.count())
    seed(60)
    assert (Employer.objects.count(), Vacancy.objects.count(), Event.objects.count()) == counts
