"""The CV (PDF only by content), the card photo (JPEG/PNG, re-encoded) and copies of the
documents the counter checks (PDF by content, or an image re-encoded): size-capped, stored under
a generated name outside the web root, never under a public URL."""

from __future__ import annotations

import io
import uuid
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

from jobseekers.models import CVDocument, JobSeeker, SeekerDocument, SeekerPhoto
from jobseekers.services.rules import CV_MAX_BYTES, PDF_MAGIC, rules
from placement.accounts.audit import Via, audit
from placement.accounts.models import AuditEvent, User

Action = AuditEvent.Action


# --- CV ------------------------------------------------------------------------------------------
def cv_max_bytes() -> int:
    return int(rules().get("CV_MAX_BYTES", CV_MAX_BYTES))


def check_cv_upload(upload: UploadedFile) -> None:
    """PDF only, size-capped, checked by its first bytes (not by its name or declared type)."""
    if upload.size is None or upload.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    if upload.size > cv_max_bytes():
        raise ValidationError(
            _("The file is larger than %(size)d MB.") % {"size": cv_max_bytes() // (1024 * 1024)},
            code="too_large",
        )
    upload.seek(0)
    head = upload.read(len(PDF_MAGIC))
    upload.seek(0)
    if head != PDF_MAGIC:
        raise ValidationError(_("The file is not a PDF. Save your CV as PDF."), code="not_pdf")


def cv_path(cv: CVDocument) -> Path:
    return Path(settings.MEDIA_ROOT) / "cv" / cv.stored_name


def _safe_file_name(name: str, extension: str = "pdf", stem: str = "cv") -> str:
    """The uploaded name, cut to safe characters, ending in the stored format's extension."""
    fallback = f"{stem}.{extension}"
    stem = Path(name or fallback).name
    cleaned = "".join(ch for ch in stem if ch.isalnum() or ch in " ._-()").strip() or fallback
    if not cleaned.lower().endswith(f".{extension}"):
        cleaned += f".{extension}"
    return cleaned[-150:]


@transaction.atomic
def store_cv(*, seeker: JobSeeker, actor: User, upload: UploadedFile) -> CVDocument:
    """Store a CV under a generated name outside the web root, replacing the previous one."""
    check_cv_upload(upload)
    directory = Path(settings.MEDIA_ROOT) / "cv"
    directory.mkdir(parents=True, exist_ok=True)
    stored_name = f"{uuid.uuid4().hex}.pdf"
    target = directory / stored_name
    with open(target, "xb") as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
    old = CVDocument.objects.filter(seeker=seeker).first()
    if old is not None:
        old_path = cv_path(old)
        old.delete()
        transaction.on_commit(lambda: old_path.unlink(missing_ok=True))
    try:
        cv = CVDocument.objects.create(
            seeker=seeker,
            stored_name=stored_name,
            original_name=_safe_file_name(upload.name),
            size=upload.size,
        )
    except Exception:
        target.unlink(missing_ok=True)
        raise
    audit(actor=actor, action=Action.CREATE, obj=cv, seeker=seeker.pk)
    return cv


@transaction.atomic
def delete_cv(*, seeker: JobSeeker, actor: User) -> None:
    """Delete the seeker's CV and its file."""
    cv = CVDocument.objects.filter(seeker=seeker).first()
    if cv is None:
        return
    path = cv_path(cv)
    audit(actor=actor, action=Action.DELETE, obj=cv, seeker=seeker.pk)
    cv.delete()
    transaction.on_commit(lambda: path.unlink(missing_ok=True))


# --- The card photo ------------------------------------------------------------------------------
PHOTO_MAX_BYTES = 5 * 1024 * 1024
PHOTO_MAX_PIXELS = 40_000_000  # a larger image is refused before it is decoded (no pixel bomb)
PHOTO_SIZE = (300, 400)  # 3 x 4, enough for 30 x 40 mm at 250 dpi


def photo_path(photo: SeekerPhoto) -> Path:
    return Path(settings.MEDIA_ROOT) / "photos" / photo.stored_name


def _read_capped(upload: UploadedFile, max_bytes: int, too_large) -> bytes:
    if upload.size is None or upload.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    if upload.size > max_bytes:
        raise ValidationError(too_large % {"size": max_bytes // (1024 * 1024)}, code="too_large")
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return data


def _reencoded_jpeg(data: bytes, *, not_image, fit=None, max_side: int = 0) -> bytes:
    """A JPEG or PNG decoded and written again as a JPEG: turned upright, cropped to `fit` or
    shrunk to `max_side`, without EXIF or other metadata (location and device dropped)."""
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.format not in ("JPEG", "PNG"):
                raise ValidationError(not_image, code="not_image")
            if probe.width * probe.height > PHOTO_MAX_PIXELS:
                raise ValidationError(_("The image has too many pixels."), code="too_large")
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            image = ImageOps.exif_transpose(image).convert("RGB")
            if fit:
                image = ImageOps.fit(image, fit, method=Image.Resampling.LANCZOS)
            elif max_side:
                image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
            out = io.BytesIO()
            image.save(out, format="JPEG", quality=88)  # no exif= given: no metadata written
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, SyntaxError):
        raise ValidationError(not_image, code="not_image") from None
    return out.getvalue()


def _photo_jpeg(upload: UploadedFile) -> bytes:
    """The upload as a 3 x 4 JPEG cropped from the centre, or a ValidationError on the field."""
    data = _read_capped(upload, PHOTO_MAX_BYTES, _("The photo is larger than %(size)d MB."))
    return _reencoded_jpeg(data, not_image=_("Upload a JPEG or PNG photo."), fit=PHOTO_SIZE)


@transaction.atomic
def store_photo(*, seeker: JobSeeker, actor: User, upload: UploadedFile) -> SeekerPhoto:
    """Store the card photo (cropped to 3 x 4, re-encoded), replacing the previous one."""
    jpeg = _photo_jpeg(upload)
    directory = Path(settings.MEDIA_ROOT) / "photos"
    directory.mkdir(parents=True, exist_ok=True)
    stored_name = f"{uuid.uuid4().hex}.jpg"
    target = directory / stored_name
    target.write_bytes(jpeg)
    old = SeekerPhoto.objects.filter(seeker=seeker).first()
    if old is not None:
        old_path = photo_path(old)
        old.delete()
        transaction.on_commit(lambda: old_path.unlink(missing_ok=True))
    try:
        photo = SeekerPhoto.objects.create(
            seeker=seeker, stored_name=stored_name, uploaded_by=actor
        )
    except Exception:
        target.unlink(missing_ok=True)
        raise
    audit(actor=actor, action=Action.CREATE, obj=photo, seeker=seeker.pk)
    return photo


def photo_bytes(seeker: JobSeeker) -> bytes | None:
    """The stored JPEG of the seeker's photo, or None."""
    photo = SeekerPhoto.objects.filter(seeker=seeker).first()
    if photo is None:
        return None
    path = photo_path(photo)
    return path.read_bytes() if path.is_file() else None


# --- Copies of the documents the counter checks --------------------------------------------------
DOCUMENT_MAX_BYTES = 5 * 1024 * 1024
DOCUMENT_MAX_SIDE = 2000  # pixels: a KTP or an ijazah stays legible, the file small
DOCUMENTS_PER_SEEKER = 20
JPEG_MAGIC, PNG_MAGIC = b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n"


def document_max_bytes() -> int:
    return int(rules().get("DOCUMENT_MAX_BYTES", DOCUMENT_MAX_BYTES))


def seeker_document_path(document: SeekerDocument) -> Path:
    return Path(settings.MEDIA_ROOT) / "documents" / document.stored_name


def _document_content(upload: UploadedFile) -> tuple[bytes, str]:
    """The bytes to store and their format: a PDF as sent (checked by its first bytes), a JPEG or
    PNG re-encoded as JPEG without metadata; anything else refused on the field."""
    data = _read_capped(upload, document_max_bytes(), _("The file is larger than %(size)d MB."))
    if data.startswith(PDF_MAGIC):
        return data, SeekerDocument.Format.PDF
    if data.startswith((JPEG_MAGIC, PNG_MAGIC)):
        not_image = _("The file is not a readable JPEG or PNG image.")
        jpeg = _reencoded_jpeg(data, not_image=not_image, max_side=DOCUMENT_MAX_SIDE)
        return jpeg, SeekerDocument.Format.JPEG
    raise ValidationError(
        _("Upload a PDF, or a photo or scan as JPEG or PNG."), code="not_document"
    )


@transaction.atomic
def store_document(
    *, seeker: JobSeeker, actor: User, kind: str, upload: UploadedFile, via: Via = "web"
) -> SeekerDocument:
    """Keep a copy of one of the seeker's documents (KTP, ijazah, certificate...) privately."""
    if kind not in JobSeeker.Document.values:
        raise ValidationError({"kind": [_("Choose a document from the list.")]})
    if seeker.anonymised_on is not None:
        raise ValidationError(_("This registration was erased."), code="state")
    if SeekerDocument.objects.filter(seeker=seeker).count() >= DOCUMENTS_PER_SEEKER:
        raise ValidationError(
            _("At most %(count)d documents are kept: delete one first.")
            % {"count": DOCUMENTS_PER_SEEKER},
            code="too_many",
        )
    content, file_format = _document_content(upload)
    directory = Path(settings.MEDIA_ROOT) / "documents"
    directory.mkdir(parents=True, exist_ok=True)
    extension = "pdf" if file_format == SeekerDocument.Format.PDF else "jpg"
    stored_name = f"{uuid.uuid4().hex}.{extension}"
    target = directory / stored_name
    with open(target, "xb") as handle:
        handle.write(content)
    try:
        document = SeekerDocument.objects.create(
            seeker=seeker,
            kind=kind,
            stored_name=stored_name,
            original_name=_safe_file_name(upload.name, extension, kind),
            file_format=file_format,
            size=len(content),
            uploaded_by=actor,
        )
        audit(actor=actor, action=Action.CREATE, obj=document, seeker=seeker.pk, kind=kind, via=via)
    except Exception:
        target.unlink(missing_ok=True)
        raise
    return document


@transaction.atomic
def delete_document(*, document: SeekerDocument, actor: User, via: Via = "web") -> None:
    """Delete a document copy and its file (the file goes once the deletion is committed)."""
    path = seeker_document_path(document)
    audit(
        actor=actor,
        action=Action.DELETE,
        obj=document,
        seeker=document.seeker_id,
        kind=document.kind,
        via=via,
    )
    document.delete()
    transaction.on_commit(lambda: path.unlink(missing_ok=True))


def seeker_file_paths(seeker: JobSeeker) -> list[Path]:
    """Every stored file of the seeker (CV, photo, document copies): what erasure deletes."""
    paths = [cv_path(cv) for cv in CVDocument.objects.filter(seeker=seeker)]
    paths += [photo_path(photo) for photo in SeekerPhoto.objects.filter(seeker=seeker)]
    paths += [seeker_document_path(d) for d in SeekerDocument.objects.filter(seeker=seeker)]
    return paths


def delete_seeker_files(seeker: JobSeeker) -> list[Path]:
    """Delete the rows of every stored file of the seeker; returns the paths, for the caller to
    unlink once its transaction commits."""
    paths = seeker_file_paths(seeker)
    CVDocument.objects.filter(seeker=seeker).delete()
    SeekerPhoto.objects.filter(seeker=seeker).delete()
    SeekerDocument.objects.filter(seeker=seeker).delete()
    return paths
