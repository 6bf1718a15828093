"""The one input guard: control characters, over-long values, malformed months, dates and ids
answer 400 with the field's name, on pages and in the API, before any view sees them."""

from __future__ import annotations

import pytest

from tests.factories import VacancyFactory
from tests.helpers import english

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/?q=a%00b",
        "/?regency=62%0071",
        "/api/v1/taxonomy/occupations/?q=%00",
        "/api/v1/taxonomy/regions/?q=x%00",
        "/api/v1/vacancies/?regency=%00",
        "/verify/AK%00123/",
        "/statistik/?month=2026-01%00",
    ],
)
def test_a_nul_byte_anywhere_in_the_address_is_a_400_not_a_500(client, url):
    response = client.get(url)

    assert response.status_code == 400


def test_the_api_names_the_refused_field_in_json(client):
    response = english(client).get("/api/v1/taxonomy/skills/?q=ab%00c")

    assert response.status_code == 400
    body = response.json()
    assert "detail" in body
    assert body["q"] == ["This value contains characters that are not allowed."]


def test_a_page_explains_the_refusal_in_indonesian(client):
    response = client.get("/?q=%01")

    assert response.status_code == 400
    assert "karakter yang tidak diizinkan" in response.content.decode()


FULL_WIDTH_YEAR = "\uff11\uff12\uff13\uff14-01"


@pytest.mark.parametrize("month", ["0000-01", "2026-13", "2026-00", "26-01", FULL_WIDTH_YEAR])
def test_a_malformed_month_is_a_400_on_the_ipk_api_and_pages(client, alice, month):
    client.force_login(alice)

    api = client.get(f"/api/v1/reports/ipk/iii-1/?month={month}")
    page = client.get(f"/officer/reports/?month={month}")

    assert api.status_code == 400
    assert "month" in api.json()
    assert page.status_code == 400


def test_a_real_month_still_passes_the_guard(client, alice):
    client.force_login(alice)

    assert client.get("/officer/reports/?month=2026-01").status_code == 200


def test_an_over_long_query_value_is_refused(client):
    response = client.get("/api/v1/taxonomy/skills/?q=" + "a" * 16_385)

    assert response.status_code == 400
    assert "q" in response.json()


def test_a_malformed_id_parameter_is_refused(client, alice):
    client.force_login(alice)

    response = client.get("/officer/referrals/new/?seeker=1%20OR%201=1")

    assert response.status_code == 400


def test_control_characters_in_a_json_body_are_refused(client):
    response = client.post(
        "/api/v1/jobseekers/",
        {"email": "x@example.org", "password": "a-long-password", "full_name": "Ani\x00"},
        content_type="application/json",
    )

    assert response.status_code == 400
    assert "full_name" in response.json()


def test_control_characters_in_a_form_field_are_refused(client):
    response = client.post("/accounts/login/", {"username": "a\x00@example.org", "password": "x"})

    assert response.status_code == 400


def test_line_breaks_in_a_form_field_are_allowed(client):
    response = client.post(
        "/accounts/login/", {"username": "nobody@example.org", "password": "line\r\nbreak"}
    )

    assert response.status_code == 200


def test_every_response_carries_a_permissions_policy(client):
    vacancy = VacancyFactory(status="published")

    for url in ("/", f"/vacancies/{vacancy.pk}/", "/api/v1/taxonomy/regions/"):
        policy = client.get(url)["Permissions-Policy"]
        assert "camera=()" in policy and "geolocation=()" in policy


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/vacancies/abc/submit/",
        "/api/v1/vacancies/1x/verify/",
        "/api/v1/vacancies/-1/close/",
        "/api/v1/applications/abc/status/",
        "/api/v1/applications/abc/withdraw/",
        "/api/v1/employers/abc/verify/",
    ],
)
def test_a_non_numeric_id_in_a_post_action_is_a_400(client, nadia, url):
    client.force_login(nadia)

    response = client.post(url, {}, content_type="application/json")

    assert response.status_code == 400
    assert "id" in response.json()


def test_an_id_too_large_for_the_database_is_a_404_in_a_post_action(client, nadia):
    client.force_login(nadia)

    response = client.post("/api/v1/vacancies/99999999999999999999/submit/")

    assert response.status_code == 404


def test_a_json_list_as_the_body_of_a_patch_is_a_400(client):
    from tests.factories import JobSeekerFactory

    seeker = JobSeekerFactory()
    client.force_login(seeker.user)

    response = client.patch("/api/v1/jobseekers/me/", ["nik"], content_type="application/json")

    assert response.status_code == 400
    assert "body" in response.json()


def test_the_token_endpoint_answers_a_lockout_with_json_429(client, settings):
    settings.AXES_FAILURE_LIMIT = 2
    for _attempt in range(3):
        response = client.post(
            "/api/v1/auth/token/",
            {"email": "nobody@example.org", "password": "wrong-password"},
            content_type="application/json",
        )

    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    assert "detail" in response.json()


def test_a_json_null_as_the_body_of_a_patch_is_a_400(client):
    from tests.factories import JobSeekerFactory

    client.force_login(JobSeekerFactory().user)

    response = client.patch("/api/v1/jobseekers/me/", "null", content_type="application/json")

    assert response.status_code == 400
