"""The imports API: upload with a profile, status with counts and report, review with choices;
scoped like the officer's pages (someone else's import, or a non-officer: 404)."""

from __future__ import annotations

from employers import import_mapping, imports
from employers.models import ImportRun, Vacancy
from placement.taxonomy.models import LearnedAlias
from tests.employers.test_imports import board_row, csv_upload


def test_an_officer_uploads_a_file_with_a_profile_and_reads_its_status_and_report(
    client, alice, django_capture_on_commit_callbacks
):
    header = imports.file_header(list(board_row(1)))
    mapping = import_mapping.suggest(header, [])
    mapping.update(title="title", company="perusahaan", location="regency")
    import_mapping.save_profile("Papan API", header, mapping, {"headcount": 2}, alice)
    client.force_login(alice)
    rows = [board_row(81), board_row(82, Judul=""), board_row(83, Judul="Qzxw Vbnm")]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/api/v1/imports/",
            {"file": csv_upload(rows), "kind": "vacancies", "profile": "Papan API"},
        )
    assert response.status_code == 201, response.content
    pk = response.json()["id"]
    body = client.get(f"/api/v1/imports/{pk}/").json()
    assert body["status"] == "done" and body["profile"] == "Papan API" and body["percent"] == 100
    assert (body["rows_total"], body["rows_imported"], body["rows_failed"]) == (3, 2, 1)
    assert body["rows_review"] == 1
    assert {"row": 3, "outcome": "rejected", "column": "title"}.items() <= body["report"][0].items()
    assert Vacancy.objects.get(external_id="900081").headcount == 2  # the profile's default

    review = client.get(f"/api/v1/imports/{pk}/review/").json()
    assert [row["title"] for row in review] == ["Qzxw Vbnm"]
    row = review[0]
    answer = client.post(
        f"/api/v1/imports/{pk}/review/",
        {"confirm": [{"id": row["id"], "kbji": "5230"}]},
        content_type="application/json",
    )
    assert answer.status_code == 200 and answer.json() == {"confirmed": 1}
    assert Vacancy.objects.get(pk=row["id"]).occupation.code == "5230"
    assert LearnedAlias.objects.filter(kind="occupation", code="5230").exists()


def test_an_unknown_profile_or_file_type_is_a_field_error_and_nothing_is_stored(client, alice):
    client.force_login(alice)
    response = client.post(
        "/api/v1/imports/", {"file": csv_upload([board_row(84)]), "profile": "Tidak ada"}
    )
    assert response.status_code == 400 and "profile" in response.json()
    response = client.post("/api/v1/imports/", {"file": csv_upload([board_row(84)], name="x.exe")})
    assert response.status_code == 400 and "file" in response.json()
    assert not ImportRun.objects.exists()


def test_another_officers_import_and_a_seeker_get_404(client, alice, bob, sam):
    run = ImportRun.objects.create(
        kind="vacancies", policy="skip", file_name="a.csv", stored_name="a.csv", uploaded_by=alice
    )
    client.force_login(bob)
    assert client.get(f"/api/v1/imports/{run.pk}/").status_code == 404
    assert client.get(f"/api/v1/imports/{run.pk}/review/").status_code == 404
    client.force_login(sam)
    assert client.post("/api/v1/imports/", {"file": csv_upload([board_row(85)])}).status_code == 404
    assert client.get(f"/api/v1/imports/{run.pk}/").status_code == 404


def test_anonymous_callers_are_refused(client):
    assert client.get("/api/v1/imports/1/").status_code in (401, 403)


def test_the_three_endpoints_are_in_the_schema(client):
    schema = client.get("/api/schema/", headers={"Accept": "application/json"}).content.decode()
    for path in ("/api/v1/imports/", "/api/v1/imports/{id}/", "/api/v1/imports/{id}/review/"):
        assert path in schema
