"""`manage.py load_reference_data`: regions, KBJI, KBLI, education levels and skills."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from placement.offices.services import sync_offices
from placement.taxonomy.loaders import load_all


class Command(BaseCommand):
    help = "Load (or refresh) the reference data. Safe to run again: a second run changes nothing."

    def handle(self, *args: object, **options: object) -> None:
        started = time.monotonic()
        for result in load_all():
            self.stdout.write(str(result))
        # One office per region, derived from the regions just loaded.
        self.stdout.write(sync_offices())
        self.stdout.write(
            self.style.SUCCESS(f"Reference data loaded in {time.monotonic() - started:.1f} s.")
        )
