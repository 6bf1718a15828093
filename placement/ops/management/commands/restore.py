"""`manage.py restore FOLDER --yes`: check a backup's checksums, then restore it here."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from placement.ops import backup


class Command(BaseCommand):
    help = (
        "Restore a folder written by `manage.py backup` into this installation's database and "
        "media folder (both are REPLACED). Checks every file's checksum first, and the restored "
        "ledger's checksum against the manifest after."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("folder")
        parser.add_argument(
            "--yes", action="store_true", help="confirm: replace the current database and media"
        )
        parser.add_argument("--check-only", action="store_true", help="only check the checksums")

    def handle(self, *args: object, **options: object) -> None:
        folder = Path(options["folder"])
        try:
            if options["check_only"]:
                backup.check(folder)
                self.stdout.write(self.style.SUCCESS(f"{folder}: every file matches."))
                return
            if not options["yes"]:
                raise CommandError("This replaces the database and media; add --yes to go on.")
            result = backup.restore(folder)
        except backup.BackupError as exc:
            raise CommandError(str(exc)) from exc
        expected = result["manifest"]["ledger"]["checksum"]
        restored = result["ledger"]
        if restored["checksum"] != expected or not restored["ok"]:
            raise CommandError(
                f"Restored, but the ledger differs from the backup's: checksum "
                f"{restored['checksum']} (expected {expected}); {restored['first_break'] or ''}"
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {folder}; ledger {restored['events']} events, checksum {expected}"
            )
        )
