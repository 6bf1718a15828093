"""The CPMI checklist: each requirement with date, document and officer; referral needs it all."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from employers import services as employer_services
from jobseekers.card import render_card_pdf
from placement.migrants import services
from placement.migrants.models import CpmiItem, CpmiItemKind
from placement.pipeline import services as pipeline
from tests.factories import EmployerFactory, JobSeekerFactory, VacancyFactory
from tests.market_factories import JobOrderFactory, complete_cpmi

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4 surat izin keluarga"


@pytest.fixture
def migrant(db):
    return JobSeekerFactory(verified=True, relocation="abroad")


def test_checking_every_requirement_completes_the_record(alice, migrant):
    for kind in CpmiItemKind.values[:-1]:
        services.check_cpmi_item(seeker=migrant, kind=kind, done_on=timezone.localdate(), by=alice)
    assert not services.is_cpmi_complete(migrant)
    assert services.cpmi_missing(migrant) == [CpmiItemKind.BPJS.label]
    services.check_cpmi_item(
        seeker=migrant, kind="bpjs", done_on=timezone.localdate(), by=alice, reference="BPJS-1"
    )
    assert services.is_cpmi_complete(migrant)
    assert CpmiItem.objects.get(kind="bpjs").checked_by == alice


def test_a_minor_gets_no_cpmi_record(alice):
    today = timezone.localdate()
    minor = JobSeekerFactory(verified=True, birth_date=today.replace(year=today.year - 17))
    with pytest.raises(services.MigrantRefused):
        services.check_cpmi_item(seeker=minor, kind="passport", done_on=today, by=alice)


def test_referral_abroad_needs_the_complete_checklist(alice, migrant):
    job_order = JobOrderFactory()
    vacancy = VacancyFactory(
        employer=EmployerFactory(),
        regency=None,
        scope="AKAN",
        is_overseas=True,
        country=job_order.country,
        occupation=job_order.occupation,
        p3mi_name=job_order.agency.name,
        job_order_number=job_order.number,
        status="submitted",
    )
    vacancy = employer_services.publish_vacancy(vacancy=vacancy, by=alice)
    with pytest.raises(pipeline.ReferralRefused) as refused:
        pipeline.refer_jobseeker(seeker=migrant, vacancy=vacancy, by=alice)
    assert "CPMI" in refused.value.message
    complete_cpmi(migrant, alice)
    assert pipeline.refer_jobseeker(seeker=migrant, vacancy=vacancy, by=alice).status == "referred"


def test_officer_uploads_a_private_document_and_only_the_region_can_open_it(
    client, alice, bob, migrant
):
    client.force_login(alice)
    response = client.post(
        reverse("migrants:cpmi", args=[migrant.pk]),
        {
            "kind": "family_permission",
            "done_on": timezone.localdate().isoformat(),
            "document": SimpleUploadedFile("izin.pdf", PDF, content_type="application/pdf"),
        },
    )
    assert response.status_code == 302
    item = CpmiItem.objects.get()
    url = reverse("migrants:cpmi_document", args=[migrant.pk, item.pk])
    assert b"".join(client.get(url).streaming_content) == PDF
    client.force_login(bob)
    assert client.get(url).status_code == 404
    assert client.get(reverse("migrants:cpmi", args=[migrant.pk])).status_code == 404


def test_a_document_that_is_not_pdf_or_image_is_refused(client, alice, migrant):
    client.force_login(alice)
    response = client.post(
        reverse("migrants:cpmi", args=[migrant.pk]),
        {
            "kind": "passport",
            "done_on": timezone.localdate().isoformat(),
            "document": SimpleUploadedFile("paspor.exe", b"MZ\x90\x00"),
        },
    )
    assert response.status_code == 200
    assert not CpmiItem.objects.exists()


def test_the_card_of_a_prospective_migrant_notes_cpmi(alice, migrant):
    assert services.card_marks(migrant) == []
    services.check_cpmi_item(
        seeker=migrant, kind="passport", done_on=timezone.localdate(), by=alice
    )
    assert services.card_marks(migrant) == ["CPMI"]
    assert render_card_pdf(migrant, verify_url="https://example.org/verify/x/").startswith(b"%PDF")
