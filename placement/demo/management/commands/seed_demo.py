"""`manage.py seed_demo`: the demo accounts of the Contract plus a generated population.

The seeders of `placement.demo` run in order; each is a callable `seed(*, stdout, options, rng)` and
must be safe to run again.
"""

from __future__ import annotations

import random
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from placement.accounts.models import User
from placement.demo import accounts, casework, employers, jobseekers, reports

# Accounts first; casework needs the seekers and employers; the report history comes last.
SEEDERS = (
    accounts.seed,
    employers.seed,
    jobseekers.seed,
    casework.seed_casework,
    reports.seed,
)


class Command(BaseCommand):
    help = "Create the demo accounts and demo data (development only; refused when DEBUG is off)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--seekers", type=int, default=2000, help="generated job seekers")
        parser.add_argument("--vacancies", type=int, default=300, help="generated vacancies")
        parser.add_argument("--seed", type=int, default=2026, help="random seed (repeatable data)")
        parser.add_argument(
            "--if-empty", action="store_true", help="do nothing when the database has users"
        )

    def handle(self, *args: object, **options: object) -> None:
        if not settings.DEBUG:
            raise CommandError(
                "seed_demo creates accounts with a public password: DEBUG must be on."
            )
        if options["if_empty"] and User.objects.exists():
            self.stdout.write("The database already has users: demo data not seeded.")
            return
        for name in ("seekers", "vacancies"):
            if options[name] < 0:
                raise CommandError(f"--{name} must be zero or more.")
        rng = random.Random(options["seed"])  # noqa: S311 - repeatable demo data, not secrets
        for seeder in SEEDERS:
            started = time.monotonic()
            seeder(stdout=self.stdout, options=options, rng=rng)
            name = f"{seeder.__module__}.{seeder.__name__}"
            self.stdout.write(f"{name}: {time.monotonic() - started:.1f} s")
        self.stdout.write(self.style.SUCCESS("Demo data ready. Password: antarkerja-demo"))
