"""Small helpers shared by test files."""

from html.parser import HTMLParser

from django.conf import settings


def english(client):
    """Switch `client` to English the way a person does (the language cookie), and return it."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


class _Forms(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict] = []
        self._current: dict | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self._current = {
                "action": attributes.get("action", ""),
                "method": (attributes.get("method") or "get").lower(),
                "fields": [],
                "buttons": [],
            }
            self.forms.append(self._current)
        elif self._current is not None and tag in ("input", "button") and attributes.get("name"):
            kind = (attributes.get("type") or ("submit" if tag == "button" else "text")).lower()
            pair = (attributes["name"], attributes.get("value") or "")
            if kind == "submit":
                self._current["buttons"].append(pair)
            elif kind not in ("checkbox", "radio") or "checked" in attributes:
                self._current["fields"].append(pair)

    def handle_endtag(self, tag):
        if tag == "form":
            self._current = None


def forms_in(html: str) -> list[dict]:
    """The page's forms as a browser sees them: action, method, fields sent, submit buttons."""
    parser = _Forms()
    parser.feed(html)
    return parser.forms


def submit(client, form: dict, button: tuple[str, str] | None = None):
    """Send `form` exactly as rendered (the browser's way), pressing `button` if given."""
    data: dict[str, list[str]] = {}
    for name, value in [*form["fields"], *([button] if button else [])]:
        data.setdefault(name, []).append(value)
    if form["method"] == "post":
        return client.post(form["action"], data)
    return client.get(form["action"], data)


def pdf_text(pdf: bytes) -> str:
    """The text a reader sees in a PDF (fonts are embedded, so the bytes hold glyph codes)."""
    import io

    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


def fresh_database_name(suffix: str) -> str:
    """`<database of DATABASE_URL>[_<xdist worker>]_<suffix>`: two `pytest -n` workers never
    share a fresh database (the worker id is left out in a run of one process)."""
    import os

    import dj_database_url

    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    base = dj_database_url.parse(os.environ["DATABASE_URL"])["NAME"]
    return "_".join(part for part in (base, worker, suffix) if part)


def fresh_postgres_database(suffix: str) -> str:
    """Drop and create `fresh_database_name(suffix)` beside DATABASE_URL; return its URL.

    Only that database is dropped (WITH FORCE ends the sessions of a previous run left in it)."""
    return fresh_postgres_databases([suffix])[0]


def postgres_admin_connection():
    """An autocommit psycopg2 connection to the `postgres` database of DATABASE_URL's server
    (for CREATE/DROP/ALTER DATABASE and pg_stat_activity); the caller closes it."""
    import os

    import dj_database_url
    import psycopg2

    config = dj_database_url.parse(os.environ["DATABASE_URL"])
    admin = psycopg2.connect(
        dbname="postgres",
        user=config["USER"] or "postgres",
        host=config["HOST"] or "127.0.0.1",
        port=config["PORT"] or 5432,
        password=config["PASSWORD"] or None,
    )
    admin.autocommit = True
    return admin


def fresh_postgres_databases(suffixes: list[str]) -> list[str]:
    """`fresh_postgres_database` for several suffixes over one admin connection."""
    import os

    base = os.environ["DATABASE_URL"]
    admin = postgres_admin_connection()
    urls = []
    try:
        with admin.cursor() as cursor:
            for suffix in suffixes:
                name = fresh_database_name(suffix)
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                cursor.execute(f'CREATE DATABASE "{name}"')
                urls.append(base.rsplit("/", 1)[0] + "/" + name)
    finally:
        admin.close()
    return urls
