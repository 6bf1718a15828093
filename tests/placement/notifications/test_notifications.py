"""Notifications (issue 14): each person is told what happened, once, in the inbox and by
e-mail with a plain-text part, in Indonesian unless they chose English; they can read the list,
mark it read and choose what they receive."""

# ruff: noqa: F811

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.utils import timezone, translation

from employers import services as employer_services
from jobseekers import services as seeker_services
from jobseekers.consent import CURRENT_CONSENT_VERSION
from placement.notifications import services
from placement.notifications.models import Notification
from placement.pipeline import services as pipeline_services
from placement.pipeline.models import Referral
from tests.factories import EmployerFactory, EmployerUserFactory, JobSeekerFactory, UserFactory
from tests.officers.conftest import dewi, kahayan, kasir  # noqa: F401


def _events(user) -> list[str]:
    return list(Notification.objects.filter(user=user).values_list("event", flat=True))


def test_notify_tells_once_per_event_and_key_and_mails_after_commit(
    sam, django_capture_on_commit_callbacks
):
    for _attempt in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            services.notify(
                users=[sam], event="seeker.card_issued", key="X1", context={"number": "62-1"}
            )
    assert _events(sam) == ["seeker.card_issued"]
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["sam@example.org"]
    assert "Kartu AK/I" in message.subject and "62-1" in message.body
    assert message.alternatives and message.alternatives[0][1] == "text/html"
    # The task itself is idempotent: a redelivered message sends nothing twice.
    notice = Notification.objects.get(user=sam)
    assert services.send_email(notification_id=notice.pk) is False
    assert len(mail.outbox) == 1


def test_an_english_reader_gets_english_and_e_mail_can_be_turned_off(
    sam, django_capture_on_commit_callbacks
):
    services.save_preference(user=sam, language="en", email=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.notify(users=[sam], event="seeker.card_issued", key="A", context={"number": "9"})
    assert mail.outbox[-1].subject == "AntarKerja: Your AK/I card is issued: 9"
    services.save_preference(user=sam, email=False)
    with django_capture_on_commit_callbacks(execute=True):
        services.notify(users=[sam], event="seeker.card_issued", key="B", context={"number": "9"})
    assert len(mail.outbox) == 1 and Notification.objects.filter(user=sam).count() == 2


def test_the_seeker_is_told_of_the_registration_the_card_the_referral_and_the_outcome(
    alice, kasir, django_capture_on_commit_callbacks
):
    user = UserFactory(email="ani@example.org", role="seeker")
    seeker = JobSeekerFactory(user=user, regency_id="62.71", status="draft")
    with django_capture_on_commit_callbacks(execute=True):
        seeker_services.submit_registration(
            seeker=seeker, actor=user, consent_version=CURRENT_CONSENT_VERSION
        )
        seeker = seeker_services.verify_jobseeker(seeker=seeker, officer=alice)
        referral = pipeline_services.refer_jobseeker(seeker=seeker, vacancy=kasir, by=alice)
        pipeline_services.record_referral_outcome(referral=referral, status="hired", by=alice)
    assert set(_events(user)) == {
        "seeker.registration_received",
        "seeker.card_issued",
        "seeker.referred",
        "seeker.outcome",
    }
    mine = [m for m in mail.outbox if m.to == ["ani@example.org"]]
    assert len(mine) == 4
    referred = Notification.objects.get(user=user, event="seeker.referred")
    assert referred.link == f"/applications/referrals/{referral.pk}/letter.pdf"


def test_the_outcome_is_told_in_the_seekers_language_not_the_officers(
    alice, dewi, kasir, django_capture_on_commit_callbacks
):
    services.save_preference(user=dewi.user, language="en")
    referral = pipeline_services.refer_jobseeker(seeker=dewi, vacancy=kasir, by=alice)
    with translation.override("id"), django_capture_on_commit_callbacks(execute=True):
        # The officer works in Indonesian.
        pipeline_services.record_referral_outcome(referral=referral, status="hired", by=alice)
    assert mail.outbox[-1].subject.endswith(": Hired")
    notice = Notification.objects.get(user=dewi.user, event="seeker.outcome")
    with translation.override("id"):
        assert notice.title.endswith(": Diterima bekerja")  # her inbox, read in Indonesian
    with translation.override("en"):
        assert notice.title.endswith(": Hired")


def test_the_seeker_downloads_their_own_referral_letter_only(client, alice, dewi, kasir):
    referral = pipeline_services.refer_jobseeker(seeker=dewi, vacancy=kasir, by=alice)
    client.force_login(dewi.user)
    response = client.get(f"/applications/referrals/{referral.pk}/letter.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "letter.pdf" in client.get("/applications/mine/").content.decode()
    other = JobSeekerFactory(verified=True, user=UserFactory(email="o@example.org"))
    client.force_login(other.user)
    assert client.get(f"/applications/referrals/{referral.pk}/letter.pdf").status_code == 404


def test_the_employer_is_told_of_verification_publication_return_and_referrals(
    alice, carol, dewi, kasir, kahayan, erin, django_capture_on_commit_callbacks
):
    company = EmployerFactory(status="pending", regency_id="62.71")
    boss = UserFactory(email="boss@example.org", role="employer")
    EmployerUserFactory(user=boss, employer=company)
    with django_capture_on_commit_callbacks(execute=True):
        employer_services.verify_employer(employer=company, by=alice)
    assert _events(boss) == ["employer.verified"]
    assert any(m.to == ["boss@example.org"] for m in mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        pipeline_services.refer_jobseeker(seeker=dewi, vacancy=kasir, by=alice)
    assert "employer.candidate_referred" in _events(erin)


def test_the_employer_is_reminded_of_an_outcome_due_once(
    alice, dewi, kasir, erin, django_capture_on_commit_callbacks
):
    from placement.pipeline.tasks import remind_outcome_due

    referral = pipeline_services.refer_jobseeker(seeker=dewi, vacancy=kasir, by=alice)
    Referral.objects.filter(pk=referral.pk).update(
        referred_at=timezone.now() - datetime.timedelta(days=15)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert remind_outcome_due() >= 1
        assert remind_outcome_due() == 0
    assert _events(erin).count("employer.outcome_due") == 1


def test_a_report_due_in_14_days_is_announced_once(dewi, django_capture_on_commit_callbacks):
    from jobseekers.tasks import remind_report_due

    due = timezone.localdate() + datetime.timedelta(days=14)
    type(dewi).objects.filter(pk=dewi.pk).update(next_report_on=due)
    with django_capture_on_commit_callbacks(execute=True):
        assert remind_report_due() == 1
        assert remind_report_due() == 0
    assert _events(dewi.user) == ["seeker.report_due"]


def test_the_officer_digest_is_opt_in(alice, django_capture_on_commit_callbacks):
    from officers.tasks import daily_queue_digest

    JobSeekerFactory(regency_id="62.71")  # a registration waiting for verification
    assert daily_queue_digest() == 0
    services.save_preference(user=alice, daily_digest=True)
    with django_capture_on_commit_callbacks(execute=True):
        assert daily_queue_digest() == 1
    assert "officer.daily_digest" in _events(alice)
    assert len(mail.outbox) == 1


def test_the_bell_counts_unread_notices_and_the_inbox_marks_them_read(client, sam):
    services.notify(users=[sam], event="seeker.card_issued", key="1", context={"number": "7"})
    services.notify(users=[sam], event="seeker.report_due", key="2", context={"date": "1-1-2027"})
    client.force_login(sam)
    page = client.get("/").content.decode()
    assert 'class="badge">2' in page
    inbox = client.get("/notifications/").content.decode()
    assert "Kartu AK/I Anda" in inbox or "AK/I" in inbox
    client.post("/notifications/read/")
    assert services.unread_count(sam) == 0
    assert 'class="badge"' not in client.get("/").content.decode()


def test_the_preferences_page_saves_and_refuses_anonymous_visitors(client, sam):
    assert client.get("/notifications/preferences/").status_code == 302
    client.force_login(sam)
    page = client.get("/notifications/preferences/").content.decode()
    assert "weekly_digest" in page and "daily_digest" not in page
    response = client.post("/notifications/preferences/", {"email": "on", "language": "en"})
    assert response.status_code == 302
    preference = services.preference_for(sam)
    assert preference.language == "en" and preference.weekly_digest is False


@pytest.mark.django_db
def test_every_event_has_indonesian_and_english_texts():
    from django.utils import translation

    from placement.notifications.events import EVENTS

    for name, text in EVENTS.items():
        for part in (text.title, text.body):
            with translation.override("en"):
                english = str(part)
            with translation.override("id"):
                indonesian = str(part)
            assert english != indonesian or english == "%(summary)s", (name, english)
