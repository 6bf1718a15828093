"""The second factor: enrolment at the first sign-in, a code at each sign-in, recovery codes,
"remember this device" for 12 hours at most, a logged reset, and API tokens only after it."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from placement.accounts import mfa
from placement.accounts.models import AuditEvent
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def code_for(device: TOTPDevice, at=None) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits)
    totp.time = (at or timezone.now()).timestamp()
    return f"{totp.token():06d}"


def sign_in(client, user) -> object:
    return client.post("/accounts/login/", {"username": user.email, "password": PASSWORD})


def enrolled(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="phone", confirmed=True)


def test_an_officer_enrols_an_authenticator_at_the_first_sign_in(client, alice):
    response = sign_in(client, alice)
    setup = client.get(response["Location"], follow=True)

    assert setup.redirect_chain[-1][0].startswith("/accounts/mfa/setup/")
    assert client.get("/officer/").status_code == 302  # nothing before the second factor
    secret = re.search(r"data-totp-secret>([A-Z2-7]+)<", setup.content.decode())[1]
    device = TOTPDevice.objects.get(user=alice, confirmed=False)
    assert secret == mfa.secret_of(device)

    done = client.post("/accounts/mfa/setup/", {"code": code_for(device), "next": "/officer/"})

    assert done["Location"].startswith("/accounts/mfa/recovery-codes/")
    codes = client.get(done["Location"]).content.decode()
    assert len(re.findall(r"<li><code>[a-z2-7]{8}</code></li>", codes)) == 10
    assert client.get("/officer/").status_code == 200


def test_an_enrolled_officer_types_a_code_at_each_sign_in(client, alice):
    device = enrolled(alice)
    sign_in(client, alice)
    assert client.get("/officer/")["Location"].startswith("/accounts/mfa/verify/")

    wrong = client.post("/accounts/mfa/verify/", {"code": "000000"})
    assert wrong.status_code == 200 and client.get("/officer/").status_code == 302

    with time_machine.travel(timezone.now() + timedelta(seconds=31)):
        right = client.post(
            "/accounts/mfa/verify/", {"code": code_for(device), "next": "/officer/"}
        )
        assert right["Location"] == "/officer/"
        assert client.get("/officer/").status_code == 200


def test_a_recovery_code_works_once(client, alice):
    enrolled(alice)
    codes = mfa.issue_recovery_codes(user=alice)
    sign_in(client, alice)
    assert client.post("/accounts/mfa/verify/", {"code": codes[0]}).status_code == 302
    client.post("/accounts/logout/")
    sign_in(client, alice)

    again = client.post("/accounts/mfa/verify/", {"code": codes[0]})

    assert again.status_code == 200  # refused: used already
    assert AuditEvent.objects.filter(actor=alice, detail__event="recovery_code").exists()


def test_remember_this_device_skips_the_code_for_twelve_hours_only(client, alice):
    device = enrolled(alice)
    sign_in(client, alice)
    response = client.post("/accounts/mfa/verify/", {"code": code_for(device), "remember": "on"})
    cookie = response.cookies[mfa.REMEMBER_COOKIE]
    assert 0 < int(cookie["max-age"]) <= 12 * 3600
    client.post("/accounts/logout/")

    sign_in(client, alice)
    assert client.get("/officer/").status_code == 200  # remembered

    client.post("/accounts/logout/")
    with time_machine.travel(timezone.now() + timedelta(hours=12, minutes=1)):
        sign_in(client, alice)
        assert client.get("/officer/").status_code == 302


def test_seekers_and_employers_sign_in_without_a_second_factor(client, sam):
    sign_in(client, sam)

    chain = client.get("/seeker/", follow=True).redirect_chain

    assert all("/mfa/" not in url for url, _status in chain)


def test_the_api_issues_an_officer_a_token_only_with_the_code(client, alice, sam):
    device = enrolled(alice)
    body = {"email": alice.email, "password": PASSWORD}

    without = client.post("/api/v1/auth/token/", body, content_type="application/json")
    with_code = client.post(
        "/api/v1/auth/token/", {**body, "otp": code_for(device)}, content_type="application/json"
    )
    seeker = client.post(
        "/api/v1/auth/token/",
        {"email": sam.email, "password": PASSWORD},
        content_type="application/json",
    )

    assert without.status_code == 400 and "otp" in without.json()
    assert with_code.status_code == 200 and "token" in with_code.json()
    assert seeker.status_code == 200


def test_an_administrators_reset_removes_the_devices_ends_sessions_and_is_logged(
    client, alice, nadia
):
    enrolled(alice)
    client.force_login(alice)
    assert client.get("/officer/").status_code == 200

    mfa.reset_second_factor(user=alice, by=nadia)

    assert not TOTPDevice.objects.filter(user=alice).exists()
    assert client.get("/officer/").status_code == 302
    event = AuditEvent.objects.get(detail__event="mfa_reset")
    assert event.actor == nadia and event.object_id == str(alice.pk)
    sign_in(client, alice)
    assert (
        client.get("/officer/", follow=True)
        .redirect_chain[-1][0]
        .startswith("/accounts/mfa/setup/")
    )


def test_the_demo_staff_get_the_public_demo_key(db):
    from placement.demo.accounts import DEMO_TOTP_SECRET, enrol_demo_authenticator
    from tests.factories import UserFactory

    officer = UserFactory(role="officer")
    enrol_demo_authenticator(officer)

    assert mfa.secret_of(TOTPDevice.objects.get(user=officer)) == DEMO_TOTP_SECRET
