"""`manage.py build_occupation_index`: build the occupation coder's index artefact.

Reads only the committed files in `placement/taxonomy/data/` (aliases, KBJI, ISCO/ESCO labels) and
writes `var/occupation_index.npz`; the same files always give the same index. The coder uses the
artefact when its source hash matches, and otherwise builds the index in memory (slower start).
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from placement.taxonomy.text.occupation_index import ARTEFACT_PATH, OccupationIndex


class Command(BaseCommand):
    help = "Build the occupation coder's index from the committed data files."

    def handle(self, *args: object, **options: object) -> None:
        started = time.monotonic()
        index = OccupationIndex.build()
        index.save(ARTEFACT_PATH)
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(index.labels)} labels, {len(index.vocabulary)} n-grams -> {ARTEFACT_PATH} "
                f"in {time.monotonic() - started:.1f} s."
            )
        )
