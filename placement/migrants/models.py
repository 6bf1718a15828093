"""Prospective migrant workers (CPMI) and the non-procedural cases the Disnaker records.

A CPMI must be registered as a job seeker at the Dinas Kab/Kota (Permenaker 9/2019) and meet the
requirements of UU 18/2017 (age, competence, health, social security, documents): the checklist
records each item with its date, the document and the officer who checked it.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from placement.accounts.scope import region_scope


class CpmiItemKind(models.TextChoices):
    FAMILY_PERMISSION = "family_permission", _("Permission of the family (spouse or parents)")
    HEALTH_CHECK = "health_check", _("Health check")
    PSYCHOLOGICAL_TEST = "psychological_test", _("Psychological test")
    COMPETENCE = "competence", _("Competence certificate")
    BLKLN_TRAINING = "blkln_training", _("Pre-departure training (BLK-LN)")
    PASSPORT = "passport", _("Passport")
    BPJS = "bpjs", _("BPJS Ketenagakerjaan (social security)")


class CpmiRecord(models.Model):
    """A seeker's prospective-migrant record, opened when they opt into work abroad."""

    seeker = models.OneToOneField(
        "jobseekers.JobSeeker", on_delete=models.CASCADE, related_name="cpmi"
    )
    destination_country = models.CharField(_("destination country"), max_length=100, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    opened_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(_("checklist complete on"), null=True, blank=True)

    class Meta:
        verbose_name = _("prospective migrant worker (CPMI)")
        verbose_name_plural = _("prospective migrant workers (CPMI)")

    def __str__(self) -> str:
        return f"CPMI {self.seeker_id}"

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None


class CpmiItem(models.Model):
    """One requirement of the checklist, checked by an officer."""

    record = models.ForeignKey(CpmiRecord, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(_("requirement"), max_length=20, choices=CpmiItemKind.choices)
    done_on = models.DateField(_("date of the document"))
    reference = models.CharField(_("document number"), max_length=100, blank=True)
    # The scanned document: stored under a generated name in MEDIA_ROOT, never served directly.
    stored_name = models.CharField(max_length=64, blank=True)
    original_name = models.CharField(_("file name"), max_length=150, blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    checked_at = models.DateTimeField(default=timezone.now)
    note = models.CharField(_("note"), max_length=255, blank=True)

    class Meta:
        ordering = ["kind"]
        verbose_name = _("CPMI requirement")
        verbose_name_plural = _("CPMI requirements")
        constraints = [
            models.UniqueConstraint(fields=["record", "kind"], name="cpmiitem_record_kind")
        ]

    def __str__(self) -> str:
        return self.get_kind_display()


def phone_digits(value: str) -> str:
    """A phone number reduced to its digits, 0-prefixed (+62 812.. and 0812.. are the same)."""
    digits = re.sub(r"\D", "", value or "")
    if digits.startswith("62"):
        digits = "0" + digits[2:]
    return digits


class CaseQuerySet(models.QuerySet):
    def visible_to(self, user) -> CaseQuerySet:
        """Cases of the officer's region (national: all)."""
        return region_scope(user).filter(self, "regency")


class Case(models.Model):
    """A report of non-procedural placement (PMI nonprosedural) or of a placement abuse."""

    class Kind(models.TextChoices):
        UNLICENSED = "unlicensed", _("Unlicensed recruiter")
        FEES = "fees", _("Fees charged to job seekers")
        FAKE_JOB_ORDER = "fake_job_order", _("Fake job order")
        NO_DOCUMENTS = "no_documents", _("Departure without documents")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        NEW = "new", _("New (reported by the public)")
        OPEN = "open", _("Open")
        FOLLOW_UP = "follow_up", _("In follow-up")
        REFERRED = "referred", _("Handed to the police or BP2MI/KP2MI")
        RESOLVED = "resolved", _("Resolved")
        UNFOUNDED = "unfounded", _("Closed: unfounded")

    CLOSED_STATUSES = frozenset({Status.RESOLVED, Status.UNFOUNDED})

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="open")
    reported_on = models.DateField(_("reported on"), default=timezone.localdate)
    regency = models.ForeignKey(
        "taxonomy.Regency",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("regency/city"),
    )
    summary = models.TextField(_("what happened"))
    agency = models.ForeignKey(
        "registers.Agency",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
        verbose_name=_("agency in the register"),
    )
    agency_name = models.CharField(_("agency or recruiter named"), max_length=200, blank=True)
    phone = models.CharField(_("phone number used"), max_length=30, blank=True)
    phone_digits = models.CharField(max_length=20, blank=True, db_index=True)
    job_order_number = models.CharField(_("job order number shown"), max_length=100, blank=True)
    people = models.TextField(
        _("people involved"),
        blank=True,
        help_text=_("Victims, witnesses and recruiters: names and roles, one per line."),
    )
    country = models.CharField(_("destination country"), max_length=100, blank=True)
    follow_up = models.TextField(_("follow-up"), blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    reporter_contact = models.CharField(_("reporter's contact"), max_length=150, blank=True)
    from_public = models.BooleanField(_("reported through the public site"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-reported_on", "-id"]
        verbose_name = _("non-procedural case")
        verbose_name_plural = _("non-procedural cases")
        indexes = [
            models.Index(fields=["regency", "reported_on"]),
            models.Index(fields=["agency_name"]),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.get_kind_display()}"

    @property
    def reference(self) -> str:
        return f"KASUS-{self.pk:06d}" if self.pk else ""

    @property
    def is_closed(self) -> bool:
        return self.status in self.CLOSED_STATUSES
