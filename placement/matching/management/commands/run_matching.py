"""`manage.py run_matching [--date YYYY-MM-DD] [--province CODE]`: the nightly match, by hand."""

from __future__ import annotations

import time
from datetime import date

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from placement.matching import services, tasks
from placement.matching.models import MatchRun
from placement.matching.priority import lower_priority
from placement.taxonomy.models import Province


class Command(BaseCommand):
    help = (
        "Run the matching for a date (default today). A rerun of the same date replaces its "
        "results. Runs in-process without REDIS_URL; with it, the units go to the workers and "
        "this command waits for them."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--date", help="run date, YYYY-MM-DD (default: today)")
        parser.add_argument("--province", default="", help="only this province's vacancies")
        parser.add_argument(
            "--no-wait", action="store_true", help="with workers: dispatch and return at once"
        )

    def handle(self, *args: object, **options: object) -> None:
        try:
            day = date.fromisoformat(options["date"]) if options["date"] else timezone.localdate()
        except ValueError as exc:
            raise CommandError("--date must be YYYY-MM-DD") from exc
        province = options["province"] or ""
        if province and not Province.objects.filter(code=province).exists():
            raise CommandError(f"Unknown province code {province!r}.")
        # The match yields the CPU to the web (MATCHING_NICE); without workers it runs here.
        lower_priority()
        started = time.monotonic()
        dispatch = None if settings.CELERY_TASK_ALWAYS_EAGER else tasks._dispatch
        run = services.start_run(run_on=day, province=province, force=True, dispatch=dispatch)
        if dispatch is not None and not options["no_wait"]:
            while run.status in (MatchRun.Status.RUNNING, MatchRun.Status.FINALIZING):
                time.sleep(1)
                run.refresh_from_db()
                self.stdout.write(f"  {run.units_done}/{run.units_total} units", ending="\r")
        self.stdout.write("")
        if run.status == MatchRun.Status.FAILED:
            raise CommandError(f"Matching run failed: {run.error}")
        counts = run.counts
        self.stdout.write(
            self.style.SUCCESS(
                f"Matching {day} {run.status}: {counts.get('seekers', 0)} seekers x "
                f"{counts.get('vacancies', 0)} vacancies, {counts.get('admissible_pairs', 0)} "
                f"admissible pairs, {counts.get('rows', 0)} rows, "
                f"{time.monotonic() - started:.1f} s."
            )
        )
