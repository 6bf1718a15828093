"""The nightly run end to end, in-process, on the test database."""

import datetime

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from employers.search import open_vacancy_figures
from placement.matching import services
from placement.matching.models import Match, MatchRun, MatchUnit, RegionSummary
from tests.placement.matching.conftest import (
    DRIVE,
    FORKLIFT,
    OFFICE,
    SEWING,
    WELDING,
    make_seeker,
    make_vacancy,
    skill,
)


@pytest.fixture
def population(employer):
    welder_job = make_vacancy(
        employer, "Juru las", occupation="7212", required=(WELDING, FORKLIFT), optional=(OFFICE,)
    )
    tailor_job = make_vacancy(employer, "Penjahit", occupation="7531", required=(SEWING,))
    remote_job = make_vacancy(
        employer, "Juru las Pangkalan Bun", regency="62.01", occupation="7212", required=(WELDING,)
    )
    degree_job = make_vacancy(
        employer, "Staf keuangan", occupation="3313", required=(OFFICE,), min_education="6200"
    )
    draft_job = make_vacancy(employer, "Draf", required=(WELDING,), status="draft")
    ani = make_seeker("Ani", skills=(WELDING, FORKLIFT, OFFICE), occupations=("7212",))
    budi = make_seeker("Budi", skills=(WELDING,), occupations=("7212",))
    citra = make_seeker("Citra", skills=(SEWING,), occupations=("7531",), sex="P")
    dodi = make_seeker("Dodi", regency="62.01", skills=(WELDING,), occupations=("7212",))
    eka = make_seeker("Eka", regency="62.01", skills=(WELDING, FORKLIFT), relocation="province")
    fajar = make_seeker("Fajar", skills=(WELDING, FORKLIFT), status="submitted")
    return locals()


def _run(day=None, **kwargs) -> MatchRun:
    return services.start_run(run_on=day or timezone.localdate(), **kwargs)


def test_a_run_ranks_candidates_and_explains_every_pair(population):
    run = _run()
    assert run.status == MatchRun.Status.SUCCEEDED, run.error
    welder_list = list(Match.objects.for_vacancy(population["welder_job"].pk))
    names = [m.seeker.full_name for m in welder_list]
    assert names[0] == "Ani"  # all required skills, the optional one and the occupation
    assert set(names[1:3]) == {"Budi", "Eka"}
    assert names[-1] == "Citra"  # admissible, but with none of the skills
    assert [m.rank_for_vacancy for m in welder_list] == list(range(1, len(welder_list) + 1))
    best = welder_list[0]
    assert set(best.matched_skills) == {skill(WELDING).pk, skill(FORKLIFT).pk, skill(OFFICE).pk}
    assert best.missing_skills == []
    budi = Match.objects.get(vacancy=population["welder_job"], seeker=population["budi"])
    assert budi.missing_skills == [skill(FORKLIFT).pk]
    assert 0 <= budi.score <= 100 and 0 <= budi.skills <= 1


def test_hard_filters_keep_out_inadmissible_pairs(population):
    _run()
    pairs = set(Match.objects.values_list("seeker__full_name", "vacancy__title"))
    # Dodi works only in 62.01: never matched to a 62.71 vacancy.
    assert not {p for p in pairs if p[0] == "Dodi" and p[1] != "Juru las Pangkalan Bun"}
    # Eka accepts the whole province: matched to 62.71 too.
    assert ("Eka", "Juru las") in pairs
    # Nobody has S1: the degree job has no candidates. Drafts and unverified seekers are out.
    assert not {p for p in pairs if p[1] in ("Staf keuangan", "Draf")}
    assert not {p for p in pairs if p[0] == "Fajar"}


def test_seeker_side_lists_their_best_vacancies(population):
    _run()
    ani = list(Match.objects.for_seeker(population["ani"].pk))
    assert ani[0].vacancy.title == "Juru las"
    assert [m.rank_for_seeker for m in ani] == list(range(1, len(ani) + 1))


def test_a_rerun_of_the_same_date_replaces_and_never_duplicates(population):
    first = _run()
    rows = sorted(Match.objects.values_list("seeker_id", "vacancy_id", "score"))
    second = _run(force=True)
    assert second.pk == first.pk
    assert MatchRun.objects.count() == 1
    assert sorted(Match.objects.values_list("seeker_id", "vacancy_id", "score")) == rows


def test_a_second_start_without_force_does_nothing(population):
    first = _run()
    finished = first.finished_at
    again = _run()
    assert again.finished_at == finished


def test_run_records_progress_counts_and_fairness(population):
    run = _run()
    assert run.units_done == run.units_total == MatchUnit.objects.filter(run=run).count() > 0
    assert run.counts["seekers"] == 5 and run.counts["vacancies"] == 4
    assert 0 < run.counts["coverage"] <= 1
    assert run.counts["admissible_pairs"] > 0
    assert {"extract", "merge", "explain", "store", "summaries"} <= set(run.timings)


def test_summaries_cover_regencies_provinces_and_the_nation(population):
    _run()
    regency = RegionSummary.objects.get(region_code="62.71").data
    province = RegionSummary.objects.get(region_code="62").data
    nation = RegionSummary.objects.get(region_code="00").data
    assert regency["seekers_by_status"] == {"active": 3, "submitted": 1}
    assert sum(regency["vacancies_by_occupation_group"].values()) == 3
    assert sum(nation["vacancies_by_occupation_group"].values()) == 4
    assert province["active_by_education"]["3000"] == 5
    assert any(w["title"] == "Staf keuangan" for w in regency["weakest_shortlists"])


def test_summaries_count_open_vacancies_where_the_figures_do_and_store_no_totals(
    population, employer
):
    # No work location: it counts at the company's regency, as on every page.
    make_vacancy(employer, "Kasir keliling", regency=None, occupation="5230")
    _run()
    cache.clear()
    for code in ("62.71", "62", "00"):
        data = RegionSummary.objects.get(region_code=code).data
        # One definition: the live count of employers.search, never a stored copy.
        assert "open_vacancies" not in data and "open_positions" not in data
        by_group = sum(data["vacancies_by_occupation_group"].values())
        assert by_group == open_vacancy_figures(code)["vacancies"], code
    assert (
        RegionSummary.objects.get(region_code="62.71").data["vacancies_by_occupation_group"]["5"]
        == 1
    )


def test_a_failed_night_leaves_yesterdays_results(population, monkeypatch):
    _run(day=timezone.localdate() - datetime.timedelta(days=1))
    before = Match.objects.count()

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "replace_all", broken)
    with pytest.raises(RuntimeError):
        _run()
    assert MatchRun.objects.get(run_on=timezone.localdate()).status == MatchRun.Status.FAILED
    assert Match.objects.count() == before


def test_province_run_replaces_only_that_provinces_vacancies(population, employer):
    _run()
    other = make_vacancy(employer, "Las Banjarmasin", regency="63.71", required=(WELDING,))
    make_seeker("Gita", regency="63.71", skills=(WELDING,))
    total_before = Match.objects.exclude(vacancy=other).count()
    run = _run(day=timezone.localdate(), province="63", force=True)
    assert run.status == MatchRun.Status.SUCCEEDED, run.error
    assert Match.objects.for_vacancy(other.pk).count() == 1
    assert Match.objects.exclude(vacancy=other).count() == total_before


def test_run_matching_command_reports_the_run(population, capsys):
    call_command("run_matching", "--date", timezone.localdate().isoformat())
    out = capsys.readouterr().out
    assert "succeeded" in out and "4 vacancies" in out


def test_a_duplicate_unit_delivery_is_skipped(population):
    run = _run()
    assert services.run_unit(run_id=run.pk, number=0) is False


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_unit_locked_by_another_connection_is_busy_not_skipped(population):
    """A message redelivered after its worker was killed can arrive while PostgreSQL still holds
    the dead worker's row lock: the unit is then busy (tried again later), not silently dropped;
    once the lock is gone it is scored."""
    import psycopg2
    from django.db import connection

    run = _run(dispatch=lambda run_id, number: None)  # units planned, no message sent
    assert run.status == MatchRun.Status.RUNNING
    settings = connection.settings_dict
    other = psycopg2.connect(
        dbname=settings["NAME"],
        user=settings["USER"],
        password=settings["PASSWORD"] or None,
        host=settings["HOST"] or "127.0.0.1",
        port=settings["PORT"] or 5432,
    )
    try:
        with other.cursor() as cursor:
            cursor.execute(
                "SELECT id FROM matching_matchunit WHERE run_id = %s AND number = 0 FOR UPDATE",
                [run.pk],
            )
            with pytest.raises(services.UnitBusy):
                services.run_unit(run_id=run.pk, number=0)
        other.rollback()  # the holder is gone: its lock with it
    finally:
        other.close()
    assert services.run_unit(run_id=run.pk, number=0) is True
    assert MatchUnit.objects.get(run=run, number=0).attempts == 1


def test_nothing_to_match_still_succeeds(db):
    run = _run()
    assert run.status == MatchRun.Status.SUCCEEDED
    assert Match.objects.count() == 0


_ = DRIVE


def test_a_newly_verified_vacancy_gets_candidates_at_once(population, employer):
    _run()
    fresh = make_vacancy(employer, "Las baru", required=(WELDING, FORKLIFT))
    assert services.rescore_vacancy(vacancy_id=fresh.pk) > 0
    names = [m.seeker.full_name for m in Match.objects.for_vacancy(fresh.pk)]
    assert names[0] == "Ani" and "Dodi" not in names


def test_a_seeker_with_new_skills_gets_new_recommendations_at_once(population):
    _run()
    citra = population["citra"]
    assert Match.objects.for_seeker(citra.pk).first().vacancy.title == "Penjahit"
    from jobseekers.models import SeekerSkill

    # She retrains: welding and forklift instead of sewing, and no longer asks for tailoring.
    SeekerSkill.objects.filter(seeker=citra).delete()
    SeekerSkill.objects.create(seeker=citra, skill=skill(WELDING))
    SeekerSkill.objects.create(seeker=citra, skill=skill(FORKLIFT))
    citra.preferred_occupations.clear()
    services.rescore_seeker(seeker_id=citra.pk)
    assert Match.objects.for_seeker(citra.pk).first().vacancy.title == "Juru las"
    # Her place in the welder's candidate list (from the night) is kept until the next night.
    assert Match.objects.filter(seeker=citra, rank_for_vacancy__gt=0).exists()


def test_rescoring_a_closed_vacancy_empties_its_list(population):
    _run()
    job = population["welder_job"]
    job.status = "closed"
    job.save(update_fields=["status"])
    assert services.rescore_vacancy(vacancy_id=job.pk) == 0
    assert not Match.objects.for_vacancy(job.pk).exists()


def test_extract_computes_ages_on_the_run_date_even_with_query_logging(population):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from placement.matching.extract import extract

    with CaptureQueriesContext(connection):  # the debug cursor formats SQL with its params
        snapshot = extract(timezone.localdate())
    ages = dict(zip(snapshot.seekers.ids.tolist(), snapshot.seekers.age.tolist(), strict=True))
    assert ages[population["ani"].pk] in (24, 25)


def test_stated_age_limits_keep_older_seekers_out(population, employer):
    young_only = make_vacancy(
        employer, "Pramuniaga muda", required=(WELDING,), age_max=20, limits_reason="uji"
    )
    _run()
    assert not Match.objects.for_vacancy(young_only.pk).exists()
