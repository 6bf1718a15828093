"""The officer's lists (issue 14, item 7): `?sort=` by whitelisted columns with header links and
aria-sort, CSV and XLSX exports of the six lists (scoped, filtered, formula-safe), a search box
on every work queue, and a print stylesheet."""

from __future__ import annotations

import csv
import io
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone
from openpyxl import load_workbook

from officers.listing import query_without
from placement.pipeline import services
from placement.pipeline.models import FollowUp
from tests.factories import EmployerFactory, JobSeekerFactory, VacancyFactory
from tests.helpers import english

LISTS = {
    "seekers": "/officer/caseload/seekers/",
    "employers": "/officer/caseload/employers/",
    "vacancies": "/officer/caseload/vacancies/",
    "referrals": "/officer/referrals/",
    "placements": "/officer/placements/",
    "follow_ups": "/officer/follow-ups/",
}


def names_in_order(html: str) -> list[str]:
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return re.findall(r'<a href="/officer/seekers/\d+/">([^<]+)</a>', body)


def rows_of_csv(response) -> list[list[str]]:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


@pytest.fixture
def placed(alice, dewi, andi, kahayan):
    """dewi (alice's 62.71) referred and hired, her follow-up due; andi (bob's 62.01) likewise."""
    vacancy = VacancyFactory(employer=kahayan, headcount=3)
    referral = services.refer_jobseeker(seeker=dewi, vacancy=vacancy, by=alice)
    services.record_referral_outcome(referral=referral, status="hired", by=alice)
    far = VacancyFactory(
        employer=EmployerFactory(regency_id="62.01", name="PT Kobar Jauh"), regency_id="62.01"
    )
    other = services.refer_jobseeker(seeker=andi, vacancy=far, by=alice)
    services.record_referral_outcome(referral=other, status="hired", by=alice)
    FollowUp.objects.update(due_on=timezone.localdate() - timedelta(days=1))
    JobSeekerFactory(verified=True, full_name="Ani Aktif")  # an active seeker of 62.71
    return referral


def test_a_list_sorts_by_a_whitelisted_column_with_links_and_aria_sort(client, alice):
    for name in ("Citra", "Ani", "Budi", "Ani"):
        JobSeekerFactory(verified=True, full_name=name)
    client.force_login(alice)
    html = english(client).get(LISTS["seekers"], {"sort": "name"}).content.decode()
    assert names_in_order(html) == ["Ani", "Ani", "Budi", "Citra"]
    assert 'aria-sort="ascending"' in html
    # The header link of the sorted column reverses it; the others sort ascending.
    assert 'href="?sort=-name"' in html and 'href="?sort=ak1"' in html
    html = client.get(LISTS["seekers"], {"sort": "-name"}).content.decode()
    assert names_in_order(html) == ["Citra", "Budi", "Ani", "Ani"]
    assert 'aria-sort="descending"' in html
    # The primary key breaks ties: the two "Ani" keep one order in both directions' reverse.
    asc = re.findall(
        r"/officer/seekers/(\d+)/\">Ani<",
        client.get(LISTS["seekers"], {"sort": "name"}).content.decode(),
    )
    desc = re.findall(r"/officer/seekers/(\d+)/\">Ani<", html)
    assert asc == sorted(asc, key=int) and desc == sorted(desc, key=int, reverse=True)


@pytest.mark.parametrize("value", ["password", "-user__password", "nik", "name;drop", "--name"])
def test_an_unknown_sort_is_ignored(client, alice, dewi, value):
    client.force_login(alice)
    response = english(client).get(LISTS["seekers"], {"sort": value})
    assert response.status_code == 200
    assert "aria-sort" not in response.content.decode()


@pytest.mark.parametrize("name", list(LISTS))
def test_every_list_sorts_and_exports_in_both_formats(client, alice, placed, name):
    client.force_login(alice)
    html = client.get(LISTS[name]).content.decode()
    assert "?sort=" in html and "export=csv" in html and "export=xlsx" in html
    csv_response = client.get(LISTS[name], {"export": "csv"})
    assert csv_response.status_code == 200
    assert csv_response["Content-Type"].startswith("text/csv")
    assert "attachment" in csv_response["Content-Disposition"]
    rows = rows_of_csv(csv_response)
    assert len(rows) >= 2  # the header and alice's row
    xlsx = client.get(LISTS[name], {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert [c.value for c in sheet[1]] == rows[0]
    assert sheet.max_row == len(rows)


@pytest.mark.parametrize("name", ["seekers", "referrals", "placements", "follow_ups"])
def test_an_export_never_leaks_another_regions_rows(client, alice, placed, name):
    client.force_login(alice)
    text = client.get(LISTS[name], {"export": "csv", "status": "all"}).content.decode("utf-8-sig")
    assert "Dewi Palangka" in text
    assert "Andi Kobar" not in text


def test_an_export_applies_the_filters_and_the_order(client, alice):
    for name in ("Citra", "Ani", "Budi"):
        JobSeekerFactory(verified=True, full_name=name)
    JobSeekerFactory(full_name="Waiting Person")  # submitted, not active
    client.force_login(alice)
    rows = rows_of_csv(client.get(LISTS["seekers"], {"export": "csv", "sort": "-name"}))
    assert [row[1] for row in rows[1:]] == ["Citra", "Budi", "Ani"]
    rows = rows_of_csv(client.get(LISTS["seekers"], {"export": "csv", "q": "Bud"}))
    assert [row[1] for row in rows[1:]] == ["Budi"]


def test_an_exported_cell_never_runs_as_a_formula(client, alice):
    EmployerFactory(name='=HYPERLINK("http://evil.example","x")', regency_id="62.71")
    EmployerFactory(name="+SUM(1,2)", regency_id="62.71")
    client.force_login(alice)
    rows = rows_of_csv(client.get(LISTS["employers"], {"export": "csv"}))
    names = [row[0] for row in rows[1:]]
    assert '\'=HYPERLINK("http://evil.example","x")' in names and "'+SUM(1,2)" in names
    xlsx = client.get(LISTS["employers"], {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert all(not str(c.value).startswith(("=", "+")) for c in sheet["A"])


def test_every_work_queue_has_a_search_box(client, alice, placed):
    JobSeekerFactory(full_name="Rudi Menunggu Cari")
    JobSeekerFactory(full_name="Sari Lain")
    client.force_login(alice)
    html = client.get("/officer/seekers/verify/", {"q": "menunggu"}).content.decode()
    assert "Rudi Menunggu Cari" in html and "Sari Lain" not in html
    for url in (
        "/officer/seekers/verify/",
        "/officer/employers/",
        "/officer/vacancies/",
        "/officer/referrals/?queue=stale",
        "/officer/actions/",
        "/officer/follow-ups/",
        "/officer/placements/",
    ):
        html = client.get(url).content.decode()
        assert re.search(r'<input type="search"[^>]* name="q"', html), url
    html = client.get("/officer/follow-ups/", {"q": "nobody-like-this"}).content.decode()
    assert "Dewi Palangka" not in html


def test_the_print_stylesheet_prints_only_the_content():
    css = (Path(settings.BASE_DIR) / "static" / "css" / "site.css").read_text()
    blocks = re.findall(r"@media print \{(.*?)\n\}", css, re.S)
    printed = "".join(blocks)
    for selector in (".officer-nav", ".filter-bar", ".pagination", ".downloads", "form", ".button"):
        assert selector in printed
    assert "thead { display: table-header-group; }" in printed


@pytest.mark.parametrize(
    "url,key",
    [
        ("/officer/seekers/verify/", "name"),
        ("/officer/employers/", "name"),
        ("/officer/vacancies/", "title"),
    ],
)
def test_the_verification_queues_sort_by_column_too(client, alice, url, key):
    for name in ("Citra", "Ani", "Budi"):
        JobSeekerFactory(full_name=f"{name} Menunggu")
        EmployerFactory(name=f"PT {name} Menunggu", regency_id="62.71", status="pending")
        VacancyFactory(title=f"{name} Menunggu", status="submitted")
    client.force_login(alice)
    html = client.get(url, {"sort": f"-{key}", "status": "pending" if "employers" in url else ""})
    html = html.content.decode()
    assert 'aria-sort="descending"' in html
    body = html.split("<tbody>", 1)[1]
    order = [body.index(f"{name} Menunggu") for name in ("Citra", "Budi", "Ani")]
    assert order == sorted(order)
    assert f'name="sort" value="-{key}"' in html  # the filters keep the order


def test_query_without_drops_only_the_named_parameters_and_keeps_repeated_ones(rf):
    request = rf.get("/officer/caseload/seekers/?q=siti&page=3&sort=-name&status=a&status=b")
    assert query_without(request, "page").urlencode() == "q=siti&sort=-name&status=a&status=b"
    assert query_without(request, "page", "sort", "q").urlencode() == "status=a&status=b"
    assert not query_without(rf.get("/?page=2&sort=name"), "page", "sort", "export")
    assert request.GET.urlencode().startswith("q=siti&page=3")  # the request is untouched


@pytest.mark.parametrize(
    "url",
    ["/officer/caseload/seekers/", "/officer/caseload/employers/", "/officer/caseload/vacancies/"],
)
def test_a_searched_list_shows_its_own_filter_bar_after_the_plain_one_was_kept(client, alice, url):
    client.force_login(alice)
    client.get(url + "?page=2&sort=-name")  # the plain filter bar, kept for the next pages
    html = client.get(url + "?q=Zulkarnain&page=2").content.decode()
    assert 'value="Zulkarnain"' in html
    assert 'value="Zulkarnain"' not in client.get(url + "?sort=-name").content.decode()
