import numpy as np
import pytest
from django.db import connection

from placement.matching.models import COMPONENTS, Match, MatchRun
from placement.matching.store import PairTable, encode_copy, replace_all, replace_for


def _table(n: int, seed: int = 1) -> PairTable:
    rng = np.random.default_rng(seed)
    matched_counts = rng.integers(0, 4, n)
    missing_counts = rng.integers(0, 3, n)
    return PairTable(
        seeker_id=np.arange(1, n + 1, dtype=np.int64),
        vacancy_id=(np.arange(n, dtype=np.int64) % 7) + 100,
        score=rng.uniform(0, 100, n).round(4),
        components=rng.uniform(0, 1, (n, len(COMPONENTS))).round(4),
        rank_for_vacancy=(np.arange(n) % 5).astype(np.int16),
        rank_for_seeker=((np.arange(n) + 1) % 3).astype(np.int16),
        matched_indptr=np.concatenate([[0], np.cumsum(matched_counts)]).astype(np.int64),
        matched_skills=rng.integers(1, 5000, int(matched_counts.sum())).astype(np.int32),
        missing_indptr=np.concatenate([[0], np.cumsum(missing_counts)]).astype(np.int64),
        missing_skills=rng.integers(1, 5000, int(missing_counts.sum())).astype(np.int32),
    )


def _stored() -> dict[tuple[int, int], Match]:
    return {(m.seeker_id, m.vacancy_id): m for m in Match.objects.all()}


def _assert_equal(table: PairTable, stored: dict) -> None:
    assert len(stored) == len(table)
    for i in range(len(table)):
        row = stored[(int(table.seeker_id[i]), int(table.vacancy_id[i]))]
        assert row.score == pytest.approx(table.score[i])
        assert row.components["wage"] == pytest.approx(table.components[i, 5])
        assert row.rank_for_vacancy == table.rank_for_vacancy[i]
        assert row.rank_for_seeker == table.rank_for_seeker[i]
        a, b = table.matched_indptr[i], table.matched_indptr[i + 1]
        assert row.matched_skills == table.matched_skills[a:b].tolist()
        c, d = table.missing_indptr[i], table.missing_indptr[i + 1]
        assert row.missing_skills == table.missing_skills[c:d].tolist()


def test_replace_all_stores_every_pair_with_its_reasons(db):
    run = MatchRun.objects.create(run_on="2026-11-28")
    table = _table(300)
    replace_all(table, run.pk)
    _assert_equal(table, _stored())


def test_a_second_night_replaces_the_first_instead_of_adding(db):
    first = MatchRun.objects.create(run_on="2026-11-27")
    replace_all(_table(200, seed=1), first.pk)
    second = MatchRun.objects.create(run_on="2026-11-28")
    table = _table(150, seed=2)
    replace_all(table, second.pk)
    assert set(Match.objects.values_list("run_id", flat=True)) == {second.pk}
    _assert_equal(table, _stored())


def test_binary_copy_stream_has_postgres_header_and_trailer():
    payload = encode_copy(_table(3), run_id=9)
    assert payload.startswith(b"PGCOPY\n\xff\r\n\x00")
    assert payload.endswith(b"\xff\xff")


@pytest.mark.postgres
def test_postgres_swap_keeps_the_canonical_indexes(db):
    run = MatchRun.objects.create(run_on="2026-11-28")
    replace_all(_table(50), run.pk)
    replace_all(_table(60, seed=3), run.pk)
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'matching_match'")
        names = {row[0] for row in cursor.fetchall()}
    assert {"match_vacancy_rank", "match_seeker_rank", "match_pair", "matching_match_pkey"} <= names
    assert Match.objects.count() == 60
    # The identity column still works for ORM inserts after the swap.
    Match.objects.create(
        run=run,
        seeker_id=1,
        vacancy_id=1,
        score=1,
        skills=0,
        occupation=0,
        education=0,
        experience=0,
        location=0,
        wage=0,
    )


def test_replace_for_vacancies_touches_only_their_rows(db):
    run = MatchRun.objects.create(run_on="2026-11-28")
    table = _table(70)
    replace_all(table, run.pk)
    untouched = Match.objects.exclude(vacancy_id=100).count()
    fresh = _table(5, seed=4)
    fresh = PairTable(**{**fresh.__dict__, "vacancy_id": np.full(5, 100, dtype=np.int64)})
    replace_for(fresh, run.pk, vacancy_ids=[100])
    assert Match.objects.filter(vacancy_id=100).count() == 5
    assert Match.objects.exclude(vacancy_id=100).count() == untouched
