"""Counselling: the AK/II interview, individual and group guidance, agreed actions and their
queue, training referrals; logged as officers' activity."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from officers.models import Action, CounsellingSession
from officers.services import AgreedAction, CounsellingRefused, record_session
from placement.offices.models import Activity, SeekerCase
from tests.factories import JobSeekerFactory
from tests.helpers import english


def date_fields(name: str, day) -> dict[str, object]:
    return {f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year}


def test_the_officer_records_an_ak2_interview_with_an_action(client, alice, rina):
    today = timezone.localdate()
    client.force_login(alice)
    form = client.get(f"/officer/counselling/new/?kind=interview&seeker={rina.pk}")
    assert form.status_code == 200
    response = client.post(
        "/officer/counselling/new/",
        {
            "kind": "interview",
            "seeker": rina.pk,
            **date_fields("held_on", today),
            "template": "ak2",
            "notes": "Pekerjaan yang dicari: kasir",
            "action_1": "Mengunggah CV",
            **date_fields("action_1_due", today + timedelta(days=7)),
            "training_kind": "BLK",
            "training_institution": "UPTD BLK Palangka Raya",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == f"/officer/seekers/{rina.pk}/casework/"
    session = CounsellingSession.objects.get()
    assert session.kind == "interview" and list(session.seekers.all()) == [rina]
    assert session.training_institution == "UPTD BLK Palangka Raya"
    assert Action.objects.get().description == "Mengunggah CV"
    assert Activity.objects.get(officer__user=alice).kind == "interview"
    assert SeekerCase.objects.get(seeker=rina).last_contact_on == today


def test_bad_input_shows_errors_at_the_fields_and_saves_nothing(client, alice, dewi):
    tomorrow = timezone.localdate() + timedelta(days=1)
    client.force_login(alice)
    response = client.post(
        "/officer/counselling/new/",
        {
            "kind": "individual",
            "seeker": dewi.pk,
            **date_fields("held_on", tomorrow),
            "action_1": "Tanpa tanggal",
            "training_kind": "LPK",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    for field in ("held_on", "action_1_due", "training_institution"):
        assert f'id="id_{field}_error"' in html, field
    assert not CounsellingSession.objects.exists()


def test_the_template_button_fills_the_notes_without_saving(client, alice, dewi):
    client.force_login(alice)
    response = english(client).post(
        "/officer/counselling/new/",
        {"kind": "individual", "seeker": dewi.pk, "template": "training", "use_template": "1"},
    )
    assert response.status_code == 200
    assert "Skills missing:" in response.content.decode()
    assert not CounsellingSession.objects.exists()


def test_a_group_session_takes_the_ak1_numbers_of_those_present(client, alice, dewi, andi):
    today = timezone.localdate()
    other = JobSeekerFactory(verified=True)
    client.force_login(alice)
    data = {
        "kind": "group",
        **date_fields("held_on", today),
        "participants": "14",
        "notes": "Topik: menulis CV",
    }
    refused = client.post(
        "/officer/counselling/new/",
        {**data, "ak1_numbers": f"{dewi.ak1_number}\n{andi.ak1_number}"},
    )
    assert refused.status_code == 400 and andi.ak1_number in refused.content.decode()
    assert not CounsellingSession.objects.exists()
    response = client.post(
        "/officer/counselling/new/",
        {**data, "ak1_numbers": f"{dewi.ak1_number}\n{other.ak1_number}"},
    )
    session = CounsellingSession.objects.get()
    assert response.status_code == 302 and session.participants == 14
    assert set(session.seekers.all()) == {dewi, other}
    activity = Activity.objects.get()
    assert activity.kind == "counselling_group" and activity.quantity == 14


def test_an_interview_needs_one_seeker_being_verified_or_active(alice, dewi):
    from jobseekers.models import JobSeeker

    today = timezone.localdate()
    JobSeeker.objects.filter(pk=dewi.pk).update(status="removed")
    dewi.refresh_from_db()
    with pytest.raises(CounsellingRefused):
        record_session(kind="interview", by=alice, held_on=today, seekers=[dewi])
    with pytest.raises(CounsellingRefused):
        record_session(kind="group", by=alice, held_on=today, seekers=[dewi], participants=1)


def test_actions_due_appear_in_the_officers_queue_until_done(client, alice, bob, dewi):
    today = timezone.localdate()
    session = record_session(
        kind="individual",
        by=alice,
        held_on=today - timedelta(days=14),
        seekers=[dewi],
        actions=[AgreedAction("Melapor hasil wawancara", today - timedelta(days=2))],
    )
    action = session.actions.get()
    client.force_login(bob)
    assert "Melapor hasil" not in client.get("/officer/actions/?all=1").content.decode()
    assert client.post(f"/officer/actions/{action.pk}/done/").status_code == 404
    client.force_login(alice)
    assert "Melapor hasil wawancara" in client.get("/officer/actions/").content.decode()
    assert client.get(f"/officer/actions/{action.pk}/done/").status_code == 405
    response = client.post(f"/officer/actions/{action.pk}/done/")
    assert response.status_code == 302
    assert "Melapor hasil wawancara" not in client.get("/officer/actions/").content.decode()
    action.refresh_from_db()
    assert action.done_on == today and action.done_by == alice


def test_sessions_of_another_regency_are_404_and_absent_from_lists(client, alice, bob, dewi):
    session = record_session(
        kind="individual", by=alice, held_on=timezone.localdate(), seekers=[dewi]
    )
    client.force_login(bob)
    assert client.get(f"/officer/counselling/{session.pk}/").status_code == 404
    assert (
        f"/officer/counselling/{session.pk}/"
        not in client.get("/officer/counselling/").content.decode()
    )
    assert (
        client.get(f"/officer/counselling/new/?kind=individual&seeker={dewi.pk}").status_code == 404
    )


def test_the_counselling_lists_are_bounded(client, alice, dewi, django_assert_max_num_queries):
    today = timezone.localdate()
    for _index in range(12):
        record_session(
            kind="individual",
            by=alice,
            held_on=today,
            seekers=[dewi],
            actions=[AgreedAction("Langkah", today)],
        )
    client.force_login(alice)
    for url in ("/officer/counselling/", "/officer/actions/", "/officer/actions/?all=1"):
        with django_assert_max_num_queries(12):
            assert client.get(url).status_code == 200, url


def test_the_counselling_pages_refuse_anonymous_visitors_and_wrong_methods(client, alice, sam):
    assert client.get("/officer/counselling/").status_code == 302
    client.force_login(sam)
    assert client.get("/officer/counselling/").status_code == 404
    client.force_login(alice)
    assert client.post("/officer/counselling/").status_code == 405
    assert client.get("/officer/counselling/new/?kind=individual").status_code == 404
