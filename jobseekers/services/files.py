"""The CV (PDF only by content) and the card photo (JPEG/PNG, re-encoded): size-capped, stored
under a generated name outside the web root."""

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

from jobseekers.models import CVDocument, JobSeeker, SeekerPhoto
from jobseekers.services.rules import CV_MAX_BYTES, PDF_MAGIC, rules
from placement.accounts.audit import audit
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


def _safe_display_name(name: str) -> str:
    stem = Path(name or "cv.pdf").name
    cleaned = "".join(ch for ch in stem if ch.isalnum() or ch in " ._-()").strip() or "cv.pdf"
    if not cleaned.lower().endswith(".pdf"):
        cleaned += ".pdf"
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
            original_name=_safe_display_name(upload.name),
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


def _photo_jpeg(upload: UploadedFile) -> bytes:
    """The upload as a 3 x 4 JPEG cropped from the centre, or a ValidationError on the field."""
    if upload.size is None or upload.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    if upload.size > PHOTO_MAX_BYTES:
        raise ValidationError(
            _("The photo is larger than %(size)d MB.") % {"size": PHOTO_MAX_BYTES // (1024 * 1024)},
            code="too_large",
        )
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.format not in ("JPEG", "PNG"):
                raise ValidationError(_("Upload a JPEG or PNG photo."), code="not_image")
            if probe.width * probe.height > PHOTO_MAX_PIXELS:
                raise ValidationError(_("The photo has too many pixels."), code="too_large")
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            image = ImageOps.exif_transpose(image).convert("RGB")
            image = ImageOps.fit(image, PHOTO_SIZE, method=Image.Resampling.LANCZOS)
            out = io.BytesIO()
            image.save(out, format="JPEG", quality=88)  # no EXIF: location and device dropped
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, SyntaxError):
        raise ValidationError(_("Upload a JPEG or PNG photo."), code="not_image") from None
    return out.getvalue()


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
