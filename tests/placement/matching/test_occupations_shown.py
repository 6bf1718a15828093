"""Candidate lists show each candidate's occupation, and the reasons name the past job that
counted as experience (issue 13: an officer trusts a list whose reasons they can read back)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from jobseekers.models import Experience
from placement.matching import services
from placement.matching.explain import reasons
from placement.matching.models import Match
from placement.taxonomy.models import Occupation
from tests.placement.matching.conftest import WELDING, make_seeker, make_vacancy


def job(seeker, title: str, code: str, months: int, end_year: int | None = None) -> None:
    Experience.objects.create(
        seeker=seeker,
        job_title=title,
        occupation=Occupation.objects.get(code=code),
        months=months,
        end_year=end_year,
    )


def welders(n: int, start: int = 0) -> list:
    """n welders of 62.71, each wanting 7212 and with a past job as a welder (different titles)."""
    seekers = []
    for i in range(start, start + n):
        seeker = make_seeker(f"Tukang Las {i}", skills=(WELDING,), occupations=("7212",))
        job(seeker, f"Juru las bengkel {i}", "7212", 12 + i, end_year=2025)
        seekers.append(seeker)
    return seekers


def page_queries(client, url: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_the_officers_candidate_lists_show_each_occupation_in_queries_that_do_not_grow(
    client, alice, employer
):
    vacancy = make_vacancy(employer, "Juru las", occupation="7212", required=(WELDING,))
    welders(2)
    services.start_run(run_on=timezone.localdate())
    client.force_login(alice)
    pages = (
        f"/officer/matching/vacancies/{vacancy.pk}/",
        f"/officer/vacancies/{vacancy.pk}/referrals/",
    )
    for url in pages:
        client.get(url)  # the first request of a session reads what later ones have cached
    few = [page_queries(client, url) for url in pages]
    for _count, html in few:
        assert "Ingin: Pekerja Pengelasan (7212)" in html
        assert "Pekerjaan terakhir: Juru las bengkel 1 (7212), 13 bulan" in html
    welders(6, start=2)  # eight candidates now
    services.start_run(run_on=timezone.localdate(), force=True)
    many = [page_queries(client, url) for url in pages]
    for (count_few, _), (count_many, html) in zip(few, many, strict=True):
        assert "Juru las bengkel 7 (7212), 19 bulan" in html
        assert count_many == count_few  # no query per candidate


def test_the_referral_search_shows_each_seekers_occupation_without_a_query_per_row(
    client, alice, employer
):
    vacancy = make_vacancy(employer, "Juru las", occupation="7212", required=(WELDING,))
    welders(2)
    client.force_login(alice)
    url = f"/officer/referrals/new/?vacancy={vacancy.pk}&q=Tukang"
    client.get(url)  # the first request of a session reads what later ones have cached
    count_few, html = page_queries(client, url)
    assert "Pekerjaan terakhir: Juru las bengkel 0 (7212), 12 bulan" in html
    welders(5, start=2)
    count_many, html = page_queries(client, url)
    assert "Juru las bengkel 6 (7212), 18 bulan" in html
    assert count_many == count_few


@pytest.fixture
def cashier_job(employer):
    return make_vacancy(employer, "Kasir minimarket", occupation="5230", min_experience_months=12)


def said(seeker, vacancy, *, experience: float, occupation: float, language: str = "id"):
    from jobseekers.occupations import occupations_of
    from placement.matching.explain import explain_all

    match = Match(
        seeker=seeker,
        vacancy=vacancy,
        score=60,
        skills=0,
        occupation=occupation,
        education=1,
        experience=experience,
        location=1,
        wage=1,
    )
    match.matched_skills, match.missing_skills = [], []
    with translation.override(language):
        (item,) = explain_all([match], audience="officer")
    assert item.occupations == occupations_of([seeker.pk])[seeker.pk]
    return item


def test_the_reasons_name_the_past_job_that_counted_as_experience(cashier_job):
    seeker = make_seeker("Rina")
    job(seeker, "Kasir", "5230.01", 24, end_year=2024)
    job(seeker, "Sopir truk", "8332", 45, end_year=2021)
    item = said(seeker, cashier_job, experience=1, occupation=1)
    assert "Pengalaman 24 bulan sebagai Kasir." in item.good
    assert "Menginginkan atau pernah menjalani jabatan ini: Kasir (5230.01, pekerjaan lalu)." in (
        item.good
    )
    assert not any("Sopir" in text for text in item.good + item.gaps + item.notes)
    english = said(seeker, cashier_job, experience=1, occupation=1, language="en")
    assert "24 months of experience as Kasir." in english.good


def test_a_truck_driver_is_told_his_months_do_not_count_for_a_cashier_job(cashier_job):
    seeker = make_seeker("Joko")
    job(seeker, "Sopir truk", "8332", 45)
    item = said(seeker, cashier_job, experience=0, occupation=0)
    assert "Belum ada pengalaman kerja seperti yang diminta." in item.gaps
    assert not any("cukup" in text.lower() for text in item.good)
    assert (
        "Pengalaman sebagai Sopir truk tidak dihitung untuk pekerjaan ini (jabatan lain)."
        in item.notes
    )


def test_a_neighbouring_occupation_that_counted_is_said(employer):
    nurse_job = make_vacancy(employer, "Perawat", occupation="3221", min_experience_months=24)
    seeker = make_seeker("Sri", occupations=("2221",))
    job(seeker, "Perawat ruang rawat inap", "2221", 36)
    item = said(seeker, nurse_job, experience=1, occupation=0.85)
    assert "Pengalaman 36 bulan sebagai Perawat ruang rawat inap (jabatan serumpun)." in item.good
    assert "Jabatan serumpun (sangat berkaitan): Profesional Keperawatan (2221)." in item.good


def test_without_the_profile_the_reasons_stay_generic():
    match = Match(score=70, occupation=1, education=1, experience=1, location=1, wage=1)
    match.matched_skills, match.missing_skills = [], []
    with translation.override("en"):
        good = reasons(match, {}, audience="officer").good
    assert "Enough experience in this or a related occupation." in good
    assert "Wants or has done this occupation." in good
