"""Rows outside the officer's region: handed to the right office as an import of its own, seen
only by that office's officers, announced to them, and imported with their region."""

from __future__ import annotations

import pytest

from employers.models import Employer, ImportRun, Vacancy
from placement.notifications.models import Notification
from tests.employers.test_imports import board_row, csv_upload, employer_row, run
from tests.factories import OfficerFactory


@pytest.fixture
def bob_colleague(db, bob):
    """A second officer of 62.01 (bob's office)."""
    return OfficerFactory(office=bob.officer_profile.office, user__email="bima@example.org").user


@pytest.fixture
def dita(db):
    """An officer of Kab. Kotawaringin Timur (62.02): another office altogether."""
    return OfficerFactory(office__code="62.02", user__email="dita@example.org").user


def _mixed_board_file():
    # Two ads in Palangka Raya (alice's), two in Pangkalan Bun (62.01, bob's office).
    return csv_upload(
        [
            board_row(301),
            board_row(302),
            board_row(303, Lokasi="Kabupaten Kotawaringin Barat", Perusahaan="PT Kobar Jaya"),
            board_row(304, Lokasi="Kabupaten Kotawaringin Barat", Perusahaan="PT Kobar Jaya"),
        ]
    )


def test_rows_of_another_region_are_handed_to_its_office_and_its_officers_told(
    db, alice, bob, bob_colleague, dita
):
    result = run(_mixed_board_file(), kind="vacancies", by=alice)
    assert (result.rows_imported, result.rows_set_aside) == (2, 2)
    handed = ImportRun.objects.get(handed_from=result)
    assert handed.status == "handed" and handed.rows_total == 2
    assert handed.office == bob.officer_profile.office
    assert handed.mapping["title"] == result.mapping["title"]
    # The report says where the rows went.
    aside = [entry for entry in result.errors if entry[4] == "set_aside"]
    assert len(aside) == 2 and all(handed.office.name in entry[2] for entry in aside)
    # Nothing was imported into bob's region by alice.
    assert not Vacancy.objects.filter(external_id__in=["900303", "900304"]).exists()
    told = Notification.objects.filter(event="officer.import_handed", key=f"import:{handed.pk}")
    assert {n.user for n in told} == {bob, bob_colleague}
    assert told.first().link == f"/officer/imports/{handed.pk}/"


def test_the_receiving_officer_takes_the_rows_and_imports_them_in_their_region(
    client, alice, bob, django_capture_on_commit_callbacks
):
    result = run(_mixed_board_file(), kind="vacancies", by=alice)
    handed = ImportRun.objects.get(handed_from=result)
    client.force_login(bob)
    page = client.get(f"/officer/imports/{handed.pk}/").content.decode()
    assert "Ambil baris ini dan impor" in page
    response = client.post(f"/officer/imports/{handed.pk}/accept/")
    assert response.status_code == 302 and response.url == f"/officer/imports/{handed.pk}/map/"
    handed.refresh_from_db()
    assert handed.status == "mapping" and handed.uploaded_by == bob
    page = client.get(response.url).content.decode()
    assert "PT Kobar Jaya" in page  # the handed rows, with the sender's mapping preselected
    fields = {f"map_{f}": c for f, c in handed.mapping.items() if not f.startswith("__")}
    fields.pop("map_education_flags", None)
    fields.update(headcount="1", valid_days="30", employment_type="")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(response.url, fields)
    handed.refresh_from_db()
    assert handed.status == "done", handed.message
    assert (handed.rows_imported, handed.rows_set_aside) == (2, 0)
    imported = Vacancy.objects.filter(import_run=handed)
    assert {v.regency_id for v in imported} == {"62.01"} and imported.count() == 2
    assert Employer.objects.filter(name="PT Kobar Jaya").count() == 1


def test_nobody_else_sees_the_handed_rows(client, alice, bob, carol, dita):
    result = run(_mixed_board_file(), kind="vacancies", by=alice)
    handed = ImportRun.objects.get(handed_from=result)
    paths = [
        f"/officer/imports/{handed.pk}/",
        f"/officer/imports/{handed.pk}/report.csv",
        f"/officer/imports/{handed.pk}/report.xlsx",
        f"/officer/imports/{handed.pk}/map/",
    ]
    for officer in (dita, carol, alice):  # another office, the province, the sender
        client.force_login(officer)
        for path in paths:
            assert client.get(path).status_code == 404, (officer, path)
        assert client.post(f"/officer/imports/{handed.pk}/accept/").status_code == 404
        assert client.get(f"/api/v1/imports/{handed.pk}/").status_code == 404
        listing = client.get("/officer/imports/").content.decode()
        assert f"/officer/imports/{handed.pk}/" not in listing
    assert not Notification.objects.filter(user__in=[alice, carol, dita]).exists()
    client.force_login(bob)
    listing = client.get("/officer/imports/").content.decode()
    assert f"/officer/imports/{handed.pk}/" in listing
    assert f"/officer/imports/{result.pk}/" not in listing  # alice's own file stays hers
    assert client.get(f"/officer/imports/{result.pk}/report.csv").status_code == 404


def test_template_rows_are_handed_over_and_run_at_once_when_taken(
    client, alice, bob, django_capture_on_commit_callbacks
):
    rows = [employer_row(401), employer_row(402, regency="62.01")]
    result = run(csv_upload(rows), kind="employers", by=alice)
    handed = ImportRun.objects.get(handed_from=result)
    assert (result.rows_imported, handed.rows_total) == (1, 1)
    client.force_login(bob)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/officer/imports/{handed.pk}/accept/")
    assert response.url == f"/officer/imports/{handed.pk}/"
    handed.refresh_from_db()
    assert (handed.status, handed.rows_imported) == ("done", 1)
    assert Employer.objects.get(nib=str(7000000000000 + 402)).verified_by == bob


def test_nothing_is_handed_over_when_the_file_imports_nothing(db, alice):
    rows = [employer_row(501, kbli="99999"), employer_row(502, regency="62.01")]
    result = run(csv_upload(rows), kind="employers", policy="all", by=alice)
    assert result.rows_imported == 0 and result.rows_set_aside == 1
    assert not ImportRun.objects.filter(handed_from=result).exists()
