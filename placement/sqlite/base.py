"""Django's SQLite backend, told that it has no expression indexes.

The vacancy and seeker tables carry GIN expression indexes (full text, trigrams) that exist only
on PostgreSQL. Their migrations skip them on SQLite, but SQLite rebuilds a table for most schema
changes and would then recreate every index of the model's state, PostgreSQL syntax included
("unrecognized token ':'"). Without expression-index support Django leaves them out; SQLite
searches without them (employers/search.py). Settings pick this engine for sqlite:// URLs.
"""

from django.db.backends.sqlite3 import base, features


class DatabaseFeatures(features.DatabaseFeatures):
    supports_expression_indexes = False


class DatabaseWrapper(base.DatabaseWrapper):
    features_class = DatabaseFeatures
