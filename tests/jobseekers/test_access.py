"""Scope: bob (62.01) gets 404 for a seeker of 62.71 everywhere; carol (62) sees both.

Every officer page, API endpoint and file of a seeker is listed here; the lists and counts must
never show an out-of-scope seeker.
"""

import pytest
from rest_framework.test import APIClient

from jobseekers import services
from jobseekers.models import JobSeeker
from placement.accounts.models import AuditEvent
from tests.factories import JobSeekerFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def palangka(alice, tmp_path):
    """A verified seeker of 62.71 with a CV, and one waiting for verification."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    seeker = services.verify_jobseeker(
        seeker=JobSeekerFactory(full_name="Dewi Palangka"), officer=alice
    )
    services.store_cv(
        seeker=seeker,
        actor=seeker.user,
        upload=SimpleUploadedFile("cv.pdf", PDF, content_type="application/pdf"),
    )
    return seeker


@pytest.fixture
def waiting_palangka(db):
    return JobSeekerFactory(full_name="Rina Menunggu")


@pytest.fixture
def pangkalan_bun(db):
    return JobSeekerFactory(
        full_name="Andi Kobar", regency_id="62.01", district_id="62.01.01", sex="L"
    )


def officer_pages(pk: int) -> list[tuple[str, str]]:
    return [
        ("get", f"/officer/seekers/{pk}/"),
        ("post", f"/officer/seekers/{pk}/verify/"),
        ("post", f"/officer/seekers/{pk}/report/"),
        ("get", f"/officer/seekers/{pk}/card.pdf"),
        ("get", f"/officer/seekers/{pk}/cv/"),
    ]


def api_endpoints(pk: int) -> list[tuple[str, str]]:
    return [
        ("get", f"/api/v1/jobseekers/{pk}/"),
        ("patch", f"/api/v1/jobseekers/{pk}/"),
        ("post", f"/api/v1/jobseekers/{pk}/verify/"),
        ("get", f"/api/v1/jobseekers/{pk}/card.pdf"),
    ]


def test_an_officer_of_another_regency_gets_404_on_every_seeker_page_and_file(
    client, bob, palangka, waiting_palangka
):
    client.force_login(bob)
    for seeker in (palangka, waiting_palangka):
        for method, url in officer_pages(seeker.pk):
            assert getattr(client, method)(url).status_code == 404, url
    waiting_palangka.refresh_from_db()
    assert waiting_palangka.status == JobSeeker.Status.SUBMITTED


def test_an_officer_of_another_regency_gets_404_on_every_api_endpoint(
    bob, palangka, waiting_palangka
):
    api = APIClient()
    api.force_authenticate(bob)
    for seeker in (palangka, waiting_palangka):
        for method, url in api_endpoints(seeker.pk):
            response = getattr(api, method)(url, {"phone": "089999999999"}, format="json")
            assert response.status_code == 404, url
    palangka.refresh_from_db()
    assert palangka.phone != "089999999999"


def test_an_officer_of_another_regency_never_sees_the_seeker_in_lists_or_counts(
    client, bob, palangka, waiting_palangka, pangkalan_bun
):
    client.force_login(bob)
    page = client.get("/officer/seekers/verify/").content.decode()
    assert "Andi Kobar" in page
    assert "Rina Menunggu" not in page and "Dewi Palangka" not in page
    assert "(1)" in page  # the count is bob's region only
    api = APIClient()
    api.force_authenticate(bob)
    body = api.get("/api/v1/jobseekers/").json()
    assert body["count"] == 1
    assert [row["full_name"] for row in body["results"]] == ["Andi Kobar"]
    assert api.get("/api/v1/jobseekers/", {"regency": "62.71"}).json()["count"] == 0


def test_the_provincial_officer_sees_both_regencies(
    client, carol, palangka, waiting_palangka, pangkalan_bun
):
    client.force_login(carol)
    page = client.get("/officer/seekers/verify/").content.decode()
    assert "Rina Menunggu" in page and "Andi Kobar" in page
    for seeker in (palangka, pangkalan_bun):
        assert client.get(f"/officer/seekers/{seeker.pk}/").status_code == 200
    assert client.get(f"/officer/seekers/{palangka.pk}/card.pdf").status_code == 200
    assert client.get(f"/officer/seekers/{palangka.pk}/cv/").status_code == 200
    api = APIClient()
    api.force_authenticate(carol)
    assert api.get("/api/v1/jobseekers/").json()["count"] == 3
    assert api.get(f"/api/v1/jobseekers/{pangkalan_bun.pk}/").status_code == 200


def test_the_regency_officer_reaches_their_own_seeker_everywhere(client, alice, palangka):
    client.force_login(alice)
    for method, url in officer_pages(palangka.pk):
        if method == "get":
            assert client.get(url).status_code == 200, url
    api = APIClient()
    api.force_authenticate(alice)
    assert api.get(f"/api/v1/jobseekers/{palangka.pk}/").status_code == 200
    assert api.get(f"/api/v1/jobseekers/{palangka.pk}/card.pdf").status_code == 200


def test_every_officer_read_of_a_seeker_is_audited(client, alice, palangka):
    client.force_login(alice)
    client.get(f"/officer/seekers/{palangka.pk}/")
    assert AuditEvent.objects.filter(
        actor=alice, action="view", object_type="jobseekers.jobseeker", object_id=str(palangka.pk)
    ).exists()


def test_a_seeker_gets_404_for_another_seekers_card_and_for_officer_pages(
    client, palangka, pangkalan_bun
):
    client.force_login(pangkalan_bun.user)
    for method, url in officer_pages(palangka.pk):
        assert getattr(client, method)(url).status_code == 404, url
    api = APIClient()
    api.force_authenticate(pangkalan_bun.user)
    for method, url in api_endpoints(palangka.pk):
        assert getattr(api, method)(url, {}, format="json").status_code == 404, url
    assert api.get("/api/v1/jobseekers/").status_code == 404


def test_an_employer_gets_404_for_seekers(client, erin, palangka):
    client.force_login(erin)
    for method, url in officer_pages(palangka.pk):
        assert getattr(client, method)(url).status_code == 404, url
    assert client.get("/officer/seekers/verify/").status_code == 404
    api = APIClient()
    api.force_authenticate(erin)
    assert api.get(f"/api/v1/jobseekers/{palangka.pk}/").status_code == 404
    assert api.get("/api/v1/jobseekers/me/").status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in_or_get_401(client, palangka):
    for _method, url in officer_pages(palangka.pk):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    api = APIClient()
    for method, url in api_endpoints(palangka.pk):
        assert getattr(api, method)(url).status_code == 401, url
    assert api.get("/api/v1/jobseekers/").status_code == 401


def test_the_verification_queue_lists_in_a_bounded_number_of_queries(
    client, alice, django_assert_max_num_queries
):
    for _i in range(12):
        JobSeekerFactory()
    client.force_login(alice)
    with django_assert_max_num_queries(12):
        response = client.get("/officer/seekers/verify/")
    assert response.status_code == 200
    assert response.content.decode().count("/officer/seekers/") >= 12


def test_the_officer_queue_refuses_post(client, alice):
    client.force_login(alice)
    assert client.post("/officer/seekers/verify/").status_code == 405
    assert client.get("/officer/seekers/1/verify/").status_code == 405


def test_the_api_list_answers_in_a_bounded_number_of_queries(alice, django_assert_max_num_queries):
    for _i in range(15):
        JobSeekerFactory()
    api = APIClient()
    api.force_authenticate(alice)
    with django_assert_max_num_queries(6):
        response = api.get("/api/v1/jobseekers/")
    assert response.json()["count"] == 15


def test_an_id_beyond_the_database_range_is_404_not_an_error(client, alice):
    huge = "9" * 30
    client.force_login(alice)
    assert client.get(f"/officer/seekers/{huge}/").status_code == 404
    api = APIClient()
    api.force_authenticate(alice)
    assert api.get(f"/api/v1/jobseekers/{huge}/").status_code == 404
    assert api.get(f"/api/v1/jobseekers/{huge}/card.pdf").status_code == 404
