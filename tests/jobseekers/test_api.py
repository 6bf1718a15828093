"""The jobseekers API: self-registration, the seeker's own record, report, officer actions."""

import pytest
import yaml
from django.utils import timezone, translation
from rest_framework.test import APIClient

from jobseekers import services
from jobseekers.consent import CURRENT_CONSENT_VERSION
from jobseekers.models import Consent, JobSeeker
from placement.accounts.models import User
from tests.factories import JobSeekerFactory
from tests.jobseekers.conftest import NIK


def registration(**overrides) -> dict:
    data = {
        "email": "dewi@example.org",
        "password": "kopi susu pagi hari",
        "full_name": "Dewi Lestari",
        "nik": NIK,
        "birth_place": "Palangka Raya",
        "birth_date": "2001-03-27",
        "sex": "P",
        "marital_status": "single",
        "religion": "islam",
        "address": "Jl. Tjilik Riwut Km 5",
        "regency": "62.71",
        "district": "62.71.03",
        "phone": "0812 3456 7890",
        "educations": [
            {"level": "3000", "school": "SMKN 1 Palangka Raya", "graduation_year": 2019}
        ],
        "experiences": [
            {
                "job_title": "Kasir",
                "occupation": "5230",
                "employer_name": "Toko Maju",
                "start_year": 2020,
                "months": 12,
            }
        ],
        "preferred_occupations": ["4311", "5230"],
        "relocation": "province",
        "category": "stopped",
        "consent_version": CURRENT_CONSENT_VERSION,
    }
    data.update(overrides)
    return data


@pytest.fixture
def api():
    return APIClient(HTTP_ACCEPT_LANGUAGE="en")


def test_self_registration_creates_a_submitted_seeker_with_consent(api, db):
    response = api.post("/api/v1/jobseekers/", registration(), format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["status"] == "submitted"
    assert body["ak1_number"] is None
    assert body["preferred_occupations"] == ["4311", "5230"]
    assert body["warnings"] == []  # only officers see warnings
    seeker = JobSeeker.objects.get(pk=body["id"])
    assert seeker.user.role == "seeker"
    assert seeker.phone == "081234567890"
    assert seeker.education_level_id == "3000" and seeker.experience_months == 12
    assert Consent.objects.get(seeker=seeker).version == CURRENT_CONSENT_VERSION


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"nik": "627103670301000"}, "nik"),
        ({"nik": "9971036703010002"}, "nik"),
        ({"nik": "6271037503010002"}, "nik"),
        ({"nik": "6271036703010000"}, "nik"),
        ({"email": "bukan-surel"}, "email"),
        ({"password": "12345678"}, "password"),
        ({"district": "62.01.01"}, "district"),
        ({"regency": "99.99"}, "regency"),
        ({"phone": "123"}, "phone"),
        ({"birth_date": "2999-01-01"}, "birth_date"),
        ({"full_name": "Dewi 2"}, "full_name"),
        ({"preferred_occupations": ["5223", "5230", "4110", "8322"]}, "preferred_occupations"),
        ({"educations": []}, "educations"),
        ({"consent_version": "1999-01"}, "consent_version"),
        ({"status": "active", "nik": "1"}, "nik"),
    ],
)
def test_bad_registration_input_gets_400_on_its_field_and_saves_nothing(api, db, overrides, field):
    response = api.post("/api/v1/jobseekers/", registration(**overrides), format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert not User.objects.filter(email="dewi@example.org").exists()
    assert not JobSeeker.objects.exists()


def test_registering_a_nik_on_file_answers_as_for_a_new_nik_and_flags_a_duplicate(
    api, db, mailoutbox, django_capture_on_commit_callbacks
):
    holder = JobSeekerFactory(nik=NIK, full_name="Rahasia")
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post("/api/v1/jobseekers/", registration(), format="json")
    fresh = api.post(
        "/api/v1/jobseekers/",
        registration(email="other@example.org", nik="6271035508900002"),
        format="json",
    )
    assert response.status_code == fresh.status_code == 201
    assert set(response.json()) == set(fresh.json())
    assert "Rahasia" not in response.content.decode()
    duplicate = JobSeeker.objects.get(user__email="dewi@example.org")
    assert duplicate.duplicate_of == holder
    assert [w["code"] for w in duplicate.warnings if w["code"] == "nik_duplicate"]
    # The "registration received" notice (issue 14) goes to everyone who registers; only the
    # holder of a duplicate NIK also hears that an officer will check it.
    checked = [
        m.to for m in mailoutbox if "checked by an officer" in m.subject or "diperiksa" in m.subject
    ]
    assert checked == [["dewi@example.org"]]


@pytest.mark.parametrize(
    ("language", "subject"),
    [("en", "We received your registration"), ("id", "Pendaftaran Anda sudah kami terima")],
)
def test_who_registers_by_api_in_a_language_is_written_to_in_it(
    db, mailoutbox, django_capture_on_commit_callbacks, language, subject
):
    api = APIClient(HTTP_ACCEPT_LANGUAGE=language)
    other = "id" if language == "en" else "en"  # the e-mail is sent while another one is active
    with translation.override(other), django_capture_on_commit_callbacks(execute=True):
        response = api.post("/api/v1/jobseekers/", registration(), format="json")
    assert response.status_code == 201, response.json()
    (receipt,) = [m for m in mailoutbox if m.to == ["dewi@example.org"]]
    assert subject in receipt.subject


def test_a_registration_cannot_set_status_or_number(api, db):
    response = api.post(
        "/api/v1/jobseekers/",
        registration(status="active", ak1_number="6271-2026-000001", office="62.71"),
        format="json",
    )
    assert response.status_code == 201
    seeker = JobSeeker.objects.get()
    assert seeker.status == "submitted" and seeker.ak1_number is None and seeker.office is None


def test_the_seeker_reads_and_patches_their_own_record(api, db):
    seeker = JobSeekerFactory()
    api.force_authenticate(seeker.user)
    assert api.get("/api/v1/jobseekers/me/").json()["nik"] == seeker.nik
    response = api.patch(
        "/api/v1/jobseekers/me/", {"phone": "+62 813 1111 2222", "skills": []}, format="json"
    )
    assert response.status_code == 200
    seeker.refresh_from_db()
    assert seeker.phone == "081311112222"
    assert seeker.full_name == JobSeeker.objects.get(pk=seeker.pk).full_name  # untouched


@pytest.mark.parametrize(
    "field",
    ["status", "ak1_number", "office", "role", "expires_on", "next_report_on", "warnings"],
)
def test_a_seeker_cannot_set_protected_fields_on_themself(api, db, field):
    seeker = JobSeekerFactory()
    api.force_authenticate(seeker.user)
    value = {"status": "active", "role": "national", "office": "62"}.get(field, "2030-01-01")
    response = api.patch("/api/v1/jobseekers/me/", {field: value}, format="json")
    assert response.status_code == 400
    assert field in response.json()
    seeker.refresh_from_db()
    assert seeker.status == "submitted" and seeker.ak1_number is None
    assert seeker.user.role == "seeker"


def test_after_verification_the_seeker_cannot_change_the_identity_by_api(api, alice):
    seeker = services.verify_jobseeker(seeker=JobSeekerFactory(), officer=alice)
    api.force_authenticate(seeker.user)
    response = api.patch("/api/v1/jobseekers/me/", {"full_name": "Orang Lain"}, format="json")
    assert response.status_code == 400
    assert "full_name" in response.json()
    api.force_authenticate(alice)
    response = api.patch(
        f"/api/v1/jobseekers/{seeker.pk}/", {"full_name": "Dewi Lestari Putri"}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["full_name"] == "Dewi Lestari Putri"


def test_a_patch_with_bad_input_changes_nothing(api, db):
    seeker = JobSeekerFactory()
    api.force_authenticate(seeker.user)
    response = api.patch(
        "/api/v1/jobseekers/me/",
        {"phone": "081399998888", "educations": [{"level": "3000", "school": ""}]},
        format="json",
    )
    assert response.status_code == 400
    seeker.refresh_from_db()
    assert seeker.phone != "081399998888"
    assert seeker.educations.count() == 1


def test_the_report_endpoint_reports_when_due_and_refuses_otherwise(api, alice):
    seeker = services.verify_jobseeker(seeker=JobSeekerFactory(), officer=alice)
    api.force_authenticate(seeker.user)
    answers = {"still_looking": True}
    assert api.post("/api/v1/jobseekers/me/report/", answers, format="json").status_code == 400
    services.expire_lapsed_seekers(
        on=seeker.next_report_on.replace(year=seeker.next_report_on.year + 1)
    )
    assert api.post("/api/v1/jobseekers/me/report/", {}, format="json").status_code == 400
    response = api.post("/api/v1/jobseekers/me/report/", answers, format="json")
    assert response.status_code == 200
    assert response.json()["event"] == "seeker_reactivated"


def test_the_officer_verifies_by_api_and_the_number_is_issued(api, alice):
    seeker = JobSeekerFactory()
    api.force_authenticate(alice)
    response = api.post(f"/api/v1/jobseekers/{seeker.pk}/verify/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "active"
    assert body["ak1_number"] == f"6271-{timezone.localdate().year}-000001"
    assert api.post(f"/api/v1/jobseekers/{seeker.pk}/verify/").status_code == 400
    card = api.get(f"/api/v1/jobseekers/{seeker.pk}/card.pdf")
    assert card.status_code == 200 and card.content.startswith(b"%PDF-")


def test_the_seeker_downloads_their_own_card_by_api(api, alice):
    seeker = services.verify_jobseeker(seeker=JobSeekerFactory(), officer=alice)
    api.force_authenticate(seeker.user)
    assert api.get(f"/api/v1/jobseekers/{seeker.pk}/card.pdf").status_code == 200


def test_officers_see_warnings_and_disability_but_list_only_their_region(api, alice):
    seeker = JobSeekerFactory(has_disability=True, disability_note="Tunarungu")
    seeker.sex = "L"  # the NIK says P
    seeker.warnings = services.compute_warnings(seeker)
    seeker.save()
    api.force_authenticate(alice)
    body = api.get(f"/api/v1/jobseekers/{seeker.pk}/").json()
    assert body["has_disability"] is True
    assert body["warnings"]
    assert api.get("/api/v1/jobseekers/", {"status": "bogus"}).status_code == 400
    assert api.get("/api/v1/jobseekers/", {"status": "submitted"}).json()["count"] == 1


def test_put_and_delete_are_not_allowed(api, alice):
    seeker = JobSeekerFactory()
    api.force_authenticate(alice)
    assert api.put(f"/api/v1/jobseekers/{seeker.pk}/", {}, format="json").status_code == 405
    assert api.delete(f"/api/v1/jobseekers/{seeker.pk}/").status_code == 405


def test_the_schema_documents_lengths_patterns_and_4xx_responses(client, db):
    schema = yaml.safe_load(client.get("/api/schema/").content)
    paths = schema["paths"]
    for path, method in [
        ("/api/v1/jobseekers/", "post"),
        ("/api/v1/jobseekers/", "get"),
        ("/api/v1/jobseekers/me/", "patch"),
        ("/api/v1/jobseekers/me/report/", "post"),
        ("/api/v1/jobseekers/{id}/", "patch"),
        ("/api/v1/jobseekers/{id}/verify/", "post"),
        ("/api/v1/jobseekers/{id}/card.pdf", "get"),
    ]:
        responses = paths[path][method]["responses"]
        assert any(code.startswith("4") for code in responses), (path, method)
    request = schema["components"]["schemas"]["RegistrationRequest"]["properties"]
    assert request["nik"]["pattern"] == "^[0-9]{16}$"
    assert request["nik"]["maxLength"] == 16
    assert request["full_name"]["maxLength"] == 150
    assert request["postcode"]["oneOf"][0]["pattern"] == "^[0-9]{5}$"


def test_moving_to_another_regency_drops_the_old_district(api, db):
    seeker = JobSeekerFactory()
    api.force_authenticate(seeker.user)
    response = api.patch("/api/v1/jobseekers/me/", {"regency": "62.01"}, format="json")
    assert response.status_code == 200
    assert (response.json()["regency"], response.json()["district"]) == ("62.01", None)
