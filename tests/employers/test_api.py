"""API of employers and vacancies: same rules and scopes as the pages."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone, translation

from employers import services
from employers.models import Employer, Vacancy
from placement.taxonomy.models import Skill
from tests.factories import EmployerFactory, EmployerUserFactory, VacancyFactory

JSON = "application/json"


def registration(**overrides) -> dict:
    data = {
        "name": "PT Sinar Kahayan Mandiri",
        "nib": "1234567890123",
        "industry": "47111",
        "ownership": "private",
        "address": "Jl. Yos Sudarso No. 3",
        "regency": "62.71",
        "contact_name": "Rina",
        "contact_email": "hrd@sinar.example",
        "contact_phone": "0536 3221234",
        "full_name": "Rina Kartika",
        "email": "rina@sinar.example",
        "password": "a long enough passphrase",
    }
    data.update(overrides)
    return data


def vacancy_body(**overrides) -> dict:
    today = timezone.localdate()
    data = {
        "title": "Kasir",
        "occupation": "5230",
        "headcount": 2,
        "description": "Melayani pembayaran.",
        "min_education": "3000",
        "wage_min": 3_400_000,
        "wage_max": 3_900_000,
        "regency": "62.71",
        "valid_from": today.isoformat(),
        "valid_to": (today + timedelta(days=30)).isoformat(),
        "required_skills": [Skill.objects.get(label_en="process payments").pk],
    }
    data.update(overrides)
    return data


def test_a_company_registers_through_the_api_anonymously(client, db):
    response = client.post("/api/v1/employers/", registration(), JSON)
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "pending"
    assert Employer.objects.get(nib="1234567890123").users.get().is_admin


@pytest.mark.parametrize(
    ("language", "subject"),
    [("en", "PT Sinar Kahayan Mandiri is verified"), ("id", "PT Sinar Kahayan Mandiri sudah")],
)
def test_who_registers_a_company_by_api_in_a_language_is_written_to_in_it(
    client, alice, language, subject, django_capture_on_commit_callbacks
):
    response = client.post(
        "/api/v1/employers/", registration(), JSON, HTTP_ACCEPT_LANGUAGE=language
    )
    assert response.status_code == 201, response.content
    employer = Employer.objects.get(nib="1234567890123")
    officer_language = "id" if language == "en" else "en"  # the officer works in the other one
    with translation.override(officer_language), django_capture_on_commit_callbacks(execute=True):
        services.verify_employer(employer=employer, by=alice)
    (message,) = [m for m in mail.outbox if m.to == ["rina@sinar.example"]]
    assert subject in message.subject


@pytest.mark.parametrize(
    "field, value",
    [
        ("nib", "12345"),
        ("nib", "\uff11" * 13),  # full-width digits are not digits here
        ("regency", "99.99"),
        ("industry", "ZZZ"),
        ("password", "short"),
        ("contact_email", "not-an-email"),
    ],
)
def test_registration_with_bad_input_answers_400_and_creates_nothing(client, db, field, value):
    response = client.post("/api/v1/employers/", registration(**{field: value}), JSON)
    assert response.status_code == 400
    assert field in response.json()
    assert not Employer.objects.exists()


def test_officers_list_employers_of_their_region_only(client, alice, db):
    EmployerFactory(regency_id="62.71", name="PT Kota")
    EmployerFactory(regency_id="62.01", name="PT Kabupaten")
    client.force_login(alice)
    names = [row["name"] for row in client.get("/api/v1/employers/").json()["results"]]
    assert names == ["PT Kota"]


def test_employer_list_needs_authentication(client, db):
    assert client.get("/api/v1/employers/").status_code in (401, 403)


def test_an_officer_verifies_an_employer_through_the_api(client, alice, bob, db):
    employer = EmployerFactory(status="pending")
    client.force_login(bob)
    url = f"/api/v1/employers/{employer.pk}/verify/"
    assert client.post(url, {"decision": "verify"}, JSON).status_code == 404
    client.force_login(alice)
    assert client.post(url, {"decision": "reject"}, JSON).status_code == 400  # no reason
    assert client.post(url, {"decision": "verify"}, JSON).status_code == 200
    employer.refresh_from_db()
    assert employer.status == "verified"


def test_an_employer_cannot_verify_its_own_company(client, erin, db):
    employer = EmployerUserFactory(user=erin, employer__status="pending").employer
    client.force_login(erin)
    response = client.post(f"/api/v1/employers/{employer.pk}/verify/", {"decision": "verify"}, JSON)
    assert response.status_code == 404
    employer.refresh_from_db()
    assert employer.status == "pending"


def test_anonymous_visitors_list_published_vacancies_only(client, db):
    VacancyFactory(title="Terbit")
    VacancyFactory(title="Draf", status="draft")
    VacancyFactory(title="Menunggu", status="submitted")
    titles = [row["title"] for row in client.get("/api/v1/vacancies/").json()["results"]]
    assert titles == ["Terbit"]


def test_an_employer_lists_its_own_vacancies_in_every_status(client, erin, fiona):
    employer = EmployerUserFactory(user=erin).employer
    VacancyFactory(employer=employer, status="draft", title="Draf Erin")
    VacancyFactory(employer=fiona.employer_membership.employer, title="Terbit Fiona")
    client.force_login(erin)
    titles = [row["title"] for row in client.get("/api/v1/vacancies/").json()["results"]]
    assert titles == ["Draf Erin"]


def test_an_employer_reports_and_submits_a_vacancy_through_the_api(client, erin, alice):
    EmployerUserFactory(user=erin)
    client.force_login(erin)
    response = client.post("/api/v1/vacancies/", vacancy_body(), JSON)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "draft" and body["industry"] == "47111"
    assert len(body["required_skills"]) == 1
    pk = body["id"]
    assert client.post(f"/api/v1/vacancies/{pk}/submit/").json()["status"] == "submitted"
    client.force_login(alice)
    response = client.post(f"/api/v1/vacancies/{pk}/verify/", {"decision": "publish"}, JSON)
    assert response.json()["status"] == "published"


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"occupation": "52"}, "occupation"),
        ({"wage_min": 5_000_000, "wage_max": 1_000_000}, "wage_max"),
        ({"age_max": 35}, "limits_reason"),
        ({"scope": "AKAN", "regency": None, "country": "Jepang"}, "p3mi_name"),
        ({"headcount": 0}, "headcount"),
        ({"title": "x" * 201}, "title"),
        ({"required_skills": [999999999]}, "required_skills"),
    ],
)
def test_a_bad_vacancy_answers_400_on_the_field_and_saves_nothing(client, erin, overrides, field):
    EmployerUserFactory(user=erin)
    client.force_login(erin)
    response = client.post("/api/v1/vacancies/", vacancy_body(**overrides), JSON)
    assert response.status_code == 400
    assert field in response.json()
    assert not Vacancy.objects.exists()


def test_only_employers_report_vacancies(client, alice, sam, db):
    assert client.post("/api/v1/vacancies/", vacancy_body(), JSON).status_code == 401
    for user in (alice, sam):
        client.force_login(user)
        assert client.post("/api/v1/vacancies/", vacancy_body(), JSON).status_code == 404
    assert not Vacancy.objects.exists()


def test_another_company_vacancy_actions_answer_404(client, erin, fiona):
    EmployerUserFactory(user=erin)
    employer = fiona.employer_membership.employer
    draft = VacancyFactory(employer=employer, status="draft")
    published = VacancyFactory(employer=employer)
    client.force_login(erin)
    assert client.get(f"/api/v1/vacancies/{draft.pk}/").status_code == 404
    assert client.post(f"/api/v1/vacancies/{draft.pk}/submit/").status_code == 404
    assert (
        client.post(f"/api/v1/vacancies/{published.pk}/close/", {"hired": 1}, JSON).status_code
        == 404
    )
    draft.refresh_from_db()
    published.refresh_from_db()
    assert draft.status == "draft" and published.status == "published"


def test_an_officer_of_another_region_cannot_verify_or_close(client, bob, db):
    vacancy = VacancyFactory(status="submitted")
    client.force_login(bob)
    url = f"/api/v1/vacancies/{vacancy.pk}/verify/"
    assert client.post(url, {"decision": "publish"}, JSON).status_code == 404
    vacancy.refresh_from_db()
    assert vacancy.status == "submitted"


def test_an_employer_cannot_verify_its_own_vacancy(client, erin):
    vacancy = VacancyFactory(status="submitted", employer=EmployerUserFactory(user=erin).employer)
    client.force_login(erin)
    url = f"/api/v1/vacancies/{vacancy.pk}/verify/"
    assert client.post(url, {"decision": "publish"}, JSON).status_code == 404


def test_an_incomplete_submission_answers_400_with_the_problems(client, erin):
    vacancy = VacancyFactory(
        status="draft", employer=EmployerUserFactory(user=erin).employer, description=""
    )
    client.force_login(erin)
    response = client.post(f"/api/v1/vacancies/{vacancy.pk}/submit/")
    assert response.status_code == 400
    assert "description" in response.json()["problems"]


def test_closing_through_the_api_reports_hires(client, erin):
    vacancy = VacancyFactory(headcount=3, employer=EmployerUserFactory(user=erin).employer)
    client.force_login(erin)
    response = client.post(f"/api/v1/vacancies/{vacancy.pk}/close/", {"hired": 3}, JSON)
    assert response.status_code == 200
    assert response.json()["status"] == "filled"


def test_the_schema_documents_lengths_patterns_and_4xx(client, db):
    schema = client.get("/api/schema/?format=json").json()
    registration_schema = schema["components"]["schemas"]["EmployerRegistrationRequest"]
    assert registration_schema["properties"]["nib"]["pattern"] == "^[0-9]{13}$"
    assert registration_schema["properties"]["name"]["maxLength"] == 200
    submit = schema["paths"]["/api/v1/vacancies/{id}/submit/"]["post"]["responses"]
    assert {"400", "404"} <= set(submit)


def test_the_company_record_keeps_its_published_field_order(client, db):
    # The serializer takes the correctable details from the service's one list; API clients
    # (and the schema) keep the order they were given.
    schema = client.get("/api/schema/?format=json").json()
    assert list(schema["components"]["schemas"]["Employer"]["properties"]) == [
        "id",
        "kind",
        "name",
        "nib",
        "identifier",
        "industry",
        "ownership",
        "address",
        "regency",
        "district",
        "contact_name",
        "contact_email",
        "contact_phone",
        "website",
        "status",
        "status_reason",
        "created_at",
        "verified_at",
    ]
