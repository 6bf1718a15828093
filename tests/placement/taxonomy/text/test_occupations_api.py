"""`GET /api/v1/taxonomy/occupations/suggest/`: shape, languages, bad input, rate limit."""

from __future__ import annotations

import pytest
from django.core.cache import cache

URL = "/api/v1/taxonomy/occupations/suggest/"
TOO_LONG = "Nama jabatan terlalu panjang (paling banyak 300 karakter)."
SQL = "' OR 1=1; DROP TABLE taxonomy_occupation;--"


@pytest.fixture(autouse=True)
def _fresh_throttle_counts():
    cache.clear()
    yield
    cache.clear()


def test_a_title_gets_ranked_groups_with_score_and_reason_in_indonesian(client):
    response = client.get(URL, {"title": "Admin Gudang (Cikarang)", "limit": 3})
    assert response.status_code == 200
    results = response.json()["results"]
    assert len(results) == 3
    first = results[0]
    assert first["code"] == "4321"
    assert first["title"] == "Juru Tata Usaha Pergudangan"
    assert first["score"] == 1.0
    assert first["reason"] == "Nama jabatan yang umum: “admin gudang”"
    assert set(first) == {"code", "title", "score", "reason", "job_code", "job_title"}


def test_english_callers_get_english_titles_and_reasons(client):
    response = client.get(URL, {"title": "kasir"}, HTTP_ACCEPT_LANGUAGE="en")
    first = response.json()["results"][0]
    assert first["title"] == "Cashiers and ticket clerks"
    assert first["reason"] == "Common job name “kasir”"


def test_each_reading_of_one_common_name_gives_its_own_reason(client):
    results = client.get(URL, {"title": "sopir pribadi", "limit": 3}).json()["results"]
    assert results[0]["reason"] == "Nama jabatan yang umum: “sopir pribadi”"
    others = [r["reason"] for r in results[1:]]
    assert others == ["Arti lain yang lazim dari nama jabatan “sopir pribadi”"] * 2
    english = client.get(URL, {"title": "sopir pribadi"}, HTTP_ACCEPT_LANGUAGE="en").json()
    assert english["results"][1]["reason"] == (
        "Another usual reading of the job name “sopir pribadi”"
    )


def test_a_short_list_is_completed_with_a_neighbour_named_in_each_language(client):
    results = client.get(URL, {"title": "barista", "limit": 3}).json()["results"]
    assert [r["code"] for r in results[:2]] == ["5132", "5131"]
    neighbour = results[2]
    assert neighbour["score"] < results[1]["score"]
    assert neighbour["reason"] == "Sering disebut bersama “Pramutama Bar/Bartender”"
    english = client.get(URL, {"title": "barista"}, HTTP_ACCEPT_LANGUAGE="en").json()["results"]
    assert english[2]["reason"] == "Often named together with “Bartenders”"


def test_the_description_alone_is_enough(client):
    response = client.get(URL, {"description": "Kami mencari barista untuk kedai kopi"})
    assert response.json()["results"][0]["code"] == "5132"


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"title": ""}, "title", "Isikan nama jabatan yang dicari."),
        ({}, "title", "Isikan nama jabatan yang dicari."),
        ({"title": "a" * 10_000}, "title", TOO_LONG),
        ({"title": "kasir", "limit": "semua"}, "limit", None),
        ({"title": "kasir", "limit": 0}, "limit", None),
    ],
)
def test_bad_input_gets_a_400_with_a_message(client, params, field, message):
    response = client.get(URL, params)
    assert response.status_code == 400
    errors = response.json()[field]
    assert errors and (message is None or errors == [message])


@pytest.mark.parametrize(
    "title",
    ["😀🙏😀", "!!! ???", "<script>alert(1)</script>", SQL],
)
def test_text_without_a_job_gets_an_empty_list_never_an_error(client, title):
    response = client.get(URL, {"title": title})
    assert response.status_code == 200
    assert response.json()["results"] == [] or all(
        r["score"] < 0.9 for r in response.json()["results"]
    )


def test_anonymous_callers_are_limited_to_sixty_a_minute(client):
    for _ in range(60):
        assert client.get(URL, {"title": "satpam"}).status_code == 200
    assert client.get(URL, {"title": "satpam"}).status_code == 429


def test_signed_in_users_are_not_limited_by_the_anonymous_rate(client, django_user_model, db):
    user = django_user_model.objects.create_user(
        **{django_user_model.USERNAME_FIELD: "alice@example.com"}, password="pw-alice-123"
    )
    client.force_login(user)
    for _ in range(61):
        assert client.get(URL, {"title": "satpam"}).status_code == 200


def test_the_endpoint_is_in_the_openapi_schema(client, db):
    schema = client.get("/api/schema/", {"format": "json"}).json()
    operation = schema["paths"]["/api/v1/taxonomy/occupations/suggest/"]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert {"title", "description", "sector", "context", "limit"} <= names


def test_the_ad_s_department_is_an_optional_context(client):
    plain = client.get(URL, {"title": "Kepala Bagian", "limit": 3}).json()["results"]
    read = client.get(URL, {"title": "Kepala Bagian", "context": "Keuangan", "limit": 3}).json()
    first = read["results"][0]
    assert plain[0]["code"] != "1211"
    assert first["code"] == "1211"
    assert first["reason"] == "“kepala bagian” dibaca bersama departemen lowongan"
    too_long = client.get(URL, {"title": "kasir", "context": "x" * 301})
    assert too_long.status_code == 400
    assert too_long.json()["context"] == ["Konteks terlalu panjang (paling banyak 300 karakter)."]
