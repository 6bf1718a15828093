"""Bulk imports of employer and vacancy files: the run, the saved column mapping of a source, the
parts of a large file (employers/import_*.py do the work)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportRun(models.Model):
    """One bulk import of employers or vacancies by an officer, with its row-by-row errors."""

    class Kind(models.TextChoices):
        EMPLOYERS = "employers", _("Employers")
        VACANCIES = "vacancies", _("Vacancies")

    class Policy(models.TextChoices):
        SKIP = "skip", _("Import the good rows and skip the bad ones")
        ALL_OR_NOTHING = "all", _("Import nothing if any row is bad")

    class Status(models.TextChoices):
        HANDED = "handed", _("Handed over by another office")
        MAPPING = "mapping", _("Waiting for the column mapping")
        PENDING = "pending", _("Waiting")
        RUNNING = "running", _("Running")
        DONE = "done", _("Finished")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("what"), max_length=10, choices=Kind.choices)
    policy = models.CharField(_("if a row is bad"), max_length=4, choices=Policy.choices)
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.PENDING
    )
    file_name = models.CharField(_("file"), max_length=255)
    stored_name = models.CharField(max_length=100)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    rows_total = models.PositiveIntegerField(_("rows"), default=0)
    rows_imported = models.PositiveIntegerField(_("imported"), default=0)
    rows_failed = models.PositiveIntegerField(_("rows with errors"), default=0)
    rows_updated = models.PositiveIntegerField(_("updated"), default=0)
    rows_review = models.PositiveIntegerField(_("in review"), default=0)
    rows_set_aside = models.PositiveIntegerField(_("set aside"), default=0)
    rows_duplicates = models.PositiveIntegerField(_("likely duplicates"), default=0)
    rows_warned = models.PositiveIntegerField(_("with warnings"), default=0)
    profile = models.ForeignKey(
        "employers.ImportProfile",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # {our field: the file's column} used for this run (suggested, or from the profile).
    mapping = models.JSONField(default=dict, blank=True)
    # Rows another office's file set aside for this office: the office whose officers see it,
    # and the run they came from (None for a file an officer uploaded).
    office = models.ForeignKey(
        "offices.Office", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    handed_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="handoffs"
    )
    # [[row, column, reason, value], ...]: the downloadable error report.
    errors = models.JSONField(default=list, blank=True)
    message = models.CharField(_("message"), max_length=255, blank=True)
    seconds = models.FloatField(_("seconds"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self) -> str:
        return f"{self.kind} {self.file_name}"


class ImportProfile(models.Model):
    """A saved column mapping ("loker.id", "Dealls"), picked when a file's headers match."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    headers = models.JSONField(_("columns"), default=list)  # sorted normalised header names
    mapping = models.JSONField(default=dict)  # {our field: the file's column}
    defaults = models.JSONField(default=dict, blank=True)  # {our field: value when missing}
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("import profile")
        verbose_name_plural = _("import profiles")

    def __str__(self) -> str:
        return self.name


class ImportChunk(models.Model):
    """One part of a large import, run as its own task (parts run in parallel on the workers);
    the last part to finish completes the run (`employers.import_chunks`)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        RUNNING = "running", _("Running")
        DONE = "done", _("Finished")
        FAILED = "failed", _("Failed")

    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="chunks")
    index = models.PositiveIntegerField()
    stored_name = models.CharField(max_length=100)
    rows = models.PositiveIntegerField(default=0)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.PENDING)
    counts = models.JSONField(default=dict, blank=True)  # {"total": .., "imported": .., ...}
    aside = models.JSONField(default=list, blank=True)  # [[office pk, stored name, rows], ...]
    message = models.CharField(max_length=255, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["run", "index"]
        constraints = [
            models.UniqueConstraint(fields=["run", "index"], name="importchunk_unique_index")
        ]

    def __str__(self) -> str:
        return f"{self.run_id}/{self.index}"
