"""The lists of the placement market (fairs, reporting duty, cases, registers) download through the
one list export: CSV or XLSX, formulas neutralised, scoped like the page, audited."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from employers.models import Employer
from placement.accounts.models import AuditEvent
from placement.market import fairs
from placement.migrants import services as migrant_services
from placement.taxonomy.models import Regency
from tests.factories import EmployerFactory
from tests.market_factories import AgencyFactory

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _fair(by, regency: str, name: str):
    today = timezone.localdate()
    return fairs.request_fair(
        fields={
            "name": name,
            "organiser_kind": "dinas",
            "organiser_name": "Disnaker",
            "organiser_licence": "",
            "regency": Regency.objects.get(code=regency),
            "venue": "Aula",
            "starts_on": today,
            "ends_on": today + timedelta(days=1),
            "planned_companies": "",
            "planned_vacancies": 0,
            "placement_target": 0,
        },
        by=by,
    )


def _cells(response) -> list[list[object]]:
    assert response["Content-Type"] == XLSX
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_the_fair_list_downloads_only_the_office_s_fairs(client, alice, bob):
    _fair(alice, "62.71", "=Bursa Kahayan")
    _fair(bob, "62.01", "Bursa Kuala Kapuas")
    client.force_login(alice)
    page = client.get(reverse("market:fair_list"))
    assert "export=xlsx" in page.content.decode()
    response = client.get(reverse("market:fair_list"), {"export": "csv"})
    text = response.content.decode("utf-8-sig")
    assert "'=Bursa Kahayan" in text
    assert "Kuala Kapuas" not in text
    rows = _cells(client.get(reverse("market:fair_list"), {"export": "xlsx"}))
    assert [row[1] for row in rows[1:]] == ["'=Bursa Kahayan"]
    assert AuditEvent.objects.filter(action="export", object_type="market.jobfair").count() == 2


def test_the_fair_report_downloads_as_xlsx(client, alice):
    fair = _fair(alice, "62.71", "Bursa Kahayan")
    client.force_login(alice)
    rows = _cells(client.get(reverse("market:fair_report", args=[fair.pk]), {"format": "xlsx"}))
    assert rows[0] == ["measure", "value"]
    assert ["employers", 0] in rows


def test_the_reporting_duty_list_downloads_as_xlsx_in_scope(client, alice, bob):
    for name, regency in (("=PT Diam", "62.71"), ("PT Jauh", "62.01")):
        employer = EmployerFactory(name=name, regency_id=regency)
        Employer.objects.filter(pk=employer.pk).update(
            verified_at=timezone.now() - timedelta(days=400)
        )
    client.force_login(alice)
    rows = _cells(client.get(reverse("market:reporting_duty"), {"format": "xlsx"}))
    names = [row[1] for row in rows[1:]]
    assert "'=PT Diam" in names
    assert "PT Jauh" not in names
    assert AuditEvent.objects.filter(object_type="market.reporting_duty").exists()


def test_the_cases_download_as_xlsx_in_scope(client, alice, bob):
    for by, code, agency in ((alice, "62.71", "=PT Calo"), (bob, "62.01", "PT Lain")):
        migrant_services.open_case(
            by=by,
            fields={
                "kind": "fees",
                "regency": Regency.objects.get(code=code),
                "agency_name": agency,
                "summary": "Diminta biaya pelatihan.",
            },
        )
    client.force_login(alice)
    rows = _cells(client.get(reverse("migrants:case_export"), {"export": "xlsx"}))
    agencies = [row[5] for row in rows[1:]]
    assert agencies == ["'=PT Calo"]
    report = _cells(client.get(reverse("migrants:case_report"), {"format": "xlsx"}))
    assert report[0] == ["regency", "name", "month", "kind", "cases"]
    assert [row[0] for row in report[1:]] == ["62.71"]


def test_a_register_downloads_as_xlsx(client, alice):
    AgencyFactory(name="=HYPERLINK(1)")
    client.force_login(alice)
    rows = _cells(client.get(reverse("registers:export", args=["p3mi"]), {"export": "xlsx"}))
    assert rows[1][0] == "'=HYPERLINK(1)"
    assert AuditEvent.objects.filter(action="export", object_type="registers.agency").exists()
