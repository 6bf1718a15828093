"""Officer pages: employer and vacancy queues (scoped), the review with warnings, decisions."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from placement.accounts.models import AuditEvent
from placement.ledger.models import Event
from tests.factories import EmployerFactory, VacancyFactory


def test_the_employer_queue_shows_only_the_office_region_with_counts(
    client, alice, django_assert_max_num_queries
):
    EmployerFactory.create_batch(3, status="pending", regency_id="62.71")
    EmployerFactory(status="pending", regency_id="62.01", name="PT Di Kotawaringin")
    client.force_login(alice)
    with django_assert_max_num_queries(12):
        response = client.get("/officer/employers/")
    html = response.content.decode()
    assert html.count("PT Uji Coba Sejahtera") == 3
    assert "PT Di Kotawaringin" not in html
    assert "(3)" in html


def test_the_provincial_officer_sees_every_regency_of_the_province(client, carol, db):
    EmployerFactory(status="pending", regency_id="62.71", name="PT Kota")
    EmployerFactory(status="pending", regency_id="62.01", name="PT Kabupaten")
    EmployerFactory(status="pending", regency_id="63.71", name="PT Kalsel")
    client.force_login(carol)
    html = client.get("/officer/employers/").content.decode()
    assert "PT Kota" in html and "PT Kabupaten" in html and "PT Kalsel" not in html


def test_an_officer_verifies_an_employer_of_the_region(client, alice, db):
    employer = EmployerFactory(status="pending")
    client.force_login(alice)
    assert client.get(f"/officer/employers/{employer.pk}/").status_code == 200
    response = client.post(f"/officer/employers/{employer.pk}/decide/", {"decision": "verify"})
    assert response.status_code == 302
    employer.refresh_from_db()
    assert employer.status == "verified" and employer.verified_by == alice


def test_rejecting_without_a_reason_is_an_error_on_the_field(client, alice, db):
    employer = EmployerFactory(status="pending")
    client.force_login(alice)
    response = client.post(f"/officer/employers/{employer.pk}/decide/", {"decision": "reject"})
    assert response.status_code == 400
    assert 'id="id_reason_error"' in response.content.decode()
    employer.refresh_from_db()
    assert employer.status == "pending"


def test_an_employer_of_another_region_answers_404_and_cannot_be_verified(client, bob, db):
    employer = EmployerFactory(status="pending", regency_id="62.71")
    client.force_login(bob)
    assert client.get(f"/officer/employers/{employer.pk}/").status_code == 404
    response = client.post(f"/officer/employers/{employer.pk}/decide/", {"decision": "verify"})
    assert response.status_code == 404
    employer.refresh_from_db()
    assert employer.status == "pending"


@pytest.mark.parametrize("who", ["sam", "erin"])
def test_officer_pages_answer_404_to_seekers_and_employers(client, request, who, db):
    client.force_login(request.getfixturevalue(who))
    for url in ("/officer/employers/", "/officer/vacancies/", "/officer/imports/"):
        assert client.get(url).status_code == 404


def test_officer_pages_send_anonymous_users_to_sign_in(client, db):
    assert client.get("/officer/vacancies/").status_code == 302


def test_the_vacancy_queue_lists_submitted_vacancies_of_the_region_only(
    client, alice, django_assert_max_num_queries
):
    VacancyFactory.create_batch(4, status="submitted")
    VacancyFactory(status="submitted", employer__regency_id="62.01", title="Di Pangkalan Bun")
    VacancyFactory(status="draft", title="Masih Draf")
    client.force_login(alice)
    with django_assert_max_num_queries(12):
        response = client.get("/officer/vacancies/")
    html = response.content.decode()
    assert html.count("Kasir Minimarket") == 4
    assert "Di Pangkalan Bun" not in html and "Masih Draf" not in html


def test_a_work_abroad_vacancy_belongs_to_the_region_of_the_company(client, alice, bob, db):
    vacancy = VacancyFactory(
        status="submitted",
        regency=None,
        scope="AKAN",
        country="Jepang",
        p3mi_name="PT P3MI",
        job_order_number="JO-1",
    )
    client.force_login(alice)
    assert client.get(f"/officer/vacancies/{vacancy.pk}/").status_code == 200
    client.force_login(bob)
    assert client.get(f"/officer/vacancies/{vacancy.pk}/").status_code == 404


def test_the_review_page_shows_the_warnings(client, alice, db):
    vacancy = VacancyFactory(
        status="submitted",
        wage_min=None,
        wage_max=None,
        age_max=30,
        limits_reason="Pekerjaan berat.",
        description="Wajib bayar biaya pendaftaran. Hubungi 0812 3456 7890.",
    )
    client.force_login(alice)
    html = client.get(f"/officer/vacancies/{vacancy.pk}/").content.decode()
    for code in ("wage_missing", "limits", "money", "phone_in_text"):
        assert f'data-code="{code}"' in html


def test_publishing_from_the_review_page_puts_the_vacancy_in_the_ledger(client, alice, db):
    vacancy = VacancyFactory(status="submitted", published_at=None)
    client.force_login(alice)
    response = client.post(f"/officer/vacancies/{vacancy.pk}/decide/", {"decision": "publish"})
    assert response.status_code == 302
    vacancy.refresh_from_db()
    assert vacancy.status == "published"
    assert Event.objects.filter(subject_id=vacancy.pk, kind="vacancy_registered").exists()


def test_returning_needs_a_reason_and_shows_it_to_the_employer(client, alice, erin, db):
    from tests.factories import EmployerUserFactory

    employer = EmployerUserFactory(user=erin).employer
    vacancy = VacancyFactory(employer=employer, status="submitted")
    client.force_login(alice)
    response = client.post(f"/officer/vacancies/{vacancy.pk}/decide/", {"decision": "return"})
    assert response.status_code == 400
    response = client.post(
        f"/officer/vacancies/{vacancy.pk}/decide/",
        {"decision": "return", "reason": "Cantumkan kisaran upah."},
    )
    assert response.status_code == 302
    client.force_login(erin)
    html = client.get(f"/employer/vacancies/{vacancy.pk}/").content.decode()
    assert "Cantumkan kisaran upah." in html


def test_an_unverified_company_vacancy_cannot_be_published(client, alice, db):
    vacancy = VacancyFactory(status="submitted", employer__status="pending")
    client.force_login(alice)
    response = client.post(f"/officer/vacancies/{vacancy.pk}/decide/", {"decision": "publish"})
    assert response.status_code == 400
    vacancy.refresh_from_db()
    assert vacancy.status == "submitted"


def test_a_vacancy_of_another_region_answers_404_and_cannot_be_published(client, bob, db):
    vacancy = VacancyFactory(status="submitted")
    client.force_login(bob)
    assert client.get(f"/officer/vacancies/{vacancy.pk}/").status_code == 404
    response = client.post(f"/officer/vacancies/{vacancy.pk}/decide/", {"decision": "publish"})
    assert response.status_code == 404
    vacancy.refresh_from_db()
    assert vacancy.status == "submitted"


def test_decisions_refuse_get(client, alice, db):
    vacancy = VacancyFactory(status="submitted")
    client.force_login(alice)
    assert client.get(f"/officer/vacancies/{vacancy.pk}/decide/").status_code == 405


def test_the_queue_export_is_scoped_and_neutralises_formulas(client, alice, db):
    VacancyFactory(status="submitted", title='=HYPERLINK("http://evil")')
    VacancyFactory(status="submitted", employer__regency_id="62.01", title="Di Kobar")
    client.force_login(alice)
    response = client.get("/officer/vacancies/", {"status": "submitted", "export": "csv"})
    body = response.content.decode("utf-8-sig")
    assert "'=HYPERLINK" in body
    assert "Di Kobar" not in body
    assert response["Content-Disposition"].startswith("attachment")
    xlsx = client.get("/officer/vacancies/", {"status": "submitted", "export": "xlsx"})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert [c.value for c in sheet["B"]][1:] == ['\'=HYPERLINK("http://evil")']


def test_the_queue_export_keeps_the_filters_and_the_order_and_is_audited(client, alice, db):
    for title in ("Kasir", "Admin Gudang", "Barista"):
        VacancyFactory(status="published", title=title)
    VacancyFactory(status="submitted", title="Kasir Menunggu")
    client.force_login(alice)
    response = client.get(
        "/officer/vacancies/", {"status": "published", "sort": "-title", "export": "csv"}
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row[1] for row in rows[1:]] == ["Kasir", "Barista", "Admin Gudang"]
    assert {row[6] for row in rows[1:]} == {"Diterbitkan"}  # the label, as the page says it
    assert AuditEvent.objects.filter(
        actor=alice, action="export", object_type="employers.vacancy"
    ).exists()


def test_the_old_csv_address_leads_to_the_queue_export(client, alice, db):
    client.force_login(alice)
    response = client.get("/officer/vacancies/export.csv?status=published&page=3")
    assert response.status_code == 302
    assert response["Location"] == "/officer/vacancies/?status=published&export=csv"


def test_the_queue_counts_never_include_other_regions(client, alice, db):
    VacancyFactory(status="published", employer__regency_id="62.01")
    client.force_login(alice)
    html = client.get("/officer/vacancies/?status=all").content.decode()
    assert "(0)" in html and "(1)" not in html
