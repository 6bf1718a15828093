"""Database helpers shared by migrations."""

from __future__ import annotations

from django.db import migrations


def append_only(table: str) -> migrations.RunPython:
    """A migration operation that makes `table` reject UPDATE and DELETE in the database itself.

    PostgreSQL: a trigger function raising an exception. SQLite: RAISE(ABORT) triggers. The
    application role cannot bypass it short of dropping the trigger (a migration, reviewed).
    """

    def forwards(apps, schema_editor) -> None:
        vendor = schema_editor.connection.vendor
        if vendor == "postgresql":
            schema_editor.execute(
                """
                CREATE OR REPLACE FUNCTION antarkerja_append_only() RETURNS trigger AS $$
                BEGIN
                    RAISE EXCEPTION 'append-only table %: % is not allowed', TG_TABLE_NAME, TG_OP
                        USING ERRCODE = 'insufficient_privilege';
                END;
                $$ LANGUAGE plpgsql;
                """,
                params=None,  # the body holds % placeholders of its own
            )
            schema_editor.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION antarkerja_append_only();"
            )
        elif vendor == "sqlite":
            for op in ("UPDATE", "DELETE"):
                schema_editor.execute(
                    f"CREATE TRIGGER {table}_no_{op.lower()} BEFORE {op} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, 'append-only table {table}'); END;"
                )

    def backwards(apps, schema_editor) -> None:
        vendor = schema_editor.connection.vendor
        if vendor == "postgresql":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table};")
        elif vendor == "sqlite":
            for op in ("update", "delete"):
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_no_{op};")

    return migrations.RunPython(forwards, backwards)
