"""Password hashing at the strength OWASP recommends, and no more: each sign-in pays for it."""

from __future__ import annotations

from django.contrib.auth.hashers import Argon2PasswordHasher


class OwaspArgon2PasswordHasher(Argon2PasswordHasher):
    """argon2id with the first configuration of OWASP's Password Storage Cheat Sheet: 19 MiB of
    memory, two passes, one lane (~0.1 s on one core here, instead of ~0.7 s with Django's 100 MiB
    and eight lanes on a two-core machine). Same algorithm name, so hashes made with other
    parameters still verify and are rehashed with these at the next sign-in."""

    time_cost = 2
    memory_cost = 19 * 1024
    parallelism = 1
