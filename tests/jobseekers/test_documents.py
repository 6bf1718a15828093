"""Copies of the documents the counter checks (issue 15): private, checked by content, images
re-encoded without metadata, served only to the person and the officers of their region (404
otherwise), every read audited, deleted by retention and anonymisation."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from jobseekers import services
from jobseekers.models import JobSeeker, SeekerDocument
from placement.accounts.models import AuditEvent
from placement.privacy.anonymise import anonymise_seeker
from placement.privacy.retention import apply_retention
from tests.factories import JobSeekerFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _jpeg_with_gps(width=1200, height=800) -> bytes:
    """A JPEG carrying EXIF metadata (camera and a GPS position), as a phone writes it."""
    image = Image.new("RGB", (width, height), (20, 120, 200))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x8825] = {1: "S", 2: (2.0, 12.0, 30.0)}  # GPS latitude, near Palangka Raya
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


def _upload(content: bytes, name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


@pytest.fixture
def holder(settings, tmp_path):
    """A verified seeker of 62.71 (alice's region)."""
    settings.MEDIA_ROOT = tmp_path
    return JobSeekerFactory(verified=True, regency_id="62.71")


def _path(document: SeekerDocument):
    return services.seeker_document_path(document)


def test_a_pdf_is_kept_as_sent_under_a_generated_name(holder, settings):
    document = services.store_document(
        seeker=holder, actor=holder.user, kind="ijazah", upload=_upload(PDF, "../Ijazah SMK.pdf")
    )
    assert _path(document).read_bytes() == PDF
    assert _path(document).parent == settings.MEDIA_ROOT / "documents"
    assert "Ijazah" not in document.stored_name and document.original_name == "Ijazah SMK.pdf"
    assert not str(settings.MEDIA_ROOT).startswith(str(settings.STATIC_ROOT))


def test_a_photo_of_the_ktp_is_re_encoded_without_its_metadata(holder):
    original = _jpeg_with_gps(3000, 2000)
    with Image.open(io.BytesIO(original)) as image:
        assert image.getexif()  # the test's own premise: the upload carries EXIF
    document = services.store_document(
        seeker=holder, actor=holder.user, kind="ktp", upload=_upload(original, "ktp.jpeg")
    )
    stored = _path(document).read_bytes()
    assert stored != original and document.file_format == "jpeg"
    with Image.open(io.BytesIO(stored)) as image:
        assert not image.getexif() and image.info.get("exif") is None
        assert max(image.size) == 2000  # shrunk, still legible
    assert document.original_name == "ktp.jpeg.jpg"


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (b"MZ\x90\x00 a program", "ktp.pdf"),
        (b"<html><script>alert(1)</script>", "ktp.jpg"),
        (b"GIF89a\x01\x00\x01\x00", "ktp.gif"),
        (b"\xff\xd8\xff\xe0 not really a jpeg", "ktp.jpg"),
        (b"", "ktp.pdf"),
    ],
)
def test_anything_but_a_pdf_or_a_real_image_is_refused_and_nothing_kept(
    holder, settings, content, name
):
    with pytest.raises(ValidationError):
        services.store_document(
            seeker=holder, actor=holder.user, kind="ktp", upload=_upload(content, name)
        )
    assert not SeekerDocument.objects.exists()
    folder = settings.MEDIA_ROOT / "documents"
    assert not folder.exists() or not any(folder.iterdir())


def test_a_file_over_the_size_cap_is_refused(holder, settings):
    settings.ANTARKERJA = {**settings.ANTARKERJA, "DOCUMENT_MAX_BYTES": 1024}
    with pytest.raises(ValidationError) as error:
        services.store_document(
            seeker=holder, actor=holder.user, kind="ktp", upload=_upload(PDF + b"0" * 2000, "k.pdf")
        )
    assert error.value.code == "too_large"


def test_the_seeker_uploads_opens_and_deletes_their_own_copies(
    client, holder, django_capture_on_commit_callbacks
):
    client.force_login(holder.user)
    assert client.get("/seeker/documents/").status_code == 200
    response = client.post(
        "/seeker/documents/", {"kind": "ijazah", "file": _upload(PDF, "ijazah.pdf")}
    )
    assert response.status_code == 302
    document = SeekerDocument.objects.get(seeker=holder)
    opened = client.get(f"/seeker/documents/{document.pk}/")
    assert opened.status_code == 200 and opened["Content-Type"] == "application/pdf"
    assert b"".join(opened.streaming_content) == PDF
    assert opened["Cache-Control"] == "private, no-store"
    assert AuditEvent.objects.filter(
        action="view", object_type="jobseekers.seekerdocument", object_id=str(document.pk)
    ).exists()
    with django_capture_on_commit_callbacks(execute=True):
        deleted = client.post(f"/seeker/documents/{document.pk}/delete/")
    assert deleted.status_code == 302
    assert not SeekerDocument.objects.exists() and not _path(document).exists()


def test_a_bad_upload_errs_on_the_field_and_keeps_nothing(client, holder):
    client.force_login(holder.user)
    response = client.post(
        "/seeker/documents/", {"kind": "ktp", "file": _upload(b"PK\x03\x04 docx", "ktp.docx")}
    )
    assert response.status_code == 400
    assert 'id="id_file_error"' in response.content.decode()
    assert not SeekerDocument.objects.exists()


def test_another_seeker_gets_404_for_a_copy_that_is_not_theirs(client, holder):
    document = services.store_document(
        seeker=holder, actor=holder.user, kind="ktp", upload=_upload(PDF, "ktp.pdf")
    )
    other = JobSeekerFactory(verified=True)
    client.force_login(other.user)
    assert client.get(f"/seeker/documents/{document.pk}/").status_code == 404
    assert client.post(f"/seeker/documents/{document.pk}/delete/").status_code == 404
    assert SeekerDocument.objects.filter(pk=document.pk).exists()


def test_anonymous_visitors_are_sent_to_sign_in_and_no_file_is_public(client, holder, settings):
    document = services.store_document(
        seeker=holder, actor=holder.user, kind="ktp", upload=_upload(PDF, "ktp.pdf")
    )
    response = client.get(f"/seeker/documents/{document.pk}/")
    assert response.status_code == 302 and "/login" in response["Location"]
    assert client.get(f"/media/documents/{document.stored_name}").status_code == 404


def test_an_officer_of_the_region_keeps_a_scan_and_opens_it_audited(client, holder, alice):
    client.force_login(alice)
    response = client.post(
        f"/officer/seekers/{holder.pk}/documents/",
        {"kind": "certificate", "file": _upload(_jpeg_with_gps(), "sertifikat.jpg")},
    )
    assert response.status_code == 302
    document = SeekerDocument.objects.get(seeker=holder)
    assert document.uploaded_by == alice
    page = client.get(f"/officer/seekers/{holder.pk}/").content.decode()
    assert f"/officer/seekers/{holder.pk}/documents/{document.pk}/" in page
    opened = client.get(f"/officer/seekers/{holder.pk}/documents/{document.pk}/")
    assert opened.status_code == 200 and opened["Content-Type"] == "image/jpeg"
    read = AuditEvent.objects.filter(
        actor=alice, action="view", object_type="jobseekers.seekerdocument"
    )
    assert read.count() == 1 and read.get().detail["kind"] == "certificate"


def test_an_officer_of_another_office_gets_404(client, holder, bob):
    document = services.store_document(
        seeker=holder, actor=holder.user, kind="ktp", upload=_upload(PDF, "ktp.pdf")
    )
    client.force_login(bob)
    assert client.get(f"/officer/seekers/{holder.pk}/documents/{document.pk}/").status_code == 404
    assert (
        client.post(f"/officer/seekers/{holder.pk}/documents/{document.pk}/delete/").status_code
        == 404
    )
    upload = client.post(
        f"/officer/seekers/{holder.pk}/documents/", {"kind": "ktp", "file": _upload(PDF, "k.pdf")}
    )
    assert upload.status_code == 404
    assert SeekerDocument.objects.filter(seeker=holder).count() == 1


def test_a_copy_is_not_reachable_through_another_seekers_address(client, holder, alice):
    """The document id must belong to the seeker in the address (no id guessing across files)."""
    other = JobSeekerFactory(verified=True, regency_id="62.71")
    document = services.store_document(
        seeker=other, actor=other.user, kind="ktp", upload=_upload(PDF, "ktp.pdf")
    )
    client.force_login(alice)
    assert client.get(f"/officer/seekers/{holder.pk}/documents/{document.pk}/").status_code == 404


def test_anonymisation_deletes_the_copies_and_the_photo(
    holder, alice, django_capture_on_commit_callbacks
):
    document = services.store_document(
        seeker=holder, actor=holder.user, kind="ktp", upload=_upload(PDF, "ktp.pdf")
    )
    photo = services.store_photo(
        seeker=holder, actor=holder.user, upload=_upload(_jpeg_with_gps(), "foto.jpg")
    )
    paths = [_path(document), services.photo_path(photo)]
    assert all(path.exists() for path in paths)

    with django_capture_on_commit_callbacks(execute=True):
        anonymise_seeker(seeker=holder, actor=alice)

    assert not SeekerDocument.objects.filter(seeker=holder).exists()
    assert not hasattr(JobSeeker.objects.get(pk=holder.pk), "photo")
    assert not any(path.exists() for path in paths)


def test_retention_deletes_the_copies_of_a_registration_removed_long_ago(
    holder, settings, django_capture_on_commit_callbacks
):
    settings.PRIVACY_RETENTION = {
        "FILES_AFTER_REMOVAL_YEARS": 2,
        "ANONYMISE_AFTER_REMOVAL_YEARS": 5,
        "READ_AUDIT_YEARS": 2,
    }
    recent = JobSeekerFactory(verified=True)
    for seeker in (holder, recent):
        services.store_document(
            seeker=seeker, actor=seeker.user, kind="ktp", upload=_upload(PDF, "ktp.pdf")
        )
    removed_on = timezone.localdate() - timedelta(days=3 * 366)
    JobSeeker.objects.filter(pk=holder.pk).update(
        status=JobSeeker.Status.REMOVED, removal_reason="missed_report", removed_on=removed_on
    )
    gone = SeekerDocument.objects.get(seeker=holder)

    dry = apply_retention(dry_run=True)
    assert dry.files == 1 and SeekerDocument.objects.filter(seeker=holder).exists()
    with django_capture_on_commit_callbacks(execute=True):
        report = apply_retention()

    assert report.files == 1 and report.files_seekers == [holder.pk]
    assert not SeekerDocument.objects.filter(seeker=holder).exists()
    assert not _path(gone).exists()
    assert SeekerDocument.objects.filter(seeker=recent).exists()
    assert JobSeeker.objects.get(pk=holder.pk).anonymised_on is None  # files only, not yet erased


def test_my_data_lists_the_copies(holder):
    services.store_document(
        seeker=holder, actor=holder.user, kind="ijazah", upload=_upload(PDF, "ijazah.pdf")
    )
    data = services.export_seeker_data(seeker=holder, actor=holder.user)
    assert [d["document"] for d in data["documents"]] == ["ijazah"]
    assert any(e["object_type"] == "jobseekers.seekerdocument" for e in data["processing_log"])


def test_a_registration_keeps_at_most_twenty_copies(holder):
    for _ in range(20):
        services.store_document(
            seeker=holder, actor=holder.user, kind="certificate", upload=_upload(PDF, "s.pdf")
        )
    with pytest.raises(ValidationError) as error:
        services.store_document(
            seeker=holder, actor=holder.user, kind="certificate", upload=_upload(PDF, "s.pdf")
        )
    assert error.value.code == "too_many"
