"""The read audit: who opened whose case file, when and from where; searchable by the privacy
officer by person or by officer; an unusual volume raises an alert in their queue."""

from __future__ import annotations

import pytest

from placement.accounts.models import AuditEvent, PrivacyAlert
from tests.factories import JobSeekerFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def priya(db):
    """The privacy officer (data protection officer): audit, alerts, requests; no case work."""
    return UserFactory(email="priya@example.org", role="privacy")


def test_opening_a_case_file_is_recorded_with_the_address(client, alice):
    seeker = JobSeekerFactory(verified=True)
    client.force_login(alice)

    client.get(f"/officer/seekers/{seeker.pk}/", REMOTE_ADDR="10.1.2.3")

    event = AuditEvent.objects.filter(actor=alice, object_id=str(seeker.pk), action="view").last()
    assert event is not None and event.ip == "10.1.2.3"


def test_an_unusual_number_of_case_files_in_an_hour_raises_one_alert(client, alice, settings):
    settings.PRIVACY_VOLUME_ALERT_PER_HOUR = 3
    seekers = [JobSeekerFactory(verified=True) for _ in range(5)]
    client.force_login(alice)

    for seeker in seekers:
        client.get(f"/officer/seekers/{seeker.pk}/")

    alerts = PrivacyAlert.objects.filter(actor=alice)
    assert alerts.count() == 1
    assert alerts.get().detail["case_files"] == 3


def test_the_privacy_officer_searches_by_person_and_by_officer(client, alice, priya):
    seeker = JobSeekerFactory(verified=True)
    client.force_login(alice)
    client.get(f"/officer/seekers/{seeker.pk}/")
    client.force_login(priya)

    by_person = client.get("/accounts/privacy/", {"person": seeker.ak1_number})
    by_officer = client.get("/accounts/privacy/", {"officer": alice.email})

    assert alice.email in by_person.content.decode()
    assert f"jobseekers.jobseeker {seeker.pk}" in by_officer.content.decode()


def test_the_privacy_officer_closes_an_alert_with_a_finding(client, alice, priya):
    alert = PrivacyAlert.objects.create(actor=alice, kind="volume", detail={"case_files": 250})
    client.force_login(priya)
    assert alice.email in client.get("/accounts/privacy/").content.decode()

    client.post(f"/accounts/privacy/alerts/{alert.pk}/close/", {"note": "Job fair day"})

    alert.refresh_from_db()
    assert alert.closed_by == priya and alert.note == "Job fair day"


def test_only_the_privacy_officer_sees_the_audit(client, alice, sam):
    for user in (alice, sam):
        client.force_login(user)
        assert client.get("/accounts/privacy/").status_code == 404


# --- Lists that show NIK -------------------------------------------------------------------------
def test_a_caseload_search_by_nik_records_who_saw_which_records(client, alice):
    seeker = JobSeekerFactory(verified=True)
    other = JobSeekerFactory(verified=True)
    client.force_login(alice)

    page = client.get("/officer/caseload/seekers/", {"q": seeker.nik}, REMOTE_ADDR="10.9.8.7")

    assert seeker.full_name in page.content.decode()
    reads = AuditEvent.objects.filter(actor=alice, action="view", detail__purpose="nik_search")
    assert [(e.object_id, e.ip, e.detail["list"]) for e in reads] == [
        (str(seeker.pk), "10.9.8.7", True)
    ]
    assert not AuditEvent.objects.filter(object_id=str(other.pk), action="view").exists()


def test_a_caseload_search_by_name_is_not_a_nik_list(client, alice):
    JobSeekerFactory(verified=True, full_name="Siti Aminah")
    client.force_login(alice)
    client.get("/officer/caseload/seekers/", {"q": "Siti"})
    assert not AuditEvent.objects.filter(detail__purpose="nik_search").exists()


def test_a_nik_search_outside_the_region_records_nothing(client, bob):
    seeker = JobSeekerFactory(verified=True)  # 62.71; Bob is 62.01
    client.force_login(bob)
    page = client.get("/officer/caseload/seekers/", {"q": seeker.nik})
    assert seeker.full_name not in page.content.decode()
    assert not AuditEvent.objects.filter(detail__purpose="nik_search").exists()


def test_the_referral_search_by_nik_is_recorded(client, alice):
    from tests.factories import VacancyFactory

    seeker = JobSeekerFactory(verified=True)
    vacancy = VacancyFactory(status="published")
    client.force_login(alice)

    client.get("/officer/referrals/new/", {"vacancy": vacancy.pk, "q": seeker.nik})

    assert AuditEvent.objects.filter(
        actor=alice, object_id=str(seeker.pk), detail__purpose="nik_search"
    ).exists()


def test_nik_lists_count_towards_the_volume_alert(client, alice, settings):
    from placement.accounts.audit import audit_list

    settings.PRIVACY_VOLUME_ALERT_PER_HOUR = 3
    seekers = [JobSeekerFactory(verified=True) for _ in range(3)]

    audit_list(actor=alice, ids=[s.pk for s in seekers], purpose="nik_search")

    assert PrivacyAlert.objects.filter(actor=alice).count() == 1


def test_only_audited_pages_render_the_nik():
    """Where a record's NIK is on a page: the case file (audited as it opens) and the seeker's own
    data. A new list or export that shows it must call accounts.audit.audit_list, and be added
    here. (A form's NIK field, typed by the officer, is not a read.)"""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "templates"
    showing = sorted(
        str(path.relative_to(root))
        for path in root.rglob("*.html")
        # A record's NIK ("seeker.nik", "row.nik"), not a form's input field ("form.nik").
        if re.search(r"\b(?!form\.)\w+\.nik\b", path.read_text(encoding="utf-8"))
    )
    assert showing == ["jobseekers/components/summary.html", "officers/seekers/seeker_detail.html"]
