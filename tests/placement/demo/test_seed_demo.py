import pytest
from django.core.management import CommandError, call_command

from placement.accounts.models import User

CONTRACT_ACCOUNTS = {
    "admin@antarkerja.example": "national",
    "officer.62@antarkerja.example": "officer",
    "officer.6271@antarkerja.example": "officer",
    "officer.6201@antarkerja.example": "officer",
    "employer.6271@antarkerja.example": "employer",
    "employer.6201@antarkerja.example": "employer",
    "seeker.6271@antarkerja.example": "seeker",
    "seeker.6201@antarkerja.example": "seeker",
}


def test_seed_demo_creates_the_contract_accounts_with_the_demo_password(db, settings):
    settings.DEBUG = True
    call_command("seed_demo", "--seekers", "0", "--vacancies", "0")
    users = {u.email: u for u in User.objects.filter(email__in=CONTRACT_ACCOUNTS)}
    assert {email: u.role for email, u in users.items()} == CONTRACT_ACCOUNTS
    assert all(u.check_password("antarkerja-demo") for u in users.values())
    assert users["officer.6271@antarkerja.example"].officer_profile.office.code == "62.71"
    assert users["officer.62@antarkerja.example"].officer_profile.office.code == "62"


def test_seed_demo_twice_creates_nothing_new(db, settings):
    settings.DEBUG = True
    call_command("seed_demo", "--seekers", "0", "--vacancies", "0")
    count = User.objects.count()
    call_command("seed_demo", "--seekers", "0", "--vacancies", "0")
    assert User.objects.count() == count


def test_seed_demo_is_refused_when_debug_is_off(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo")
    assert not User.objects.filter(email__endswith="@antarkerja.example").exists()
