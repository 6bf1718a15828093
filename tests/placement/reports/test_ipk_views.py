"""The IPK pages and downloads of the officer area."""

from __future__ import annotations

import csv
import io
import re

import pytest
from openpyxl import load_workbook

from placement.reports import services
from tests.placement.reports.conftest import MONTH

TABLE = "/officer/reports/ipk/iii-1/"


@pytest.fixture
def built(ledger):
    services.build_month(month=MONTH)


def page_numbers(html: str, section: str) -> list[list[int]]:
    """The numbers of each body row of one section's table on the page."""
    table = html.split(f'id="ipk-{section}"', 1)[1].split("</table>", 1)[0]
    body = table.split("<tbody>", 1)[1]
    rows = re.findall(r"<tr.*?</tr>", body, flags=re.S)
    return [[int(v) for v in re.findall(r'<td class="num">(-?\d+)</td>', row)] for row in rows]


def test_an_officer_sees_the_iii_1_of_their_regency(client, alice, built):
    client.force_login(alice)
    response = client.get(TABLE, {"month": "2025-03"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kota Palangkaraya" in html
    seekers = page_numbers(html, "seekers")
    # Line 1 (carried over): one woman of 15-19 and one man of 20-29; totals L, P, all.
    assert seekers[0][-3:] == [1, 1, 2]
    # Line 5 (remaining): 2 + 1 - 1 - 1 = 1.
    assert seekers[-1][-1] == 1
    vacancies = page_numbers(html, "vacancies")
    assert vacancies[0] == [0, 0, 5, 5]  # carried over: five positions open to either sex
    assert vacancies[-1] == [0, 0, 2, 2]


def test_the_page_opens_on_last_month_and_the_users_region(client, alice, db):
    client.force_login(alice)
    response = client.get(TABLE)
    assert response.status_code == 200
    assert f'value="{services.previous_month():%Y-%m}" selected' in response.content.decode()


def test_an_officer_of_another_regency_gets_404(client, bob, built):
    client.force_login(bob)
    assert client.get(TABLE, {"month": "2025-03", "region": "62.71"}).status_code == 404
    assert client.get(TABLE, {"month": "2025-03", "region": "62"}).status_code == 404
    assert client.get(TABLE, {"month": "2025-03", "region": "00"}).status_code == 404


def test_a_provincial_officer_sees_the_province_and_each_regency(client, carol, built):
    client.force_login(carol)
    for region in ("62", "62.71", "62.01"):
        assert client.get(TABLE, {"month": "2025-03", "region": region}).status_code == 200
    assert client.get(TABLE, {"month": "2025-03", "region": "31.71"}).status_code == 404
    html = client.get(TABLE, {"month": "2025-03", "region": "62"}).content.decode()
    assert page_numbers(html, "seekers")[0][-1] == 3  # carried over: 62.71 and 62.01
    assert "?month=2025-03&amp;region=62.71" in html  # a link down to each regency


def test_the_national_administrator_sees_every_region(client, nadia, built):
    client.force_login(nadia)
    for region in ("00", "31", "31.71", "62.01"):
        assert client.get(TABLE, {"month": "2025-03", "region": region}).status_code == 200
    assert client.get(TABLE, {"month": "2025-03", "region": "99.99"}).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, db):
    response = client.get(TABLE)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("persona", ["sam", "erin"])
def test_seekers_and_employers_get_404(client, persona, request):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(TABLE).status_code == 404
    assert client.get("/officer/reports/").status_code == 404


def test_posting_to_a_table_is_not_allowed(client, alice, db):
    client.force_login(alice)
    assert client.post(TABLE, {"month": "2025-03"}).status_code == 405


def test_a_bad_month_shows_the_error_at_the_field(client, alice, db):
    client.force_login(alice)
    response = client.get(TABLE, {"month": "2025-13"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "error-summary" in html
    assert 'id="id_month_error"' in html
    assert "ipk-table" not in html


def test_an_unknown_table_is_404(client, alice, db):
    client.force_login(alice)
    assert client.get("/officer/reports/ipk/iii-9/").status_code == 404


def test_every_table_renders_for_a_province(client, carol, built, django_assert_max_num_queries):
    client.force_login(carol)
    for number in range(1, 9):
        with django_assert_max_num_queries(13):  # +1: the bell's unread count
            response = client.get(
                f"/officer/reports/ipk/iii-{number}/", {"month": "2025-03", "region": "62"}
            )
        assert response.status_code == 200, number
        assert "ipk-table" in response.content.decode()


def test_a_month_not_built_yet_is_marked_provisional(client, alice, ledger):
    client.force_login(alice)
    response = client.get(TABLE, {"month": "2025-03"})
    html = response.content.decode()
    assert 'class="notice"' in html
    assert page_numbers(html, "seekers")[0][-1] == 2  # the same numbers, computed now


def test_the_xlsx_download_has_the_numbers_of_the_page_as_numbers(client, alice, built):
    client.force_login(alice)
    html = client.get(TABLE, {"month": "2025-03"}).content.decode()
    response = client.get(TABLE + "export/xlsx/", {"month": "2025-03"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [
        [v for v in row[1:] if v is not None]
        for row in sheet.iter_rows(values_only=True)
        if row and isinstance(row[0], str) and len(row) > 1 and isinstance(row[1], int)
    ]
    assert rows == page_numbers(html, "seekers") + page_numbers(html, "vacancies")
    assert sheet["A1"].value.startswith("III/1")


def test_the_csv_and_pdf_downloads(client, alice, built):
    client.force_login(alice)
    response = client.get(TABLE + "export/csv/", {"month": "2025-03"})
    assert response["Content-Type"].startswith("text/csv")
    lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    remaining = [line for line in lines if line and line[0].startswith("5.")]
    assert remaining[0][-1] == "1"
    pdf = client.get(TABLE + "export/pdf/", {"month": "2025-03"})
    assert pdf.content.startswith(b"%PDF")


def test_a_download_of_another_region_is_404(client, bob, built):
    client.force_login(bob)
    response = client.get(TABLE + "export/xlsx/", {"month": "2025-03", "region": "62.71"})
    assert response.status_code == 404


def test_a_download_with_a_bad_month_is_400(client, alice, db):
    client.force_login(alice)
    assert client.get(TABLE + "export/csv/", {"month": "03-2025"}).status_code == 400
    assert client.get(TABLE + "export/doc/", {"month": "2025-03"}).status_code == 404


def test_the_reports_home_lists_the_stored_months(client, alice, built):
    client.force_login(alice)
    response = client.get("/officer/reports/", {"month": "2025-03"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "?month=2025-03&amp;region=62.71" in html
    assert html.count('href="/officer/reports/ipk/') >= 9  # eight tables and the month
