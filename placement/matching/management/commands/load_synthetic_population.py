"""`manage.py load_synthetic_population`: a country-shaped load-test population (DEBUG only)."""

from __future__ import annotations

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from placement.matching.population import load_population


class Command(BaseCommand):
    help = "Insert synthetic active seekers and published vacancies for load tests and benchmarks."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--seekers", type=int, default=20_000)
        parser.add_argument("--vacancies", type=int, default=2_000)
        parser.add_argument("--seed", type=int, default=0)

    def handle(self, *args: object, **options: object) -> None:
        if not settings.DEBUG:
            raise CommandError("Synthetic data is for test databases: DEBUG must be on.")
        started = time.monotonic()
        counts = load_population(
            n_seekers=options["seekers"], n_vacancies=options["vacancies"], seed=options["seed"]
        )
        self.stdout.write(f"{counts} in {time.monotonic() - started:.1f} s")
