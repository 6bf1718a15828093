"""Employers (pemberi kerja) and their vacancies: the AK/III report of Perpres 57/2023."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from placement.accounts.scope import region_scope


class EmployerQuerySet(models.QuerySet):
    def visible_to(self, user) -> EmployerQuerySet:
        """Employers an officer may see; an employer user sees only their own company."""
        if user.is_authenticated and user.role == "employer":
            return self.filter(users__user=user)
        return region_scope(user).filter(self, "regency")

    def verified(self) -> EmployerQuerySet:
        return self.filter(status=Employer.Status.VERIFIED)


class Employer(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for verification")
        VERIFIED = "verified", _("Verified")
        REJECTED = "rejected", _("Rejected")

    class Ownership(models.TextChoices):
        # The receiving-employer rows of IPK table III/8(b).
        GOVERNMENT = "government", _("Government")
        BUMN_BUMD = "bumn_bumd", _("State/regional enterprise (BUMN/BUMD)")
        COOPERATIVE = "cooperative", _("Cooperative")
        PRIVATE = "private", _("Private company")
        OTHER = "other", _("Other business entity")
        INDIVIDUAL = "individual", _("Individual")

    name = models.CharField(_("company name"), max_length=200)
    nib = models.CharField(_("NIB (business number)"), max_length=13, unique=True)
    industry = models.ForeignKey(
        "taxonomy.Industry", on_delete=models.PROTECT, related_name="+", verbose_name=_("industry")
    )
    ownership = models.CharField(_("ownership"), max_length=12, choices=Ownership.choices)
    address = models.CharField(_("address"), max_length=255)
    regency = models.ForeignKey(
        "taxonomy.Regency",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("regency/city"),
    )
    district = models.ForeignKey(
        "taxonomy.District", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    contact_name = models.CharField(_("contact person"), max_length=150)
    contact_email = models.EmailField(_("contact e-mail"))
    contact_phone = models.CharField(_("contact phone"), max_length=20)
    website = models.URLField(_("website"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    status_reason = models.CharField(_("reason"), max_length=255, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    verified_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EmployerQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("employer")
        verbose_name_plural = _("employers")
        indexes = [models.Index(fields=["regency", "status"])]

    def __str__(self) -> str:
        return self.name

    @property
    def is_verified(self) -> bool:
        return self.status == self.Status.VERIFIED


class EmployerUser(models.Model):
    """A user who acts for a company; a company can have several."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="employer_membership"
    )
    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="users")
    is_admin = models.BooleanField(_("can manage users"), default=False)

    class Meta:
        verbose_name = _("employer user")
        verbose_name_plural = _("employer users")

    def __str__(self) -> str:
        return f"{self.user} @ {self.employer}"


class VacancyQuerySet(models.QuerySet):
    def visible_to(self, user) -> VacancyQuerySet:
        """Anonymous and seekers: published only; employers: their own; officers: their region."""
        if not user.is_authenticated or user.role == "seeker":
            return self.published()
        if user.role == "employer":
            return self.filter(employer__users__user=user)
        return region_scope(user).filter(self, "regency")

    def published(self) -> VacancyQuerySet:
        """Verified, open and within the validity period: what the public may see."""
        today = timezone.localdate()
        return self.filter(
            status=Vacancy.Status.PUBLISHED, valid_from__lte=today, valid_to__gte=today
        )

    def awaiting_verification(self) -> VacancyQuerySet:
        return self.filter(status=Vacancy.Status.SUBMITTED)


class Vacancy(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Waiting for verification")
        RETURNED = "returned", _("Returned for changes")
        PUBLISHED = "published", _("Published")
        FILLED = "filled", _("Filled")
        CLOSED = "closed", _("Closed")
        EXPIRED = "expired", _("Expired")

    class Scope(models.TextChoices):
        AKL = "AKL", _("Local (AKL)")
        AKAD = "AKAD", _("Inter-regional (AKAD)")
        AKAN = "AKAN", _("Abroad (AKAN)")

    class Sex(models.TextChoices):
        ANY = "", _("Any")
        MALE = "L", _("Male")
        FEMALE = "P", _("Female")

    employer = models.ForeignKey(Employer, on_delete=models.PROTECT, related_name="vacancies")
    title = models.CharField(_("job title"), max_length=200)
    occupation = models.ForeignKey(
        "taxonomy.Occupation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("occupation (KBJI)"),
    )
    industry = models.ForeignKey(
        "taxonomy.Industry", on_delete=models.PROTECT, related_name="+", verbose_name=_("industry")
    )
    headcount = models.PositiveIntegerField(_("number of people needed"))
    filled_count = models.PositiveIntegerField(_("filled"), default=0)
    removed_count = models.PositiveIntegerField(_("withdrawn"), default=0)
    valid_from = models.DateField(_("open from"))
    valid_to = models.DateField(_("open until"))
    min_education = models.ForeignKey(
        "taxonomy.EducationLevel",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("minimum education"),
    )
    min_experience_months = models.PositiveIntegerField(_("experience needed (months)"), default=0)
    # Age and sex limits are lawful only with a stated reason; officers see them flagged.
    age_min = models.PositiveSmallIntegerField(_("minimum age"), null=True, blank=True)
    age_max = models.PositiveSmallIntegerField(_("maximum age"), null=True, blank=True)
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, blank=True, default="")
    limits_reason = models.CharField(_("reason for age or sex limits"), max_length=255, blank=True)
    wage_min = models.PositiveIntegerField(_("monthly wage from (Rp)"), null=True, blank=True)
    wage_max = models.PositiveIntegerField(_("monthly wage to (Rp)"), null=True, blank=True)
    regency = models.ForeignKey(
        "taxonomy.Regency",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("work location"),
    )
    scope = models.CharField(_("AKL/AKAD/AKAN"), max_length=4, choices=Scope.choices, default="AKL")
    is_overseas = models.BooleanField(_("work abroad"), default=False)
    country = models.CharField(_("country"), max_length=100, blank=True)
    p3mi_name = models.CharField(_("licensed placement agency (P3MI)"), max_length=200, blank=True)
    job_order_number = models.CharField(_("job order / SIP2MI number"), max_length=100, blank=True)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="draft")
    return_reason = models.TextField(_("reason for return"), blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = VacancyQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("vacancy")
        verbose_name_plural = _("vacancies")
        indexes = [
            models.Index(fields=["regency", "status", "valid_to"]),
            models.Index(fields=["status", "valid_to"]),
            models.Index(fields=["employer", "status"]),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        """Published, within its validity period and not yet full."""
        today = timezone.localdate()
        return (
            self.status == self.Status.PUBLISHED
            and self.valid_from <= today <= self.valid_to
            and self.open_positions > 0
        )

    @property
    def open_positions(self) -> int:
        return max(0, self.headcount - self.filled_count - self.removed_count)


class VacancySkill(models.Model):
    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="skills")
    skill = models.ForeignKey("taxonomy.Skill", on_delete=models.PROTECT, related_name="+")
    is_required = models.BooleanField(_("required"), default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["vacancy", "skill"], name="vacancyskill_unique")
        ]

    def __str__(self) -> str:
        return str(self.skill)
