"""The breach register: record, the 3x24-hour clock to notify persons and the authority, the
notice texts, actions and closure, reminders, the CSV export; the privacy officer only."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from django.utils import timezone

from placement.accounts.models import AuditEvent
from placement.notifications.models import Notification
from placement.privacy import services
from placement.privacy.models import Breach

pytestmark = pytest.mark.django_db


def _breach(actor, hours_ago: float = 1, **fields) -> Breach:
    values = {
        "title": "Laptop lost",
        "description": "An officer's laptop with an export was stolen.",
        "discovered_at": timezone.now() - timedelta(hours=hours_ago),
        "affected_data": "names, NIK",
        "affected_subjects": 120,
    }
    return services.record_breach(actor=actor, **{**values, **fields})


def _when(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%dT%H:%M")


def test_the_privacy_officer_records_a_breach_and_the_clock_runs_from_discovery(client, priya):
    client.force_login(priya)
    discovered = timezone.now() - timedelta(hours=5)

    response = client.post(
        "/privacy/breaches/",
        {
            "title": "Misdirected e-mail",
            "description": "A list went to the wrong address.",
            "discovered_at": _when(discovered),
            "affected_data": "names, phone numbers",
            "affected_subjects": "40",
        },
    )

    breach = Breach.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/privacy/breaches/{breach.pk}/"
    assert breach.due_at == discovered.replace(second=0, microsecond=0) + timedelta(hours=72)
    assert breach.status == "open" and breach.recorded_by == priya
    page = client.get(f"/privacy/breaches/{breach.pk}/").content.decode()
    assert "sisa 66 jam" in page or "sisa 67 jam" in page


def test_a_discovery_in_the_future_is_a_field_error(client, priya):
    client.force_login(priya)
    response = client.post(
        "/privacy/breaches/",
        {
            "title": "x",
            "description": "y",
            "discovered_at": _when(timezone.now() + timedelta(days=1)),
            "affected_data": "z",
            "affected_subjects": "1",
        },
    )
    assert response.status_code == 400 and not Breach.objects.exists()
    assert "tidak boleh di masa depan" in response.content.decode()


def test_both_notices_stop_the_clock_and_closing_needs_the_actions(client, priya):
    breach = _breach(priya)
    client.force_login(priya)

    client.post(
        f"/privacy/breaches/{breach.pk}/notice/", {"to": "subjects", "text": "Dear all ..."}
    )
    breach.refresh_from_db()
    assert breach.subjects_notified_at and breach.status == "open"
    assert not breach.clock().stopped
    client.post(f"/privacy/breaches/{breach.pk}/notice/", {"to": "authority", "text": "To ..."})
    breach.refresh_from_db()
    assert breach.status == "notified" and breach.clock().stopped
    assert client.post(f"/privacy/breaches/{breach.pk}/close/", {"actions": ""}).status_code == 400

    client.post(f"/privacy/breaches/{breach.pk}/close/", {"actions": "Passwords reset."})

    breach.refresh_from_db()
    assert breach.status == "closed" and breach.closed_by == priya
    events = AuditEvent.objects.filter(object_type="privacy.breach", object_id=str(breach.pk))
    assert [e.detail.get("event") for e in events.order_by("pk")] == [
        None,
        "notified_subjects",
        "notified_authority",
        "closed",
    ]
    with pytest.raises(services.PrivacyError):
        services.update_actions(breach=breach, actor=priya, actions="more")


def test_a_notice_without_text_is_refused(client, priya):
    breach = _breach(priya)
    client.force_login(priya)
    response = client.post(f"/privacy/breaches/{breach.pk}/notice/", {"to": "subjects"})
    assert response.status_code == 400
    breach.refresh_from_db()
    assert breach.subjects_notified_at is None


def test_overdue_breaches_are_red_and_reminded_once(client, priya):
    late = _breach(priya, hours_ago=80)
    soon = _breach(priya, hours_ago=60, title="Soon")
    _breach(priya, hours_ago=1, title="Fresh")
    client.force_login(priya)

    page = client.get("/privacy/breaches/").content.decode()
    assert "row-overdue" in page and "terlambat 8 jam" in page

    assert services.remind_deadlines() == 2
    assert Notification.objects.filter(user=priya, key=f"{late.pk}:overdue").exists()
    assert Notification.objects.filter(user=priya, key=f"{soon.pk}:due_soon").exists()
    assert services.remind_deadlines() == 0


def test_the_register_exports_as_csv_with_formulas_neutralised(client, priya):
    breach = _breach(priya, hours_ago=80, title="=HYPERLINK(1)")
    services.record_notice(breach=breach, actor=priya, to="subjects", text="sent")
    client.force_login(priya)

    response = client.get("/privacy/breaches.csv")

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "nomor"
    assert rows[1][0] == breach.number and rows[1][1].startswith("'=")
    assert rows[1][8] == "ya"  # late: the persons were told after 72 hours, the authority not yet
    assert AuditEvent.objects.filter(action="export", object_type="privacy.breach").exists()


def test_only_the_privacy_officer_reaches_the_register(client, priya, alice, nadia, sam, erin):
    breach = _breach(priya)
    for user in (alice, nadia, sam, erin):
        client.force_login(user)
        assert client.get("/privacy/breaches/").status_code == 404
        assert client.get(f"/privacy/breaches/{breach.pk}/").status_code == 404
        assert client.get("/privacy/breaches.csv").status_code == 404
        assert (
            client.post(f"/privacy/breaches/{breach.pk}/close/", {"actions": "x"}).status_code
            == 404
        )
    client.force_login(priya)
    assert client.get("/privacy/breaches/99999999/").status_code == 404
