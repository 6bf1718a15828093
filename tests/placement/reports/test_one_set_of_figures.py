"""One set of figures (issue 14, item 5): for a seeded month and region, the regency dashboard,
the provincial dashboard, `/statistik/`, the home page and IPK III/1 print the same active job
seekers, registrations, open vacancies and open positions (placement/reports/figures.py)."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone, translation

from employers.models import Vacancy
from placement.ledger.models import Event
from placement.matching.summaries import build_summaries
from placement.reports import services
from tests.factories import EmployerFactory, VacancyFactory
from tests.helpers import english
from tests.placement.reports.conftest import event


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()
    translation.activate(settings.LANGUAGE_CODE)  # the English requests leave English active


def number(text: str) -> int:
    """A printed number ("1,234" in English, "1.234" in Indonesian) as an int."""
    return int(re.sub(r"[.,\s]", "", text))


def dashboard_figures(html: str) -> dict[str, int]:
    return {
        label: number(value)
        for label, value in re.findall(r"<dt>(.*?)</dt><dd>([\d.,]+)</dd>", html)
    }


def ipk_line(html: str, label: str) -> int:
    """The total (last) cell of a line of III/1's job-seeker table."""
    table = html.split('id="ipk-seekers"', 1)[1].split("</table>", 1)[0]
    row = table.split(f'<th scope="row">{label}</th>', 1)[1].split("</tr>", 1)[0]
    return number(re.findall(r'<td class="num">([^<]*)</td>', row)[-1])


def statistik_figure(html: str, label: str) -> int:
    block = html.split('class="figures"', 1)[1].split("</dl>", 1)[0]
    return number(re.search(rf"<dt>{label}</dt><dd>([\d.,]+)</dd>", block).group(1))


def home_figure(html: str, label: str) -> int:
    return number(re.search(rf"<strong>([\d.,]+)</strong> {label}", html).group(1))


@pytest.fixture
def month_of_62_71(db):
    """Last month in 62.71: 1,203 registered, 2 placed, 1 removed (stored); this month so far:
    3 registered, 1 placed; vacancies open today (one located by its company), one closed."""
    today = timezone.localdate()
    this_month = services.month_start(today)
    last = services.add_months(this_month, -1)
    dims = {"sex": "P", "age_group": "20-29", "education": "3000", "occupation_group": "5"}
    events = [event("seeker_registered", last + timedelta(days=2), n, **dims) for n in range(1203)]
    events += [
        event("seeker_placed", last + timedelta(days=9), 1, **dims),
        event("seeker_placed", last + timedelta(days=10), 2, **dims),
        event("seeker_removed", last + timedelta(days=11), 3, **dims),
        # Elsewhere: counted in 62.01, never in 62.71.
        event("seeker_registered", last + timedelta(days=3), 9001, "62.01", **dims),
    ]
    events += [event("seeker_registered", this_month, 5000 + n, **dims) for n in range(3)]
    events += [event("seeker_placed", this_month, 4, **dims)]
    Event.objects.bulk_create(events)
    services.build_month(month=last)

    VacancyFactory(headcount=5)
    VacancyFactory(headcount=1, regency=None, employer=EmployerFactory(regency_id="62.71"))
    VacancyFactory(headcount=4, status=Vacancy.Status.CLOSED)
    VacancyFactory(headcount=7, regency_id="62.01")
    build_summaries(built_on=today)
    return {"last": last, "this_month": this_month}


def test_the_pages_print_the_same_figures(client, alice, carol, month_of_62_71):
    last, this_month = month_of_62_71["last"], month_of_62_71["this_month"]
    english(client)

    client.force_login(alice)
    regency = dashboard_figures(client.get("/officer/").content.decode())
    ipk_now = client.get(
        "/officer/reports/ipk/iii-1/", {"month": f"{this_month:%Y-%m}", "region": "62.71"}
    ).content.decode()
    ipk_last = client.get(
        "/officer/reports/ipk/iii-1/", {"month": f"{last:%Y-%m}", "region": "62.71"}
    ).content.decode()
    client.force_login(carol)
    province = dashboard_figures(client.get("/officer/").content.decode())
    english(client).logout()
    english(client)
    statistik = client.get("/statistik/", {"region": "62.71"}).content.decode()
    statistik_nation = client.get("/statistik/").content.decode()
    home = client.get("/").content.decode()

    # Active job seekers: the III/1 stock. End of last month: 1,203 - 2 - 1 = 1,200.
    remaining_last = ipk_line(ipk_last, "5. Remaining at the end of the month (A - B)")
    assert remaining_last == 1200
    assert statistik_figure(statistik, "Active job seekers") == remaining_last
    assert "at the end of" in statistik
    # Today (the regency dashboard) = this month's provisional III/1 = 1,200 + 3 - 1.
    remaining_now = ipk_line(ipk_now, "5. Remaining at the end of the month (A - B)")
    assert regency["Active job seekers"] == remaining_now == 1202
    # The province's stock at the end of last month includes 62.01's seeker.
    assert province["Active job seekers"] == remaining_last + 1

    # Registrations this month: III/1's "registered" of the current month.
    assert regency["Registrations this month"] == ipk_line(ipk_now, "2. Registered this month")
    assert regency["Registrations this month"] == 3
    assert regency["Placements this month"] == ipk_line(ipk_now, "3. Placed this month") == 1
    # Last month's registrations in the dashboard's chart table and on /statistik/ are III/1's.
    registered_last = ipk_line(ipk_last, "2. Registered this month")
    assert registered_last == 1203
    months = statistik.split('id="table-months"', 1)[1].split("</table>", 1)[0]
    assert f'<td class="num">{registered_last:,}</td>' in months

    # Open vacancies and positions, today: the same on every page.
    assert regency["Open vacancies"] == statistik_figure(statistik, "Open vacancies") == 2
    assert regency["Open positions"] == statistik_figure(statistik, "Open positions") == 6
    assert province["Open vacancies"] == 3 and province["Open positions"] == 13
    assert home_figure(home, "open vacancies") == statistik_figure(
        statistik_nation, "Open vacancies"
    )
    assert home_figure(home, "open positions") == statistik_figure(
        statistik_nation, "Open positions"
    )
    assert home_figure(home, "open positions") == 13
