"""Mapping a file's columns on screen, and the review queue that teaches the coders."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from employers import import_review
from employers.models import ImportProfile, ImportRun, Vacancy
from placement.taxonomy import learned
from placement.taxonomy.models import LearnedAlias
from tests.employers.test_imports import board_row, csv_upload, run


def _upload(client, upload):
    return client.post("/officer/imports/", {"kind": "vacancies", "policy": "skip", "file": upload})


def test_the_officer_maps_a_new_file_on_screen_and_saves_the_mapping_as_a_profile(
    client, alice, django_capture_on_commit_callbacks
):
    client.force_login(alice)
    response = _upload(client, csv_upload([board_row(41), board_row(42)], name="papan.csv"))
    run_ = ImportRun.objects.get(file_name="papan.csv")
    assert response.status_code == 302 and response["Location"].endswith(f"{run_.pk}/map/")
    assert run_.status == "mapping" and not Vacancy.objects.filter(import_run=run_).exists()

    page = client.get(f"/officer/imports/{run_.pk}/map/").content.decode()
    assert "perusahaan" in page and "PT Toko Contoh 41" in page  # columns with sample values
    assert '<option value="title" selected>' in page  # the suggestion is preselected

    fields = {f"map_{f}": c for f, c in run_.mapping.items() if not f.startswith("__")}
    fields.pop("map_education_flags", None)
    fields.update(
        map_title="perusahaan",  # the officer's own (odd) choice
        map_company="title",
        headcount="3",
        valid_days="45",
        employment_type="contract",
        profile_name="Papan kota",
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/officer/imports/{run_.pk}/map/", fields)
    assert response.status_code == 302
    run_.refresh_from_db()
    assert run_.status == "done", run_.message
    vacancy = Vacancy.objects.get(external_id="900041")
    assert vacancy.title == "PT Toko Contoh 41" and vacancy.headcount == 3
    assert vacancy.employment_type == "contract"
    profile = ImportProfile.objects.get(name="Papan kota")
    assert profile.mapping["title"] == "perusahaan" and profile.defaults["valid_days"] == 45

    _upload(client, csv_upload([board_row(43)], name="papan-2.csv"))
    second = ImportRun.objects.get(file_name="papan-2.csv")
    assert second.profile == profile  # picked because the columns are the same
    page = client.get(f"/officer/imports/{second.pk}/map/").content.decode()
    assert "Papan kota" in page and '<option value="perusahaan" selected>' in page


def test_a_mapping_without_a_title_column_is_refused_on_its_field(client, alice):
    client.force_login(alice)
    _upload(client, csv_upload([board_row(44)], name="tanpa.csv"))
    run_ = ImportRun.objects.get(file_name="tanpa.csv")
    response = client.post(
        f"/officer/imports/{run_.pk}/map/", {"headcount": "1", "valid_days": "30"}
    )
    assert response.status_code == 400
    assert 'id="id_map_title_error"' in response.content.decode()
    run_.refresh_from_db()
    assert run_.status == "mapping"


def test_another_officer_cannot_open_the_mapping(client, alice, bob):
    client.force_login(alice)
    _upload(client, csv_upload([board_row(45)], name="milik.csv"))
    run_ = ImportRun.objects.get(file_name="milik.csv")
    client.force_login(bob)
    assert client.get(f"/officer/imports/{run_.pk}/map/").status_code == 404


def test_the_source_key_does_not_depend_on_the_file_name(db, alice):
    run(csv_upload([board_row(46)], name="ekspor-juni.csv"), kind="vacancies", by=alice)
    again = run(csv_upload([board_row(46)], name="ekspor-juli.csv"), kind="vacancies", by=alice)
    assert (again.rows_imported, again.rows_updated) == (0, 1)
    key = Vacancy.objects.get(external_id="900046").source_key
    assert key == "id:jobs.example:900046"
    no_ids = [{k: v for k, v in board_row(47).items() if k not in ("Job ID", "Link")}]
    run(csv_upload(no_ids, name="a.csv"), kind="vacancies", by=alice)
    again = run(csv_upload(no_ids, name="b.csv"), kind="vacancies", by=alice)
    assert (again.rows_imported, again.rows_updated) == (0, 1)


def test_choosing_a_suggestion_in_review_teaches_the_coder_for_the_next_import(client, alice):
    rows = [board_row(51, Judul="Qzxw Vbnm", Lokasi="Palangkaraya Kota Cantik")]
    run(csv_upload(rows), kind="vacancies", by=alice)
    vacancy = Vacancy.objects.get(external_id="900051")
    assert vacancy.needs_review and "kbji" in vacancy.coding["review"]
    client.force_login(alice)
    page = client.get("/officer/imports/review/").content.decode()
    assert f'name="kbji-{vacancy.pk}"' in page or "—" in page

    response = client.post(
        "/officer/imports/review/",
        {"vacancy": [vacancy.pk], f"kbji-{vacancy.pk}": "5230", f"regency-{vacancy.pk}": "62.71"},
    )
    assert response.status_code == 302
    vacancy.refresh_from_db()
    assert not vacancy.needs_review and vacancy.occupation.code == "5230"
    alias = LearnedAlias.objects.active().get(kind="occupation")
    assert (alias.text, alias.code, alias.created_by) == ("qzxw vbnm", "5230", alice)

    again = run(csv_upload([board_row(52, Judul="QZXW  vbnm")]), kind="vacancies", by=alice)
    taught = Vacancy.objects.get(external_id="900052")
    assert taught.occupation.code == "5230" and taught.coding["kbji"]["reason"] == "learned"
    assert "kbji" not in taught.coding["review"] and again.rows_failed == 0

    learned.revoke(alias=alias, by=alice)  # reversible: the coder no longer uses it
    run(csv_upload([board_row(53, Judul="Qzxw Vbnm")]), kind="vacancies", by=alice)
    assert "kbji" in Vacancy.objects.get(external_id="900053").coding["review"]


def test_a_review_choice_outside_the_officers_region_is_ignored(db, alice):
    run(csv_upload([board_row(54, Judul="Qzxw Vbnm")]), kind="vacancies", by=alice)
    vacancy = Vacancy.objects.get(external_id="900054")
    import_review.confirm_review(
        vacancy_ids=[vacancy.pk], by=alice, choices={vacancy.pk: {"regency": "32.73"}}
    )
    vacancy.refresh_from_db()
    assert vacancy.regency_id == "62.71"


def test_the_review_page_offers_skills_for_unknown_words_and_a_choice_teaches_them(client, alice):
    rows = [board_row(55, Judul="Qzxw Vbnm", Skill_Set="['kasir toko kelontong']")]
    run(csv_upload(rows), kind="vacancies", by=alice)
    vacancy = Vacancy.objects.get(external_id="900055")
    offer = import_review.suggestions([vacancy])[vacancy.pk]
    assert offer["kbji"] or offer["regency"]
    client.force_login(alice)
    page = client.get("/officer/imports/review/")
    assert page.status_code == 200
    unknown = vacancy.coding["skills"]["unknown"]
    with_options = [(word, options) for word, options in offer["skills"] if options]
    if with_options:
        index = unknown.index(with_options[0][0])
        uri = with_options[0][1][0][0]
        client.post(
            "/officer/imports/review/",
            {"vacancy": [vacancy.pk], f"skill-{vacancy.pk}-{index}": uri},
        )
        assert LearnedAlias.objects.active().filter(kind="skill", code=uri).exists()
        assert vacancy.skills.filter(skill__uri=uri).exists()


def test_an_upload_of_the_office_template_starts_at_once_without_mapping(
    client, alice, django_capture_on_commit_callbacks
):
    client.force_login(alice)
    upload = SimpleUploadedFile("t.csv", b"name,nib\nPT X,1\n")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/officer/imports/", {"kind": "employers", "policy": "skip", "file": upload}
        )
    run_ = ImportRun.objects.get(file_name="t.csv")
    assert response["Location"].endswith(f"/imports/{run_.pk}/") and run_.status == "failed"


def test_the_review_page_needs_the_same_few_queries_for_many_rows(
    client, alice, django_assert_max_num_queries
):
    rows = [board_row(90 + n, Judul="Kru Toko Rotan", Lokasi="Kahayan") for n in range(8)]
    run(csv_upload(rows), kind="vacancies", by=alice)
    client.force_login(alice)
    with django_assert_max_num_queries(25):
        page = client.get("/officer/imports/review/")
    assert page.content.decode().count('name="vacancy"') == 8
