"""The match yields the CPU to the web: MATCHING_NICE in the worker, never in a web process."""

from __future__ import annotations

import multiprocessing
import os

import pytest
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


def test_a_matching_task_in_a_worker_lowers_its_priority(monkeypatch):
    lowered = []
    monkeypatch.setattr(tasks, "lower_priority", lambda: lowered.append(True))
    monkeypatch.setattr(tasks.services, "finalize_run", lambda run_id: True)
    tasks.finalize_matching.push_request(called_directly=False, is_eager=False)
    try:
        assert priority.in_worker(tasks.finalize_matching)
        tasks.finalize_matching.run(1)
    finally:
        tasks.finalize_matching.pop_request()
    assert lowered == [True]


@pytest.mark.parametrize("how", ["eager", "direct"])
def test_a_matching_task_run_in_the_calling_process_keeps_its_priority(monkeypatch, how):
    """Without Redis the web process runs tasks eagerly (a rescore after a verification): it must
    keep serving pages at full priority."""
    lowered = []
    monkeypatch.setattr(tasks, "lower_priority", lambda: lowered.append(True))
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
    status = "succeeded"
    counts: dict = {}
    error = ""
