import pytest
from django.conf import settings
from django.core import mail
from rest_framework.authtoken.models import Token

from tests.factories import PASSWORD, UserFactory


def test_argon2_is_the_first_password_hasher():
    # The test suite swaps in MD5 for speed; the real setting is read from the settings module.
    from placement import settings as project_settings

    assert project_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    assert settings.AUTH_USER_MODEL == "accounts.User"


def test_officer_signs_in_with_email_and_lands_on_the_dashboard(client, alice):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.security.test_mfa import code_for

    device = TOTPDevice.objects.create(user=alice, name="phone", confirmed=True)
    client.post("/accounts/login/", {"username": "ALICE@example.org", "password": PASSWORD})
    response = client.post("/accounts/mfa/verify/", {"code": code_for(device)}, follow=True)
    assert response.redirect_chain[-1][0] == "/officer/"
    assert "Palangka" in response.content.decode()


def test_seeker_lands_on_the_seeker_portal(client, sam):
    response = client.post("/accounts/login/", {"username": sam.email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(response["Location"]).url == "/seeker/"


def test_wrong_password_and_unknown_user_get_the_same_message(client, sam):
    wrong = client.post("/accounts/login/", {"username": sam.email, "password": "nope-nope"})
    unknown = client.post(
        "/accounts/login/", {"username": "nobody@example.org", "password": "nope-nope"}
    )
    assert wrong.status_code == unknown.status_code == 200
    assert wrong.context["form"].non_field_errors() == unknown.context["form"].non_field_errors()


def test_account_is_locked_after_five_failures_even_with_the_right_password(client, sam):
    for _ in range(5):
        client.post("/accounts/login/", {"username": sam.email, "password": "wrong-password"})
    response = client.post("/accounts/login/", {"username": sam.email, "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_logout_is_post_only_and_ends_the_session(client, sam):
    client.force_login(sam)
    assert client.get("/accounts/logout/").status_code == 405
    assert "_auth_user_id" in client.session
    client.post("/accounts/logout/")
    assert "_auth_user_id" not in client.session


def test_signing_out_also_ends_the_api_token(client, sam):
    token = Token.objects.create(user=sam)
    client.force_login(sam)
    client.post("/accounts/logout/")
    assert not Token.objects.filter(key=token.key).exists()
    response = client.get("/api/v1/matching/runs/", HTTP_AUTHORIZATION=f"Token {token.key}")
    assert response.status_code == 401


def test_a_deactivated_users_token_stops_working(client, sam):
    token = Token.objects.create(user=sam)
    sam.is_active = False
    sam.save(update_fields=["is_active"])
    response = client.get("/api/v1/matching/runs/", HTTP_AUTHORIZATION=f"Token {token.key}")
    assert response.status_code == 401


def test_login_rotates_the_session_key(client, sam):
    client.get("/accounts/login/")
    before = client.session.session_key
    client.post("/accounts/login/", {"username": sam.email, "password": PASSWORD})
    assert client.session.session_key != before


def test_password_reset_sends_a_link_only_to_known_addresses(client, sam):
    response = client.post("/accounts/password-reset/", {"email": sam.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/accounts/reset/" in mail.outbox[0].body
    client.post("/accounts/password-reset/", {"email": "nobody@example.org"})
    assert len(mail.outbox) == 1


def test_pages_of_signed_in_users_are_not_cached(client, sam):
    client.force_login(sam)
    assert client.get("/seeker/")["Cache-Control"] == "no-store"


def test_wrong_role_gets_404_not_403(client, sam):
    client.force_login(sam)
    assert client.get("/officer/").status_code == 404
    assert client.get("/employer/").status_code == 404


def test_anonymous_is_sent_to_sign_in(client, db):
    response = client.get("/officer/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_api_token_for_valid_credentials(client, sam):
    response = client.post(
        "/api/v1/auth/token/",
        {"email": sam.email, "password": PASSWORD},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert response.json()["token"] == Token.objects.get(user=sam).key


def test_api_token_refused_with_a_field_free_message(client, sam):
    response = client.post(
        "/api/v1/auth/token/",
        {"email": sam.email, "password": "bad"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "token" not in response.json()


def test_api_token_rejects_malformed_input_with_400(client, db):
    response = client.post(
        "/api/v1/auth/token/", {"email": "not-an-email"}, content_type="application/json"
    )
    assert response.status_code == 400
    assert set(response.json()) == {"email", "password"}


@pytest.mark.parametrize("email", ["", "   "])
def test_user_manager_requires_an_email(db, email):
    from placement.accounts.models import User

    with pytest.raises(ValueError):
        User.objects.create_user(email.strip(), "x")


def test_emails_are_stored_lower_case(db):
    user = UserFactory(email="Mixed.Case@Example.ORG")
    user.refresh_from_db()
    assert user.email == "mixed.case@example.org"
