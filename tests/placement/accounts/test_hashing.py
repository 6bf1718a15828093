"""Passwords are hashed with argon2id at OWASP's parameters; older argon2 hashes still work and
are upgraded at the next sign-in (issue 14, item 8: sign-in and sign-up fast, hashing strong)."""

from __future__ import annotations

from django.contrib.auth.hashers import Argon2PasswordHasher, make_password

from placement.accounts.hashers import OwaspArgon2PasswordHasher
from tests.factories import UserFactory


def test_new_passwords_use_argon2id_with_owasp_parameters():
    from placement import settings as configured

    assert configured.PASSWORD_HASHERS[0] == "placement.accounts.hashers.OwaspArgon2PasswordHasher"
    encoded = OwaspArgon2PasswordHasher().encode("rahasia-kuat", OwaspArgon2PasswordHasher().salt())
    assert encoded.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")


def test_an_older_argon2_hash_still_signs_in_and_is_upgraded(db, settings):
    settings.PASSWORD_HASHERS = ["placement.accounts.hashers.OwaspArgon2PasswordHasher"]
    old = make_password("rahasia-kuat", hasher=Argon2PasswordHasher())
    user = UserFactory(email="lama@example.org")
    user.password = old
    user.save(update_fields=["password"])
    assert user.check_password("rahasia-kuat")
    user.refresh_from_db()
    assert "m=19456,t=2,p=1" in user.password
    assert not OwaspArgon2PasswordHasher().must_update(user.password)
