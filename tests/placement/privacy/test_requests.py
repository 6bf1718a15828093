"""Data-subject requests (UU 27/2022 PDP): filed online by the seeker or at the counter by an
officer, answered by the privacy officer within 3x24 hours, every step audited, others 404."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from jobseekers.models import Consent, JobSeeker
from placement.accounts.models import AuditEvent
from placement.notifications.models import Notification
from placement.privacy import services
from placement.privacy.models import SubjectRequest
from tests.factories import JobSeekerFactory, UserFactory

pytestmark = pytest.mark.django_db


def _steps(item: SubjectRequest) -> list[str]:
    return list(
        AuditEvent.objects.filter(
            object_type="privacy.subjectrequest", object_id=str(item.pk)
        ).values_list("action", "detail__event")
    )


def test_a_seeker_files_a_request_online_and_the_clock_starts(client, sam, dewi, priya):
    client.force_login(sam)
    page = client.get("/seeker/privacy/")
    assert page.status_code == 200
    assert "3 x 24 jam" in page.content.decode()  # Indonesian by default

    response = client.post("/seeker/privacy/", {"kind": "deletion", "details": ""})

    assert response.status_code == 302
    item = SubjectRequest.objects.get(seeker=dewi)
    assert item.kind == "deletion" and item.channel == "online" and item.filed_by == sam
    assert item.due_at - item.received_at == timedelta(hours=72)
    assert Notification.objects.filter(user=priya, event="privacy.request_received").exists()
    assert Notification.objects.filter(user=sam, event="seeker.privacy_request_received").exists()
    assert _steps(item) == [("create", None)]
    assert item.number in client.get("/seeker/privacy/").content.decode()


def test_a_correction_without_details_is_refused_on_the_field(client, sam, dewi):
    client.force_login(sam)

    response = client.post("/seeker/privacy/", {"kind": "correction", "details": "  "})

    assert response.status_code == 200
    assert "Sebutkan data mana yang salah" in response.content.decode()
    assert not SubjectRequest.objects.exists()


def test_a_second_open_request_of_the_same_kind_is_refused(sam, dewi):
    services.file_request(seeker=dewi, kind="access", details="", actor=sam)
    with pytest.raises(services.PrivacyError):
        services.file_request(seeker=dewi, kind="access", details="", actor=sam)
    assert SubjectRequest.objects.count() == 1


def test_an_unknown_kind_is_a_field_error(client, sam, dewi):
    client.force_login(sam)
    response = client.post("/seeker/privacy/", {"kind": "everything"})
    assert response.status_code == 200 and not SubjectRequest.objects.exists()


def test_an_officer_files_for_a_walk_in_of_their_region_only(client, alice, bob, dewi, priya):
    client.force_login(bob)  # 62.01: Dewi lives in 62.71
    assert client.get(f"/officer/seekers/{dewi.pk}/privacy-request/").status_code == 404
    assert (
        client.post(f"/officer/seekers/{dewi.pk}/privacy-request/", {"kind": "access"}).status_code
        == 404
    )

    client.force_login(alice)
    response = client.post(
        f"/officer/seekers/{dewi.pk}/privacy-request/", {"kind": "objection", "details": "x"}
    )

    assert response.status_code == 302
    item = SubjectRequest.objects.get()
    assert item.channel == "walk_in" and item.filed_by == alice
    assert AuditEvent.objects.filter(
        actor=alice, action="view", object_id=str(dewi.pk), detail__purpose="privacy_request"
    ).exists()


def test_only_the_privacy_officer_sees_the_queue_and_a_request(client, alice, sam, erin, dewi):
    item = services.file_request(seeker=dewi, kind="access", details="", actor=sam)
    for user in (alice, sam, erin):
        client.force_login(user)
        assert client.get("/privacy/requests/").status_code == 404
        assert client.get(f"/privacy/requests/{item.pk}/").status_code == 404
        assert client.post(f"/privacy/requests/{item.pk}/complete/").status_code == 404


def test_a_seeker_sees_only_their_own_requests(client, dewi, sam):
    other = JobSeekerFactory(verified=True)
    theirs = services.file_request(
        seeker=other, kind="objection", details="secret", actor=other.user
    )
    client.force_login(sam)
    page = client.get("/seeker/privacy/").content.decode()
    assert theirs.number not in page and "secret" not in page


def test_the_queue_shows_the_deadline_and_overdue_requests_in_red(client, priya, sam, dewi):
    late = services.file_request(
        seeker=dewi,
        kind="access",
        details="",
        actor=sam,
        now=timezone.now() - timedelta(hours=80),
    )
    fresh = services.file_request(seeker=dewi, kind="objection", details="no", actor=sam)
    client.force_login(priya)

    page = client.get("/privacy/requests/").content.decode()

    assert page.index(late.number) < page.index(fresh.number)  # nearest deadline first
    assert "row-overdue" in page and "clock-overdue" in page
    assert "terlambat 8 jam" in page
    assert timezone.localtime(fresh.due_at).strftime("%d-%m-%Y %H:%M") in page


def test_access_is_completed_and_the_seeker_is_told(client, priya, sam, dewi):
    item = services.file_request(seeker=dewi, kind="access", details="", actor=sam)
    client.force_login(priya)

    client.post(f"/privacy/requests/{item.pk}/start/")
    client.post(f"/privacy/requests/{item.pk}/complete/", {"resolution": ""})

    item.refresh_from_db()
    assert item.status == "done" and item.handled_by == priya and not item.answered_late
    notice = Notification.objects.get(user=sam, event="seeker.privacy_request_done")
    assert notice.link == "/seeker/my-data/"
    assert [event for _action, event in _steps(item)] == [None, "started", "done"]


def test_withdrawal_withdraws_every_consent(priya, sam, dewi):
    Consent.objects.create(seeker=dewi, version="1")
    item = services.file_request(seeker=dewi, kind="withdrawal", details="", actor=sam)

    services.complete_request(request=item, actor=priya, resolution="")

    assert not Consent.objects.filter(seeker=dewi, withdrawn_at__isnull=True).exists()
    assert AuditEvent.objects.filter(object_type="jobseekers.consent", detail__event="withdrawn")


def test_an_objection_needs_an_answer(client, priya, sam, dewi):
    item = services.file_request(seeker=dewi, kind="objection", details="matching", actor=sam)
    client.force_login(priya)

    response = client.post(f"/privacy/requests/{item.pk}/complete/", {"resolution": ""})

    assert response.status_code == 400
    item.refresh_from_db()
    assert item.status == "received"


def test_a_refusal_needs_a_reason_and_tells_the_person(client, priya, sam, dewi):
    item = services.file_request(seeker=dewi, kind="access", details="", actor=sam)
    client.force_login(priya)
    assert client.post(f"/privacy/requests/{item.pk}/refuse/", {}).status_code == 400

    client.post(f"/privacy/requests/{item.pk}/refuse/", {"resolution": "Identity not shown"})

    item.refresh_from_db()
    assert item.status == "refused" and item.resolution == "Identity not shown"
    assert Notification.objects.filter(user=sam, event="seeker.privacy_request_refused").exists()
    with pytest.raises(services.PrivacyError):
        services.complete_request(request=item, actor=priya, resolution="again")


def test_an_answer_after_the_deadline_is_marked_late(priya, sam, dewi):
    item = services.file_request(
        seeker=dewi, kind="access", details="", actor=sam, now=timezone.now() - timedelta(days=4)
    )
    services.complete_request(request=item, actor=priya, resolution="")
    item.refresh_from_db()
    assert item.answered_late
    assert AuditEvent.objects.get(object_id=str(item.pk), detail__event="done").detail["late"]


def test_reminders_go_once_per_stage_to_the_privacy_officers(priya, sam, dewi):
    now = timezone.now()
    soon = services.file_request(
        seeker=dewi, kind="access", details="", actor=sam, now=now - timedelta(hours=50)
    )
    late = services.file_request(
        seeker=dewi, kind="objection", details="x", actor=sam, now=now - timedelta(hours=73)
    )
    services.file_request(seeker=dewi, kind="correction", details="name", actor=sam, now=now)
    UserFactory(role="privacy", is_active=False)

    told = services.remind_deadlines(now=now)

    assert told == 2
    assert (
        Notification.objects.get(user=priya, event="privacy.request_due_soon").key
        == f"{soon.pk}:due_soon"
    )
    assert (
        Notification.objects.get(user=priya, event="privacy.request_overdue").key
        == f"{late.pk}:overdue"
    )
    assert services.remind_deadlines(now=now) == 0  # idempotent


def test_a_removed_or_erased_record_cannot_file_again(priya, sam, dewi):
    item = services.file_request(seeker=dewi, kind="deletion", details="", actor=sam)
    services.complete_request(request=item, actor=priya, resolution="")
    dewi.refresh_from_db()
    assert dewi.status == JobSeeker.Status.REMOVED
    with pytest.raises(services.PrivacyError):
        services.file_request(seeker=dewi, kind="access", details="", actor=priya)
