"""The public labour-market page and the skills gap: anonymous, cached, no personal data."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.core.cache import cache
from django.utils import timezone
from openpyxl import load_workbook

from placement.ledger.models import Event
from placement.matching.models import Match, MatchRun, RegionSummary
from placement.reports import services
from placement.reports.labour_market import per_thousand
from placement.taxonomy.models import Skill
from tests.factories import JobSeekerFactory, VacancyFactory


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def figures(db):
    """Nightly summaries of 62.71 and 62, and a placement in 62.71 last month (stored)."""
    today = timezone.localdate()
    for code, active in (("62.71", 40), ("62", 55), ("00", 55)):
        RegionSummary.objects.create(
            region_code=code,
            built_on=today,
            data={
                "seekers_by_status": {"active": active, "removed": 3},
                "vacancies_by_occupation_group": {"5": 3, "8": 1},
            },
        )
    last = services.previous_month(today)
    # 41 registrations last month, one of them placed: the III/1 stock of 62.71 is 40.
    Event.objects.bulk_create(
        [
            Event(
                kind="seeker_registered",
                occurred_on=last + datetime.timedelta(days=1),
                subject_type="jobseekers.jobseeker",
                subject_id=subject,
                regency_id="62.71",
                province_id="62",
                sex="P",
                age_group="20-29",
            )
            for subject in range(40, 81)
        ]
    )
    Event.objects.create(
        kind="seeker_placed",
        occurred_on=last + datetime.timedelta(days=4),
        subject_type="jobseekers.jobseeker",
        subject_id=77,
        regency_id="62.71",
        province_id="62",
        sex="P",
        age_group="20-29",
    )
    services.build_month(month=last)


def test_anyone_can_read_the_labour_market_page(client, figures):
    response = client.get("/statistik/", {"region": "62"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kalimantan Tengah" in html
    assert '<td class="num">40</td>' in html  # active seekers of 62.71 in the regions table
    # Charts are inline SVG with a title, a description, and no inline style.
    assert html.count('<svg class="chart" role="img"') == 3
    assert "aria-labelledby=" in html
    assert "style=" not in html.split('<main id="main"', 1)[1]
    # The BPS context row of the province (2018: 4,032 seekers).
    assert '<td class="num">4032</td>' in html
    assert "Badan Pusat Statistik" in html


def test_placements_of_the_last_twelve_months_come_from_the_stored_tables(client, figures):
    html = client.get("/statistik/", {"region": "62.71"}).content.decode()
    month = services.previous_month()
    months_table = html.split('id="table-months"', 1)[1].split("</table>", 1)[0]
    row = months_table.split(services.month_start(month).strftime("%Y"), 1)
    assert len(row) == 2
    figures_block = html.split('class="figures"', 1)[1].split("</dl>", 1)[0]
    assert "<dd>1</dd>" in figures_block  # placements, last 12 months


def test_the_nation_lists_every_province(client, figures):
    html = client.get("/statistik/").content.decode()
    assert html.count('<th scope="row"><a href="?region=') == 38
    assert "Indonesia" in html


def test_the_page_has_no_personal_data(client, figures):
    JobSeekerFactory(verified=True, full_name="Siti Nurhaliza Unik", regency_id="62.71")
    html = client.get("/statistik/", {"region": "62.71"}).content.decode()
    assert "Siti Nurhaliza Unik" not in html


def test_the_page_is_cached(client, figures, django_assert_max_num_queries):
    client.get("/statistik/", {"region": "62"})
    with django_assert_max_num_queries(0):
        assert client.get("/statistik/", {"region": "62"}).status_code == 200


@pytest.mark.parametrize("region", ["99", "62.999", "x", "62.99"])
def test_an_unknown_region_is_404(client, db, region):
    assert client.get("/statistik/", {"region": region}).status_code == 404


def test_posting_is_not_allowed(client, db):
    assert client.post("/statistik/").status_code == 405


def test_rates_are_per_1000_working_age_people(settings):
    settings.ANTARKERJA = {**settings.ANTARKERJA, "WORKING_AGE_SHARE": 0.5}
    assert per_thousand(10, 20_000) == 1.0
    assert per_thousand(10, None) is None


@pytest.fixture
def gap(db):
    """Two open vacancies of 62.71 needing welding; their best candidates lack it."""
    welding = Skill.objects.get(label_en="welding techniques")
    driving = Skill.objects.get(label_en="drive vehicles")
    run = MatchRun.objects.create(
        run_on=timezone.localdate(), status="succeeded", finished_at=timezone.now()
    )
    seekers = [JobSeekerFactory(verified=True, regency_id="62.71") for _ in range(3)]
    for index in range(2):
        vacancy = VacancyFactory(headcount=5, regency_id="62.71")
        vacancy.skills.create(skill=welding, is_required=True)
        vacancy.skills.create(skill=driving, is_required=index == 0)
        for rank, seeker in enumerate(seekers, start=1):
            Match.objects.create(
                run=run,
                seeker=seeker,
                vacancy=vacancy,
                score=70 - rank * 10,
                skills=0.5,
                occupation=1,
                education=1,
                experience=1,
                location=1,
                wage=1,
                rank_for_vacancy=rank,
                rank_for_seeker=1,
                matched_skills=[],
                # Only required skills can be missing; driving is required by the first only.
                missing_skills=[welding.pk] + ([driving.pk] if rank == 3 and index == 0 else []),
            )
    return seekers


def test_the_skills_gap_names_required_and_missing_skills(client, gap):
    response = client.get("/statistik/keterampilan/", {"region": "62.71"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Teknik pengelasan" in html or "welding techniques" in html
    missing = html.split('id="skills-missing"', 1)[1].split("</table>", 1)[0]
    # Welding: missing in all six best-matched pairs (100 %); driving: in one of three.
    assert "100%" in missing and "33%" in missing
    occupations = html.split('id="skills-occupations"', 1)[1].split("</table>", 1)[0]
    assert '<td class="num">10</td>' in occupations  # open positions of the cashier group
    for seeker in gap:
        assert seeker.full_name not in html


def test_the_skills_gap_of_another_region_is_empty(client, gap):
    html = client.get("/statistik/keterampilan/", {"region": "31"}).content.decode()
    assert "No open vacancies" in html or "Tidak ada lowongan" in html


def test_the_skills_gap_downloads(client, gap):
    response = client.get("/statistik/keterampilan/unduh/xlsx/", {"region": "62"})
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    assert len(workbook.sheetnames) == 4
    rows = list(workbook.worksheets[1].iter_rows(min_row=2, values_only=True))
    assert rows[0][1] == 6  # welding: lacking in six best-matched pairs
    response = client.get("/statistik/keterampilan/unduh/csv/", {"region": "62"})
    lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(lines) > 5
    assert client.get("/statistik/keterampilan/unduh/pdf/", {"region": "62"}).status_code == 404


def test_the_skills_gap_reads_per_smk_programme(gap):
    """Only the graduates of the programme count: here one welder among three seekers."""
    from jobseekers.models import Education
    from placement.reports.skills_gap import skills_gap
    from placement.taxonomy.models import SmkProgramme

    programme = SmkProgramme.objects.get(code="1.4.2")
    Education.objects.filter(seeker=gap[2]).update(school_type="smk", smk_programme=programme)
    welding = Skill.objects.get(label_en="welding techniques").pk
    whole = skills_gap(region_code="62.71")
    mechanics = skills_gap(region_code="62.71", programme="1.4")
    assert {s.best_pairs for s in whole.required if s.skill_id == welding} == {6}
    line = next(s for s in mechanics.missing if s.skill_id == welding)
    assert (line.best_pairs, line.missing) == (2, 2)  # the welder's pair with each vacancy
    assert skills_gap(region_code="62.71", programme="9.3").open_vacancies == 0


def test_the_skills_gap_page_filters_by_programme_and_refuses_an_unknown_one(client, gap):
    assert client.get("/statistik/keterampilan/", {"programme": "1.4"}).status_code == 200
    assert client.get("/statistik/keterampilan/", {"programme": "77.7"}).status_code == 404
