"""The seeker's case file: profile, casework, matches and applications, history; scoped,
audited and bounded."""

from __future__ import annotations

import pytest

from placement.accounts.models import AuditEvent
from placement.pipeline import services
from tests.factories import ApplicationFactory
from tests.helpers import english
from tests.officers.conftest import add_match

TABS = ("", "casework/", "matches/", "history/")


@pytest.fixture
def worked_case(alice, dewi, kasir):
    """Dewi interviewed, referred and placed; with a match and an application."""
    from officers.services import record_session

    record_session(kind="interview", by=alice, held_on=dewi.registered_on, seekers=[dewi])
    add_match(dewi, kasir)
    ApplicationFactory(seeker=dewi, vacancy=kasir)
    referral = services.refer_jobseeker(seeker=dewi, vacancy=kasir, by=alice)
    return referral


@pytest.mark.parametrize("tab", TABS)
def test_every_tab_opens_for_the_region_and_is_404_elsewhere(client, alice, bob, carol, dewi, tab):
    url = f"/officer/seekers/{dewi.pk}/{tab}"
    client.force_login(alice)
    assert client.get(url).status_code == 200
    client.force_login(carol)
    assert client.get(url).status_code == 200
    client.force_login(bob)
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("tab", TABS)
def test_every_tab_is_audited_and_bounded(
    client, alice, dewi, worked_case, tab, django_assert_max_num_queries
):
    client.force_login(alice)
    # 12 for the page, 1 for the second factor's device (django-otp checks it on every request).
    # +6 on the profile tab: certificates, courses, licences, languages (one list each), photo,
    # document copies.
    with django_assert_max_num_queries(20):  # +1: the bell's unread count on a cold cache
        assert client.get(f"/officer/seekers/{dewi.pk}/{tab}").status_code == 200
    assert AuditEvent.objects.filter(
        actor=alice, action="view", object_type="jobseekers.jobseeker", object_id=str(dewi.pk)
    ).exists()


def test_the_verification_view_of_a_waiting_registration_stays_bounded(
    client, alice, rina, django_assert_max_num_queries
):
    client.force_login(alice)
    # +6: certificates, courses, licences, languages (one list each), the photo, document copies.
    with django_assert_max_num_queries(20):  # +1: the bell's unread count
        html = client.get(f"/officer/seekers/{rina.pk}/").content.decode()
    assert "Verify and issue the AK/I card" in html or "Verifikasi" in html


@pytest.mark.parametrize("tab", TABS)
def test_the_case_file_refuses_post_and_anonymous_visitors(client, alice, dewi, tab):
    url = f"/officer/seekers/{dewi.pk}/{tab}"
    assert client.get(url).status_code == 302
    client.force_login(alice)
    assert client.post(url).status_code == 405


def test_the_casework_tab_shows_counselling_referrals_and_placements(
    client, alice, dewi, worked_case
):
    services.record_referral_outcome(referral=worked_case, status="hired", by=alice)
    client.force_login(alice)
    html = english(client).get(f"/officer/seekers/{dewi.pk}/casework/").content.decode()
    assert "AK/II interview" in html
    assert "Kasir Minimarket" in html and "Hired" in html
    assert "AKL" in html


def test_the_matches_tab_shows_reasons_applications_and_a_refer_button(client, alice, dewi, kasir):
    add_match(dewi, kasir)
    ApplicationFactory(seeker=dewi, vacancy=kasir)
    client.force_login(alice)
    html = client.get(f"/officer/seekers/{dewi.pk}/matches/").content.decode()
    assert "81%" in html and "Kasir Minimarket" in html
    assert 'action="/officer/referrals/new/"' in html
    assert html.count("Kasir Minimarket") >= 2  # the match and the application


def test_the_history_tab_shows_the_ledger_and_the_officers_actions(client, alice, rina):
    from jobseekers.services import verify_jobseeker as verify_seeker

    verify_seeker(seeker=rina, officer=alice)
    client.force_login(alice)
    html = english(client).get(f"/officer/seekers/{rina.pk}/history/").content.decode()
    assert "Job seeker registered" in html
    assert "Job seeker registration verified" in html


def test_a_draft_registration_has_no_case_file(client, alice, dewi):
    from jobseekers.models import JobSeeker

    JobSeeker.objects.filter(pk=dewi.pk).update(status="draft")
    client.force_login(alice)
    assert client.get(f"/officer/seekers/{dewi.pk}/casework/").status_code == 404
