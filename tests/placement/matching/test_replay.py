"""Learning from outcomes, offline: decided referrals replayed against today's score."""

from __future__ import annotations

import numpy as np
import pytest
from django.core.management import call_command
from django.utils import timezone

from placement.matching.replay import MIN_HIRES, auc, fit_min_score, replay
from placement.pipeline.models import Referral
from tests.factories import OfficeFactory
from tests.placement.matching.conftest import FORKLIFT, SEWING, WELDING, make_seeker, make_vacancy


def test_auc_is_the_chance_a_hire_outscores_a_rejection():
    assert auc([3, 4], [1, 2]) == 1.0
    assert auc([1, 2], [3, 4]) == 0.0
    assert auc([2, 2], [2, 2]) == 0.5  # ties count half
    assert auc([1, 3], [2]) == 0.5
    assert auc([1], []) is None


def test_the_fitted_minimum_keeps_the_asked_share_of_hires():
    hired = np.arange(50, 50 + MIN_HIRES * 5)  # 100 hires scoring 50..149
    assert fit_min_score(hired, keep=0.9) == 60  # 90 of the 100 score 60 or more
    assert fit_min_score(hired, keep=1.0) == 50
    assert fit_min_score(hired[: MIN_HIRES - 1]) is None  # too few to fit anything


@pytest.fixture
def history(employer):
    office = OfficeFactory()
    welder_job = make_vacancy(employer, "Juru las", occupation="7212", required=(WELDING, FORKLIFT))
    tailor_job = make_vacancy(employer, "Penjahit", occupation="7531", required=(SEWING,))
    today = timezone.localdate()
    # Hires fit their job, rejections do not; one hired seeker has left the register since.
    pairs = [
        (make_seeker("Ani", skills=(WELDING, FORKLIFT), occupations=("7212",)), welder_job, True),
        (make_seeker("Citra", skills=(SEWING,), occupations=("7531",)), tailor_job, True),
        (
            make_seeker("Gita", skills=(SEWING,), occupations=("7531",), status="inactive"),
            tailor_job,
            True,
        ),
        (make_seeker("Budi", skills=(SEWING,), occupations=("7531",)), welder_job, False),
        (make_seeker("Dodi", skills=(WELDING,), occupations=("7212",)), tailor_job, False),
    ]
    for seeker, vacancy, hired in pairs:
        Referral.objects.create(
            seeker=seeker,
            vacancy=vacancy,
            office=office,
            status=Referral.Status.HIRED if hired else Referral.Status.REJECTED,
            outcome_on=today,
            match_score=50.0,
        )


def test_replay_scores_every_decided_referral_and_ranks_the_hires_first(history, capsys):
    report = replay(months=3)
    assert report["referrals"] == report["scored"] == 5
    assert (report["hired"], report["rejected"]) == (3, 2)
    assert report["auc"] == 1.0  # every hire outscores every rejection
    assert report["auc_recorded"] == 0.5  # the recorded scores were all alike
    assert report["top10_share"] == 1.0
    assert report["fitted_min_score"] is None  # three hires are too few to fit a minimum
    assert report["adopt"] is False
    call_command("replay_matching", "--months", "3")
    assert '"auc": 1.0' in capsys.readouterr().out
