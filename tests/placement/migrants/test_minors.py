"""Night work and hazardous work are closed to seekers under 18, like work abroad (one rule:
placement/migrants/rules.py; UU 13/2003 Art. 74, Kepmenakertrans 235/2003)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from placement.matching import services as matching
from placement.matching.models import Match
from placement.migrants import rules
from placement.pipeline import services as pipeline
from placement.pipeline.models import Placement, Referral
from tests.factories import JobSeekerFactory, VacancyFactory

pytestmark = pytest.mark.django_db


def _years_ago(years: int, days: int = 0) -> date:
    today = timezone.localdate()
    return today.replace(year=today.year - years) - timedelta(days=days)


@pytest.fixture
def minor(db):
    """17 years old, turning 18 in ten days; a cashier looking in the province."""
    return JobSeekerFactory(verified=True, birth_date=_years_ago(18, days=-10), wanted=["5230"])


@pytest.fixture
def adult(db):
    return JobSeekerFactory(verified=True, birth_date=_years_ago(18, days=1), wanted=["5230"])


@pytest.fixture(params=["night_work", "hazardous_work"])
def closed(request):
    """A cashier vacancy marked as night work or as hazardous work."""
    return VacancyFactory(title="Kasir SPBU shift malam", **{request.param: True})


def test_the_rule_names_every_kind_of_work_closed_to_minors(minor, adult, closed):
    plain = VacancyFactory()
    assert rules.closed_to_minors(closed) and not rules.closed_to_minors(plain)
    assert rules.minor_refusal(minor, closed)
    assert "18" in rules.minor_refusal(minor, closed)
    assert rules.minor_refusal(minor, plain) == ""
    assert rules.minor_refusal(adult, closed) == ""
    # The day they turn 18 the work opens.
    assert rules.minor_refusal(minor, closed, timezone.localdate() + timedelta(days=10)) == ""


def test_an_unknown_birth_date_counts_as_under_18(closed):
    unknown = JobSeekerFactory(verified=True)
    unknown.birth_date = None
    assert rules.minor_refusal(unknown, closed)


def test_nightly_matching_never_offers_night_or_hazardous_work_to_a_17_year_old(
    minor, adult, closed
):
    plain = VacancyFactory(title="Kasir siang")
    run = matching.start_run(run_on=timezone.localdate())
    assert run.status == "succeeded", run.error
    on_closed = set(Match.objects.filter(vacancy=closed).values_list("seeker_id", flat=True))
    on_plain = set(Match.objects.filter(vacancy=plain).values_list("seeker_id", flat=True))
    assert adult.pk in on_closed and minor.pk not in on_closed
    assert {adult.pk, minor.pk} <= on_plain


def test_a_17_year_old_cannot_be_referred_apply_or_be_placed(alice, minor, adult, closed):
    with pytest.raises(pipeline.ReferralRefused) as refused:
        pipeline.refer_jobseeker(seeker=minor, vacancy=closed, by=alice)
    assert "18" in refused.value.message
    assert pipeline.can_apply(minor, closed)
    with pytest.raises(pipeline.PlacementRefused):
        pipeline.record_placement(seeker=minor, vacancy=closed, by=alice)
    assert not Referral.objects.exists() and not Placement.objects.exists()
    # The adult may.
    assert pipeline.can_apply(adult, closed) == ""
    pipeline.refer_jobseeker(seeker=adult, vacancy=closed, by=alice)


def test_a_17_year_old_does_not_see_it_in_search_or_detail(client, minor, closed):
    plain = VacancyFactory(title="Pramuniaga toko buku")
    client.force_login(minor.user)
    page = client.get(reverse("home"))
    assert plain.title in page.text and closed.title not in page.text
    assert client.get(reverse("vacancy_detail", args=[closed.pk])).status_code == 404
    api = client.get("/api/v1/vacancies/").json()
    assert closed.pk not in {row["id"] for row in api["results"]}


def test_an_adult_sees_it_marked(client, adult, closed):
    client.force_login(adult.user)
    page = client.get(reverse("vacancy_detail", args=[closed.pk]))
    assert page.status_code == 200
    assert ("Kerja malam" in page.text) or ("berbahaya" in page.text)
