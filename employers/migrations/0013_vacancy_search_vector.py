"""The public search's words stored per vacancy: `search_vector`, kept by a trigger, GIN-indexed.

Before, the count and the ranking rebuilt `SEARCH_VECTOR` (title A + description C, 'simple') from
the text of every matching row; now they read the stored column. PostgreSQL only (SQLite keeps
the column empty and searches the text). Safe on a big table:
- the column is added without a default (no table rewrite, a brief lock);
- the trigger fills it from then on, for every insert and every write of the title or the
  description (bulk_create and QuerySet.update included: no signal involved);
- existing rows are filled in batches of BATCH ids, each batch its own short transaction;
- the new index is built CONCURRENTLY and the old expression index dropped CONCURRENTLY, so
  reads and writes of vacancies go on meanwhile (hence `atomic = False`).
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.operations import AddIndexConcurrently, RemoveIndexConcurrently
from django.contrib.postgres.search import SearchVectorField
from django.db import migrations

BATCH = 5000

# The one SQL definition of the stored vector; it must equal employers.models.SEARCH_VECTOR
# (tests/employers/test_search_vector.py compares them row by row).
FUNCTION = """
CREATE OR REPLACE FUNCTION employers_vacancy_search_vector() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector :=
        setweight(to_tsvector('simple'::regconfig, COALESCE(NEW.title, '')), 'A')
        || setweight(to_tsvector('simple'::regconfig, COALESCE(NEW.description, '')), 'C');
    RETURN NEW;
END
$$
"""
TRIGGER = """
CREATE TRIGGER employers_vacancy_search_vector
BEFORE INSERT OR UPDATE OF title, description ON employers_vacancy
FOR EACH ROW EXECUTE FUNCTION employers_vacancy_search_vector()
"""
DROP = """
DROP TRIGGER IF EXISTS employers_vacancy_search_vector ON employers_vacancy;
DROP FUNCTION IF EXISTS employers_vacancy_search_vector()
"""


def _postgres(schema_editor) -> bool:
    return schema_editor.connection.vendor == "postgresql"


def add_trigger(apps, schema_editor):
    if _postgres(schema_editor):
        schema_editor.execute(FUNCTION)
        schema_editor.execute(TRIGGER)


def drop_trigger(apps, schema_editor):
    if _postgres(schema_editor):
        schema_editor.execute(DROP)


def fill(apps, schema_editor):
    """Existing rows, BATCH ids at a time (autocommit: each UPDATE is its own transaction)."""
    if not _postgres(schema_editor):
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT COALESCE(MIN(id), 0), COALESCE(MAX(id), 0) FROM employers_vacancy")
        low, high = cursor.fetchone()
        for start in range(low, high + 1, BATCH):
            # Writing the title fires the trigger, which computes the vector (one definition).
            cursor.execute(
                "UPDATE employers_vacancy SET title = title "
                "WHERE id >= %s AND id < %s AND search_vector IS NULL",
                [start, start + BATCH],
            )


class PostgresOnly:
    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if _postgres(schema_editor):
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if _postgres(schema_editor):
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class PostgresOnlyAddIndexConcurrently(PostgresOnly, AddIndexConcurrently):
    pass


class PostgresOnlyRemoveIndexConcurrently(PostgresOnly, RemoveIndexConcurrently):
    pass


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("employers", "0012_import_handoff"),
    ]

    operations = [
        migrations.AddField(
            model_name="vacancy",
            name="search_vector",
            field=SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(add_trigger, drop_trigger, elidable=False),
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=False),
        PostgresOnlyAddIndexConcurrently(
            model_name="vacancy",
            index=GinIndex("search_vector", name="vacancy_search_vector_gin"),
        ),
        PostgresOnlyRemoveIndexConcurrently(
            model_name="vacancy",
            name="vacancy_search_gin",
        ),
    ]
