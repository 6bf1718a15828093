"""`manage.py backup [FOLDER]`: database + private media + manifest with checksums."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from placement.ops import backup


class Command(BaseCommand):
    help = (
        "Back up the database (pg_dump custom format), the private media files and a manifest "
        "with their checksums and the ledger's checksum into a new folder (default: "
        "VAR_DIR/backups/<date-time>)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("folder", nargs="?", help="an empty or new folder")

    def handle(self, *args: object, **options: object) -> None:
        folder = Path(
            options["folder"]
            or Path(settings.VAR_DIR) / "backups" / timezone.now().strftime("%Y%m%d-%H%M%S")
        )
        try:
            manifest = backup.backup(folder)
        except backup.BackupError as exc:
            raise CommandError(str(exc)) from exc
        ledger = manifest["ledger"]
        if not ledger["ok"]:
            self.stderr.write(f"Warning: the ledger's chain is broken: {ledger['first_break']}")
        size = sum(item["bytes"] for item in manifest["files"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written to {folder} ({size / 1e6:.1f} MB); "
                f"ledger {ledger['events']} events, checksum {ledger['checksum']}"
            )
        )
