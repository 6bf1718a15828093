"""The words -> codes endpoints: shapes, languages, bad input, rate limit for anonymous callers."""

import pytest
from django.core.cache import cache

from placement.taxonomy.models import Skill

RESOLVE = "/api/v1/taxonomy/regions/resolve/"
WAGE = "/api/v1/taxonomy/wages/parse/"


@pytest.fixture(autouse=True)
def _fresh_throttle():
    cache.clear()
    yield
    cache.clear()


def test_resolve_answers_the_regency_of_a_locality(client, db):
    response = client.get(RESOLVE, {"q": "Cikarang"})
    assert response.status_code == 200
    first = response.json()["results"][0]
    assert first["code"] == "32.16"
    assert first["level"] == "regency"
    assert first["name"] == "Kabupaten Bekasi"
    assert first["ambiguous"] is False
    assert 0 < first["score"] <= 1


def test_resolve_lists_both_kota_and_kabupaten_as_ambiguous(client, db):
    results = client.get(RESOLVE, {"q": "Semarang"}).json()["results"]
    assert [(r["code"], r["ambiguous"]) for r in results] == [("33.74", True), ("33.22", True)]


def test_wage_parse_answers_a_monthly_range(client, db):
    response = client.get(WAGE, {"q": "Rp 150.000/hari"})
    assert response.status_code == 200
    body = response.json()
    assert (body["min"], body["max"], body["period"], body["stated"]) == (
        3_750_000,
        3_750_000,
        "day",
        True,
    )
    assert client.get(WAGE, {"q": "negotiable"}).json()["stated"] is False


@pytest.mark.parametrize("url", [RESOLVE, WAGE])
@pytest.mark.parametrize(
    "q",
    ["😀😀😀", "' OR 1=1; DROP TABLE taxonomy_skill; --", "<img src=x onerror=alert(1)>"],
)
def test_nonsense_gets_an_empty_answer(client, db, url, q):
    response = client.get(url, {"q": q})
    assert response.status_code == 200
    body = response.json()
    assert body.get("results", []) == [] and not body.get("stated")


@pytest.mark.parametrize("url", [RESOLVE, WAGE])
def test_empty_or_too_long_input_gets_400_with_a_message_in_indonesian(client, db, url):
    response = client.get(url, {"q": ""})
    assert response.status_code == 400
    assert "Ketik" in response.json()["q"][0]
    response = client.get(url, {"q": "x" * 10_000})
    assert response.status_code == 400
    assert "500" in response.json()["q"][0]


def test_messages_follow_the_language_asked_for(client, db):
    response = client.get(RESOLVE, {"q": ""}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.json()["q"] == ["Type some words to read."]


def test_anonymous_callers_are_rate_limited_signed_in_ones_are_not(client, db, settings, sam):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {
            **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"],
            "taxonomy_text": "2/minute",
        },
    }
    from rest_framework.throttling import SimpleRateThrottle

    original = SimpleRateThrottle.THROTTLE_RATES
    SimpleRateThrottle.THROTTLE_RATES = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
    try:
        answers = [client.get(RESOLVE, {"q": "Solo"}) for _ in range(4)]
        assert [a.status_code for a in answers] == [200, 200, 429, 429]
        # Told in their language how long to wait, with the same wait in Retry-After.
        wait = answers[2]["Retry-After"]
        assert (
            answers[2].json()["detail"]
            == f"Terlalu banyak permintaan. Coba lagi dalam {wait} detik."
        )
        english = client.get(RESOLVE, {"q": "Solo"}, HTTP_ACCEPT_LANGUAGE="en").json()["detail"]
        assert english.startswith("Too many requests. Try again in ")
        client.force_login(sam)
        assert client.get(RESOLVE, {"q": "Solo"}).status_code == 200
    finally:
        SimpleRateThrottle.THROTTLE_RATES = original


def test_a_body_that_is_not_json_gets_a_400_in_the_language_asked_for(client, db):
    for language, message in [
        ("id", "Isi permintaan bukan JSON yang sah."),
        ("en", "The request body is not valid JSON."),
    ]:
        response = client.post(
            EXTRACT,
            '{"text": "las',
            content_type="application/json",
            HTTP_ACCEPT_LANGUAGE=language,
        )
        assert response.status_code == 400
        assert response.json() == {"detail": message}


def test_the_frameworks_own_refusals_are_in_indonesian_too(client, db):
    response = client.get(RESOLVE, {"q": "Solo"}, HTTP_AUTHORIZATION="Token bukan-token")
    assert response.status_code == 401
    assert response.json() == {"detail": "Token tidak sah."}
    response = client.get("/api/v1/taxonomy/skills/", {"q": "las", "page": 999})
    assert response.status_code == 404
    assert response.json() == {"detail": "Halaman tidak ada."}


def test_the_schema_lists_the_text_endpoints(client, db):
    paths = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()[
        "paths"
    ]
    assert "/api/v1/taxonomy/regions/resolve/" in paths
    assert "/api/v1/taxonomy/wages/parse/" in paths
    assert "/api/v1/taxonomy/skills/extract/" in paths


EXTRACT = "/api/v1/taxonomy/skills/extract/"


def test_extract_answers_skills_with_ids_labels_and_spans(client, db):
    text = "Pengalaman sebagai kasir, bisa las listrik, menguasai Houdini"
    response = client.post(EXTRACT, {"text": text}, content_type="application/json")
    assert response.status_code == 200
    body = response.json()
    found = {s["label"]: (text[s["start"] : s["end"]], s["id"]) for s in body["skills"]}
    assert found["Teknik pengelasan"][0] == "las listrik"
    cashier = next(s for s in body["skills"] if text[s["start"] : s["end"]] == "kasir")
    assert Skill.objects.get(pk=cashier["id"]).label_en == "process payments"
    assert body["unknown"] == ["Houdini"]


def test_extract_labels_follow_the_language(client, db):
    response = client.post(
        EXTRACT, {"text": "bisa las"}, content_type="application/json", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.json()["skills"][0]["label"] == "welding techniques"


def test_extract_refuses_empty_and_oversized_text_with_a_message(client, db):
    response = client.post(EXTRACT, {"text": ""}, content_type="application/json")
    assert response.status_code == 400 and response.json()["text"]
    response = client.post(EXTRACT, {"text": "x" * 20_001}, content_type="application/json")
    assert response.status_code == 400 and "20.000" in response.json()["text"][0]
    assert client.get(EXTRACT).status_code == 405


def test_extract_reads_ten_thousand_characters_of_nonsense_without_error(client, db):
    for text in ["😀" * 10_000, "<b>" * 3000, "' OR 1=1 --" * 900]:
        response = client.post(EXTRACT, {"text": text}, content_type="application/json")
        assert response.status_code == 200
        assert response.json()["skills"] == []


def test_the_skills_list_finds_indonesian_words_whole_words_first(client, db):
    first = client.get("/api/v1/taxonomy/skills/", {"q": "las"}).json()["results"][0]
    assert first["label_en"] == "welding techniques"
    first = client.get("/api/v1/taxonomy/skills/", {"q": "kasir"}).json()["results"][0]
    assert first["label_en"] == "process payments"


def test_the_regency_list_finds_a_locality(client, db):
    first = client.get("/api/v1/taxonomy/regions/", {"q": "Cikarang"}).json()["results"][0]
    assert (first["code"], first["name"]) == ("32.16", "Kabupaten Bekasi")
    names = [
        r["name"]
        for r in client.get("/api/v1/taxonomy/regions/", {"q": "Bekasi"}).json()["results"]
    ]
    assert set(names[:2]) == {"Kota Bekasi", "Kabupaten Bekasi"}


def test_resolve_uses_the_context_to_choose_kota_or_kabupaten(client, db):
    response = client.get(
        RESOLVE, {"q": "Bekasi", "context": "Lokasi kerja: Jl. Industri, Cikarang"}
    )
    results = response.json()["results"]
    assert [(r["code"], r["ambiguous"]) for r in results] == [("32.16", False)]


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("url", [RESOLVE, WAGE])
@pytest.mark.parametrize(
    "q",
    [
        "99999999999999999999 juta",
        "9" * 499,
        "Rp " + "9" * 400 + " miliar",
        "\u202e\u200b",
        "(((((((())))))))" * 20,
        ".*+?[](){}|^$\\" * 30,
    ],
)
def test_impossible_numbers_and_odd_characters_get_an_empty_answer(client, db, url, q, language):
    response = client.get(url, {"q": q}, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    body = response.json()
    assert body.get("results", []) == [] and not body.get("stated") and body.get("min") is None


@pytest.mark.parametrize(
    ("language", "message"),
    [("id", "Isian ini berisi karakter yang tidak diizinkan."), ("en", "not allowed")],
)
@pytest.mark.parametrize("url", [RESOLVE, WAGE])
def test_a_null_byte_gets_400_with_a_message_in_the_language_asked_for(
    client, db, url, language, message
):
    response = client.get(url, {"q": "Jakarta\x00"}, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 400
    assert message in response.json()["q"][0]


@pytest.mark.parametrize("url", [RESOLVE, WAGE])
def test_bytes_that_are_not_utf8_get_an_empty_answer(client, db, url):
    response = client.get(url + "?q=%FF%FE%ED%A0%80")
    assert response.status_code == 200
    assert response.json().get("results", []) == []


@pytest.mark.parametrize(
    "body",
    [
        '{"text": null}',
        '{"text": ["bisa las"]}',
        '{"text": {"a": 1}}',
        '{"text": "\\u0000"}',
        '{"text": "\\ud800"}',
        "[]",
        "{",
        '{"text": "' + "9" * 30 + ' juta"}',
    ],
)
def test_extract_refuses_a_body_of_the_wrong_shape_with_a_message(client, db, body):
    response = client.post(EXTRACT, body, content_type="application/json")
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert response.json()
    else:
        assert response.json() == {"skills": [], "unknown": []}


def test_extract_messages_follow_the_language_asked_for(client, db):
    response = client.post(
        EXTRACT, {"text": ""}, content_type="application/json", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 400
    assert response.json()["text"] == ["Type some words to read."]


def test_extract_ignores_markup_and_sql_but_still_reads_the_words(client, db):
    text = "<script>alert(1)</script> bisa las listrik'; DROP TABLE taxonomy_skill; --"
    response = client.post(EXTRACT, {"text": text}, content_type="application/json")
    assert response.status_code == 200
    spans = [text[s["start"] : s["end"]] for s in response.json()["skills"]]
    assert spans == ["las listrik"]


@pytest.mark.parametrize(
    "text", ["DROP TABLE gaji", "select nama from pelamar", "b" * 10_000, "zzzz zzz", "o" * 81]
)
def test_extract_keeps_no_code_paste_or_repeated_letter_as_an_unknown_skill(client, db, text):
    response = client.post(EXTRACT, {"text": text}, content_type="application/json")
    assert response.status_code == 200
    assert response.json()["unknown"] == []


def test_extract_keeps_short_plausible_phrases_as_unknown_skills(client, db):
    text = "bordir, Merangkai Bunga Kering, 3D"
    response = client.post(EXTRACT, {"text": text}, content_type="application/json")
    assert response.json()["unknown"] == ["bordir", "Merangkai Bunga Kering", "3D"]


def test_resolve_answers_a_post_abroad_and_a_metropolitan_area(client, db):
    first = client.get(RESOLVE, {"q": "Luar negeri"}).json()["results"][0]
    assert (first["code"], first["level"], first["regency_code"]) == ("abroad", "abroad", None)
    results = client.get(RESOLVE, {"q": "Jabodetabek"}).json()["results"]
    assert results[0]["code"] == "31" and all(r["ambiguous"] for r in results)
