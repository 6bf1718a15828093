def test_skill_search_finds_indonesian_and_english_labels(client, db):
    response = client.get("/api/v1/taxonomy/skills/", {"q": "pengelasan"})
    assert response.status_code == 200
    labels = [s["label_en"] for s in response.json()["results"]]
    assert "welding techniques" in labels
    response = client.get("/api/v1/taxonomy/skills/", {"q": "welding techniques"})
    assert response.json()["results"][0]["label_id"] == "Teknik pengelasan"


def test_skills_with_an_indonesian_label_come_first(client, db):
    first = client.get("/api/v1/taxonomy/skills/").json()["results"][0]
    assert first["label_id"]


def test_regions_filter_by_level_parent_and_words(client, db):
    response = client.get("/api/v1/taxonomy/regions/", {"parent": "62", "q": "palangka"})
    assert response.json()["results"] == [
        {"code": "62.71", "name": "Kota Palangkaraya", "level": "regency", "parent_code": "62"}
    ]
    provinces = client.get("/api/v1/taxonomy/regions/", {"level": "province"}).json()
    assert provinces["count"] == 38
    districts = client.get("/api/v1/taxonomy/regions/", {"level": "district", "parent": "62.71"})
    assert districts.json()["count"] == 5


def test_occupation_search_by_code_prefix_and_level(client, db):
    response = client.get("/api/v1/taxonomy/occupations/", {"q": "2512", "level": 4})
    results = response.json()["results"]
    assert [r["code"] for r in results] == ["2512"]
    assert results[0]["isco08_code"] == "2512"


def test_occupation_titles_are_english_for_english_callers_like_the_suggestions(client, db):
    url = "/api/v1/taxonomy/occupations/"
    english = client.get(url, {"q": "5230", "level": 4}, HTTP_ACCEPT_LANGUAGE="en").json()
    assert english["results"][0]["title"] == "Cashiers and ticket clerks"
    indonesian = client.get(url, {"q": "5230", "level": 4}).json()
    assert indonesian["results"][0]["title"] == "Kasir dan Petugas Tiket"


def test_education_levels_are_listed_lowest_first(client, db):
    levels = client.get("/api/v1/taxonomy/education-levels/").json()
    assert [level["short_name"] for level in levels][:4] == [
        "Tidak sekolah",
        "SD",
        "SMP",
        "SMA/SMK",
    ]


def test_industries_search(client, db):
    response = client.get("/api/v1/taxonomy/industries/", {"q": "kelapa sawit"})
    assert response.status_code == 200
    assert response.json()["count"] >= 1


def test_taxonomy_is_read_only(client, db):
    assert client.post("/api/v1/taxonomy/skills/", {"label_en": "x"}).status_code == 405


def test_schema_lists_the_taxonomy_and_token_endpoints(client, db):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert "/api/v1/taxonomy/skills/" in paths
    assert "/api/v1/auth/token/" in paths


def test_api_docs_are_served_without_a_cdn(client, db):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/drf_spectacular_sidecar/" in html
    assert "cdn" not in html.lower()
