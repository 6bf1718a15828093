"""Backups: the database (pg_dump custom format, or a SQLite copy), the private media files and a
manifest with their checksums and the ledger's checksum; restore checks all of them.

A backup folder holds:
    manifest.json      what was taken, when, sizes, sha256 of each file, the ledger's checksum
    database.dump      `pg_dump --format=custom` (PostgreSQL) -- or database.sqlite3 (SQLite)
    media.tar.gz       PRIVATE_MEDIA_ROOT (CVs, import files)
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connection, connections
from django.utils import timezone

from placement.ledger import chain
from placement.ledger.models import Event

FORMAT = 1


class BackupError(Exception):
    """A backup or restore that cannot be done safely; the message says why."""


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _pg_env(db: dict) -> dict[str, str]:
    env = {**os.environ}
    for key, name in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER")):
        if db.get(key):
            env[name] = str(db[key])
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return env


def _run(args: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(args, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{args[0]} failed: {result.stderr.strip()[-2000:]}")


def ledger_summary() -> dict[str, object]:
    report = chain.verify(Event)
    return {
        "ok": report.ok,
        "events": report.events,
        "checksum": report.checksum,
        "first_break": str(report.first_break) if report.first_break else None,
        "heads": chain.heads_as_json(report),
    }


def backup(folder: Path) -> dict:
    """Write a backup into `folder` (created; must be empty) and return its manifest.

    The backup holds everyone's personal data: its folder and files are readable by the service
    user only (umask 077 while writing), whatever the umask of the shell or unit."""
    previous = os.umask(0o077)
    try:
        return _backup(folder)
    finally:
        os.umask(previous)


def _backup(folder: Path) -> dict:
    folder.mkdir(parents=True, exist_ok=True)
    if any(folder.iterdir()):
        raise BackupError(f"{folder} is not empty.")
    db = settings.DATABASES["default"]
    files: list[Path] = []
    # The ledger is read first: events written during the dump only make the dump newer.
    ledger = ledger_summary()
    if connection.vendor == "postgresql":
        dump = folder / "database.dump"
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                "--file",
                str(dump),
                str(db["NAME"]),
            ],
            _pg_env(db),
        )
    else:
        dump = folder / "database.sqlite3"
        connection.ensure_connection()
        target = sqlite3.connect(dump)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    files.append(dump)
    media = folder / "media.tar.gz"
    root = Path(settings.MEDIA_ROOT)
    with tarfile.open(media, "w:gz") as archive:
        if root.exists():
            archive.add(root, arcname="media")
    files.append(media)
    manifest = {
        "format": FORMAT,
        "created_at": timezone.now().isoformat(),
        "database": connection.vendor,
        "database_name": str(db["NAME"]),
        "ledger": ledger,
        "files": {
            path.name: {"sha256": sha256(path), "bytes": path.stat().st_size} for path in files
        },
    }
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def check(folder: Path) -> dict:
    """The manifest of a backup whose files are all present and unchanged; else BackupError."""
    try:
        manifest = json.loads((folder / "manifest.json").read_text())
    except (OSError, ValueError) as exc:
        raise BackupError(f"No readable manifest.json in {folder}: {exc}") from exc
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    for name, expected in manifest["files"].items():
        path = folder / name
        if not path.exists():
            raise BackupError(f"{name} is missing.")
        if sha256(path) != expected["sha256"]:
            raise BackupError(f"{name} does not match its checksum in the manifest.")
    return manifest


def restore(folder: Path) -> dict:
    """Replace this installation's database and media with the backup's, after checking it.

    Returns {"manifest": ..., "ledger": the restored ledger's summary}; the caller compares the
    ledger checksum with the manifest's.
    """
    manifest = check(folder)
    db = settings.DATABASES["default"]
    if manifest["database"] != connection.vendor:
        raise BackupError(
            f"The backup is of a {manifest['database']} database; this one is {connection.vendor}."
        )
    media_root = Path(settings.MEDIA_ROOT)
    _check_writable(media_root.parent)  # before the database is touched: never half a restore
    connections.close_all()
    if connection.vendor == "postgresql":
        # One transaction: a restore that fails part-way leaves the database as it was.
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                "--dbname",
                str(db["NAME"]),
                str(folder / "database.dump"),
            ],
            _pg_env(db),
        )
    else:
        shutil.copyfile(folder / "database.sqlite3", db["NAME"])
    _restore_media(folder / "media.tar.gz", media_root)
    return {"manifest": manifest, "ledger": ledger_summary()}


def _check_writable(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tempfile.TemporaryDirectory(dir=folder, prefix=".restore-check-").cleanup()
    except OSError as exc:
        raise BackupError(
            f"The media folder's parent {folder} is not writable by this user ({exc}); "
            "nothing was restored. Run restore as the service user (README, Restore)."
        ) from exc


def _extract(archive: tarfile.TarFile, folder: str) -> None:
    """Unpack regular files and folders only, inside `folder`. Python's "data" filter does this
    from 3.11.4; Debian 12 has 3.11.2, so the same rules are checked here without it."""
    if hasattr(tarfile, "data_filter"):
        archive.extractall(folder, filter="data")
        return
    members = []
    for member in archive.getmembers():
        parts = Path(member.name).parts
        if member.name.startswith("/") or ".." in parts or not (member.isfile() or member.isdir()):
            raise BackupError(f"media.tar.gz holds an unsafe entry: {member.name!r}")
        member.mode &= 0o755
        members.append(member)
    archive.extractall(folder, members=members)  # noqa: S202 - every member checked above


def _restore_media(archive_path: Path, root: Path) -> None:
    """Unpack next to the media folder, then swap it in: never a half-restored folder."""
    root.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=root.parent, prefix=".restore-") as scratch:
        with tarfile.open(archive_path, "r:gz") as archive:
            _extract(archive, scratch)
        unpacked = Path(scratch) / "media"
        unpacked.mkdir(exist_ok=True)
        old = root.with_name(root.name + ".before-restore")
        shutil.rmtree(old, ignore_errors=True)
        if root.exists():
            root.rename(old)
        unpacked.rename(root)
        shutil.rmtree(old, ignore_errors=True)
