"""Small, strict readers for settings that come from the environment.

Each helper fails loudly (ImproperlyConfigured) on a value it cannot understand, so a typo in a
deployment stops the process at start-up instead of silently running with a default.
"""

from __future__ import annotations

import os
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str | None = None) -> str | None:
    """Return the variable as a string, or the default when it is unset.

    A value in matching quotes loses them: the env file quotes a value the shell would misread
    (`"AntarKerja <noreply@...>"`); systemd, the shell and docker compose unquote it, but
    `docker run --env-file` and podman-compose pass the quotes on."""
    value = os.environ.get(name)
    if value is None:
        return default
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def env_bool(name: str, default: bool) -> bool:
    """Return the variable as a boolean; anything but a recognised word is an error."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}"
    )


def env_int(name: str, default: int) -> int:
    """Return the variable as an integer."""
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer; got {raw!r}") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    """Return a comma-separated variable as a list of non-empty, stripped items."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def parse_email_url(url: str) -> dict[str, object]:
    """Translate EMAIL_URL into Django's EMAIL_* settings.

    Schemes: ``smtp://user:pass@host:25``, ``smtps://...`` (implicit TLS),
    ``smtp+tls://...`` (STARTTLS), ``console://``, ``locmem://``, ``dummy://``, and
    ``file:///var/mail/antarkerja`` (each message written to a file in that folder: a staging
    server, or the browser tests reading what each person was sent).
    """
    parts = urlsplit(url)
    backends = {
        "smtp": "django.core.mail.backends.smtp.EmailBackend",
        "smtps": "django.core.mail.backends.smtp.EmailBackend",
        "smtp+tls": "django.core.mail.backends.smtp.EmailBackend",
        "console": "django.core.mail.backends.console.EmailBackend",
        "locmem": "django.core.mail.backends.locmem.EmailBackend",
        "dummy": "django.core.mail.backends.dummy.EmailBackend",
        "file": "django.core.mail.backends.filebased.EmailBackend",
    }
    if parts.scheme not in backends:
        raise ImproperlyConfigured(
            f"EMAIL_URL scheme must be one of {', '.join(sorted(backends))}; got {parts.scheme!r}"
        )
    config: dict[str, object] = {"EMAIL_BACKEND": backends[parts.scheme]}
    if parts.scheme == "file":
        if not parts.path.startswith("/"):
            raise ImproperlyConfigured("EMAIL_URL needs an absolute folder, e.g. file:///var/mail")
        config["EMAIL_FILE_PATH"] = unquote(parts.path)
    if parts.scheme.startswith("smtp"):
        if not parts.hostname:
            raise ImproperlyConfigured("EMAIL_URL needs a host, e.g. smtp://mail.example.org:25")
        try:
            port = parts.port
        except ValueError as exc:
            raise ImproperlyConfigured(f"EMAIL_URL has an invalid port: {url!r}") from exc
        config.update(
            EMAIL_HOST=parts.hostname,
            EMAIL_PORT=port or (465 if parts.scheme == "smtps" else 25),
            EMAIL_HOST_USER=unquote(parts.username or ""),
            EMAIL_HOST_PASSWORD=unquote(parts.password or ""),
            EMAIL_USE_SSL=parts.scheme == "smtps",
            EMAIL_USE_TLS=parts.scheme == "smtp+tls",
        )
        query = parse_qs(parts.query)
        if "timeout" in query:
            config["EMAIL_TIMEOUT"] = int(query["timeout"][0])
    return config


def parse_database_url(url: str, *, conn_max_age: int = 60) -> dict[str, object]:
    """Translate DATABASE_URL into a DATABASES entry; only PostgreSQL and SQLite are supported."""
    import dj_database_url

    try:
        config = dj_database_url.parse(url, conn_max_age=conn_max_age)
    except ValueError as exc:
        raise ImproperlyConfigured(f"DATABASE_URL is not understood: {exc}") from exc
    engine = config.get("ENGINE", "")
    if engine not in ("django.db.backends.postgresql", "django.db.backends.sqlite3"):
        raise ImproperlyConfigured(f"DATABASE_URL must be postgres:// or sqlite://; got {engine!r}")
    return dict(config)
