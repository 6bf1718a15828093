"""The dashboard: this month's figures, charts with tables, work queues; live for a regency
office, from the nightly summaries for the provincial and national offices."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from employers.models import Employer
from jobseekers.models import JobSeeker
from officers.services import AgreedAction, record_session
from placement.ledger import services as ledger
from placement.ledger.models import EventKind
from placement.matching.models import RegionSummary
from placement.pipeline import services
from placement.pipeline.models import Referral
from placement.reports.models import IpkReport
from placement.reports.services import add_months, month_start
from tests.factories import EmployerFactory, JobSeekerFactory, VacancyFactory
from tests.helpers import english


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()  # the open-vacancy count is cached for a minute
    yield
    cache.clear()


def figures(html: str) -> dict[str, str]:
    import re

    return dict(re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", html))


def queues(html: str) -> dict[str, int]:
    import re

    found = re.findall(
        r'queue-count">(\d+)\+?</span>\s*<span class="queue-label">(.*?)</span>', html
    )
    return {label: int(count) for count, label in found}


def registered(*seekers) -> None:
    """The ledger's registration of factory-made active seekers (the verification writes it)."""
    for seeker in seekers:
        ledger.record_seeker_event(
            seeker, EventKind.SEEKER_REGISTERED, timezone.localdate(), office_id=seeker.office_id
        )


def test_the_regency_dashboard_counts_its_own_region_only(client, alice, dewi, rina, andi):
    registered(dewi, andi)
    JobSeekerFactory(regency_id="62.01")  # waiting in bob's regency
    EmployerFactory(status=Employer.Status.PENDING, regency_id="62.71")
    EmployerFactory(status=Employer.Status.PENDING, regency_id="62.01")
    client.force_login(alice)
    html = english(client).get("/officer/").content.decode()
    assert figures(html)["Active job seekers"] == "1"
    assert queues(html)["Registrations to verify"] == 1
    assert queues(html)["Employers to verify"] == 1
    assert "<svg" in html and 'id="chart-months-table"' in html
    assert "style=" not in html.split("<main", 1)[1]


def test_a_placement_appears_in_the_officers_figures(client, alice, dewi, kahayan):
    registered(dewi)
    vacancy = VacancyFactory(employer=kahayan)
    client.force_login(alice)
    before = figures(english(client).get("/officer/").content.decode())
    referral = services.refer_jobseeker(seeker=dewi, vacancy=vacancy, by=alice)
    services.record_referral_outcome(referral=referral, status="hired", by=alice)
    after = figures(english(client).get("/officer/").content.decode())
    assert int(after["Placements this month"]) == int(before["Placements this month"]) + 1
    assert int(after["Referrals this month"]) == int(before["Referrals this month"]) + 1
    assert int(after["Active job seekers"]) == int(before["Active job seekers"]) - 1


def test_the_queues_count_reports_due_stale_referrals_closing_vacancies_and_actions(
    client, alice, dewi, kahayan
):
    today = timezone.localdate()
    JobSeeker.objects.filter(pk=dewi.pk).update(next_report_on=today + timedelta(days=3))
    closing = VacancyFactory(employer=kahayan, valid_to=today + timedelta(days=5))
    VacancyFactory(employer=kahayan, valid_to=today + timedelta(days=60))
    other = JobSeekerFactory(verified=True)
    referral = services.refer_jobseeker(seeker=other, vacancy=closing, by=alice)
    Referral.objects.filter(pk=referral.pk).update(referred_at=timezone.now() - timedelta(20))
    VacancyFactory(employer=kahayan, valid_to=today + timedelta(days=9), title="Tanpa rujukan")
    record_session(
        kind="individual",
        by=alice,
        held_on=today - timedelta(days=10),
        seekers=[dewi],
        actions=[AgreedAction("Melengkapi CV", today - timedelta(days=1))],
    )
    client.force_login(alice)
    counts = queues(english(client).get("/officer/").content.decode())
    assert counts["Job seekers with a report due"] == 1
    assert counts["Referrals with no outcome after 14 days"] == 1
    assert counts["Vacancies closing soon with no referral"] == 1
    assert counts["Counselling actions due"] == 1


def test_bobs_dashboard_does_not_count_alices_work(client, bob, dewi, kahayan):
    client.force_login(bob)
    html = english(client).get("/officer/").content.decode()
    assert figures(html)["Active job seekers"] == "0"


def test_the_provincial_dashboard_reads_the_nightly_summaries(
    client, carol, dewi, django_assert_max_num_queries
):
    today = timezone.localdate()
    RegionSummary.objects.create(
        region_code="62",
        built_on=today,
        data={
            "seekers_by_status": {"active": 4321, "submitted": 12},
            "active_by_education": {"3000": 4000, "6200": 321},
            "active_by_occupation_group": {"5": 30},
            "vacancies_by_occupation_group": {"5": 7},
            "reports_due_30_days": 66,
            "cards_expiring_30_days": 5,
        },
    )
    RegionSummary.objects.create(
        region_code="62.71", built_on=today, data={"seekers_by_status": {"active": 999}}
    )
    last_month = add_months(month_start(today), -1)
    for code, stock in (("62", 4321), ("62.71", 999)):
        IpkReport.objects.create(
            month=last_month,
            region_code=code,
            tables={},
            headline={"seekers": {"remaining": stock}},
            built_at=timezone.now(),
        )
    VacancyFactory(headcount=3)  # open today in 62.71: counted live
    client.force_login(carol)
    with django_assert_max_num_queries(25):  # +3: cases, reporting duty, fairs
        html = english(client).get("/officer/").content.decode()
    values = figures(html)
    # The live table has one active seeker; the page shows last month's IPK stock, and the
    # vacancies open today (not the summary's 77 / 154).
    assert values["Active job seekers"] == "4,321"
    assert values["Open vacancies"] == "1" and values["Open positions"] == "3"
    assert "999" in html  # the regency row of the province table
    assert 'id="chart-education-table"' in html


def test_the_dashboard_refuses_others_and_the_wrong_method(client, alice, sam, erin):
    assert client.get("/officer/").status_code == 302
    client.force_login(sam)
    assert client.get("/officer/").status_code == 404
    client.force_login(erin)
    assert client.get("/officer/").status_code == 404
    client.force_login(alice)
    assert client.post("/officer/").status_code == 405


def test_an_officer_without_a_region_sees_no_figures(client, alice, dewi):
    alice.officer_profile.is_active = False
    alice.officer_profile.save(update_fields=["is_active"])
    client.force_login(alice)
    html = english(client).get("/officer/").content.decode()
    assert figures(html) == {} and queues(html) == {}


def test_the_regency_dashboard_has_a_query_bound(
    client, alice, dewi, rina, django_assert_max_num_queries
):
    client.force_login(alice)
    # +3: cases, reporting duty, fairs; +1 bell; +3: the IPK stock up to today (two grouped
    # ledger queries), the stored months and the shared open-vacancy count, less the old ledger
    # count and vacancy aggregate.
    with django_assert_max_num_queries(23):
        assert client.get("/officer/").status_code == 200


# --- Shared figures (OFFICER_DASHBOARD_CACHE_SECONDS; with Redis in production) ---------------


@pytest.fixture
def shared_figures(settings):
    settings.OFFICER_DASHBOARD_CACHE_SECONDS = 60


def test_shared_figures_of_one_region_never_show_in_another(
    client, shared_figures, alice, bob, dewi
):
    JobSeekerFactory(regency_id="62.71")
    JobSeekerFactory(regency_id="62.71")
    JobSeekerFactory(regency_id="62.01")
    client.force_login(alice)
    assert queues(english(client).get("/officer/").content.decode())["Registrations to verify"] == 2
    client.force_login(bob)
    assert queues(english(client).get("/officer/").content.decode())["Registrations to verify"] == 1
    client.force_login(alice)  # and alice's stay hers (served from the cache)
    html = english(client).get("/officer/").content.decode()
    assert queues(html)["Registrations to verify"] == 2
    assert "shared by your office for a minute at most" in html


def test_the_cache_key_holds_the_scope_office_day_and_language(alice, bob, carol):
    from officers import dashboard
    from placement.accounts.scope import EVERYTHING, region_scope

    today = timezone.localdate()
    keys = {
        dashboard.cache_key("figures", region_scope(u), u.officer_profile.office, today)
        for u in (alice, bob, carol)
    }
    assert len(keys) == 3
    alice_key = dashboard.cache_key(
        "figures", region_scope(alice), alice.officer_profile.office, today
    )
    assert region_scope(alice).key in alice_key and today.isoformat() in alice_key
    assert region_scope(alice).key == "p-r62.71"
    assert region_scope(carol).key == "p62-r" and EVERYTHING.key == "all"


def test_a_placement_shows_at_once_in_shared_figures(
    client, shared_figures, alice, dewi, kahayan, django_capture_on_commit_callbacks
):
    registered(dewi)
    vacancy = VacancyFactory(employer=kahayan)
    client.force_login(alice)
    before = figures(english(client).get("/officer/").content.decode())
    with django_capture_on_commit_callbacks(execute=True):
        referral = services.refer_jobseeker(seeker=dewi, vacancy=vacancy, by=alice)
        services.record_referral_outcome(referral=referral, status="hired", by=alice)
    after = figures(english(client).get("/officer/").content.decode())
    assert int(after["Placements this month"]) == int(before["Placements this month"]) + 1


def test_shared_figures_count_each_officers_own_actions(client, shared_figures, alice, dewi):
    from tests.factories import OfficerFactory

    citra = OfficerFactory(office=alice.officer_profile.office, user__email="citra@example.org")
    today = timezone.localdate()
    record_session(
        kind="individual",
        by=alice,
        held_on=today - timedelta(days=10),
        seekers=[dewi],
        actions=[AgreedAction("Melengkapi CV", today - timedelta(days=1))],
    )
    client.force_login(alice)
    assert queues(english(client).get("/officer/").content.decode())["Counselling actions due"] == 1
    client.force_login(citra.user)
    assert queues(english(client).get("/officer/").content.decode())["Counselling actions due"] == 0


def test_without_a_shared_cache_the_figures_are_counted_for_each_request(settings, alice):
    from officers import dashboard

    settings.OFFICER_DASHBOARD_CACHE_SECONDS = 0
    counted = []

    def count() -> int:
        counted.append(1)
        return len(counted)

    assert dashboard.shared("x", alice, None, timezone.localdate(), count) == 1
    assert dashboard.shared("x", alice, None, timezone.localdate(), count) == 2
