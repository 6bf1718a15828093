"""Work abroad only through the registers (UU 18/2017): issue 16, "Done when".

- an overseas vacancy cannot be published without a valid SIP2MI of an active P3MI for that
  country and occupation;
- the quota runs out after the allowed placements (referrals hold places, placements use them);
- a 17-year-old is never offered it (matching, search, detail, application, referral, placement).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from employers import services as employer_services
from employers.models import Vacancy
from placement.matching import services as matching
from placement.matching.models import Match
from placement.pipeline import services as pipeline
from placement.pipeline.models import Referral
from placement.registers import services as registers
from placement.registers.models import LicenceStatus
from tests.factories import EmployerFactory, JobSeekerFactory, VacancyFactory
from tests.market_factories import JobOrderFactory, complete_cpmi

pytestmark = pytest.mark.django_db


def _years_ago(years: int, days: int = 0) -> date:
    today = timezone.localdate()
    return today.replace(year=today.year - years) - timedelta(days=days)


@pytest.fixture
def job_order():
    """SIP2MI for 2 care workers (KBJI 5322) in Taiwan."""
    return JobOrderFactory(quota=2, country="Taiwan")


@pytest.fixture
def p3mi(job_order):
    """The agency's company account, which reports the vacancies."""
    return EmployerFactory(name=job_order.agency.name)


def _abroad(p3mi, job_order, **fields) -> Vacancy:
    values = {
        "employer": p3mi,
        "title": "Perawat lansia Taiwan",
        "regency": None,
        "scope": "AKAN",
        "is_overseas": True,
        "country": "Taiwan",
        "occupation": job_order.occupation,
        "p3mi_name": job_order.agency.name,
        "job_order_number": job_order.number,
        "headcount": 5,
        "status": "submitted",
    }
    values.update(fields)
    return VacancyFactory(**values)


def _publish(vacancy, officer) -> Vacancy:
    return employer_services.publish_vacancy(vacancy=vacancy, by=officer)


def test_a_vacancy_abroad_is_published_under_a_valid_sip2mi(alice, p3mi, job_order):
    vacancy = _publish(_abroad(p3mi, job_order), alice)
    assert vacancy.status == "published"
    assert vacancy.job_order == job_order
    assert vacancy.p3mi_name == job_order.agency.name


@pytest.mark.parametrize(
    "case",
    ["not_registered", "agency_revoked", "agency_suspended", "expired", "country", "occupation"],
)
def test_a_vacancy_abroad_without_a_valid_sip2mi_is_not_published(alice, p3mi, job_order, case):
    fields = {}
    if case == "not_registered":
        fields["job_order_number"] = "SIP2MI/PALSU/2026"
    elif case == "agency_revoked":
        registers.change_status(obj=job_order.agency, status="revoked", by=alice, reason="SK")
    elif case == "agency_suspended":
        registers.change_status(obj=job_order.agency, status="suspended", by=alice, reason="SK")
    elif case == "expired":
        job_order.valid_to = timezone.localdate() - timedelta(days=1)
        job_order.save()
    elif case == "country":
        fields["country"] = "Malaysia"
    elif case == "occupation":
        fields["occupation"] = VacancyFactory.build().occupation  # a cashier, not a carer
    vacancy = _abroad(p3mi, job_order, **fields)
    with pytest.raises(employer_services.VacancyRefused) as refused:
        _publish(vacancy, alice)
    assert refused.value.problems
    vacancy.refresh_from_db()
    assert vacancy.status == "submitted" and vacancy.job_order is None


def test_the_quota_runs_out_after_the_allowed_placements(alice, p3mi, job_order):
    vacancy = _publish(_abroad(p3mi, job_order), alice)
    first, second, third = (
        JobSeekerFactory(verified=True, relocation="abroad", wanted=["5322"]) for _ in range(3)
    )
    for seeker in (first, second, third):
        complete_cpmi(seeker, alice)
    referrals = [
        pipeline.refer_jobseeker(seeker=seeker, vacancy=vacancy, by=alice)
        for seeker in (first, second)
    ]
    # Two live referrals hold both places: a third is refused.
    with pytest.raises(pipeline.ReferralRefused):
        pipeline.refer_jobseeker(seeker=third, vacancy=vacancy, by=alice)
    pipeline.record_referral_outcome(referral=referrals[0], status="hired", by=alice)
    job_order.refresh_from_db()
    assert job_order.quota_used == 1
    pipeline.record_referral_outcome(referral=referrals[1], status="hired", by=alice)
    job_order.refresh_from_db()
    vacancy.refresh_from_db()
    assert job_order.quota_used == 2 and job_order.places_left == 0
    # The vacancy still had 3 positions, but no place is left under the SIP2MI: it is closed.
    assert vacancy.status == "closed"
    assert vacancy.filled_count == 2
    with pytest.raises(pipeline.PlacementRefused):
        pipeline.record_placement(seeker=third, vacancy=vacancy, by=alice)


def test_a_rejected_referral_frees_its_place(alice, p3mi, job_order):
    job_order.quota = 1
    job_order.save()
    vacancy = _publish(_abroad(p3mi, job_order), alice)
    first, second = (JobSeekerFactory(verified=True, relocation="abroad") for _ in range(2))
    for seeker in (first, second):
        complete_cpmi(seeker, alice)
    referral = pipeline.refer_jobseeker(seeker=first, vacancy=vacancy, by=alice)
    with pytest.raises(pipeline.ReferralRefused):
        pipeline.refer_jobseeker(seeker=second, vacancy=vacancy, by=alice)
    pipeline.record_referral_outcome(
        referral=referral, status="rejected", by=alice, reason="requirements"
    )
    assert pipeline.refer_jobseeker(seeker=second, vacancy=vacancy, by=alice).status == "referred"


def test_revoking_the_sip2mi_closes_its_vacancies_and_warns_the_officer(
    client, alice, p3mi, job_order
):
    vacancy = _publish(_abroad(p3mi, job_order), alice)
    client.force_login(alice)
    response = client.post(
        reverse("registers:status", args=["sip2mi", job_order.pk]),
        {"status": LicenceStatus.REVOKED, "reason": "Job order palsu"},
        follow=True,
    )
    vacancy.refresh_from_db()
    assert vacancy.status == "closed"
    assert vacancy.reference in response.text


def test_the_nightly_task_closes_vacancies_of_an_expired_sip2mi(alice, p3mi, job_order):
    from employers.tasks import expire_vacancies

    vacancy = _publish(_abroad(p3mi, job_order), alice)
    job_order.valid_to = timezone.localdate() - timedelta(days=1)
    job_order.save()
    expire_vacancies()
    vacancy.refresh_from_db()
    assert vacancy.status == "closed"


# --- Under 18 ---------------------------------------------------------------------------------


@pytest.fixture
def published(alice, p3mi, job_order):
    return _publish(_abroad(p3mi, job_order), alice)


@pytest.fixture
def minor(db):
    """17 years old (turns 18 in ten days), verified, and asked for work abroad."""
    return JobSeekerFactory(
        verified=True, birth_date=_years_ago(18, days=-10), relocation="abroad", wanted=["5322"]
    )


@pytest.fixture
def adult(db):
    return JobSeekerFactory(
        verified=True, birth_date=_years_ago(18, days=1), relocation="abroad", wanted=["5322"]
    )


def test_nightly_matching_never_offers_work_abroad_to_a_17_year_old(published, minor, adult):
    run = matching.start_run(run_on=timezone.localdate())
    assert run.status == "succeeded", run.error
    matched = set(Match.objects.filter(vacancy=published).values_list("seeker_id", flat=True))
    assert adult.pk in matched
    assert minor.pk not in matched


def test_a_17_year_old_cannot_be_referred_applied_or_placed_abroad(alice, published, minor):
    with pytest.raises(pipeline.ReferralRefused) as refused:
        pipeline.refer_jobseeker(seeker=minor, vacancy=published, by=alice)
    assert "18" in refused.value.message
    assert pipeline.can_apply(minor, published)
    with pytest.raises(pipeline.PlacementRefused):
        pipeline.record_placement(seeker=minor, vacancy=published, by=alice)
    assert not Referral.objects.exists()


def test_a_17_year_old_does_not_see_work_abroad_in_search_or_detail(client, published, minor):
    home_vacancy = VacancyFactory(title="Kasir Palangka Raya")
    client.force_login(minor.user)
    page = client.get(reverse("home"))
    assert home_vacancy.title in page.text
    assert published.title not in page.text
    assert client.get(reverse("vacancy_detail", args=[published.pk])).status_code == 404
    api = client.get("/api/v1/vacancies/").json()
    assert published.pk not in {row["id"] for row in api["results"]}


def test_an_adult_and_an_anonymous_visitor_see_work_abroad(client, published, adult):
    assert published.title in client.get(reverse("home")).text
    client.force_login(adult.user)
    assert published.title in client.get(reverse("home")).text
    assert client.get(reverse("vacancy_detail", args=[published.pk])).status_code == 200


def test_a_job_abroad_found_outside_needs_a_valid_sip2mi_for_the_country(alice, job_order):
    seeker = JobSeekerFactory(verified=True)
    outside = {"employer_name": "Hsin Care Home", "employer_type": "private"}
    with pytest.raises(pipeline.PlacementRefused):  # a country alone is not enough
        pipeline.record_placement(seeker=seeker, by=alice, country="Taiwan", **outside)
    with pytest.raises(pipeline.PlacementRefused):  # the SIP2MI is for Taiwan
        pipeline.record_placement(
            seeker=seeker,
            by=alice,
            country="Malaysia",
            job_order_number=job_order.number,
            **outside,
        )
    placement = pipeline.record_placement(
        seeker=seeker, by=alice, country="Taiwan", job_order_number=job_order.number, **outside
    )
    job_order.refresh_from_db()
    assert placement.scope == "AKAN" and job_order.quota_used == 1
