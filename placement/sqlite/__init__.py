"""SQLite (development and `make run`) as Django's backend, minus PostgreSQL-only indexes."""
