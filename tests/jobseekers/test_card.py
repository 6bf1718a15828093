"""The AK/I card PDF (issue 15): its text layer holds everything the paper card holds."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation
from PIL import Image
from pypdf import PdfReader

from jobseekers import services
from jobseekers.card import Hire, render_card_pdf, report_boxes
from tests.factories import JobSeekerFactory, OfficerFactory
from tests.helpers import pdf_text

pytestmark = pytest.mark.django_db
LONG_ADDRESS = (
    "Jl. Tjilik Riwut Km 5 No. 12, Gang Keluarga Besar Bahagia Sejahtera RT 003 RW 011, "
    "Kelurahan Bukit Tunggal, dekat masjid Al-Ikhlas ujungnya"
)


def _jpeg(width=600, height=600, colour=(200, 30, 30)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, format="JPEG")
    return SimpleUploadedFile("foto.jpg", buffer.getvalue(), "image/jpeg")


@pytest.fixture
def holder(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    officer = OfficerFactory(
        office__code="62.71", user__full_name="Siti Rahmawati", nip="198503122010012003"
    )
    seeker = JobSeekerFactory(address=LONG_ADDRESS)
    seeker = services.verify_jobseeker(seeker=seeker, officer=officer.user)
    today = timezone.localdate()
    add = services.add_credential
    add(
        seeker=seeker,
        actor=seeker.user,
        kind="licence",
        licence_class="B1",
        valid_until=today + timedelta(days=900),
    )
    add(seeker=seeker, actor=seeker.user, kind="language", language="ja", level=2, test="JLPT N4")
    add(
        seeker=seeker,
        actor=seeker.user,
        kind="training",
        course="Pengelasan SMAW 3G",
        provider_kind="blk",
        institution="BLK Palangka Raya",
        hours=240,
        year=2024,
    )
    add(
        seeker=seeker,
        actor=seeker.user,
        kind="certificate",
        scheme="Juru Las Pipa",
        lsp="LSP Las Indonesia",
        number="LAS-2024-77",
        valid_from=today - timedelta(days=1200),
        valid_until=today - timedelta(days=10),
    )
    services.store_photo(seeker=seeker, actor=seeker.user, upload=_jpeg())
    return seeker


def _card(seeker, hire=None) -> bytes:
    with translation.override("id"):
        return render_card_pdf(seeker, verify_url="https://antarkerja.example/v/x/", hire=hire)


def test_the_card_text_holds_every_part_in_indonesian(holder):
    text = " ".join(pdf_text(_card(holder)).split())
    assert text.count("KARTU TANDA BUKTI PENDAFTARAN PENCARI KERJA") == 1  # the title, once
    for expected in (
        holder.ak1_number,
        holder.nik,
        holder.full_name,
        "Siti Rahmawati",
        "NIP 198503122010012003",
        "cap dinas",
        "Tanda tangan pemegang kartu",
        "KETENTUAN",
        "Pengelasan SMAW 3G - BLK Palangka Raya, 240 JP, 2024",
        "Juru Las Pipa",
        "habis berlaku",
        "SIM B1",
        "Bahasa Jepang (menengah)",
        "DITERIMA BEKERJA",
        "Lapor ke-1",
    ):
        assert expected in text, expected
    # The long address wraps instead of being cut off: its last words are printed.
    assert "ujungnya" in text


def test_the_card_embeds_the_photo(holder):
    page = PdfReader(io.BytesIO(_card(holder))).pages[0]
    assert len(page.images) == 1
    holder.photo.delete()
    page = PdfReader(io.BytesIO(_card(holder))).pages[0]
    assert len(page.images) == 0
    assert "Pas foto 3 x 4" in " ".join(pdf_text(_card(holder)).split())


def test_the_hire_fills_the_taken_on_block(holder):
    hire = Hire(employer="PT Sawit Makmur", job_title="Juru las", started_on=timezone.localdate())
    text = " ".join(pdf_text(_card(holder, hire)).split())
    assert "PT Sawit Makmur" in text and "Juru las" in text


def test_the_report_boxes_carry_due_dates_and_the_reports_made(holder):
    boxes = report_boxes(holder)
    assert len(boxes) == 4 and all(due != "-" for due, _done in boxes)
    assert boxes[0][1] == ""
    services.report_jobseeker(seeker=holder, actor=holder.user, on=holder.next_report_on)
    holder.refresh_from_db()
    assert report_boxes(holder)[0][1] != ""


def test_a_photo_must_be_an_image_and_is_cropped_to_three_by_four(holder):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.store_photo(
            seeker=holder,
            actor=holder.user,
            upload=SimpleUploadedFile("x.jpg", b"%PDF-1.4 not an image", "image/jpeg"),
        )
    services.store_photo(seeker=holder, actor=holder.user, upload=_jpeg(1000, 500))
    with Image.open(io.BytesIO(services.photo_bytes(holder))) as image:
        assert image.size == (300, 400) and not image.getexif()


def test_the_seeker_uploads_and_sees_only_their_own_photo(client, holder):
    other = JobSeekerFactory(verified=True)
    client.force_login(holder.user)
    assert client.get("/seeker/photo/").status_code == 200
    response = client.post("/seeker/photo/", {"file": _jpeg()})
    assert response.status_code == 302
    assert client.get("/seeker/photo/file.jpg")["Content-Type"] == "image/jpeg"
    client.force_login(other.user)
    assert client.get("/seeker/photo/file.jpg").status_code == 404
    bad = client.post(
        "/seeker/photo/", {"file": SimpleUploadedFile("a.gif", b"GIF89a", "image/gif")}
    )
    assert bad.status_code == 400


def test_an_officer_of_the_region_stores_the_photo_taken_at_the_counter(client, holder, bob):
    officer = holder.verified_by
    client.force_login(officer)
    holder.photo.delete()
    response = client.post(f"/officer/seekers/{holder.pk}/photo/", {"file": _jpeg(800, 600)})
    assert response.status_code == 302
    assert services.photo_bytes(holder) is not None
    assert client.get(f"/officer/seekers/{holder.pk}/photo.jpg")["Content-Type"] == "image/jpeg"
    client.force_login(bob)  # an officer of another regency
    assert client.get(f"/officer/seekers/{holder.pk}/photo.jpg").status_code == 404
