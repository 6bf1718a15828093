"""The files a seeker gives: the CV, the card photo and the copies of documents (KTP, ijazah,
certificates), kept in private storage."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jobseekers.models.seekers import JobSeeker


class CVDocument(models.Model):
    """A seeker's CV: a PDF stored under a generated name in MEDIA_ROOT (never served directly)."""

    seeker = models.OneToOneField(JobSeeker, on_delete=models.CASCADE, related_name="cv")
    stored_name = models.CharField(_("stored file name"), max_length=64, unique=True)
    original_name = models.CharField(_("file name"), max_length=150)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    class Meta:
        verbose_name = _("CV")
        verbose_name_plural = _("CVs")

    def __str__(self) -> str:
        return self.original_name


class SeekerPhoto(models.Model):
    """The pas foto printed on the AK/I card: re-encoded as a 3 x 4 JPEG (no metadata) under a
    generated name in MEDIA_ROOT, served only to the seeker and scoped officers, like the CV."""

    seeker = models.OneToOneField(JobSeeker, on_delete=models.CASCADE, related_name="photo")
    stored_name = models.CharField(_("stored file name"), max_length=64, unique=True)
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self) -> str:
        return self.stored_name


class SeekerDocument(models.Model):
    """A copy of a document the counter checks (KTP, ijazah, certificates...): uploaded by the
    seeker or scanned by an officer. Kept like the CV: a generated name in MEDIA_ROOT, never a
    public URL, served only to the seeker and officers of their region (every read audited);
    a PDF checked by its first bytes, an image re-encoded without its metadata. Deleted with the
    CV by the retention job and by anonymisation."""

    class Format(models.TextChoices):
        PDF = "pdf", "PDF"
        JPEG = "jpeg", "JPEG"

    seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("document"), max_length=12, choices=JobSeeker.Document.choices)
    stored_name = models.CharField(_("stored file name"), max_length=64, unique=True)
    original_name = models.CharField(_("file name"), max_length=150)
    file_format = models.CharField(_("format"), max_length=4, choices=Format.choices)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["kind", "uploaded_at", "id"]
        verbose_name = _("document copy")
        verbose_name_plural = _("document copies")

    def __str__(self) -> str:
        return f"{self.kind}: {self.original_name}"

    @property
    def content_type(self) -> str:
        return "application/pdf" if self.file_format == self.Format.PDF else "image/jpeg"
