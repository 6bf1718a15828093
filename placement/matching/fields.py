"""A list of integers stored as `integer[]` on PostgreSQL and as JSON text on SQLite."""

from __future__ import annotations

import json

from django.db import models


class IntListField(models.Field):
    description = "List of integers"

    def db_type(self, connection) -> str:
        return "integer[]" if connection.vendor == "postgresql" else "text"

    def from_db_value(self, value, expression, connection):
        if value is None or isinstance(value, list):
            return value
        return json.loads(value)

    def to_python(self, value):
        if value is None or isinstance(value, list):
            return value
        return json.loads(value)

    def get_db_prep_value(self, value, connection, prepared=False):
        if value is None:
            return None
        values = [int(v) for v in value]
        return values if connection.vendor == "postgresql" else json.dumps(values)
