"""The registration desk through the API: the same services as the pages, via="api", scoped."""

from __future__ import annotations

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from jobseekers import services
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
