"""Candidates from another office's region appear without identity until that office agrees to
share them or the seeker applies; matching runs are scoped to the office's province."""

from __future__ import annotations

import pytest
from django.utils import timezone

from placement.matching import services
from placement.matching.models import MatchRun
from placement.pipeline.models import Application, CandidateRequest
from tests.factories import OfficerFactory
from tests.placement.matching.conftest import WELDING, make_seeker, make_vacancy
from tests.placement.matching.conftest import employer as employer  # the fixture


@pytest.fixture
def night(employer):
    """A welding job in 62.71; Sari lives in 62.71, Dodi in 62.01 and will move for work."""
    job = make_vacancy(employer, "Juru las", required=(WELDING,))
    near = make_seeker("Sari Wulandari", skills=(WELDING,))
    far = make_seeker("Dodi Rahasia", regency="62.01", skills=(WELDING,), relocation="province")
    services.start_run(run_on=timezone.localdate())
    return {"job": job, "near": near, "far": far}


def _api_rows(client, job) -> dict:
    rows = client.get(f"/api/v1/vacancies/{job.pk}/matches/").json()
    return {row["regency"]: row for row in rows}


def test_the_api_hides_an_out_of_region_candidate_but_keeps_the_match(client, alice, night):
    client.force_login(alice)

    rows = _api_rows(client, night["job"])

    assert rows["62.71"]["full_name"] == "Sari Wulandari" and rows["62.71"]["identified"]
    far = rows["62.01"]
    assert far["full_name"] is None and far["seeker_id"] is None and not far["identified"]
    assert far["education"] == "3000" and far["score"] > 0
    assert far["matched_skills"]
    body = client.get(f"/api/v1/vacancies/{night['job'].pk}/matches/").content.decode()
    assert "Dodi" not in body


def test_the_page_hides_the_name_and_offers_a_request_through_their_office(client, alice, night):
    client.force_login(alice)

    html = client.get(f"/officer/matching/vacancies/{night['job'].pk}/").content.decode()

    assert "Sari Wulandari" in html
    assert "Dodi" not in html
    assert "Minta melalui dinasnya" in html or "Request through their office" in html


def test_the_holding_office_agrees_and_the_name_appears(client, alice, night):
    bob = OfficerFactory(office__code="62.01", user__email="bob@example.org").user
    client.force_login(alice)
    far = _api_rows(client, night["job"])["62.01"]

    asked = client.post(f"/api/v1/vacancies/{night['job'].pk}/matches/{far['candidate']}/request/")

    assert asked.status_code == 201
    request = CandidateRequest.objects.get()
    assert request.seeker == night["far"] and request.status == "pending"
    client.force_login(bob)
    queue = client.get("/officer/matching/requests/").content.decode()
    assert "Dodi Rahasia" in queue
    client.post(f"/officer/matching/requests/{request.pk}/decide/", {"decision": "agree"})
    client.force_login(alice)
    assert _api_rows(client, night["job"])["62.01"]["full_name"] == "Dodi Rahasia"


def test_a_request_is_answered_only_by_the_office_holding_the_seeker(client, alice, night):
    client.force_login(alice)
    far = _api_rows(client, night["job"])["62.01"]
    job = night["job"]
    client.post(f"/officer/matching/vacancies/{job.pk}/request/", {"match": far["candidate"]})
    request = CandidateRequest.objects.get()

    decide = f"/officer/matching/requests/{request.pk}/decide/"
    response = client.post(decide, {"decision": "agree"})

    assert response.status_code == 404
    assert CandidateRequest.objects.get().status == "pending"
    assert "Dodi" not in client.get("/officer/matching/requests/").content.decode()


def test_a_candidate_who_applied_is_shown_with_the_name(client, alice, night):
    Application.objects.create(seeker=night["far"], vacancy=night["job"])
    client.force_login(alice)

    assert _api_rows(client, night["job"])["62.01"]["full_name"] == "Dodi Rahasia"


def test_an_officer_sees_only_the_runs_of_their_province(client, alice, night):
    MatchRun.objects.create(run_on=timezone.localdate(), province="31", status="succeeded")
    MatchRun.objects.create(run_on=timezone.localdate(), province="62", status="succeeded")
    client.force_login(alice)

    provinces = {run["province"] for run in client.get("/api/v1/matching/runs/").json()}
    page = client.get("/officer/matching/").content.decode()

    assert provinces == {"", "62"}
    assert ">31<" not in page


def test_a_supervisor_cannot_start_another_provinces_run(client, night):
    head = OfficerFactory(office__code="62", user__role="supervisor").user
    client.force_login(head)

    response = client.post(
        "/api/v1/matching/runs/", {"province": "31"}, content_type="application/json"
    )

    assert response.status_code == 404
