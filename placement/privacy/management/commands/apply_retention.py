"""`manage.py apply_retention [--dry-run] [--on YYYY-MM-DD]`: the nightly retention job by hand."""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from placement.privacy import retention


class Command(BaseCommand):
    help = (
        "Delete the files of registrations removed long ago, anonymise their holders and delete "
        "old read-audit entries, as settings.PRIVACY_RETENTION says. --dry-run only reports."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="report, change nothing")
        parser.add_argument("--on", help="the day to apply the periods from (default: today)")

    def handle(self, *args: object, **options: object) -> None:
        try:
            on = date.fromisoformat(options["on"]) if options["on"] else None
        except ValueError as exc:
            raise CommandError("--on: use YYYY-MM-DD.") from exc
        report = retention.apply_retention(on=on, dry_run=options["dry_run"])
        for line in report.lines():
            self.stdout.write(line)
