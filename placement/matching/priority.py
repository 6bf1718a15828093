"""The match yields the CPU to the web: its processes run at a raised nice value.

On a machine shared with the web server (two cores in a regency office) a running match takes a
whole core and the pages queue behind it (benchmarks/README.md: p95 x3-4 with the match going).
The worker process that takes a matching task, and `manage.py run_matching`, raise their nice value
to `MATCHING["NICE"]` first, so the scheduler serves the web's processes before them; the match
still gets every cycle the web leaves idle. Linux never lets an unprivileged process lower its
nice value again, so a worker process stays at that value for its later tasks too (the other
background jobs are not urgent either). The PostgreSQL backends serving the match (its COPYs and
index builds) are the database server's processes and keep their priority.
"""

from __future__ import annotations

import os

from django.conf import settings

from placement.celery import GuardedTask


def lower_priority(nice: int | None = None) -> int:
    """Raise this process's nice value to `nice` (default: MATCHING["NICE"]) if it is lower;
    never lower it. Returns the nice value now in force."""
    target = settings.MATCHING.get("NICE", 0) if nice is None else nice
    target = max(0, min(19, int(target)))
    current = os.nice(0)
    if target > current:
        return os.nice(target - current)
    return current


def in_worker(task) -> bool:
    """Whether `task` is being run by a Celery worker (not called directly or eagerly in the
    calling process: a web process without Redis runs tasks eagerly and must keep its priority)."""
    request = task.request
    return not (request.called_directly or request.is_eager)


class MatchingTask(GuardedTask):
    """The base of the match's Celery tasks: a worker process taking one lowers its CPU priority
    before the task starts; run in the calling process (eagerly, or called directly), it keeps
    its priority."""

    def before_start(self, task_id, args, kwargs) -> None:
        if in_worker(self):
            lower_priority()
