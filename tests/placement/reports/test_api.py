"""GET /api/v1/reports/ipk/{table}/?month=YYYY-MM&region=CODE[&format=csv|xlsx]"""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from placement.reports import services
from tests.placement.reports.conftest import MONTH

URL = "/api/v1/reports/ipk/{}/"


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def built(ledger):
    services.build_month(month=MONTH)


def test_an_officer_gets_a_table_as_json(api, alice, built):
    api.force_authenticate(alice)
    response = api.get(URL.format("iii-2"), {"month": "2025-03"})
    assert response.status_code == 200
    data = response.json()
    assert data["region"]["code"] == "62.71"
    assert data["provisional"] is False
    section = data["sections"][0]
    sma = next(row for row in section["rows"] if row["code"] == "3000")
    # Columns: carried over L, P, total; registered L, P, total; placed ...
    assert sma["values"][:9] == [0, 1, 1, 0, 1, 1, 0, 1, 1]
    assert section["rows"][-1]["style"] == "total"


def test_token_authentication_works(api, carol, built):
    token = Token.objects.create(user=carol)
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    response = api.get(URL.format("iii-1"), {"month": "2025-03", "region": "62"})
    assert response.status_code == 200


def test_csv_and_xlsx_formats_are_downloads(api, alice, built):
    api.force_authenticate(alice)
    response = api.get(URL.format("iii-8"), {"month": "2025-03", "format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "AKAD" in response.content.decode("utf-8-sig")
    response = api.get(URL.format("iii-8"), {"month": "2025-03", "format": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A1"].value.startswith("III/8")


@pytest.mark.parametrize(
    ("table", "params", "field"),
    [
        ("iii-1", {"month": "2025-13"}, "month"),
        ("iii-1", {}, "month"),
        ("iii-1", {"month": "2999-01"}, "month"),
        ("iii-1", {"month": "2025-03", "region": "62.7"}, "region"),
        ("iii-9", {"month": "2025-03"}, "table"),
        ("iii-1", {"month": "2025-13", "format": "csv"}, "month"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(api, alice, table, params, field):
    api.force_authenticate(alice)
    response = api.get(URL.format(table), params)
    assert response.status_code == 400
    assert field in response.json()


def test_a_region_outside_the_scope_is_404(api, bob, built):
    api.force_authenticate(bob)
    for region in ("62.71", "62", "00", "99.99"):
        response = api.get(URL.format("iii-1"), {"month": "2025-03", "region": region})
        assert response.status_code == 404, region


def test_anonymous_is_401(api, db):
    assert api.get(URL.format("iii-1"), {"month": "2025-03"}).status_code == 401


@pytest.mark.parametrize("persona", ["sam", "erin"])
def test_seekers_and_employers_get_404(api, persona, request):
    api.force_authenticate(request.getfixturevalue(persona))
    assert api.get(URL.format("iii-1"), {"month": "2025-03"}).status_code == 404


def test_the_endpoint_is_in_the_schema_with_its_parameters_and_errors(client, db):
    schema = client.get("/api/schema/", {"format": "json"}).json()
    operation = schema["paths"]["/api/v1/reports/ipk/{table}/"]["get"]
    names = {p["name"]: p for p in operation["parameters"]}
    assert names["month"]["required"] is True
    assert names["month"]["schema"]["pattern"] == services.MONTH_PATTERN
    assert names["table"]["schema"]["enum"][0] == "iii-1"
    assert set(names["format"]["schema"]["enum"]) == {"json", "csv", "xlsx"}
    assert {"200", "400", "401", "404"} <= set(operation["responses"])
    assert "text/csv" in operation["responses"]["200"]["content"]
