"""The officer's candidate lists warn about age: a vacancy's age limit, work closed to minors,
a candidate under 18; from the rows already loaded (no query per row)."""

# ruff: noqa: F811

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from placement.migrants.rules import age_warning
from tests.factories import JobSeekerFactory
from tests.officers.conftest import add_match, kahayan, kasir  # noqa: F401

pytestmark = pytest.mark.django_db


def _born(years: int) -> datetime.date:
    today = timezone.localdate()
    return today.replace(year=today.year - years) - datetime.timedelta(days=10)


def test_the_rule_says_limit_minor_and_refusal(kasir):
    adult = JobSeekerFactory.build(birth_date=_born(30))
    young = JobSeekerFactory.build(birth_date=_born(16))
    unknown = JobSeekerFactory.build(birth_date=_born(30))
    unknown.birth_date = None
    with translation.override("en"):
        assert age_warning(adult, kasir) == ""
        assert "Under 18 (16)" in age_warning(young, kasir)
        assert "treated as under 18" in age_warning(unknown, kasir)
        kasir.age_max = 25
        assert "outside the vacancy's age limit (max. 25)" in age_warning(adult, kasir)
        kasir.night_work = True
        assert "night work is not allowed" in age_warning(young, kasir)


def test_the_vacancy_lists_show_it_without_a_query_per_row(client, alice, kasir):
    kasir.age_min, kasir.age_max = 20, 35
    kasir.save(update_fields=["age_min", "age_max"])
    old = JobSeekerFactory(verified=True, full_name="Pak Tua", birth_date=_born(50))
    fit = JobSeekerFactory(verified=True, full_name="Mas Pas", birth_date=_born(25))
    add_match(old, kasir, rank=1)
    add_match(fit, kasir, rank=2)
    client.force_login(alice)
    with translation.override("id"):
        page = client.get(f"/officer/vacancies/{kasir.pk}/referrals/").content.decode()
    assert page.count("di luar batas usia lowongan (20-35)") == 1
    # More candidates, the same number of queries.
    with CaptureQueriesContext(connection) as two:
        client.get(f"/officer/vacancies/{kasir.pk}/referrals/")
    for n in range(4):
        extra = JobSeekerFactory(verified=True, full_name=f"Calon {n}", birth_date=_born(60))
        add_match(extra, kasir, rank=3 + n)
    with CaptureQueriesContext(connection) as six:
        page = client.get(f"/officer/vacancies/{kasir.pk}/referrals/").content.decode()
    assert len(six) == len(two)
    assert page.count("di luar batas usia lowongan") == 5
    search = client.get(f"/officer/referrals/new/?vacancy={kasir.pk}&q=Pak").content.decode()
    assert "di luar batas usia lowongan (20-35)" in search


def test_the_candidates_page_warns_about_a_minor(client, alice, kasir):
    young = JobSeekerFactory(verified=True, full_name="Adik Muda", birth_date=_born(16))
    add_match(young, kasir)
    client.force_login(alice)
    page = client.get(f"/officer/matching/vacancies/{kasir.pk}/").content.decode()
    assert "Di bawah 18 tahun (16)" in page
