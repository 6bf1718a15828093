"""The match yields the CPU to the web: MATCHING_NICE in the worker, never in a web process."""

from __future__ import annotations

import multiprocessing
import os

import pytest
from celery.app.trace import build_tracer
from django.core.management import call_command

from placement.matching import priority, tasks
from placement.matching.management.commands import run_matching


def _in_child(function, *args) -> int:
    """Run `function(*args)` in a forked child (a nice value never goes down again) and return
    the child's nice value afterwards."""
    context = multiprocessing.get_context("fork")
    results = context.Queue()

    def child() -> None:
        function(*args)
        results.put(os.nice(0))

    process = context.Process(target=child)
    process.start()
    nice = results.get(timeout=30)
    process.join(timeout=30)
    return nice


def test_the_match_runs_at_nice_10_unless_configured():
    from placement import settings as project_settings

    assert project_settings.MATCHING["NICE"] == int(os.environ.get("MATCHING_NICE", 10))


def test_lower_priority_raises_the_nice_value_to_the_setting(settings):
    settings.MATCHING = {**settings.MATCHING, "NICE": 10}
    base = os.nice(0)
    assert _in_child(priority.lower_priority) == max(base, 10)
    assert os.nice(0) == base  # this process untouched


def test_lower_priority_never_lowers_a_higher_nice_value():
    def already_nicer() -> None:
        os.nice(max(0, 15 - os.nice(0)))
        priority.lower_priority(5)

    assert _in_child(already_nicer) >= 15


def test_lower_priority_with_zero_changes_nothing():
    assert _in_child(priority.lower_priority, 0) == os.nice(0)


def _as_a_worker(task, *args) -> None:
    """Run `task` the way a Celery worker process runs a message it took (its tracer)."""
    tracer = build_tracer(task.name, task, app=task._get_app(), eager=False)
    outcome = tracer("test-task-id", args, {}, {"ignore_result": True})
    assert outcome.info is None, outcome  # succeeded


MATCHING_TASKS = [  # task, the service it calls, its arguments
    ("nightly_matching", "start_run", ("2026-12-06",)),
    ("match_unit", "run_unit", (1, 1)),
    ("finalize_matching", "finalize_run", (1,)),
    ("rescore_vacancy", "rescore_vacancy", (1,)),
    ("rescore_seeker", "rescore_seeker", (1,)),
]


@pytest.mark.parametrize(("task", "service", "args"), MATCHING_TASKS)
def test_a_matching_task_in_a_worker_lowers_its_priority_before_it_starts(
    monkeypatch, task, service, args
):
    order = []
    monkeypatch.setattr(priority, "lower_priority", lambda: order.append("nice"))
    monkeypatch.setattr(
        tasks.services, service, lambda **kwargs: order.append("work") or _FakeRun()
    )
    _as_a_worker(getattr(tasks, task), *args)
    assert order == ["nice", "work"]


def test_the_worker_process_runs_the_match_at_the_configured_nice_value(monkeypatch, settings):
    settings.MATCHING = {**settings.MATCHING, "NICE": 10}
    monkeypatch.setattr(tasks.services, "rescore_seeker", lambda **kwargs: 0)
    base = os.nice(0)
    assert _in_child(_as_a_worker, tasks.rescore_seeker, 1) == max(base, 10)
    assert os.nice(0) == base  # this process untouched


def test_other_background_jobs_in_a_worker_keep_their_priority(monkeypatch):
    lowered = []
    monkeypatch.setattr(priority, "lower_priority", lambda: lowered.append(True))
    monkeypatch.setattr(tasks.services, "reconcile", lambda **kwargs: {})
    _as_a_worker(tasks.reconcile_runs)
    assert lowered == []


@pytest.mark.parametrize("how", ["eager", "direct"])
def test_a_matching_task_run_in_the_calling_process_keeps_its_priority(monkeypatch, how):
    """Without Redis the web process runs tasks eagerly (a rescore after a verification): it must
    keep serving pages at full priority."""
    lowered = []
    monkeypatch.setattr(priority, "lower_priority", lambda: lowered.append(True))
    monkeypatch.setattr(tasks.services, "rescore_seeker", lambda seeker_id: 0)
    if how == "eager":
        tasks.rescore_seeker.apply(args=(1,))
    else:
        tasks.rescore_seeker(1)
    assert lowered == []


@pytest.mark.django_db
def test_run_matching_command_lowers_its_priority_before_matching(monkeypatch):
    order = []
    monkeypatch.setattr(run_matching, "lower_priority", lambda: order.append("nice"))
    monkeypatch.setattr(
        run_matching.services,
        "start_run",
        lambda **kwargs: order.append("match") or _FakeRun(),
    )
    call_command("run_matching", "--date", "2026-12-06")
    assert order == ["nice", "match"]


class _FakeRun:
    pk = 1
    units_total = 0
    status = "succeeded"
    counts: dict = {}
    error = ""
