"""`manage.py verify_ledger`: recompute the ledger's hash chains and name the first broken link."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from placement.ledger import chain
from placement.ledger.models import Event


class Command(BaseCommand):
    help = (
        "Check the ledger's hash chain of every office. Prints the number of events, the checksum "
        "of the chain heads and, when a chain is broken, its first broken link (exit status 1)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--json", action="store_true", help="print one JSON object")
        parser.add_argument(
            "--against",
            metavar="MANIFEST",
            help="also check that the chain heads recorded in an older backup's manifest.json "
            "are still in today's chains (history not rewritten since)",
        )

    def handle(self, *args: object, **options: object) -> None:
        report = chain.verify(Event)
        rewritten = []
        if options["against"]:
            try:
                manifest = json.loads(Path(options["against"]).read_text())
                heads = manifest["ledger"]["heads"]
            except (OSError, ValueError, KeyError) as exc:
                raise CommandError(f"--against: no chain heads in that file ({exc})") from exc
            rewritten = chain.check_heads(Event, heads)
        if options["json"]:
            self.stdout.write(
                json.dumps(
                    {
                        "ok": report.ok,
                        "events": report.events,
                        "checksum": report.checksum,
                        "first_break": str(report.first_break) if report.first_break else None,
                        "rewritten": rewritten,
                    }
                )
            )
        if not report.ok:
            raise CommandError(f"Ledger chain broken at {report.first_break}")
        if rewritten:
            raise CommandError("Ledger history rewritten since the backup: " + "; ".join(rewritten))
        if not options["json"]:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Ledger intact: {report.events} events in {len(report.heads)} chains; "
                    f"checksum {report.checksum}"
                )
            )
