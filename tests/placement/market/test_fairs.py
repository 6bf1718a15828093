"""Job fairs (scenario 8 of DOMAIN.md) and the employers' reporting duty."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from employers.models import Employer
from placement.ledger.models import Event, EventKind
from placement.market import compliance, fairs, tasks
from placement.market.models import JobFair, WarningLetter
from placement.notifications.models import Notification
from placement.taxonomy.models import Regency
from tests.factories import (
    EmployerFactory,
    EmployerUserFactory,
    JobSeekerFactory,
    VacancyFactory,
)

pytestmark = pytest.mark.django_db

STATEMENT = b"%PDF-1.4 pernyataan tidak memungut biaya"


def _private_request(by, **fields) -> JobFair:
    today = timezone.localdate()
    values = {
        "name": "Bursa Kerja Kahayan 2026",
        "organiser_kind": "private",
        "organiser_name": "PT Event Borneo",
        "organiser_licence": "NIB 9120001112223",
        "regency": Regency.objects.get(code="62.71"),
        "venue": "Aula Jayang Tingang",
        "starts_on": today,
        "ends_on": today + timedelta(days=1),
        "planned_companies": "PT Uji Coba Sejahtera\nCV Maju",
        "planned_vacancies": 20,
        "placement_target": 10,
    }
    values.update(fields)
    return fairs.request_fair(fields=values, by=by)


def _statement() -> SimpleUploadedFile:
    return SimpleUploadedFile("pernyataan.pdf", STATEMENT, content_type="application/pdf")


def test_a_private_fair_is_blocked_until_the_no_fee_statement_is_attached(alice):
    fair = _private_request(alice)
    assert fair.status == "requested"
    with pytest.raises(fairs.FairRefused) as refused:
        fairs.decide_fair(fair=fair, approve=True, by=alice)
    assert "biaya" in str(refused.value)
    fairs.attach_no_fee_statement(fair=fair, upload=_statement(), by=alice)
    assert fairs.decide_fair(fair=fair, approve=True, by=alice).status == "approved"


def test_the_dinas_own_fair_needs_no_approval(alice):
    assert _private_request(alice, organiser_kind="dinas").status == "approved"


def test_refusing_needs_a_reason(alice):
    fair = _private_request(alice)
    with pytest.raises(fairs.FairRefused):
        fairs.decide_fair(fair=fair, approve=False, by=alice)
    refused = fairs.decide_fair(fair=fair, approve=False, by=alice, reason="Izin tidak sah")
    assert (refused.status, refused.decision_reason) == ("refused", "Izin tidak sah")


@pytest.fixture
def approved_fair(alice):
    fair = _private_request(alice)
    fairs.attach_no_fee_statement(fair=fair, upload=_statement(), by=alice)
    return fairs.decide_fair(fair=fair, approve=True, by=alice)


def test_hires_at_the_fair_count_once_in_the_vacancy_and_the_ipk(alice, approved_fair):
    vacancy = VacancyFactory(headcount=3)
    seeker = JobSeekerFactory(verified=True)
    fairs.add_fair_vacancy(fair=approved_fair, vacancy=vacancy, by=alice)
    visitor = fairs.register_visitor(fair=approved_fair, ak1_number=seeker.ak1_number, by=alice)
    walk_in = fairs.register_visitor(fair=approved_fair, name="Budi", phone="0812", by=alice)
    fairs.record_fair_result(
        fair=approved_fair, visitor=visitor, vacancy=vacancy, kind="interview", by=alice, on=None
    )
    result = fairs.record_fair_result(
        fair=approved_fair, visitor=visitor, vacancy=vacancy, kind="hire", by=alice, on=None
    )
    with pytest.raises(fairs.FairRefused):
        fairs.record_fair_result(
            fair=approved_fair, visitor=visitor, vacancy=vacancy, kind="hire", by=alice, on=None
        )
    with pytest.raises(fairs.FairRefused):  # no AK/I card: no placement
        fairs.record_fair_result(
            fair=approved_fair, visitor=walk_in, vacancy=vacancy, kind="hire", by=alice, on=None
        )
    vacancy.refresh_from_db()
    assert vacancy.filled_count == 1
    placed = Event.objects.filter(kind=EventKind.SEEKER_PLACED)
    assert placed.count() == 1
    assert placed.get().detail["fair"] == approved_fair.pk
    assert (
        sum(Event.objects.filter(kind=EventKind.VACANCY_FILLED).values_list("quantity", flat=True))
        == 1
    )
    assert result.placement.seeker == seeker
    report = fairs.fair_report(approved_fair)
    assert (report["visitors"], report["interviews"], report["hires"]) == (2, 1, 1)


def test_the_fair_page_shows_its_employers_and_vacancies(client, alice, approved_fair):
    vacancy = VacancyFactory(title="Operator Gudang Bursa")
    fairs.add_fair_vacancy(fair=approved_fair, vacancy=vacancy, by=alice)
    page = client.get(reverse("fairs:detail", args=[approved_fair.pk]))
    assert vacancy.title in page.text and vacancy.employer.name in page.text


def test_a_requested_fair_has_no_public_page(client, alice):
    fair = _private_request(alice)
    assert client.get(reverse("fairs:detail", args=[fair.pk])).status_code == 404


def test_officer_of_another_region_gets_404_for_the_fair(client, bob, approved_fair):
    client.force_login(bob)
    assert client.get(reverse("market:fair_detail", args=[approved_fair.pk])).status_code == 404


def test_the_officer_approves_through_the_page_only_with_the_statement(client, alice):
    fair = _private_request(alice)
    client.force_login(alice)
    url = reverse("market:fair_decide", args=[fair.pk])
    client.post(url, {"decision": "approve"})
    fair.refresh_from_db()
    assert fair.status == "requested"
    client.post(reverse("market:fair_statement", args=[fair.pk]), {"statement": _statement()})
    client.post(url, {"decision": "approve"})
    fair.refresh_from_db()
    assert fair.status == "approved"


# --- Reporting duty -------------------------------------------------------------------------


def _silent_employer(**fields) -> Employer:
    employer = EmployerFactory(**fields)
    Employer.objects.filter(pk=employer.pk).update(verified_at=timezone.now() - timedelta(days=400))
    return employer


def test_employers_without_vacancy_report_or_fill_report_are_listed(alice, bob):
    silent = _silent_employer(name="PT Diam Saja")
    active = _silent_employer(name="PT Rajin Lapor")
    VacancyFactory(employer=active, submitted_at=timezone.now())
    unfilled = _silent_employer(name="PT Lupa Lapor Isi")
    VacancyFactory(
        employer=unfilled,
        submitted_at=timezone.now(),
        status="expired",
        valid_to=timezone.localdate() - timedelta(days=3),
    )
    behind = {row.employer.name: row.reasons for row in compliance.employers_behind(alice)}
    assert behind["PT Diam Saja"] == [compliance.NO_VACANCY]
    assert behind["PT Lupa Lapor Isi"] == [compliance.NO_FILL]
    assert "PT Rajin Lapor" not in behind
    assert compliance.employers_behind(bob) == []  # another region
    assert compliance.duty_counts(alice)["total"] == 2
    assert silent.pk


def test_a_reminder_is_sent_once_a_day(alice, mailoutbox, django_capture_on_commit_callbacks):
    employer = _silent_employer()
    with django_capture_on_commit_callbacks(execute=True):
        assert compliance.remind_employer(
            employer=employer, reasons=["no_vacancy_report"], by=alice
        )
    assert not compliance.remind_employer(
        employer=employer, reasons=["no_vacancy_report"], by=alice
    )
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [employer.contact_email]


def test_the_warning_letter_is_recorded_and_printed(client, alice, bob):
    employer = _silent_employer(name="PT Diam Saja")
    client.force_login(alice)
    response = client.post(reverse("market:reporting_warn", args=[employer.pk]), follow=True)
    letter = WarningLetter.objects.get()
    assert letter.employer == employer and letter.reasons == ["no_vacancy_report"]
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    client.force_login(bob)
    assert client.get(reverse("market:letter_pdf", args=[letter.pk])).status_code == 404
    page = client.get(reverse("market:reporting_duty"))
    assert page.status_code == 200


def test_the_fairs_api_is_scoped_to_the_region(client, alice, bob, approved_fair):
    client.force_login(alice)
    rows = client.get("/api/v1/market/fairs/").json()["results"]
    assert [(row["id"], row["status"], row["has_no_fee_statement"]) for row in rows] == [
        (approved_fair.pk, "approved", True)
    ]
    client.force_login(bob)
    assert client.get("/api/v1/market/fairs/").json()["results"] == []


def test_a_company_with_users_is_reminded_and_warned_through_its_inbox(
    client, alice, mailoutbox, django_capture_on_commit_callbacks
):
    employer = _silent_employer(name="PT Diam Saja")
    member = EmployerUserFactory(employer=employer).user
    with django_capture_on_commit_callbacks(execute=True):
        compliance.remind_employer(employer=employer, reasons=["no_vacancy_report"], by=alice)
        compliance.issue_warning_letter(
            employer=employer,
            reasons=["no_vacancy_report"],
            by=alice,
            office_name="Disnaker Kota Palangka Raya",
            office_code="62.71",
        )
    events = list(
        Notification.objects.filter(user=member).order_by("pk").values_list("event", flat=True)
    )
    assert events == ["employer.reporting_reminder", "employer.warning_letter"]
    assert [message.to for message in mail.outbox] == [[member.email], [member.email]]
    client.force_login(member)
    inbox = client.get(reverse("notifications:inbox")).content.decode()
    assert "Perpres 57/2023" in inbox


def test_the_monthly_task_reminds_every_employer_behind_once_a_day(
    alice, bob, mailoutbox, django_capture_on_commit_callbacks
):
    _silent_employer(name="PT Diam Saja")
    _silent_employer(name="PT Jauh Diam", regency_id="62.01")
    active = _silent_employer(name="PT Rajin Lapor")
    VacancyFactory(employer=active, submitted_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.remind_employers_behind() == 2
    assert tasks.remind_employers_behind() == 0
    assert len(mail.outbox) == 2
