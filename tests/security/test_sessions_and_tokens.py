"""Sessions and API tokens end with deactivation, a password or role change, and stay dead if the
account is reactivated; API tokens expire after 12 hours idle and 7 days at most."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone
from rest_framework.authtoken.models import Token

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

RUNS = "/api/v1/matching/runs/"


def _token_works(client, key: str) -> bool:
    return client.get(RUNS, HTTP_AUTHORIZATION=f"Token {key}").status_code == 200


def test_a_reactivated_officers_old_session_and_token_stay_dead(client, alice):
    token = Token.objects.create(user=alice)
    client.force_login(alice)
    assert client.get("/officer/").status_code == 200

    alice.is_active = False
    alice.save(update_fields=["is_active"])
    alice.is_active = True
    alice.save(update_fields=["is_active"])

    assert client.get("/officer/").status_code == 302  # back to the sign-in page
    assert not _token_works(client, token.key)


def test_a_password_change_ends_other_sessions_and_the_token(client, alice):
    token = Token.objects.create(user=alice)
    client.force_login(alice)

    alice.set_password("a-new-long-password")
    alice.save()

    assert client.get("/officer/").status_code == 302
    assert not Token.objects.filter(key=token.key).exists()


def test_a_role_change_ends_sessions_and_tokens(client, alice):
    token = Token.objects.create(user=alice)
    client.force_login(alice)

    alice.role = "supervisor"
    alice.save(update_fields=["role"])

    assert client.get("/officer/").status_code == 302
    assert not _token_works(client, token.key)


def test_an_unchanged_save_keeps_the_session(client, alice):
    client.force_login(alice)

    alice.full_name = "Alice Baru"
    alice.save()

    assert client.get("/officer/").status_code == 200


def test_an_api_token_expires_after_twelve_idle_hours(client, alice):
    key = Token.objects.create(user=alice).key
    assert _token_works(client, key)

    with time_machine.travel(timezone.now() + timedelta(hours=11)):
        assert _token_works(client, key)
    with time_machine.travel(timezone.now() + timedelta(hours=11 + 12, minutes=5)):
        response = client.get(RUNS, HTTP_AUTHORIZATION=f"Token {key}")
    assert response.status_code == 401
    assert not Token.objects.filter(key=key).exists()


def test_an_api_token_expires_seven_days_after_issue_even_when_used(client, alice):
    key = Token.objects.create(user=alice).key
    start = timezone.now()
    for step in range(1, 17):  # used every ten hours for almost a week
        with time_machine.travel(start + timedelta(hours=10 * step)):
            assert _token_works(client, key)
    with time_machine.travel(start + timedelta(days=7, hours=1)):
        assert not _token_works(client, key)


def test_the_token_endpoint_replaces_an_expired_token(client, sam):
    old = Token.objects.create(user=sam)
    with time_machine.travel(timezone.now() + timedelta(days=8)):
        response = client.post(
            "/api/v1/auth/token/",
            {"email": sam.email, "password": PASSWORD},
            content_type="application/json",
        )
    assert response.status_code == 200
    assert response.json()["token"] != old.key


def test_an_idle_session_ends_after_the_idle_timeout_and_one_in_use_stays(client, alice, settings):
    settings.SESSION_IDLE_TIMEOUT = 30 * 60
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        client.force_login(alice)
        for _step in range(4):  # a page every 20 minutes keeps the session
            assert client.get("/officer/").status_code == 200
            clock.shift(timedelta(minutes=20))
        clock.shift(timedelta(minutes=11))  # 31 minutes idle
        assert client.get("/officer/").status_code == 302


def test_the_idle_clock_is_not_written_on_every_page(client, alice, settings):
    """The session is saved when its idle clock is older than SESSION_IDLE_RESOLUTION, not on
    each request (a signed encoding and an UPDATE per page)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.SESSION_IDLE_RESOLUTION = 60
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        client.force_login(alice)
        client.get("/officer/")
        clock.shift(timedelta(seconds=30))
        with CaptureQueriesContext(connection) as soon:
            assert client.get("/officer/").status_code == 200
        clock.shift(timedelta(seconds=61))
        with CaptureQueriesContext(connection) as later:
            assert client.get("/officer/").status_code == 200
    writes = 'UPDATE "django_session"'
    assert not any(q["sql"].startswith(writes) for q in soon.captured_queries)
    assert any(q["sql"].startswith(writes) for q in later.captured_queries)
