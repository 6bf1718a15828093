"""Typo tolerance for the public search: pg_trgm and a trigram index on the lower-cased title.

PostgreSQL only (pg_trgm is a trusted extension from PostgreSQL 13); SQLite searches without it.
"""

import django.contrib.postgres.indexes
import django.db.models.functions.text
from django.contrib.postgres.operations import TrigramExtension
from django.contrib.postgres.indexes import OpClass
from django.db import migrations


class PostgresOnlyAddIndex(migrations.AddIndex):
    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [
        ("employers", "0008_import_progress"),
    ]

    operations = [
        TrigramExtension(),
        PostgresOnlyAddIndex(
            model_name="vacancy",
            index=django.contrib.postgres.indexes.GinIndex(
                OpClass(django.db.models.functions.text.Lower("title"), name="gin_trgm_ops"),
                name="vacancy_title_trgm",
            ),
        ),
    ]
