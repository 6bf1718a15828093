"""A hire decided today for work that starts next week records the real first working day; the
statistics date the hire on the day it is recorded (issue 14, item 3)."""

# ruff: noqa: F811

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from placement.ledger.models import Event, EventKind
from placement.pipeline import services
from placement.pipeline.models import Placement
from tests.officers.conftest import dewi, kahayan, kasir  # noqa: F401


@pytest.fixture
def referral(alice, dewi, kasir):
    return services.refer_jobseeker(seeker=dewi, vacancy=kasir, by=alice, source="match")


def _parts(day: datetime.date) -> dict:
    return {"on_0": day.day, "on_1": day.month, "on_2": day.year}


@pytest.mark.parametrize("who", ["officer", "employer"])
def test_a_hire_may_start_next_week(client, alice, erin, kahayan, referral, who):
    today = timezone.localdate()
    next_week = today + datetime.timedelta(days=7)
    if who == "officer":
        client.force_login(alice)
        url = f"/officer/referrals/{referral.pk}/outcome/"
    else:
        client.force_login(erin)
        url = f"/employer/referrals/{referral.pk}/outcome/"
    response = client.post(url, {"status": "hired", **_parts(next_week)})
    assert response.status_code == 302, response.content.decode()[:3000]
    placement = Placement.objects.get()
    assert placement.placed_on == next_week
    referral.refresh_from_db()
    assert referral.outcome_on == today
    assert Event.objects.get(kind=EventKind.SEEKER_PLACED).occurred_on == today


def test_an_interview_date_still_cannot_be_in_the_future(client, alice, referral):
    client.force_login(alice)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client.post(
        f"/officer/referrals/{referral.pk}/outcome/", {"status": "interviewed", **_parts(tomorrow)}
    )
    assert response.status_code == 400


def test_a_start_date_far_ahead_is_refused(alice, referral):
    far = timezone.localdate() + datetime.timedelta(
        days=services.placements.MAX_START_AHEAD_DAYS + 1
    )
    with pytest.raises(services.ReferralRefused):
        services.record_referral_outcome(referral=referral, status="hired", by=alice, on=far)
    assert not Placement.objects.exists()
