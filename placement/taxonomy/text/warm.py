"""Load the word indexes before the first request needs them (no Django).

Each is loaded lazily per process, once: the occupation coder's index (the artefact, or built
from the data files when it is missing or stale), the place gazetteer and the skill lexicon. A
server process calls `warm_up` when it starts (gunicorn's `post_worker_init`, Celery's
`worker_process_init`, `runserver`), so no person waits seconds for the first search."""

from __future__ import annotations

import time

from placement.taxonomy.text.gazetteer import gazetteer
from placement.taxonomy.text.occupation_index import get_index
from placement.taxonomy.text.skills import lexicon


def warm_up() -> float:
    """Load the indexes of this process; the seconds it took."""
    started = time.perf_counter()
    get_index()
    gazetteer()
    lexicon()
    return time.perf_counter() - started
