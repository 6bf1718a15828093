"""CV upload: PDF only by content, size-capped, stored under a generated name, served checked."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from jobseekers.models import CVDocument
from tests.factories import JobSeekerFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def seeker_client(client, db):
    seeker = JobSeekerFactory(verified=True)
    client.force_login(seeker.user)
    client.seeker = seeker
    return client


def upload(client, content: bytes, name: str = "CV Dewi.pdf"):
    return client.post("/seeker/cv/", {"file": SimpleUploadedFile(name, content)})


def test_a_pdf_is_stored_under_a_generated_name_outside_the_web_root(seeker_client, settings):
    response = upload(seeker_client, PDF, name="../../etc/CV Dewi.pdf")
    assert response["Location"] == "/seeker/cv/"
    cv = CVDocument.objects.get(seeker=seeker_client.seeker)
    stored = settings.MEDIA_ROOT / "cv" / cv.stored_name
    assert stored.read_bytes() == PDF
    assert "Dewi" not in cv.stored_name and cv.stored_name.endswith(".pdf")
    assert cv.original_name == "CV Dewi.pdf"
    assert not str(settings.MEDIA_ROOT).startswith(str(settings.STATIC_ROOT))


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (b"MZ\x90\x00 not a pdf at all", "cv.pdf"),  # a program renamed to .pdf
        (b"<html><script>alert(1)</script>", "cv.pdf"),
        (b"", "cv.pdf"),
        (b"PK\x03\x04 a docx", "cv.docx"),
    ],
)
def test_anything_but_a_pdf_errs_on_the_field_and_saves_nothing(
    seeker_client, content, name, settings
):
    response = upload(seeker_client, content, name=name)
    assert response.status_code == 200
    assert 'id="id_file_error"' in response.content.decode()
    assert not CVDocument.objects.exists()
    assert not (settings.MEDIA_ROOT / "cv").exists() or not any(
        (settings.MEDIA_ROOT / "cv").iterdir()
    )


def test_a_file_over_the_size_cap_is_refused(seeker_client, settings):
    settings.ANTARKERJA = {**settings.ANTARKERJA, "CV_MAX_BYTES": 1024}
    response = upload(seeker_client, PDF + b"0" * 2000)
    assert 'id="id_file_error"' in response.content.decode()
    assert not CVDocument.objects.exists()


def test_the_seeker_downloads_their_cv_as_an_attachment(seeker_client):
    upload(seeker_client, PDF)
    response = seeker_client.get("/seeker/cv/file/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content) == PDF


def test_a_new_cv_replaces_the_old_file_once_saved(
    seeker_client, settings, django_capture_on_commit_callbacks
):
    upload(seeker_client, PDF)
    first = CVDocument.objects.get().stored_name
    with django_capture_on_commit_callbacks(execute=True):
        upload(seeker_client, PDF + b"%v2")
    cv = CVDocument.objects.get()
    assert cv.stored_name != first
    assert not (settings.MEDIA_ROOT / "cv" / first).exists()


def test_deleting_the_cv_removes_the_file(
    seeker_client, settings, django_capture_on_commit_callbacks
):
    upload(seeker_client, PDF)
    stored = settings.MEDIA_ROOT / "cv" / CVDocument.objects.get().stored_name
    assert seeker_client.get("/seeker/cv/delete/").status_code == 405
    with django_capture_on_commit_callbacks(execute=True):
        seeker_client.post("/seeker/cv/delete/")
    assert not CVDocument.objects.exists()
    assert not stored.exists()
    assert seeker_client.get("/seeker/cv/file/").status_code == 404


def test_only_the_seeker_and_officers_of_the_region_get_the_cv(
    client, seeker_client, alice, bob, erin
):
    upload(seeker_client, PDF)
    pk = seeker_client.seeker.pk
    client.force_login(alice)
    assert client.get(f"/officer/seekers/{pk}/cv/").status_code == 200
    client.force_login(bob)
    assert client.get(f"/officer/seekers/{pk}/cv/").status_code == 404
    client.force_login(erin)
    assert client.get(f"/officer/seekers/{pk}/cv/").status_code == 404
    assert client.get("/seeker/cv/file/").status_code == 404
