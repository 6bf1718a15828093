"""A trigram index for the officers' search of seekers by name (PostgreSQL only)."""

import django.contrib.postgres.indexes
import django.db.models.functions.text
from django.contrib.postgres.indexes import OpClass
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class PostgresOnlyAddIndex(migrations.AddIndex):
    """pg_trgm exists on PostgreSQL only; SQLite searches names without an index."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [
        ("jobseekers", "0009_credentials"),
    ]

    operations = [
        TrigramExtension(),
        PostgresOnlyAddIndex(
            model_name="jobseeker",
            index=django.contrib.postgres.indexes.GinIndex(
                OpClass(django.db.models.functions.text.Upper("full_name"), name="gin_trgm_ops"),
                name="jobseeker_name_trgm",
            ),
        ),
    ]
