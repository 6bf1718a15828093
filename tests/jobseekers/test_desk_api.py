"""The registration desk through the API: the same services as the pages, via="api", scoped."""

from __future__ import annotations

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from jobseekers import services
from jobseekers.models import JobSeeker
from placement.accounts.models import AuditEvent
from placement.ledger.models import Event
from placement.pipeline.models import HireReport, Placement
from tests.factories import JobSeekerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient(HTTP_ACCEPT_LANGUAGE="en")


@pytest.mark.parametrize(
    ("action", "data", "verified", "status"),
    [
        ("return", {"reason": "Bawa ijazah"}, False, "returned"),
        ("reject", {"reason": "under_age"}, False, "rejected"),
        ("remove", {"reason": "moved_away"}, True, "removed"),
        ("reissue", {"reason": "damaged"}, True, "active"),
    ],
)
def test_each_action_is_one_post_with_via_api(api, alice, action, data, verified, status):
    seeker = JobSeekerFactory(verified=verified)
    api.force_authenticate(alice)
    response = api.post(f"/api/v1/jobseekers/{seeker.pk}/{action}/", data, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == status
    assert AuditEvent.objects.filter(object_id=str(seeker.pk), detail__via="api").exists()


@pytest.mark.parametrize(
    ("action", "data", "field"),
    [
        ("return", {"reason": ""}, "reason"),
        ("reject", {"reason": "bogus"}, "reason"),
        ("reject", {"reason": "other"}, "note"),
        ("remove", {"reason": "expired"}, "reason"),
        ("reissue", {"reason": "stolen"}, "reason"),
        ("merge", {"duplicate": 999999}, "duplicate"),
    ],
)
def test_bad_input_names_the_field_and_changes_nothing(api, alice, action, data, field):
    seeker = JobSeekerFactory(verified=action in ("remove", "reissue", "merge"))
    api.force_authenticate(alice)
    response = api.post(f"/api/v1/jobseekers/{seeker.pk}/{action}/", data, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert not Event.objects.exclude(kind="seeker_registered").exists()


def test_out_of_region_and_seekers_get_404(api, bob, alice):
    seeker = JobSeekerFactory(verified=True)
    api.force_authenticate(bob)
    for action in ("return", "reject", "remove", "reissue", "merge"):
        response = api.post(f"/api/v1/jobseekers/{seeker.pk}/{action}/", {}, format="json")
        assert response.status_code == 404
    api.force_authenticate(seeker.user)
    assert api.post(f"/api/v1/jobseekers/{seeker.pk}/remove/", {}).status_code == 404
    other = JobSeekerFactory(verified=True, regency_id="62.01")
    api.force_authenticate(alice)
    response = api.post(
        f"/api/v1/jobseekers/{seeker.pk}/merge/", {"duplicate": other.pk}, format="json"
    )
    assert response.status_code == 400  # the other one is not in alice's region


def test_hire_report_by_the_seeker_and_confirmation_by_the_officer(api, alice, bob):
    seeker = services.verify_jobseeker(seeker=JobSeekerFactory(), officer=alice)
    api.force_authenticate(seeker.user)
    body = {
        "employer_name": "PT Sawit",
        "job_title": "Mandor",
        "started_on": timezone.localdate().isoformat(),
        "work_regency": "62.01",
    }
    assert api.post("/api/v1/jobseekers/me/hire-report/", {}, format="json").status_code == 400
    response = api.post("/api/v1/jobseekers/me/hire-report/", body, format="json")
    assert response.status_code == 201
    report = HireReport.objects.get()
    api.force_authenticate(bob)
    url = f"/api/v1/hire-reports/{report.pk}/confirm/"
    assert api.post(url, {"employer_type": "private"}, format="json").status_code == 404
    api.force_authenticate(alice)
    assert api.post(url, {}, format="json").status_code == 400
    response = api.post(url, {"employer_type": "private"}, format="json")
    assert response.status_code == 200 and response.json()["scope"] == "AKAD"
    assert api.post(url, {"employer_type": "private"}, format="json").status_code == 400
    assert Placement.objects.count() == 1


def test_the_report_endpoint_takes_the_answers(api, alice):
    seeker = JobSeekerFactory(verified=True)
    api.force_authenticate(seeker.user)
    response = api.post("/api/v1/jobseekers/me/report/", {"still_looking": False}, format="json")
    assert response.status_code == 200 and response.json()["event"] == "seeker_removed"
    seeker.refresh_from_db()
    assert seeker.removal_reason == "on_request"


def counter_body(**overrides) -> dict:
    body = {
        "full_name": "Siti Aminah",
        "nik": "6271035203070002",
        "identity_confirmed": True,
        "birth_place": "Palangka Raya",
        "marital_status": "single",
        "religion": "islam",
        "ktp_address": "Jl. Rajawali 3",
        "ktp_regency": "62.71",
        "address": "Jl. Rajawali 3",
        "regency": "62.71",
        "education": {"level": "3000", "school_type": "smk", "school": "SMKN 2"},
        "preferred_occupations": ["5230"],
        "category": "never_worked",
        "documents": ["ktp"],
        "consent_given": True,
    }
    body.update(overrides)
    return body


def test_walk_in_registration_by_api_returns_the_code_once(api, alice):
    api.force_authenticate(alice)
    response = api.post("/api/v1/jobseekers/counter/", counter_body(), format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["status"] == "submitted" and body["sex"] == "P"
    assert body["birth_date"] == "2007-03-12"
    assert len(body["claim_code"]) == 11
    assert AuditEvent.objects.filter(
        detail__event="registered_at_counter", detail__via="api"
    ).exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"nik": "1"}, "nik"),
        ({"identity_confirmed": False}, "identity_note"),
        ({"documents": ["photo"]}, "documents"),
        ({"consent_given": False}, "consent_given"),
        ({"regency": "62.01"}, "regency"),
        ({"preferred_occupations": []}, "preferred_occupations"),
        ({"phone": "abc"}, "phone"),
    ],
)
def test_bad_walk_in_by_api_names_the_field(api, alice, overrides, field):
    api.force_authenticate(alice)
    response = api.post("/api/v1/jobseekers/counter/", counter_body(**overrides), format="json")
    assert response.status_code == 400
    assert field in response.json(), response.json()
    assert not JobSeeker.objects.exists()


def test_a_seeker_cannot_register_others_by_api(api, sam):
    api.force_authenticate(sam)
    assert api.post("/api/v1/jobseekers/counter/", counter_body(), format="json").status_code == 404
