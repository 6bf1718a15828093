"""Non-procedural cases and the public "check an offer"."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from employers.warnings import vacancy_warnings
from placement.migrants import services
from placement.migrants.models import Case
from placement.registers.models import LicenceStatus
from placement.taxonomy.models import Regency
from tests.factories import EmployerFactory, VacancyFactory
from tests.market_factories import AgencyFactory, JobOrderFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()


def _case(by, **fields) -> Case:
    values = {
        "kind": "fees",
        "regency": Regency.objects.get(code="62.71"),
        "summary": "Diminta biaya pelatihan Rp 5 juta.",
    }
    values.update(fields)
    return services.open_case(fields=values, by=by)


def test_officer_records_a_case_only_in_their_region(alice):
    case = _case(alice, phone="+62 812-3456-7890", agency_name="PT Janji Manis")
    assert case.phone_digits == "081234567890"
    with pytest.raises(services.MigrantRefused):
        _case(alice, regency=Regency.objects.get(code="62.01"))


def test_cases_of_another_region_answer_404(client, alice, bob):
    case = _case(alice)
    client.force_login(bob)
    assert client.get(reverse("migrants:case_edit", args=[case.pk])).status_code == 404
    assert case.reference not in client.get(reverse("migrants:case_list")).text


def test_the_report_counts_cases_per_region_and_month(client, alice, carol):
    _case(alice)
    _case(alice, kind="unlicensed")
    client.force_login(carol)
    response = client.get(reverse("migrants:case_report"), {"format": "csv"})
    lines = response.content.decode().strip().splitlines()
    month = timezone.localdate().strftime("%Y-%m")
    assert f"62.71,Kota Palangkaraya,{month},fees,1" in lines
    assert f"62.71,Kota Palangkaraya,{month},unlicensed,1" in lines


def test_vacancy_warnings_link_past_cases_of_the_same_phone(alice):
    case = _case(alice, phone="0812 1111 2222")
    employer = EmployerFactory(contact_phone="081211112222")
    warning = next(w for w in vacancy_warnings(VacancyFactory(employer=employer)) if w.cases)
    assert warning.code == "past_cases"
    assert warning.cases == ((case.pk, case.reference),)


def _check(client, **data):
    return client.post(reverse("check_offer"), data)


def test_check_an_offer_of_a_revoked_agency_in_indonesian_and_english(client):
    AgencyFactory(name="PT Janji Manis", status=LicenceStatus.REVOKED)
    response = _check(client, agency="janji manis")
    assert "PT Janji Manis" in response.text
    assert "DICABUT" in response.text
    client.cookies["django_language"] = "en"
    assert "REVOKED" in _check(client, agency="janji manis").text
    assert not Case.objects.exists()  # nothing is stored


def test_check_an_offer_of_an_expired_job_order(client):
    job_order = JobOrderFactory(
        valid_from=timezone.localdate() - timedelta(days=100),
        valid_to=timezone.localdate() - timedelta(days=1),
    )
    response = _check(client, number=job_order.number, country="Taiwan")
    assert job_order.number in response.text
    assert "hanya berlaku dari" in response.text
    client.cookies["django_language"] = "en"
    assert "is valid only from" in _check(client, number=job_order.number).text


def test_check_an_offer_whose_text_asks_for_a_fee(client):
    text = "Kerja pabrik di Korea gaji 45 juta. Bayar biaya pendaftaran Rp 3.000.000 via transfer."
    response = _check(client, text=text, regency="62.71")
    assert "biaya pendaftaran" in response.text
    assert "dilarang" in response.text
    assert "Rp45.000.000" in response.text
    client.cookies["django_language"] = "en"
    english = _check(client, text=text)
    assert "is prohibited: do not pay" in english.text


def test_check_an_offer_of_an_unknown_agency_says_it_is_not_registered(client):
    assert "Tidak ada di daftar resmi" in _check(client, agency="PT Tidak Ada Sama Sekali").text


def test_check_an_offer_is_rate_limited(client, settings):
    for _ in range(30):
        assert _check(client, agency="PT Apa Saja").status_code == 200
    assert _check(client, agency="PT Apa Saja").status_code == 429


def test_a_person_chooses_to_report_and_the_office_sees_a_new_case(client, alice):
    response = client.post(
        reverse("report_offer"),
        {
            "kind": "fees",
            "regency": "62.71",
            "summary": "Saya diminta transfer uang pelatihan.",
            "phone": "0812 9999 0000",
        },
    )
    case = Case.objects.get()
    assert case.reference in response.text
    assert (case.status, case.from_public, case.created_by) == ("new", True, None)
    client.force_login(alice)
    assert case.reference in client.get(reverse("migrants:case_list")).text


def test_the_cases_api_is_scoped_to_the_region(client, alice, bob, sam):
    case = _case(alice)
    client.force_login(alice)
    assert [
        row["reference"] for row in client.get("/api/v1/migrants/cases/").json()["results"]
    ] == [case.reference]
    for other in (bob, sam):
        client.force_login(other)
        assert client.get("/api/v1/migrants/cases/").json()["results"] == []
        assert client.get(f"/api/v1/migrants/cases/{case.pk}/").status_code == 404
