"""The nightly match over and over beside the load run (`run_load.py --nightly`), each run logged.

    DATABASE_URL=postgres://... python benchmarks/load/nightly.py --log var/load_nightly.jsonl

Django is set up once, then `manage.py run_matching` (today's date, the whole country) runs in a
loop in this process until it is stopped (SIGTERM). Starting `manage.py` anew for every run cost
minutes of start-up on a loaded machine: the first run of an earlier load began 4.5 minutes after
the load did. Without REDIS_URL the units run here; with it they go to the Celery workers and
this process waits. Like production, the match lowers its CPU priority to MATCHING_NICE.

Each line of the log is one JSON object with `event` ("start": a run was asked for; "scoring":
its snapshot is extracted and its units are being scored; "end": it finished, with its status,
counts and seconds; "error"), `run` (this loop's run number, from 1), `at` (ISO time, UTC) and
`unix` (seconds). A watcher thread looks every half second for the run's new work units (written
once the snapshot is extracted) to log "scoring", so the load run can wait until the match really
competes for the CPU before it starts the users.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import signal
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


class Log:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.file = path.open("a", buffering=1)
        self.lock = threading.Lock()

    def write(self, event: str, run: int, **fields: object) -> None:
        now = time.time()
        line = {
            "event": event,
            "run": run,
            "at": datetime.fromtimestamp(now, UTC).isoformat(timespec="seconds"),
            "unix": round(now, 3),
            **fields,
        }
        with self.lock:
            self.file.write(json.dumps(line, default=str) + "\n")


def _watch(log: Log, state: dict, stop: threading.Event) -> None:
    """Log "scoring" once per run: when the run's work units of this start exist (they are
    written after the extract, with new ids) and the run is still going."""
    from django.db import connection

    from placement.matching.models import MatchRun, MatchUnit

    logged = 0
    try:
        while not stop.wait(0.5):
            number, units_before = state.get("run", 0), state.get("units_before")
            if number == logged or units_before is None:
                continue
            unit = (
                MatchUnit.objects.filter(pk__gt=units_before, run__province="")
                .values("run_id", "run__status", "run__units_total")
                .first()
            )
            if unit and unit["run__status"] == MatchRun.Status.RUNNING:
                log.write(
                    "scoring", number, match_run=unit["run_id"], units=unit["run__units_total"]
                )
                logged = number
    finally:
        connection.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--log", default=str(ROOT / "var" / "load_nightly.jsonl"))
    parser.add_argument("--runs", type=int, default=0, help="stop after this many runs (0: never)")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "placement.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.core.management.base import CommandError
    from django.db.models import Max

    from placement.matching.models import MatchRun, MatchUnit

    log = Log(Path(args.log))
    stopping = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopping.set() or sys.exit(0))
    state: dict = {}
    watcher = threading.Thread(target=_watch, args=(log, state, stopping), daemon=True)
    watcher.start()
    number = 0
    try:
        while not stopping.is_set() and (not args.runs or number < args.runs):
            number += 1
            last_unit = MatchUnit.objects.aggregate(last=Max("pk"))["last"] or 0
            state.update(run=number, units_before=last_unit)
            log.write(
                "start",
                number,
                pid=os.getpid(),
                workers=not settings.CELERY_TASK_ALWAYS_EAGER,
                nice_setting=settings.MATCHING.get("NICE", 0),
            )
            started = time.monotonic()
            try:
                call_command("run_matching", stdout=io.StringIO())
            except CommandError as exc:
                log.write("error", number, error=str(exc)[:500])
                time.sleep(5)
                continue
            run = MatchRun.objects.filter(province="").order_by("-started_at").first()
            log.write(
                "end",
                number,
                seconds=round(time.monotonic() - started, 1),
                status=run.status if run else "",
                rows=(run.counts or {}).get("rows") if run else None,
                nice=os.nice(0),
            )
    finally:
        stopping.set()
    return 0


if __name__ == "__main__":
    sys.exit(main())
