"""`manage.py load_reference_data`: regions, KBJI, KBLI, education levels and skills."""

from __future__ import annotations

import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string

from placement.taxonomy.loaders import load_all


class Command(BaseCommand):
    help = "Load (or refresh) the reference data. Safe to run again: a second run changes nothing."

    def handle(self, *args: object, **options: object) -> None:
        started = time.monotonic()
        for result in load_all():
            self.stdout.write(str(result))
        # Apps that derive rows from the reference data (e.g. one office per region) hook in here.
        for path in settings.ANTARKERJA["AFTER_REFERENCE_DATA"]:
            outcome = import_string(path)()
            if outcome:
                self.stdout.write(str(outcome))
        self.stdout.write(
            self.style.SUCCESS(f"Reference data loaded in {time.monotonic() - started:.1f} s.")
        )
