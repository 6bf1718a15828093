"""Certificates, courses, driving licences and languages on the profile: rules and pages."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from jobseekers import services
from jobseekers.models import CompetencyCertificate, DrivingLicence, LanguageSkill, Training
from tests.factories import JobSeekerFactory

pytestmark = pytest.mark.django_db
URL = "/seeker/register/certificates/"


def _today() -> date:
    return timezone.localdate()


def _parts(prefix: str, name: str, day: date) -> dict:
    return {
        f"{prefix}-{name}_0": day.day,
        f"{prefix}-{name}_1": day.month,
        f"{prefix}-{name}_2": day.year,
    }


def _certificate(**fields) -> dict:
    values = {
        "scheme": "Operator Forklift",
        "lsp": "LSP Logistik Indonesia",
        "number": "62.1.2024.0001",
        "valid_from": _today() - timedelta(days=100),
        "valid_until": _today() + timedelta(days=900),
    }
    return values | fields


@pytest.fixture
def seeker(db):
    return JobSeekerFactory(verified=True)


def _errors(call) -> dict:
    with pytest.raises(ValidationError) as raised:
        call()
    return raised.value.message_dict


def _add(seeker, kind, **fields):
    return services.add_credential(seeker=seeker, actor=seeker.user, kind=kind, **fields)


# --- Rules ---------------------------------------------------------------------------------------


def test_a_certificate_is_saved_with_its_scheme_key(seeker):
    row = _add(seeker, "certificate", **_certificate(scheme="Skema Sertifikasi  Operator FORKLIFT"))
    assert row.scheme_key == "operator forklift"
    assert not row.is_expired


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"valid_from": _today() + timedelta(days=1)}, "valid_from"),
        ({"valid_until": _today() - timedelta(days=200)}, "valid_until"),
        ({"valid_until": _today() + timedelta(days=365 * 11)}, "valid_until"),
        ({"scheme": " - "}, "scheme"),
        ({"lsp": ""}, "lsp"),
        ({"number": "  "}, "number"),
    ],
)
def test_a_bad_certificate_names_the_field_and_saves_nothing(seeker, fields, field):
    errors = _errors(lambda: _add(seeker, "certificate", **_certificate(**fields)))
    assert field in errors
    assert not CompetencyCertificate.objects.exists()


def test_a_certificate_number_is_on_the_profile_once(seeker):
    _add(seeker, "certificate", **_certificate())
    assert "number" in _errors(lambda: _add(seeker, "certificate", **_certificate()))


def test_an_expired_certificate_is_kept_and_flagged(seeker):
    old = _certificate(
        valid_from=_today() - timedelta(days=1500), valid_until=_today() - timedelta(days=400)
    )
    assert _add(seeker, "certificate", **old).is_expired


def test_a_licence_is_valid_at_most_five_years_ahead_and_once_per_class(seeker):
    too_far = _today() + timedelta(days=366 * 5 + 2)
    errors = _errors(lambda: _add(seeker, "licence", licence_class="B1", valid_until=too_far))
    assert "valid_until" in errors
    assert "licence_class" in _errors(
        lambda: _add(seeker, "licence", licence_class="X", valid_until=_today())
    )
    _add(seeker, "licence", licence_class="B1", valid_until=_today() + timedelta(days=700))
    again = _errors(lambda: _add(seeker, "licence", licence_class="B1", valid_until=_today()))
    assert "licence_class" in again
    assert DrivingLicence.objects.count() == 1


def test_a_language_is_on_the_profile_once_with_a_level(seeker):
    _add(seeker, "language", language="en", level=2, test="TOEIC 650")
    assert "language" in _errors(lambda: _add(seeker, "language", language="en", level=3))
    assert "level" in _errors(lambda: _add(seeker, "language", language="ja", level=7))
    assert LanguageSkill.objects.get().label == "English (working)"


def test_a_course_has_hours_and_a_past_year(seeker):
    fields = {"course": "Las SMAW", "provider_kind": "blk", "institution": "BLK Palangka Raya"}
    errors = _errors(lambda: _add(seeker, "training", **fields, hours=0, year=_today().year + 1))
    assert {"hours", "year"} <= set(errors)
    _add(seeker, "training", **fields, hours=160, year=2023)
    assert Training.objects.get().hours == 160


def test_removing_finds_only_the_seekers_own_rows(seeker):
    other = JobSeekerFactory(verified=True)
    row = _add(other, "language", language="ko", level=1)
    services.remove_credential(seeker=seeker, actor=seeker.user, kind="language", row_id=row.pk)
    assert LanguageSkill.objects.filter(pk=row.pk).exists()
    services.remove_credential(seeker=other, actor=other.user, kind="language", row_id=row.pk)
    assert not LanguageSkill.objects.exists()


def test_replacing_checks_every_row_before_saving_any(seeker):
    _add(seeker, "language", language="en", level=1)
    bad = {
        "language": [{"language": "ar", "level": 2}, {"language": "ar", "level": 3}],
        "licence": [{"licence_class": "C", "valid_until": _today() + timedelta(days=30)}],
    }
    errors = _errors(
        lambda: services.replace_credentials(seeker=seeker, actor=seeker.user, rows=bad)
    )
    assert "languages[1]" in errors
    assert list(LanguageSkill.objects.values_list("language", flat=True)) == ["en"]
    assert not DrivingLicence.objects.exists()


# --- Pages ---------------------------------------------------------------------------------------


def test_the_step_adds_a_licence_and_lists_it(client, seeker):
    client.force_login(seeker.user)
    page = client.get(URL)
    assert page.status_code == 200 and "Driving licences (SIM)" in page.text
    data = {"action": "add-licence", "licence-licence_class": "B1"}
    data |= _parts("licence", "valid_until", _today() + timedelta(days=800))
    response = client.post(URL, data)
    assert response.status_code == 302
    assert client.get(URL).text.count("SIM B1") >= 1
    assert seeker.licences.get().licence_class == "B1"
    profile = client.get("/seeker/profile/")
    assert "SIM B1" in profile.text


def test_the_step_shows_errors_on_the_field_and_keeps_nothing(client, seeker):
    client.force_login(seeker.user)
    data = {"action": "add-certificate", "certificate-scheme": "Operator Forklift"}
    data |= {"certificate-lsp": "LSP X", "certificate-number": "A-1"}
    data |= _parts("certificate", "valid_from", _today() + timedelta(days=5))
    data |= _parts("certificate", "valid_until", _today() + timedelta(days=500))
    response = client.post(URL, data)
    assert response.status_code == 200
    assert "The issue date cannot be in the future." in response.text
    assert not CompetencyCertificate.objects.exists()


def test_an_expired_licence_is_saved_with_a_warning_and_flagged(client, seeker):
    client.force_login(seeker.user)
    data = {"action": "add-licence", "licence-licence_class": "C"}
    data |= _parts("licence", "valid_until", _today() - timedelta(days=3))
    page = client.post(URL, data, follow=True)
    assert "it has expired" in page.text
    assert "Expired" in page.text


def test_a_row_is_removed_from_the_step(client, seeker):
    row = _add(seeker, "language", language="ja", level=1)
    client.force_login(seeker.user)
    client.post(URL, {"action": f"remove-language-{row.pk}"})
    assert not LanguageSkill.objects.exists()


# --- API -----------------------------------------------------------------------------------------


@pytest.fixture
def api():
    from rest_framework.test import APIClient

    return APIClient()


def test_the_api_replaces_the_lists_and_shows_them_with_expiry(api, seeker):
    api.force_authenticate(seeker.user)
    body = {
        "licences": [
            {"licence_class": "B1", "valid_until": str(_today() + timedelta(days=300))},
            {"licence_class": "C", "valid_until": str(_today() - timedelta(days=1))},
        ],
        "languages": [{"language": "ja", "level": 2, "test": "JLPT N4"}],
        "certificates": [
            {
                "scheme": "Juru Las SMAW",
                "lsp": "LSP Las",
                "number": "W-9",
                "valid_from": str(_today() - timedelta(days=30)),
                "valid_until": str(_today() + timedelta(days=1000)),
            }
        ],
        "trainings": [
            {
                "course": "Las",
                "provider_kind": "blk",
                "institution": "BLK Palangka Raya",
                "hours": 240,
                "year": 2024,
            }
        ],
    }
    response = api.patch("/api/v1/jobseekers/me/", body, format="json")
    assert response.status_code == 200, response.json()
    data = response.json()
    assert [(row["licence_class"], row["expired"]) for row in data["licences"]] == [
        ("B1", False),
        ("C", True),
    ]
    assert data["languages"][0]["level"] == 2
    assert data["certificates"][0]["scheme"] == "Juru Las SMAW"
    assert data["trainings"][0]["hours"] == 240


def test_the_api_names_the_bad_row_and_field_and_saves_nothing(api, seeker):
    api.force_authenticate(seeker.user)
    body = {
        "languages": [{"language": "en", "level": 1}],
        "licences": [{"licence_class": "A", "valid_until": str(_today() + timedelta(days=4000))}],
    }
    response = api.patch("/api/v1/jobseekers/me/", body, format="json")
    assert response.status_code == 400
    assert "licences[0].valid_until" in response.json()
    assert not LanguageSkill.objects.exists() and not DrivingLicence.objects.exists()


def test_my_data_export_holds_the_rows(client, seeker):
    _add(seeker, "licence", licence_class="C", valid_until=_today() + timedelta(days=100))
    client.force_login(seeker.user)
    data = client.get("/seeker/my-data.json").json()
    assert data["licences"][0]["licence_class"] == "C"
    assert data["certificates"] == [] and data["languages"] == []
