"""The seeker portal: status, report ("lapor"), the AK/I card PDF, "my data" and the card check."""

import json
from datetime import date, timedelta

import pytest
from django.utils import timezone

from jobseekers import services
from jobseekers.models import JobSeeker
from placement.ledger.models import Event
from tests.factories import JobSeekerFactory


@pytest.fixture
def verified(alice):
    seeker = JobSeekerFactory(full_name="Dewi Sartika Lestari")
    return services.verify_jobseeker(seeker=seeker, officer=alice)


def test_the_portal_shows_status_number_and_next_report_date(client, verified):
    client.force_login(verified.user)
    page = client.get("/seeker/").content.decode()
    assert verified.ak1_number in page
    assert verified.next_report_on.strftime("%Y") in page
    assert "/seeker/card.pdf" in page
    assert "Report now" not in page  # not due yet


def test_the_portal_needs_a_seeker(client, alice, db):
    assert client.get("/seeker/").status_code == 302
    client.force_login(alice)
    assert client.get("/seeker/").status_code == 404


def test_the_report_button_appears_when_due_and_moves_the_next_report_date(client, alice):
    seeker = JobSeekerFactory()
    registered = timezone.localdate() - timedelta(days=170)
    seeker = services.verify_jobseeker(seeker=seeker, officer=alice, on=registered)
    client.force_login(seeker.user)
    assert "Report now" in client.get("/seeker/").content.decode()
    form = client.get("/seeker/report/")
    assert form.status_code == 200
    assert 'href="/seeker/register/certificates/"' in form.content.decode()  # new certificates
    response = client.post("/seeker/report/", {"still_looking": "yes", "worked_meanwhile": "no"})
    assert response["Location"] == "/seeker/"
    seeker.refresh_from_db()
    assert seeker.last_reported_on == timezone.localdate()
    assert Event.objects.filter(subject_id=seeker.pk, kind="seeker_reported").count() == 1


def test_a_report_that_is_not_due_changes_nothing(client, verified):
    client.force_login(verified.user)
    response = client.post("/seeker/report/", {"still_looking": "yes"})
    assert response.status_code == 400
    assert "Your next report opens on" in response.content.decode()
    assert not Event.objects.filter(subject_id=verified.pk, kind="seeker_reported").exists()
    assert client.post("/seeker/report/", {}).status_code == 400  # the question must be answered


def test_a_removed_seeker_reactivates_with_the_same_number_from_the_portal(client, verified):
    services.expire_lapsed_seekers(on=verified.next_report_on + timedelta(days=1))
    client.force_login(verified.user)
    assert "Re-register" in client.get("/seeker/").content.decode()
    client.post("/seeker/report/", {"still_looking": "yes"})
    seeker = JobSeeker.objects.get(pk=verified.pk)
    assert seeker.status == "active" and seeker.ak1_number == verified.ak1_number


def test_the_seeker_downloads_the_card_as_a_pdf_attachment(client, verified):
    client.force_login(verified.user)
    response = client.get("/seeker/card.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response.content.startswith(b"%PDF-")
    assert verified.ak1_number.encode() in response["Content-Disposition"].encode()


def test_there_is_no_card_before_verification(client, db):
    seeker = JobSeekerFactory()
    client.force_login(seeker.user)
    assert client.get("/seeker/card.pdf").status_code == 404


def test_the_card_qr_code_points_at_the_public_check(verified, rf):
    from jobseekers.card import render_card_pdf

    pdf = render_card_pdf(
        verified, verify_url=f"https://antarkerja.example/verify/{verified.ak1_number}/"
    )
    assert pdf.startswith(b"%PDF-") and len(pdf) > 2000


def test_the_public_check_says_valid_with_initials_only(client, verified):
    response = client.get(f"/verify/{verified.ak1_number}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "This card is valid" in page
    assert "D.S.L." in page
    assert "Dewi" not in page and verified.nik not in page and "Sartika" not in page


def test_the_public_check_says_expired_for_a_removed_card(client, verified):
    services.expire_lapsed_seekers(on=verified.next_report_on + timedelta(days=1))
    page = client.get(f"/verify/{verified.ak1_number}/").content.decode()
    assert "not valid any more" in page


def test_the_public_check_says_unknown_for_an_unknown_number(client, db):
    response = client.get("/verify/6271-2026-999999/")
    assert response.status_code == 404
    assert "Unknown card" in response.content.decode()
    assert client.get("/verify/" + "9" * 200 + "/").status_code == 404
    assert client.post("/verify/6271-2026-999999/").status_code == 405


def test_my_data_exports_everything_held_with_the_processing_log(client, alice, verified):
    client.force_login(alice)
    client.get(f"/officer/seekers/{verified.pk}/")
    client.force_login(verified.user)
    assert client.get("/seeker/my-data/").status_code == 200
    response = client.get("/seeker/my-data.json")
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["profile"]["nik"] == verified.nik
    assert data["profile"]["ak1_number"] == verified.ak1_number
    assert data["educations"][0]["level"] == "3000"
    assert data["preferred_occupations"][0]["code"] == "5223"
    assert [e["kind"] for e in data["ledger_events"]] == ["seeker_registered"]
    log = data["processing_log"]
    assert any(e["action"] == "view" and e["by"].startswith("officer") for e in log)
    assert any(e["detail"].get("event") == "verified" for e in log)
    assert "alice@example.org" not in response.content.decode()


def test_my_data_needs_the_seeker_themself(client, alice, verified):
    client.force_login(alice)
    assert client.get("/seeker/my-data.json").status_code == 404


def test_the_profile_lists_the_answers_with_change_links(client, verified):
    client.force_login(verified.user)
    page = client.get("/seeker/profile/").content.decode()
    assert "/seeker/register/contact/" in page
    assert verified.full_name in page


def test_the_card_state_on_a_day():
    seeker = JobSeeker(ak1_number="6271-2026-000001", status="active", expires_on=date(2026, 5, 1))
    assert seeker.card_state_on(date(2026, 5, 1)) == "valid"
    assert seeker.card_state_on(date(2026, 5, 2)) == "expired"
    assert JobSeeker(status="submitted").card_state_on(date(2026, 5, 1)) == "unknown"
