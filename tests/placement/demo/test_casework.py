"""The casework demo: the 62.71 and 62.01 offices look lived-in."""

from __future__ import annotations

import io
import random

import pytest

from jobseekers.models import JobSeeker
from officers.models import Action, CounsellingSession
from placement.demo import accounts, casework
from placement.demo import employers as employers_demo
from placement.demo import jobseekers as jobseekers_demo
from placement.ledger.models import Event, EventKind
from placement.offices.models import Activity
from placement.pipeline.models import FollowUp, Placement, Referral


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """One seeded database for the module (seeding takes a few seconds)."""
    with django_db_blocker.unblock():
        from django.db import connection, transaction

        transaction.set_autocommit(False)
        out = io.StringIO()
        rng = random.Random(11)
        options = {"seekers": 700, "vacancies": 120}
        accounts.seed(stdout=out, options=options, rng=rng)
        employers_demo.seed(stdout=out, options=options, rng=rng)
        jobseekers_demo.seed(stdout=out, options=options, rng=rng)
        casework.seed_casework(stdout=out, options=options, rng=rng)
        try:
            yield out
        finally:
            transaction.rollback()
            transaction.set_autocommit(True)
            connection.close()


@pytest.fixture
def data(seeded, db):
    return seeded


def test_referrals_of_every_status_exist_in_both_offices(data):
    for code in casework.CASEWORK_OFFICES:
        statuses = set(Referral.objects.filter(office__code=code).values_list("status", flat=True))
        assert statuses == set(Referral.Status.values), code


def test_placements_span_the_year_with_their_ledger_events(data):
    placements = Placement.objects.filter(regency_id="62.71")
    months = {p.placed_on.replace(day=1) for p in placements}
    assert len(months) >= 3
    for placement in placements:
        assert Event.objects.filter(
            kind=EventKind.SEEKER_PLACED, subject_id=placement.seeker_id
        ).exists()
        assert placement.seeker.status == JobSeeker.Status.PLACED
    assert {p.scope for p in Placement.objects.all()} >= {"AKL", "AKAD"}


def test_counselling_actions_and_follow_ups_wait_in_the_queues(data):
    from django.utils import timezone

    today = timezone.localdate()
    assert CounsellingSession.objects.filter(office__code="62.71", kind="interview").exists()
    assert CounsellingSession.objects.filter(office__code="62.71", kind="group").exists()
    assert CounsellingSession.objects.exclude(training_institution="").exists()
    assert Action.objects.filter(done_on__isnull=True, due_on__lte=today).exists()
    assert FollowUp.objects.filter(done_on__isnull=True, due_on__lte=today).exists()
    assert FollowUp.objects.filter(done_on__isnull=False).exists()
    assert Activity.objects.filter(kind="referral", at__date__lt=today).exists()


def test_the_walk_in_registration_waits_for_the_62_71_officer(data):
    walk_in = JobSeeker.objects.get(user__email=casework.WALK_IN["email"])
    assert walk_in.status == JobSeeker.Status.SUBMITTED and walk_in.regency_id == "62.71"
    assert walk_in.skills.count() >= 4


def test_seeding_again_adds_nothing(data):
    counts = (Referral.objects.count(), Placement.objects.count())
    out = io.StringIO()
    casework.seed_casework(stdout=out, options={}, rng=random.Random(1))
    assert (Referral.objects.count(), Placement.objects.count()) == counts
    assert "already" in out.getvalue()


def test_the_demo_accounts_seekers_stay_active_after_the_casework(data):
    # The load run and the journeys sign in as them: placed, their pages would answer 404.
    seekers = JobSeeker.objects.filter(
        user__email__in=["seeker.6271@antarkerja.example", "seeker.6201@antarkerja.example"]
    )
    assert sorted(seekers.values_list("status", flat=True)) == ["active", "active"]
    assert not Placement.objects.filter(seeker__in=seekers).exists()
