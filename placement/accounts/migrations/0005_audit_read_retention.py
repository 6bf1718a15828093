"""The audit trail stays append-only, with one exception for the retention job: read entries
("view") older than one year may be deleted. The floor is in the database, so no setting or bug in
the application can delete a recent entry or any record of a change."""

from django.db import migrations

TABLE = "accounts_auditevent"


def forwards(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(
            """
            CREATE OR REPLACE FUNCTION antarkerja_audit_retention() RETURNS trigger AS $$
            BEGIN
                IF TG_OP = 'DELETE' AND OLD.action = 'view'
                        AND OLD.at < now() - interval '1 year' THEN
                    RETURN OLD;
                END IF;
                RAISE EXCEPTION 'append-only table %: % is not allowed', TG_TABLE_NAME, TG_OP
                    USING ERRCODE = 'insufficient_privilege';
            END;
            $$ LANGUAGE plpgsql;
            """,
            params=None,
        )
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {TABLE}_append_only ON {TABLE};")
        schema_editor.execute(
            f"CREATE TRIGGER {TABLE}_append_only BEFORE UPDATE OR DELETE ON {TABLE} "
            f"FOR EACH ROW EXECUTE FUNCTION antarkerja_audit_retention();"
        )
    elif vendor == "sqlite":
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {TABLE}_no_delete;")
        schema_editor.execute(
            f"CREATE TRIGGER {TABLE}_no_delete BEFORE DELETE ON {TABLE} "
            f"WHEN NOT (OLD.action = 'view' AND OLD.at < datetime('now', '-1 year')) "
            f"BEGIN SELECT RAISE(ABORT, 'append-only table {TABLE}'); END;"
        )


def backwards(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {TABLE}_append_only ON {TABLE};")
        schema_editor.execute(
            f"CREATE TRIGGER {TABLE}_append_only BEFORE UPDATE OR DELETE ON {TABLE} "
            f"FOR EACH ROW EXECUTE FUNCTION antarkerja_append_only();"
        )
        schema_editor.execute("DROP FUNCTION IF EXISTS antarkerja_audit_retention();")
    elif vendor == "sqlite":
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {TABLE}_no_delete;")
        schema_editor.execute(
            f"CREATE TRIGGER {TABLE}_no_delete BEFORE DELETE ON {TABLE} "
            f"BEGIN SELECT RAISE(ABORT, 'append-only table {TABLE}'); END;"
        )


class Migration(migrations.Migration):
    dependencies = [("accounts", "0004_audit_ip_privacy_alert")]
    operations = [migrations.RunPython(forwards, backwards)]
