"""The registers of the placement market: history, scope, public look-up, import, export, API."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from placement.registers import services
from placement.registers.imports import import_register
from placement.registers.lookup import lookup
from placement.registers.models import Agency, Bkk, JobOrder, LicenceStatus
from tests.market_factories import AgencyFactory, BkkFactory, JobOrderFactory

pytestmark = pytest.mark.django_db


def test_revoking_an_agency_keeps_the_reason_in_its_history(alice):
    agency = AgencyFactory()
    services.change_status(
        obj=agency, status=LicenceStatus.REVOKED, by=alice, reason="SK pencabutan 12/2026"
    )
    agency.refresh_from_db()
    assert agency.status == "revoked"
    assert not agency.is_valid
    change = services.history(agency).first()
    assert (change.status, change.reason, change.changed_by) == (
        "revoked",
        "SK pencabutan 12/2026",
        alice,
    )


def test_suspending_without_a_reason_is_refused(alice):
    agency = AgencyFactory()
    with pytest.raises(services.RegisterRefused):
        services.change_status(obj=agency, status=LicenceStatus.SUSPENDED, by=alice, reason="")


def test_a_job_order_number_is_registered_once(alice):
    job_order = JobOrderFactory()
    with pytest.raises(services.RegisterRefused):
        services.register_entry(
            model=JobOrder,
            fields={
                "number": job_order.number.lower(),
                "agency": job_order.agency,
                "foreign_employer": "X",
                "country": "Taiwan",
                "occupation": job_order.occupation,
                "quota": 1,
                "valid_from": job_order.valid_from,
                "valid_to": job_order.valid_to,
            },
            by=alice,
        )


def test_the_quota_of_a_job_order_cannot_be_exceeded(alice):
    job_order = JobOrderFactory(quota=1)
    services.use_job_order_place(job_order=job_order, by=alice)
    with pytest.raises(services.RegisterRefused):
        services.use_job_order_place(job_order=job_order, by=alice)
    job_order.refresh_from_db()
    assert job_order.quota_used == 1


def test_public_lookup_finds_an_agency_by_name_and_a_job_order_by_number():
    job_order = JobOrderFactory(agency__name="PT Bina Tenaga Mandiri")
    result = lookup("bina tenaga")
    assert result.agencies == [job_order.agency]
    assert job_order in result.job_orders
    assert lookup(job_order.number.lower()).job_orders == [job_order]
    assert lookup("zz").is_empty


def test_public_lookup_page_shows_a_revoked_agency_without_signing_in(client):
    AgencyFactory(name="PT Janji Manis", status=LicenceStatus.REVOKED)
    response = client.get(reverse("public_registers:lookup"), {"q": "Janji Manis"})
    assert response.status_code == 200
    assert "PT Janji Manis" in response.text
    assert "Dicabut" in response.text


def test_officer_sees_only_the_bkk_of_their_region(client, alice, bob):
    mine = BkkFactory(regency_id="62.71")
    other = BkkFactory(regency_id="62.01", institution="SMK Negeri 1 Pangkalan Bun")
    client.force_login(alice)
    listing = client.get(reverse("registers:list", args=["bkk"]))
    assert mine.institution in listing.text
    assert other.institution not in listing.text
    assert client.get(reverse("registers:detail", args=["bkk", other.pk])).status_code == 404
    assert client.get(reverse("registers:detail", args=["bkk", mine.pk])).status_code == 200


def test_seeker_cannot_open_the_officer_registers(client, sam):
    client.force_login(sam)
    assert client.get(reverse("registers:list", args=["p3mi"])).status_code == 404


def test_officer_registers_a_bkk_through_the_form(client, alice):
    client.force_login(alice)
    response = client.post(
        reverse("registers:new", args=["bkk"]),
        {
            "institution": "SMK Negeri 3 Palangka Raya",
            "kind": "smk",
            "registration_number": "bkk/62.71/077/2026",
            "registered_on": timezone.localdate().isoformat(),
            "regency": "62.71",
        },
    )
    bkk = Bkk.objects.get()
    assert response.status_code == 302
    assert bkk.registration_number == "BKK/62.71/077/2026"
    assert services.history(bkk).get().event == "registered"


def test_officer_cannot_register_a_bkk_in_another_region(client, alice):
    client.force_login(alice)
    response = client.post(
        reverse("registers:new", args=["bkk"]),
        {
            "institution": "SMK Negeri 1 Pangkalan Bun",
            "kind": "smk",
            "registration_number": "BKK/62.01/001/2026",
            "registered_on": timezone.localdate().isoformat(),
            "regency": "62.01",
        },
    )
    assert response.status_code == 200
    assert not Bkk.objects.exists()


def test_export_neutralises_formulas(client, alice):
    AgencyFactory(name="=HYPERLINK(1)")
    client.force_login(alice)
    response = client.get(reverse("registers:export", args=["p3mi"]))
    assert response.status_code == 200
    assert "'=HYPERLINK(1)" in response.content.decode()


def test_import_adds_agencies_and_job_orders_and_reports_bad_rows(alice):
    agencies = SimpleUploadedFile(
        "p3mi.csv",
        b"nama,licence_number,licence_valid_to,status\n"
        b"PT Satu,KEP-1/2026,2027-12-31,aktif\n"
        b"PT Dua,KEP-2/2026,bukan tanggal,\n"
        b"PT Tiga,KEP-3/2026,,dicabut\n",
    )
    report = import_register(kind="agency", upload=agencies, by=alice)
    assert (report.created, len(report.errors)) == (2, 1)
    assert Agency.objects.get(licence_number="KEP-3/2026").status == "revoked"
    valid_to = (timezone.localdate() + timedelta(days=30)).isoformat()
    orders = SimpleUploadedFile(
        "sip2mi.csv",
        (
            "number,licence_number,foreign_employer,country,kbji,quota,valid_from,valid_to\n"
            f"SIP-9,KEP-1/2026,Care Ltd,Taiwan,5322,4,2026-01-01,{valid_to}\n"
            f"SIP-10,KEP-404,Care Ltd,Taiwan,5322,4,2026-01-01,{valid_to}\n"
        ).encode(),
    )
    report = import_register(kind="job_order", upload=orders, by=alice)
    assert report.created == 1
    assert report.errors[0][1] == "licence_number"
    assert JobOrder.objects.get().quota == 4


def test_api_lists_the_registers_to_anyone(client):
    job_order = JobOrderFactory()
    response = client.get("/api/v1/registers/sip2mi/", {"q": job_order.number})
    assert response.status_code == 200
    row = response.json()["results"][0]
    assert (row["number"], row["places_left"], row["is_valid"]) == (job_order.number, 3, True)
