"""A vacancy can require a driving licence, a BNSP certificate or a language, and mark night or
hazardous work: report step, API, import, public page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from employers import rules
from employers.models import Vacancy
from jobseekers import services as seeker_services
from placement.taxonomy.credentials import licence_from_text, scheme_key
from tests.employers.test_imports import csv_upload, run, vacancy_row
from tests.factories import EmployerFactory, JobSeekerFactory, VacancyFactory

pytestmark = pytest.mark.django_db


def test_the_rules_name_the_field():
    assert rules.requirement_problems("B1", "Operator Forklift", "en", 2) == {}
    assert "required_licence" in rules.requirement_problems("Z", "", "", None)
    assert "required_certificate" in rules.requirement_problems("", " / ", "", None)
    assert "required_language_level" in rules.requirement_problems("", "", "ja", None)
    assert "required_language_level" in rules.requirement_problems("", "", "", 2)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("SIM B1", "B1"),
        ("b i umum", "B1_UMUM"),
        ("B2 Umum", "B2_UMUM"),
        ("sim a", "A"),
        ("SIM C I", "C1"),
        ("sim c ii", "C2"),
        ("SIM D I", "D1"),
        ("D", "D"),
        ("", ""),
        ("SIM Z", None),
    ],
)
def test_licence_classes_are_read_as_people_write_them(text, code):
    assert licence_from_text(text) == code


def test_scheme_names_compare_loosely():
    assert scheme_key("Skema Sertifikasi Operator Forklift") == scheme_key("operator  forklift")
    assert scheme_key("Juru Las") != scheme_key("Juru Las 3G")


def test_the_report_step_saves_the_requirements(client, erin, erin_company):
    vacancy = VacancyFactory(employer=erin_company, status="draft")
    client.force_login(erin)
    url = f"/employer/vacancies/{vacancy.pk}/edit/conditions/"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "required_licence": "B1",
            "required_certificate": "Operator Forklift",
            "required_language": "en",
            "required_language_level": "2",
            "night_work": "on",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    vacancy.refresh_from_db()
    assert (vacancy.required_licence, vacancy.required_language_level) == ("B1", 2)
    assert vacancy.night_work and not vacancy.hazardous_work
    with translation.override("en"):
        assert vacancy.requirement_labels == [
            "SIM B1",
            "BNSP certificate: Operator Forklift",
            "English (working)",
        ]


def test_the_report_step_refuses_a_level_without_a_language(client, erin, erin_company):
    vacancy = VacancyFactory(employer=erin_company, status="draft")
    client.force_login(erin)
    url = f"/employer/vacancies/{vacancy.pk}/edit/conditions/"
    response = client.post(url, {"required_language_level": "2"})
    assert response.status_code == 400
    assert "Pilih bahasa yang dimaksud tingkat itu" in response.text
    vacancy.refresh_from_db()
    assert vacancy.required_language_level is None


def test_the_api_takes_and_shows_the_requirements(client, erin, erin_company):
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_authenticate(erin)
    today = timezone.localdate()
    body = {
        "title": "Sopir truk",
        "occupation": "8332",
        "headcount": 1,
        "description": "Mengantar barang.",
        "min_education": "2000",
        "wage_min": 4_000_000,
        "regency": "62.71",
        "valid_from": str(today),
        "valid_to": str(today + timedelta(days=30)),
        "required_licence": "B1_UMUM",
        "hazardous_work": True,
    }
    response = api.post("/api/v1/vacancies/", body, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["required_licence"] == "B1_UMUM"
    assert response.json()["hazardous_work"] is True
    bad = api.post("/api/v1/vacancies/", {**body, "required_language_level": 2}, format="json")
    assert bad.status_code == 400 and "required_language_level" in bad.json()


def test_the_import_reads_licence_certificate_and_conditions(alice):
    employer = EmployerFactory(nib="7100000000009")
    rows = [
        vacancy_row(employer.nib, 1, licence="SIM B1", night_work="ya"),
        vacancy_row(employer.nib, 2, licence="SIM Z"),
        vacancy_row(employer.nib, 3, hazardous_work="mungkin"),
        vacancy_row(employer.nib, 4, certificate="Operator Forklift"),
        vacancy_row(employer.nib, 5, licence="SIM C II"),
    ]
    result = run(csv_upload(rows), kind="vacancies", by=alice)
    assert {(r, c) for r, c, *_rest in result.errors} == {
        (3, "licence"),
        (4, "hazardous_work"),
    }
    first = Vacancy.objects.get(title="Kasir 1")
    assert first.required_licence == "B1" and first.night_work
    assert Vacancy.objects.get(title="Kasir 4").required_certificate == "Operator Forklift"
    assert Vacancy.objects.get(title="Kasir 5").required_licence == "C2"  # Perpol 5/2021


def test_the_public_page_shows_requirements_and_checks_them_for_a_seeker(client):
    vacancy = VacancyFactory(title="Sopir truk", required_licence="B1", night_work=True)
    page = client.get(f"/vacancies/{vacancy.pk}/")
    assert "SIM B1" in page.text and "Kerja malam" in page.text
    seeker = JobSeekerFactory(verified=True)
    client.force_login(seeker.user)
    assert "Anda belum memiliki SIM B1 yang diminta" in client.get(f"/vacancies/{vacancy.pk}/").text
    seeker_services.add_credential(
        seeker=seeker,
        actor=seeker.user,
        kind="licence",
        licence_class="B2",  # a B2 also covers B1
        valid_until=timezone.localdate() + timedelta(days=400),
    )
    assert "Anda memiliki SIM B1 yang diminta" in client.get(f"/vacancies/{vacancy.pk}/").text
