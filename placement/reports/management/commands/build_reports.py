"""`manage.py build_reports --month YYYY-MM`: build and store a month's IPK tables by hand."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError

from placement.reports import services


class Command(BaseCommand):
    help = (
        "Build and store the IPK tables III/1-III/8 of every office for a completed month "
        "(default: last month). A rerun replaces the month's tables."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--month", help="YYYY-MM (default: last month)")
        parser.add_argument(
            "--months", type=int, default=1, help="also build the N-1 months before it"
        )

    def handle(self, *args: object, **options: object) -> None:
        try:
            month = (
                services.parse_month(options["month"])
                if options["month"]
                else services.previous_month()
            )
        except services.ReportError as exc:
            raise CommandError(f"--month: {exc}") from exc
        if options["months"] < 1:
            raise CommandError("--months must be 1 or more.")
        for offset in range(options["months"] - 1, -1, -1):
            target = services.add_months(month, -offset)
            started = time.monotonic()
            try:
                count = services.build_month(month=target)
            except services.ReportError as exc:
                raise CommandError(f"{target:%Y-%m}: {exc}") from exc
            self.stdout.write(
                self.style.SUCCESS(
                    f"IPK {target:%Y-%m}: {count} offices, {time.monotonic() - started:.1f} s"
                )
            )
