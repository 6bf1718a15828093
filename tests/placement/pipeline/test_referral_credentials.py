"""A referral to a vacancy requiring a credential the seeker lacks (a SIM class, a BNSP scheme, a
language level): the officer is warned on the page, may refer with a reason, and both are kept;
the under-18 rule still refuses."""

# ruff: noqa: F811

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from jobseekers.models import DrivingLicence
from placement.accounts.models import AuditEvent
from placement.pipeline import services
from placement.pipeline.models import Referral
from tests.factories import JobSeekerFactory
from tests.officers.conftest import add_match, dewi, kahayan, kasir  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def truck(kasir):
    kasir.title, kasir.required_licence = "Sopir Truk Box", "B1"
    kasir.save(update_fields=["title", "required_licence"])
    return kasir


def test_the_service_warns_and_refers_with_a_reason(alice, dewi, truck):
    with pytest.raises(services.CredentialsMissing) as missing:
        services.refer_jobseeker(seeker=dewi, vacancy=truck, by=alice)
    assert "SIM B1" in missing.value.warning and missing.value.field == "credential_reason"
    assert not Referral.objects.exists()
    referral = services.refer_jobseeker(
        seeker=dewi, vacancy=truck, by=alice, credential_reason="SIM B1 sedang diperpanjang."
    )
    assert "SIM B1" in referral.credential_warning
    assert referral.credential_reason == "SIM B1 sedang diperpanjang."
    entry = AuditEvent.objects.filter(object_id=str(referral.pk), action="create").get()
    assert entry.detail["credential_reason"] == "SIM B1 sedang diperpanjang."


def test_a_seeker_holding_the_licence_is_referred_without_a_warning(alice, dewi, truck):
    DrivingLicence.objects.create(
        seeker=dewi,
        licence_class="B2",  # covers B1
        valid_until=timezone.localdate() + datetime.timedelta(days=300),
    )
    referral = services.refer_jobseeker(seeker=dewi, vacancy=truck, by=alice)
    assert referral.credential_warning == "" and referral.credential_reason == ""


def test_the_under_18_rule_still_refuses_whatever_the_reason(alice, truck):
    young = JobSeekerFactory(verified=True, birth_date=timezone.localdate().replace(year=2010))
    truck.night_work = True
    truck.save(update_fields=["night_work"])
    with pytest.raises(services.ReferralRefused) as refused:
        services.refer_jobseeker(seeker=young, vacancy=truck, by=alice, credential_reason="x")
    assert not isinstance(refused.value, services.CredentialsMissing)
    assert "18" in refused.value.message


def test_the_page_warns_then_refers_with_the_reason(client, alice, dewi, truck):
    add_match(dewi, truck)
    client.force_login(alice)
    data = {"seeker": dewi.pk, "vacancy": truck.pk, "source": "match", "score": "81", "send": "1"}
    page = client.post("/officer/referrals/new/", data)
    text = page.content.decode()
    assert page.status_code == 200 and not Referral.objects.exists()
    assert "SIM B1" in text and 'name="credential_reason"' in text
    empty = client.post("/officer/referrals/new/", {**data, "credential_reason": " "})
    assert empty.status_code == 200 and "field-error" in empty.content.decode()
    assert not Referral.objects.exists()
    done = client.post(
        "/officer/referrals/new/", {**data, "credential_reason": "Tes SIM B1 minggu depan."}
    )
    referral = Referral.objects.get()
    assert done.status_code == 302 and referral.source == "match"
    assert referral.credential_reason == "Tes SIM B1 minggu depan."
    detail = client.get(f"/officer/referrals/{referral.pk}/").content.decode()
    assert "Tes SIM B1 minggu depan." in detail


def test_the_api_names_the_field_and_takes_the_reason(alice, dewi, truck):
    api = APIClient()
    api.force_authenticate(alice)
    body = {"seeker": dewi.pk, "vacancy": truck.pk}
    refused = api.post("/api/v1/referrals/", body, format="json")
    assert refused.status_code == 400
    assert refused.json()["field"] == "credential_reason" and "SIM B1" in refused.json()["detail"]
    made = api.post(
        "/api/v1/referrals/", {**body, "credential_reason": "Sedang ujian SIM."}, format="json"
    )
    assert made.status_code == 201
    assert Referral.objects.get().credential_reason == "Sedang ujian SIM."
