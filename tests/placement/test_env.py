import pytest
from django.core.exceptions import ImproperlyConfigured

from placement.env import (
    env_bool,
    env_int,
    env_list,
    env_str,
    parse_database_url,
    parse_email_url,
)


def test_env_bool_reads_common_words(monkeypatch):
    monkeypatch.setenv("FLAG", "yes")
    assert env_bool("FLAG", False) is True
    monkeypatch.setenv("FLAG", "0")
    assert env_bool("FLAG", True) is False


def test_env_bool_refuses_a_typo_instead_of_guessing(monkeypatch):
    monkeypatch.setenv("FLAG", "ture")
    with pytest.raises(ImproperlyConfigured, match="FLAG"):
        env_bool("FLAG", False)


def test_env_int_refuses_a_non_number(monkeypatch):
    monkeypatch.setenv("N", "ten")
    with pytest.raises(ImproperlyConfigured, match="N must be an integer"):
        env_int("N", 1)


def test_env_list_splits_on_commas_and_drops_blanks(monkeypatch):
    monkeypatch.setenv("HOSTS", "a.example, b.example,,")
    assert env_list("HOSTS", []) == ["a.example", "b.example"]


def test_database_url_accepts_postgres_and_sqlite():
    pg = parse_database_url("postgres://u:p@127.0.0.1:5432/antarkerja")
    assert pg["ENGINE"] == "django.db.backends.postgresql"
    assert pg["NAME"] == "antarkerja"
    assert parse_database_url("sqlite:///tmp/x.sqlite3")["ENGINE"].endswith("sqlite3")


def test_database_url_refuses_other_engines():
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        parse_database_url("mysql://u:p@localhost/db")


def test_email_url_smtp_with_starttls():
    config = parse_email_url("smtp+tls://user%40x:secret@mail.example.org:587")
    assert config["EMAIL_HOST"] == "mail.example.org"
    assert config["EMAIL_PORT"] == 587
    assert config["EMAIL_HOST_USER"] == "user@x"
    assert config["EMAIL_USE_TLS"] is True
    assert config["EMAIL_USE_SSL"] is False


def test_email_url_file_writes_each_message_to_a_folder():
    config = parse_email_url("file:///tmp/ak%20mail")
    assert config == {
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": "/tmp/ak mail",
    }
    with pytest.raises(ImproperlyConfigured, match="absolute"):
        parse_email_url("file://")


def test_email_url_refuses_unknown_scheme():
    with pytest.raises(ImproperlyConfigured, match="EMAIL_URL"):
        parse_email_url("pigeon://coop")


def test_env_str_drops_the_quotes_an_env_file_passed_through_podman_keeps(monkeypatch):
    # deploy/env.example quotes DEFAULT_FROM_EMAIL for the shell; podman-compose and
    # `docker run --env-file` hand the quotes on, which made the From header a bare name.
    monkeypatch.setenv("FROM", '"AntarKerja <noreply@antarkerja.example.go.id>"')
    assert env_str("FROM") == "AntarKerja <noreply@antarkerja.example.go.id>"
    monkeypatch.setenv("FROM", "'x'")
    assert env_str("FROM") == "x"
    monkeypatch.setenv("FROM", 'a "b"')
    assert env_str("FROM") == 'a "b"'
    monkeypatch.delenv("FROM")
    assert env_str("FROM", "default") == "default"
