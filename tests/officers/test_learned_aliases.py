"""The page of words taught to the coders: scoped to the officer's region (the national office
sees all), searched, and taken back (POST, audited; the coders stop using it at once)."""

from __future__ import annotations

import pytest
from django.conf import settings

from placement.accounts.models import AuditEvent
from placement.taxonomy import learned
from placement.taxonomy.models import LearnedAlias, Occupation
from tests.employers.test_imports import board_row, csv_upload, run


@pytest.fixture
def taught(db, alice, bob):
    return {
        "alice": learned.teach(kind="occupation", text="Staf Gudang Kota", code="4321", by=alice),
        "bob": learned.teach(kind="place", text="Kobar", code="62.01", by=bob),
    }


def test_an_officer_sees_the_words_taught_in_the_region_and_the_nation_all(
    client, alice, bob, carol, nadia, taught
):
    client.force_login(alice)
    page = client.get("/officer/imports/aliases/").content.decode()
    title = Occupation.objects.current().get(code="4321").title
    assert "staf gudang kota" in page and f"4321 · {title}" in page  # with what the code names
    assert "kobar" not in page  # bob's office
    client.force_login(carol)  # the province of both
    page = client.get("/officer/imports/aliases/").content.decode()
    assert "staf gudang kota" in page and "kobar" in page
    client.force_login(nadia)
    page = client.get("/officer/imports/aliases/").content.decode()
    assert "staf gudang kota" in page and "kobar" in page


def test_the_list_is_searched_by_words_or_code_and_kind(client, alice, taught):
    learned.teach(kind="skill", text="Ngetik Cepat", code="http://x.example/typing", by=alice)
    client.force_login(alice)
    page = client.get("/officer/imports/aliases/?q=GUDANG").content.decode()
    assert "staf gudang kota" in page and "ngetik cepat" not in page
    page = client.get("/officer/imports/aliases/?q=4321").content.decode()
    assert "staf gudang kota" in page and "ngetik cepat" not in page
    page = client.get("/officer/imports/aliases/?kind=skill").content.decode()
    assert "ngetik cepat" in page and "staf gudang kota" not in page


def test_taking_back_is_audited_and_the_coders_stop_at_once(client, alice, taught):
    alias = taught["alice"]
    assert learned.LearnedWords().occupation("staf gudang kota") == "4321"
    client.force_login(alice)
    response = client.post(
        f"/officer/imports/aliases/{alias.pk}/revoke/", {"back": "q=gudang&evil=1"}
    )
    assert response.status_code == 302 and response.url == "/officer/imports/aliases/?q=gudang"
    alias.refresh_from_db()
    assert alias.revoked_by == alice and alias.revoked_at is not None
    assert learned.LearnedWords().occupation("staf gudang kota") is None
    assert AuditEvent.objects.filter(
        object_type="taxonomy.learnedalias", object_id=str(alias.pk), detail__revoked=True
    ).exists()
    page = client.get(response.url).content.decode()
    assert "tidak lagi berarti 4321" in page  # the message
    page = client.get("/officer/imports/aliases/").content.decode()
    assert "staf gudang kota" not in page  # in use only, by default
    page = client.get("/officer/imports/aliases/?state=revoked").content.decode()
    assert "staf gudang kota" in page and "Dicabut oleh" in page


def test_another_office_cannot_take_back_or_see_the_word(client, bob, taught):
    alias = taught["alice"]
    client.force_login(bob)
    assert client.post(f"/officer/imports/aliases/{alias.pk}/revoke/").status_code == 404
    assert client.get(f"/officer/imports/aliases/{alias.pk}/revoke/").status_code == 405
    alias.refresh_from_db()
    assert alias.revoked_at is None


def test_a_seeker_or_employer_gets_404(client, sam, erin, taught):
    for user in (sam, erin):
        client.force_login(user)
        assert client.get("/officer/imports/aliases/").status_code == 404


def test_each_use_by_an_import_is_counted(db, alice):
    alias = learned.teach(kind="occupation", text="Kasir", code="5230", by=alice)
    run(csv_upload([board_row(701), board_row(702)]), kind="vacancies", by=alice)
    alias.refresh_from_db()
    assert alias.uses == 2 and alias.last_used_at is not None


def test_the_page_speaks_english_when_chosen(client, alice, taught):
    client.force_login(alice)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get("/officer/imports/aliases/").content.decode()
    assert "Words taught to the coders" in page and "Take back" in page
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "id"
    page = client.get("/officer/imports/aliases/").content.decode()
    assert "Kata yang diajarkan kepada pengode" in page and "Cabut" in page


def test_revoked_alias_is_kept_for_the_record(db, alice, taught):
    alias = taught["alice"]
    learned.revoke(alias=alias, by=alice)
    learned.revoke(alias=alias, by=alice)  # twice: one record
    assert LearnedAlias.objects.filter(pk=alias.pk).exists()
    assert AuditEvent.objects.filter(object_id=str(alias.pk), detail__revoked=True).count() == 1
