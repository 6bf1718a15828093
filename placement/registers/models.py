"""The Disnaker's registers of the placement market, each with validity dates and a status history.

- P3MI: licensed agencies placing Indonesian migrant workers abroad (UU 18/2017); only they may
  recruit for work abroad, and only with a SIP2MI (job order) issued for a country, an occupation
  and a quota.
- BKK: the job placement units of schools, universities and training centres, for their own
  alumni, registered with the Dinas Kab/Kota (tanda daftar, valid while active; Permenaker 39/2016
  Art. 31-36).
- LPTKS: licensed private agencies placing workers inside Indonesia.

The registers are public (their status is what a person checks before trusting an agency); each
status change is kept in `RegisterChange`.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from placement.accounts.scope import region_scope


class LicenceStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    SUSPENDED = "suspended", _("Suspended")
    REVOKED = "revoked", _("Revoked")


class Agency(models.Model):
    """A licensed P3MI (Perusahaan Penempatan Pekerja Migran Indonesia), a national register."""

    name = models.CharField(_("agency name"), max_length=200)
    licence_number = models.CharField(_("licence (SIP3MI) number"), max_length=100, unique=True)
    licence_issued_on = models.DateField(_("licence issued on"), null=True, blank=True)
    licence_valid_to = models.DateField(_("licence valid until"), null=True, blank=True)
    head_office = models.CharField(_("head office address"), max_length=255, blank=True)
    regency = models.ForeignKey(
        "taxonomy.Regency",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("head office regency/city"),
    )
    branches = models.TextField(_("branch offices (one per line)"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=LicenceStatus.choices, default=LicenceStatus.ACTIVE
    )
    status_reason = models.CharField(_("reason"), max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("placement agency (P3MI)")
        verbose_name_plural = _("placement agencies (P3MI)")

    def __str__(self) -> str:
        return self.name

    def is_valid_on(self, day: date) -> bool:
        """Active and its licence not expired on `day`."""
        return self.status == LicenceStatus.ACTIVE and (
            self.licence_valid_to is None or self.licence_valid_to >= day
        )

    @property
    def is_valid(self) -> bool:
        return self.is_valid_on(timezone.localdate())

    @property
    def branch_list(self) -> list[str]:
        return [line.strip() for line in self.branches.splitlines() if line.strip()]


class JobOrderQuerySet(models.QuerySet):
    def valid_on(self, day: date) -> JobOrderQuerySet:
        """Job orders usable on `day`: active, within their dates, of a valid agency."""
        return self.filter(
            status=LicenceStatus.ACTIVE,
            valid_from__lte=day,
            valid_to__gte=day,
            agency__status=LicenceStatus.ACTIVE,
        ).filter(Q(agency__licence_valid_to__isnull=True) | Q(agency__licence_valid_to__gte=day))

    def with_quota_left(self) -> JobOrderQuerySet:
        return self.filter(quota__gt=F("quota_used"))


class JobOrder(models.Model):
    """A SIP2MI (Surat Izin Perekrutan PMI) issued to a P3MI for a verified job order."""

    number = models.CharField(_("SIP2MI number"), max_length=100, unique=True)
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="job_orders", verbose_name=_("P3MI")
    )
    foreign_employer = models.CharField(_("foreign employer"), max_length=200)
    country = models.CharField(_("country"), max_length=100)
    occupation = models.ForeignKey(
        "taxonomy.Occupation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("occupation (KBJI)"),
    )
    quota = models.PositiveIntegerField(_("quota"))
    # Placements recorded against the job order; live referrals hold a place too (see quota_left).
    quota_used = models.PositiveIntegerField(_("quota used"), default=0)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid until"))
    status = models.CharField(
        _("status"), max_length=10, choices=LicenceStatus.choices, default=LicenceStatus.ACTIVE
    )
    status_reason = models.CharField(_("reason"), max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = JobOrderQuerySet.as_manager()

    class Meta:
        ordering = ["-valid_to", "number"]
        verbose_name = _("job order (SIP2MI)")
        verbose_name_plural = _("job orders (SIP2MI)")
        constraints = [
            models.CheckConstraint(
                condition=Q(quota_used__lte=F("quota")), name="joborder_quota_not_exceeded"
            )
        ]

    def __str__(self) -> str:
        return self.number

    def is_valid_on(self, day: date) -> bool:
        return (
            self.status == LicenceStatus.ACTIVE
            and self.valid_from <= day <= self.valid_to
            and self.agency.is_valid_on(day)
        )

    @property
    def is_valid(self) -> bool:
        return self.is_valid_on(timezone.localdate())

    @property
    def places_left(self) -> int:
        return max(0, self.quota - self.quota_used)


class RegionalQuerySet(models.QuerySet):
    def visible_to(self, user):
        """BKK and LPTKS registered in the officer's region (national: all)."""
        return region_scope(user).filter(self, "regency")


class Bkk(models.Model):
    """A Bursa Kerja Khusus: the placement unit of an SMK, university or training centre."""

    class Kind(models.TextChoices):
        SMK = "smk", _("Vocational school (SMK)")
        UNIVERSITY = "university", _("University or polytechnic")
        LPK = "lpk", _("Training centre (LPK)")

    institution = models.CharField(_("institution"), max_length=200)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    registration_number = models.CharField(_("tanda daftar number"), max_length=100, unique=True)
    registered_on = models.DateField(_("registered on"))
    regency = models.ForeignKey(
        "taxonomy.Regency",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("regency/city"),
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    contact_phone = models.CharField(_("phone"), max_length=30, blank=True)
    # The tanda daftar is valid while the BKK is active (Permenaker 39/2016).
    is_active = models.BooleanField(_("active"), default=True)
    status_reason = models.CharField(_("reason"), max_length=255, blank=True)
    placements_reported = models.PositiveIntegerField(_("placements reported"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = RegionalQuerySet.as_manager()

    class Meta:
        ordering = ["institution"]
        verbose_name = _("BKK")
        verbose_name_plural = _("BKK")

    def __str__(self) -> str:
        return self.institution


class Lptks(models.Model):
    """A licensed private placement agency for work inside Indonesia (LPTKS)."""

    name = models.CharField(_("agency name"), max_length=200)
    licence_number = models.CharField(_("licence (SIU) number"), max_length=100, unique=True)
    licence_issued_on = models.DateField(_("licence issued on"), null=True, blank=True)
    licence_valid_to = models.DateField(_("licence valid until"), null=True, blank=True)
    regency = models.ForeignKey(
        "taxonomy.Regency",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("head office regency/city"),
    )
    head_office = models.CharField(_("head office address"), max_length=255, blank=True)
    branches = models.TextField(_("branch offices (one per line)"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=LicenceStatus.choices, default=LicenceStatus.ACTIVE
    )
    status_reason = models.CharField(_("reason"), max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = RegionalQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("private placement agency (LPTKS)")
        verbose_name_plural = _("private placement agencies (LPTKS)")

    def __str__(self) -> str:
        return self.name

    def is_valid_on(self, day: date) -> bool:
        return self.status == LicenceStatus.ACTIVE and (
            self.licence_valid_to is None or self.licence_valid_to >= day
        )

    @property
    def branch_list(self) -> list[str]:
        return [line.strip() for line in self.branches.splitlines() if line.strip()]


class RegisterChange(models.Model):
    """One entry of a register's history: created, status changed, quota used, imported."""

    class Register(models.TextChoices):
        AGENCY = "agency", _("P3MI")
        JOB_ORDER = "job_order", _("SIP2MI")
        BKK = "bkk", _("BKK")
        LPTKS = "lptks", _("LPTKS")

    register = models.CharField(_("register"), max_length=10, choices=Register.choices)
    object_id = models.PositiveBigIntegerField()
    event = models.CharField(_("what"), max_length=20)
    status = models.CharField(_("status"), max_length=10, blank=True)
    reason = models.CharField(_("reason"), max_length=255, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-changed_at", "-id"]
        verbose_name = _("register change")
        verbose_name_plural = _("register changes")
        indexes = [models.Index(fields=["register", "object_id", "-changed_at"])]

    def __str__(self) -> str:
        return f"{self.register}#{self.object_id} {self.event}"
