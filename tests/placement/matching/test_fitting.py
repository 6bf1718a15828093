"""Weights fitted to referral outcomes: a planted signal is recovered and adopted through the
guard; noise and too few outcomes are refused (real database, outcomes written here)."""

from __future__ import annotations

import random

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from placement.accounts.models import AuditEvent
from placement.matching import services
from placement.matching.fitting import MIN_PER_CLASS, fit_weights, record_fit
from placement.matching.models import MatchingWeights, MatchRun
from placement.matching.weights import current_weights
from placement.pipeline.models import Referral
from tests.factories import OfficeFactory, UserFactory
from tests.placement.matching.conftest import FORKLIFT, WELDING, make_seeker, make_vacancy

PER_VACANCY = 40


def outcomes(employer, hired_if) -> None:
    """Four welding jobs in 62.71, 40 referrals each: half the seekers live there (location 1),
    half in the province (62.01, location 0.5); the locals mostly lack the skills asked, the
    others mostly have them. `hired_if(local, skilled, rng)` decides each outcome."""
    rng = random.Random(13)
    office = OfficeFactory()
    today = timezone.localdate()
    referrals = []
    for number in range(4):
        job = make_vacancy(employer, f"Juru las {number}", required=(WELDING, FORKLIFT))
        for i in range(PER_VACANCY):
            local = i % 2 == 0
            skilled = rng.random() < (0.2 if local else 0.8)
            seeker = make_seeker(
                f"Pelamar {number}-{i}",
                regency="62.71" if local else "62.01",
                relocation="regency" if local else "province",
                skills=(WELDING, FORKLIFT) if skilled else (),
            )
            hired = hired_if(local, skilled, rng)
            referrals.append(
                Referral(
                    seeker=seeker,
                    vacancy=job,
                    office=office,
                    status=Referral.Status.HIRED if hired else Referral.Status.REJECTED,
                    outcome_on=today,
                )
            )
    Referral.objects.bulk_create(referrals)


def test_the_fit_recovers_a_planted_signal_and_the_nightly_run_uses_it_once_adopted(employer):
    # The employers hired the locals (nine in ten), whatever their skills.
    outcomes(employer, lambda local, skilled, rng: rng.random() < (0.9 if local else 0.1))
    report = fit_weights(months=1)
    weights = report["weights"]
    assert report["hired"] >= MIN_PER_CLASS and report["rejected"] >= MIN_PER_CLASS
    assert max(weights, key=weights.get) == "location"  # the planted signal
    assert weights["location"] >= 0.5 and weights["skills"] < 0.1
    assert report["auc_fitted"] > 0.8 > report["auc_current"]
    assert report["adoptable"], report["refused"]
    assert fit_weights(months=1)["weights"] == weights  # deterministic

    head = UserFactory(email="kepala@example.org", role="national")
    call_command("fit_matching_weights", "--months", "1", "--adopt", "--by", head.email)
    version = MatchingWeights.objects.get()
    assert version.is_adopted and version.fitted_by == head and version.adopted_at
    event = AuditEvent.objects.get(object_type="matching.matchingweights")
    assert event.actor == head and event.detail["adopted"] is True
    assert current_weights() == (version.weights, version.version)

    run = services.start_run(run_on=timezone.localdate())
    assert run.status == MatchRun.Status.SUCCEEDED
    assert (run.weights, run.weights_version) == (version.weights, version.version)


def test_the_guard_refuses_weights_fitted_to_noise(employer):
    outcomes(employer, lambda local, skilled, rng: rng.random() < 0.5)  # hires by coin toss
    report = fit_weights(months=1)
    assert report["hired"] >= MIN_PER_CLASS and report["rejected"] >= MIN_PER_CLASS
    assert not report["adoptable"]
    assert "may be chance" in report["refused"]  # 0.50 -> 0.61 on 48 held-out outcomes
    head = UserFactory(email="kepala@example.org", role="national")
    with pytest.raises(CommandError, match="Not adopted"):
        call_command("fit_matching_weights", "--months", "1", "--adopt", "--by", head.email)
    version = MatchingWeights.objects.get()  # kept for the record, not used
    assert not version.is_adopted
    assert current_weights() == (dict(version.report["current_weights"]), None)


def test_too_few_outcomes_fit_nothing(employer):
    job = make_vacancy(employer, "Juru las", required=(WELDING,))
    seeker = make_seeker("Ani", skills=(WELDING,))
    Referral.objects.create(
        seeker=seeker,
        vacancy=job,
        office=OfficeFactory(),
        status=Referral.Status.HIRED,
        outcome_on=timezone.localdate(),
    )
    report = fit_weights(months=1)
    assert report["weights"] is None and not report["adoptable"]
    assert "fewer than" in report["refused"]
    assert record_fit(report=report, by=None, adopt=True) is None
    assert not MatchingWeights.objects.exists()
