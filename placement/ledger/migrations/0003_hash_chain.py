"""The ledger's hash chain: two columns, existing events chained in id order, then constraints."""

from django.db import migrations, models


def chain_existing(apps, schema_editor) -> None:
    from placement.ledger import chain

    Event = apps.get_model("ledger", "Event")
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute("ALTER TABLE ledger_event DISABLE TRIGGER ledger_event_append_only")
    else:
        # SQLite rebuilt the table to add the columns, which dropped its triggers.
        for op in ("update", "delete"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS ledger_event_no_{op}")
    heads: dict = {}
    rows = Event.objects.order_by("id").values("id", *chain.FIELDS).iterator(chunk_size=5000)
    with schema_editor.connection.cursor() as cursor:
        for row in rows:
            seq, previous = heads.get(row["office_id"], (0, chain.GENESIS))
            digest = chain.link_hash(previous, row)
            heads[row["office_id"]] = (seq + 1, digest)
            cursor.execute(
                "UPDATE ledger_event SET chain_seq = %s, chain_hash = %s WHERE id = %s",
                [seq + 1, digest, row["id"]],
            )
    if vendor == "postgresql":
        schema_editor.execute("ALTER TABLE ledger_event ENABLE TRIGGER ledger_event_append_only")


def restore_sqlite_triggers(apps, schema_editor) -> None:
    # SQLite rebuilds the table for each new column and constraint, dropping its triggers.
    if schema_editor.connection.vendor == "sqlite":
        for op in ("UPDATE", "DELETE"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS ledger_event_no_{op.lower()}")
            schema_editor.execute(
                f"CREATE TRIGGER ledger_event_no_{op.lower()} BEFORE {op} ON ledger_event "
                f"BEGIN SELECT RAISE(ABORT, 'append-only table ledger_event'); END;"
            )


class Migration(migrations.Migration):
    dependencies = [("ledger", "0002_append_only")]

    operations = [
        migrations.AddField(
            model_name="event",
            name="chain_hash",
            field=models.CharField(
                blank=True, editable=False, max_length=64, verbose_name="chain hash"
            ),
        ),
        migrations.AddField(
            model_name="event",
            name="chain_seq",
            field=models.PositiveBigIntegerField(
                default=0, editable=False, verbose_name="chain sequence"
            ),
        ),
        migrations.RunPython(chain_existing, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="event",
            constraint=models.UniqueConstraint(
                fields=("office", "chain_seq"), name="ledger_event_office_chain_seq"
            ),
        ),
        migrations.AddConstraint(
            model_name="event",
            constraint=models.UniqueConstraint(
                condition=models.Q(("office__isnull", True)),
                fields=("chain_seq",),
                name="ledger_event_no_office_chain_seq",
            ),
        ),
        migrations.RunPython(restore_sqlite_triggers, migrations.RunPython.noop),
    ]
