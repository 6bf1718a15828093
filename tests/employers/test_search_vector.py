"""The stored search vector (employers migration 0013): kept by a PostgreSQL trigger, equal to
SEARCH_VECTOR, read by the public search's count and ranking instead of a per-row rebuild."""

from __future__ import annotations

import importlib

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from employers.models import SEARCH_VECTOR, Vacancy
from employers.search import search_vacancies
from tests.factories import VacancyFactory

pytestmark = pytest.mark.postgres

migration = importlib.import_module("employers.migrations.0013_vacancy_search_vector")


def stale() -> list[tuple[str, str | None, str]]:
    """Vacancies whose stored vector differs from SEARCH_VECTOR over their text now."""
    rows = Vacancy.objects.annotate(expected=SEARCH_VECTOR).values_list(
        "title", "search_vector", "expected"
    )
    return [row for row in rows if row[1] != row[2]]


def test_the_trigger_keeps_the_stored_vector_equal_to_the_definition(db):
    first = VacancyFactory(title="Operator Forklift", description="Gudang pendingin.")
    VacancyFactory(title="Kasir", description="")
    Vacancy.objects.bulk_create(
        [Vacancy(**{**_fields(first), "title": f"Sopir Truk {n}"}) for n in range(3)]
    )
    assert Vacancy.objects.filter(search_vector__isnull=True).count() == 0
    assert stale() == []

    first.title = "Operator Crane"
    first.save()
    Vacancy.objects.filter(title="Kasir").update(description="Kasir toko swalayan.")
    assert stale() == []
    assert Vacancy.objects.filter(pk=first.pk, search_vector="crane").exists()
    assert not Vacancy.objects.filter(pk=first.pk, search_vector="forklift").exists()

    # A write that touches neither text keeps the vector (the trigger does not fire).
    first.status = Vacancy.Status.CLOSED
    first.save(update_fields=["status"])
    assert stale() == []


def _fields(vacancy: Vacancy) -> dict:
    names = ("employer_id", "occupation_id", "industry_id", "headcount", "valid_from", "valid_to")
    names += ("min_education_id", "wage_min", "wage_max", "regency_id", "description", "status")
    return {name: getattr(vacancy, name) for name in names}


def test_the_migration_fills_existing_rows_in_batches(db, monkeypatch):
    for n in range(5):
        VacancyFactory(title=f"Perawat {n}", description="Klinik pratama.")
    with connection.cursor() as cursor:  # as before the migration: no vector stored
        cursor.execute("UPDATE employers_vacancy SET search_vector = NULL")
    assert Vacancy.objects.filter(search_vector__isnull=True).count() == 5
    monkeypatch.setattr(migration, "BATCH", 2)
    with connection.schema_editor() as schema_editor:
        migration.fill(None, schema_editor)
    assert Vacancy.objects.filter(search_vector__isnull=True).count() == 0
    assert stale() == []


def test_the_search_counts_and_ranks_from_the_stored_column(db):
    VacancyFactory(title="Operator Forklift", description="Gudang pendingin.")
    VacancyFactory(title="Kasir", description="Operator mesin kasir.")
    with CaptureQueriesContext(connection) as queries:
        found = search_vacancies(q="operator")
        assert found.count() == 2
        assert [v.title for v in found[:20]] == ["Operator Forklift", "Kasir"]  # title A first
    statements = [q["sql"] for q in queries.captured_queries if "search_vector" in q["sql"]]
    assert len(statements) >= 3  # exists, count, page
    assert not any("to_tsvector" in q["sql"] for q in queries.captured_queries)
    # The count uses the column's GIN index: tests/employers/test_search.py.
