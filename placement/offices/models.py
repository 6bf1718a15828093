"""Manpower offices (Disnaker), the officers who work in them, what they did (the activity log)
and when the office last had contact with a seeker: the ground floor every app may use.

The tables keep their first names (`officers_*`): the models moved here from `officers/` without
copying data (see migrations/0001_initial.py).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class OfficeQuerySet(models.QuerySet):
    def in_scope(self, scope) -> OfficeQuerySet:
        """The offices of a region scope (regency offices carry their province too)."""
        if scope.everything:
            return self
        if scope.is_empty:
            return self.none()
        return self.filter(
            models.Q(regency_id__in=scope.regency_codes)
            | models.Q(province_id__in=scope.province_codes)
        )


class Office(models.Model):
    """A placement office bound to a region: the nation, a province or a regency/city."""

    class Level(models.TextChoices):
        NATIONAL = "national", _("National (Kemnaker)")
        PROVINCE = "province", _("Provincial office")
        REGENCY = "regency", _("Regency/city office")

    code = models.CharField(_("code"), max_length=5, unique=True)  # "00", "62", "62.71"
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    name = models.CharField(_("name"), max_length=200)
    province = models.ForeignKey(
        "taxonomy.Province", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    regency = models.OneToOneField(
        "taxonomy.Regency", null=True, blank=True, on_delete=models.PROTECT, related_name="office"
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)

    objects = OfficeQuerySet.as_manager()

    class Meta:
        db_table = "officers_office"
        ordering = ["code"]
        verbose_name = _("office")
        verbose_name_plural = _("offices")

    def __str__(self) -> str:
        return self.name


class Officer(models.Model):
    """A Pengantar Kerja (functional position) or Petugas Antar Kerja at one office."""

    class Position(models.TextChoices):
        PETUGAS = "petugas", _("Petugas Antar Kerja")
        AHLI_PERTAMA = "ahli_pertama", _("Pengantar Kerja Ahli Pertama")
        AHLI_MUDA = "ahli_muda", _("Pengantar Kerja Ahli Muda")
        AHLI_MADYA = "ahli_madya", _("Pengantar Kerja Ahli Madya")
        AHLI_UTAMA = "ahli_utama", _("Pengantar Kerja Ahli Utama")
        HEAD = "head", _("Head of office")
        ADMINISTRATOR = "administrator", _("Administrator")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="officer_profile"
    )
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="officers")
    position = models.CharField(
        _("position"), max_length=20, choices=Position.choices, default=Position.PETUGAS
    )
    grade = models.CharField(_("civil-service grade"), max_length=6, blank=True)  # e.g. III/a
    nip = models.CharField(_("NIP"), max_length=18, blank=True)
    is_active = models.BooleanField(_("in post"), default=True)

    class Meta:
        db_table = "officers_officer"
        ordering = ["office__code", "user__full_name"]
        verbose_name = _("officer")
        verbose_name_plural = _("officers")

    def __str__(self) -> str:
        return f"{self.user.get_full_name()} ({self.office})"


class Activity(models.Model):
    """One thing an officer did, with its evidence (bukti fisik): the source of the workload
    report (Permenaker 10/2023: volume x standard time / 1,250 h) and of SKP evidence."""

    class Kind(models.TextChoices):
        SEEKER_VERIFIED = "seeker_verified", _("Job seeker registration verified")
        SEEKER_UPDATED = "seeker_updated", _("Job seeker record updated")
        EMPLOYER_VERIFIED = "employer_verified", _("Employer verified")
        VACANCY_VERIFIED = "vacancy_verified", _("Vacancy verified")
        VACANCY_RETURNED = "vacancy_returned", _("Vacancy returned for changes")
        INTERVIEW = "interview", _("AK/II interview")
        COUNSELLING_INDIVIDUAL = "counselling_individual", _("Individual guidance")
        COUNSELLING_GROUP = "counselling_group", _("Group guidance")
        REFERRAL = "referral", _("Referral")
        PLACEMENT = "placement", _("Placement recorded")
        FOLLOW_UP = "follow_up", _("Placement follow-up")
        IMPORT = "import", _("Data import")
        REPORT = "report", _("IPK report compiled")

    officer = models.ForeignKey(Officer, on_delete=models.PROTECT, related_name="activities")
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="activities")
    kind = models.CharField(_("activity"), max_length=30, choices=Kind.choices)
    at = models.DateTimeField(_("at"), db_index=True)
    # What it was about: "jobseekers.jobseeker", 42 (no foreign key: any record can be evidence).
    subject_type = models.CharField(_("subject type"), max_length=40, blank=True)
    subject_id = models.BigIntegerField(_("subject id"), null=True, blank=True)
    quantity = models.PositiveIntegerField(_("quantity"), default=1)  # e.g. group size
    evidence = models.JSONField(_("evidence"), default=dict, blank=True)

    class Meta:
        db_table = "officers_activity"
        ordering = ["-at"]
        verbose_name = _("officer activity")
        verbose_name_plural = _("officer activities")
        indexes = [
            models.Index(fields=["office", "at", "kind"]),
            models.Index(fields=["officer", "at"]),
            models.Index(fields=["subject_type", "subject_id"], name="activity_subject"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d} {self.kind} by {self.officer_id}"


class SeekerCase(models.Model):
    """When the office last had contact with a seeker (verification, report at the office,
    counselling, referral, placement, follow-up): the caseload's "last contact" filter."""

    # A string reference, not an import: the row belongs to the seeker (deleted with them), and the
    # ground floor must not import `jobseekers`.
    seeker = models.OneToOneField(
        "jobseekers.JobSeeker", on_delete=models.CASCADE, primary_key=True, related_name="case"
    )
    last_contact_on = models.DateField(_("last contact"), db_index=True)
    last_contact_kind = models.CharField(_("last contact"), max_length=30, blank=True)
    office = models.ForeignKey(
        Office, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        db_table = "officers_seekercase"
        verbose_name = _("case")
        verbose_name_plural = _("cases")

    def __str__(self) -> str:
        return f"{self.seeker_id}: {self.last_contact_on}"
