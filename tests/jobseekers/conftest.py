"""Helpers for the job seeker tests: a full valid answer per registration step."""

from __future__ import annotations

import pytest

from jobseekers.consent import CURRENT_CONSENT_VERSION
from placement.taxonomy.models import Occupation, Skill

NIK = "6271036703010002"  # 62.71.03, woman, born 27-03-2001, serial 0002


def identity_data(**overrides) -> dict:
    data = {
        "full_name": "Dewi Lestari",
        "nik": NIK,
        "birth_place": "Palangka Raya",
        "identity_confirmed": "yes",  # the NIK's sex and birth date (P, 27-03-2001) are right
        "marital_status": "single",
        "religion": "islam",
    }
    data.update(overrides)
    return data


def contact_data(**overrides) -> dict:
    data = {
        "address": "Jl. Tjilik Riwut Km 5 No. 12",
        "regency": "62.71",
        "district": "62.71.03",
        "postcode": "73112",
        "phone": "0812 3456 7890",
    }
    data.update(overrides)
    return data


def education_data(**overrides) -> dict:
    data = {
        "action": "add",
        "level": "3000",
        "school_type": "smk",
        "major": "Akuntansi",
        "school": "SMKN 1 Palangka Raya",
        "graduation_year": "2019",
    }
    data.update(overrides)
    return data


def experience_data(**overrides) -> dict:
    data = {
        "action": "add",
        "job_title": "Kasir",
        "occupation": str(Occupation.objects.get(code="5230").pk),
        "employer_name": "Toko Maju",
        "start_year": "2020",
        "end_year": "2022",
        "months": "24",
    }
    data.update(overrides)
    return data


def preferences_data(**overrides) -> dict:
    data = {
        "preferred_occupations": [
            str(Occupation.objects.get(code="4311").pk),
            str(Occupation.objects.get(code="5230").pk),
        ],
        "expected_wage": "3500000",
        "relocation": "province",
    }
    data.update(overrides)
    return data


def _errors(response) -> list[str]:
    import re

    html = response.content.decode()
    return re.findall(r'class="error-message"[^>]*>(.*?)</p>', html, re.S) or [html[:2000]]


def register_fully(client) -> None:
    """Walk every step of the online registration with valid answers (the account exists)."""
    skills = [
        str(pk) for pk in Skill.objects.filter(common_rank__lte=3).values_list("pk", flat=True)
    ]
    posts = [
        ("/seeker/register/identity/", identity_data()),
        ("/seeker/register/contact/", contact_data()),
        ("/seeker/register/education/", education_data()),
        ("/seeker/register/education/", {"action": "continue"}),
        ("/seeker/register/experience/", experience_data()),
        ("/seeker/register/experience/", {"action": "continue"}),
        ("/seeker/register/skills/", {"skills": skills}),
        ("/seeker/register/preferences/", preferences_data()),
        ("/seeker/register/category/", {"category": "stopped"}),
        ("/seeker/register/disability/", {"has_disability": "no"}),
        (
            "/seeker/register/check/",
            {"consent": "on", "consent_version": CURRENT_CONSENT_VERSION},
        ),
    ]
    for url, data in posts:
        response = client.post(url, data)
        assert response.status_code == 302, (url, _errors(response))


@pytest.fixture
def seeker_client(client, sam):
    """sam, signed in (a seeker user who has not started a registration)."""
    client.force_login(sam)
    return client


@pytest.fixture(autouse=True)
def _english(client):
    """Assertions read English text: pages and messages in English unless a test says otherwise."""
    from django.utils import translation

    from tests.helpers import english

    english(client)
    with translation.override("en"):
        yield
