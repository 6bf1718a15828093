"""Demo accounts of the Contract (DESIGN.md): national admin, officers, employers, seekers."""

from __future__ import annotations

import random

from placement.accounts.models import Role, User
from placement.offices.models import Office, Officer
from placement.offices.services import NATIONAL_CODE, sync_offices

DEMO_PASSWORD = "antarkerja-demo"  # noqa: S105 - public by design, refused when DEBUG is off
DEMO_DOMAIN = "antarkerja.example"
# The demo staff's authenticator key (second factor), public like the password: add it to any
# TOTP app as MFXHIYLSNNSXE2TBFVSGK3LPFV2G65DQ (or compute codes from DEMO_TOTP_KEY_HEX).
DEMO_TOTP_KEY_HEX = "616e7461726b65726a612d64656d6f2d746f7470"  # b"antarkerja-demo-totp"
DEMO_TOTP_SECRET = "MFXHIYLSNNSXE2TBFVSGK3LPFV2G65DQ"  # noqa: S105 - public, DEBUG only

# (e-mail local part, role, office code, full name, position)
STAFF = [
    ("admin", Role.NATIONAL, NATIONAL_CODE, "Admin Nasional", Officer.Position.ADMINISTRATOR),
    ("officer.62", Role.OFFICER, "62", "Ratna Sari Dewi", Officer.Position.AHLI_MADYA),
    ("officer.6271", Role.OFFICER, "62.71", "Budi Santoso", Officer.Position.AHLI_MUDA),
    ("officer.6201", Role.OFFICER, "62.01", "Siti Rahmawati", Officer.Position.AHLI_PERTAMA),
]
# Employer and seeker users; their company and profile come from the employers and jobseekers
# seeders.
PUBLIC = [
    ("employer.6271", Role.EMPLOYER, "Hendra Wijaya"),
    ("employer.6201", Role.EMPLOYER, "Agus Salim"),
    ("seeker.6271", Role.SEEKER, "Dewi Lestari"),
    ("seeker.6201", Role.SEEKER, "Andi Pratama"),
    ("seeker.pdp", Role.SEEKER, "Maria Ulfah"),
]
# The data protection officer (no office: data-subject requests and the breach register).
PRIVACY = [("privacy", Role.PRIVACY, "Putri Anggraini")]


def demo_user(local: str, role: str, full_name: str) -> User:
    """Get or create one demo user with the public demo password."""
    email = f"{local}@{DEMO_DOMAIN}"
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email, DEMO_PASSWORD, role=role, full_name=full_name)
    return user


def seed(*, stdout, options: dict, rng: random.Random) -> None:
    """Create the demo staff and public users (idempotent)."""
    if not Office.objects.exists():
        sync_offices()
    offices = {o.code: o for o in Office.objects.filter(code__in=[s[2] for s in STAFF])}
    for local, role, office_code, full_name, position in STAFF:
        user = demo_user(local, role, full_name)
        if role == Role.NATIONAL and not user.is_superuser:
            user.is_staff = user.is_superuser = True
            user.save(update_fields=["is_staff", "is_superuser"])
        Officer.objects.get_or_create(
            user=user, defaults={"office": offices[office_code], "position": position}
        )
        enrol_demo_authenticator(user)
    for local, role, full_name in PUBLIC:
        demo_user(local, role, full_name)
    for local, role, full_name in PRIVACY:
        enrol_demo_authenticator(demo_user(local, role, full_name))
    count = len(STAFF) + len(PUBLIC) + len(PRIVACY)
    stdout.write(f"Demo accounts: {count} (password {DEMO_PASSWORD})")
    stdout.write(
        "Demo staff sign in with a second factor: add the key "
        f"{DEMO_TOTP_SECRET} (time-based, 6 digits) to an authenticator app."
    )


def enrol_demo_authenticator(user: User) -> None:
    """Give a demo staff account the public demo TOTP key (seed_demo runs only with DEBUG on)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    if not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        TOTPDevice.objects.create(
            user=user, name="demo authenticator", key=DEMO_TOTP_KEY_HEX, confirmed=True
        )
