"""The seeker's requests about their data through the API: the same service as the page."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from placement.privacy.models import SubjectRequest

pytestmark = pytest.mark.django_db
URL = "/api/v1/jobseekers/me/privacy-requests/"


@pytest.fixture
def api():
    return APIClient()


def test_a_seeker_files_and_lists_their_requests(api, sam, dewi, priya):
    api.force_authenticate(sam)

    created = api.post(URL, {"kind": "withdrawal"}, format="json")

    assert created.status_code == 201
    body = created.json()
    assert body["kind"] == "withdrawal" and body["status"] == "received"
    assert body["number"].startswith("PDP-") and body["overdue"] is False
    item = SubjectRequest.objects.get()
    assert item.seeker == dewi and item.filed_by == sam
    assert [row["id"] for row in api.get(URL).json()] == [item.pk]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"kind": "everything"}, "kind"),
        ({"kind": "correction", "details": ""}, "details"),
        ({"kind": "access", "details": "x" * 2001}, "details"),
    ],
)
def test_bad_requests_are_400_with_the_field(api, sam, dewi, body, field):
    api.force_authenticate(sam)
    response = api.post(URL, body, format="json")
    assert response.status_code == 400 and field in response.json()
    assert not SubjectRequest.objects.exists()


def test_a_second_open_request_of_a_kind_is_400(api, sam, dewi):
    api.force_authenticate(sam)
    api.post(URL, {"kind": "access"}, format="json")
    response = api.post(URL, {"kind": "access"}, format="json")
    assert response.status_code == 400 and "kind" in response.json()


def test_others_get_404_or_401(api, alice, erin):
    for user in (alice, erin):
        api.force_authenticate(user)
        assert api.get(URL).status_code == 404
        assert api.post(URL, {"kind": "access"}, format="json").status_code == 404
    api.force_authenticate(None)
    assert api.get(URL).status_code == 401
