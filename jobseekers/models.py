"""Job seekers (pencari kerja): the registration, the AK/I card and its lifecycle."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from placement.accounts.scope import region_scope


class JobSeekerQuerySet(models.QuerySet):
    def visible_to(self, user) -> JobSeekerQuerySet:
        """Seekers an officer may see (their office's region); a seeker sees only themself."""
        if user.is_authenticated and user.role == "seeker":
            return self.filter(user=user)
        return region_scope(user).filter(self, "regency")

    def active(self) -> JobSeekerQuerySet:
        """Verified seekers with a valid card: the ones the matching and referrals consider."""
        return self.filter(status=JobSeeker.Status.ACTIVE)

    def awaiting_verification(self) -> JobSeekerQuerySet:
        """Completed online registrations an officer has not verified yet."""
        return self.filter(status=JobSeeker.Status.SUBMITTED)


class JobSeeker(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Registration in progress")
        SUBMITTED = "submitted", _("Waiting for verification")
        ACTIVE = "active", _("Active")
        PLACED = "placed", _("Placed in work")
        REMOVED = "removed", _("Removed (dihapuskan)")

    class Sex(models.TextChoices):
        MALE = "L", _("Male")
        FEMALE = "P", _("Female")

    class MaritalStatus(models.TextChoices):
        SINGLE = "single", _("Not married")
        MARRIED = "married", _("Married")
        DIVORCED = "divorced", _("Divorced")
        WIDOWED = "widowed", _("Widowed")

    class Religion(models.TextChoices):
        # As the AK/I card lists them.
        ISLAM = "islam", _("Islam")
        PROTESTANT = "protestan", _("Protestant Christianity")
        CATHOLIC = "katolik", _("Catholic Christianity")
        HINDU = "hindu", _("Hinduism")
        BUDDHIST = "buddha", _("Buddhism")
        CONFUCIAN = "khonghucu", _("Confucianism")
        OTHER = "kepercayaan", _("Other belief (kepercayaan)")

    class Category(models.TextChoices):
        # Perpres 57/2023 Art. 10.
        NEVER_WORKED = "never_worked", _("Never worked")
        STOPPED = "stopped", _("Stopped working or dismissed")
        EMPLOYED = "employed", _("Employed and looking")

    class Relocation(models.TextChoices):
        REGENCY = "regency", _("Only in my regency/city")
        PROVINCE = "province", _("Anywhere in my province")
        NATIONAL = "national", _("Anywhere in Indonesia")
        ABROAD = "abroad", _("In Indonesia or abroad")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="jobseeker",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    # Identity
    nik = models.CharField(_("NIK"), max_length=16, unique=True, null=True, blank=True)
    full_name = models.CharField(_("full name"), max_length=150)
    birth_place = models.CharField(_("place of birth"), max_length=100, blank=True)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, blank=True)
    marital_status = models.CharField(
        _("marital status"), max_length=10, choices=MaritalStatus.choices, blank=True
    )
    religion = models.CharField(_("religion"), max_length=12, choices=Religion.choices, blank=True)
    # Contact and domicile
    address = models.CharField(_("address"), max_length=255, blank=True)
    regency = models.ForeignKey(
        "taxonomy.Regency",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("regency/city"),
    )
    district = models.ForeignKey(
        "taxonomy.District",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("district"),
    )
    postcode = models.CharField(_("postcode"), max_length=5, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    # Highest education, kept in step with the education rows (the matching reads it).
    education_level = models.ForeignKey(
        "taxonomy.EducationLevel",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("highest education"),
    )
    experience_months = models.PositiveIntegerField(_("work experience (months)"), default=0)
    # Preferences
    category = models.CharField(_("category"), max_length=15, choices=Category.choices, blank=True)
    preferred_occupations = models.ManyToManyField(
        "taxonomy.Occupation", blank=True, related_name="+", verbose_name=_("wanted occupations")
    )
    expected_wage = models.PositiveIntegerField(
        _("expected monthly wage (Rp)"), null=True, blank=True
    )
    relocation = models.CharField(
        _("where you can work"),
        max_length=10,
        choices=Relocation.choices,
        default=Relocation.REGENCY,
    )
    # Specific personal data (UU 27/2022 PDP): visible to officers only, never to employers.
    has_disability = models.BooleanField(_("has a disability"), default=False)
    disability_note = models.CharField(
        _("disability and needed support"), max_length=255, blank=True
    )
    # The AK/I card
    ak1_number = models.CharField(
        _("AK/I number"), max_length=30, unique=True, null=True, blank=True
    )
    office = models.ForeignKey(
        "officers.Office",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("issuing office"),
    )
    registered_on = models.DateField(_("registered on"), null=True, blank=True)
    last_reported_on = models.DateField(_("last report"), null=True, blank=True)
    next_report_on = models.DateField(_("next report due"), null=True, blank=True)
    expires_on = models.DateField(_("card valid until"), null=True, blank=True)
    removed_on = models.DateField(_("removed on"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("verified by"),
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    # Warnings for the officer (NIK disagreeing with sex/birth date, domicile elsewhere, ...).
    warnings = models.JSONField(_("warnings"), default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = JobSeekerQuerySet.as_manager()

    class Meta:
        verbose_name = _("job seeker")
        verbose_name_plural = _("job seekers")
        indexes = [
            models.Index(fields=["regency", "status", "registered_on"]),
            models.Index(fields=["status", "next_report_on"]),
            models.Index(fields=["status", "expires_on"]),
            models.Index(fields=["full_name", "birth_date"]),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def initials(self) -> str:
        """Initials only, for public pages (the card check)."""
        return "".join(f"{part[0]}." for part in self.full_name.split() if part)[:12]

    def age_on(self, day: date) -> int | None:
        if self.birth_date is None:
            return None
        before_birthday = (day.month, day.day) < (self.birth_date.month, self.birth_date.day)
        return day.year - self.birth_date.year - before_birthday


class Education(models.Model):
    seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="educations")
    level = models.ForeignKey(
        "taxonomy.EducationLevel", on_delete=models.PROTECT, verbose_name=_("level")
    )
    major = models.CharField(_("major / programme"), max_length=150, blank=True)
    school = models.CharField(_("school or university"), max_length=150, blank=True)
    graduation_year = models.PositiveSmallIntegerField(_("year finished"), null=True, blank=True)

    class Meta:
        ordering = ["-level__rank", "-graduation_year"]
        verbose_name = _("education")
        verbose_name_plural = _("education")

    def __str__(self) -> str:
        return f"{self.level.short_name} {self.major}".strip()


class Experience(models.Model):
    seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="experiences")
    job_title = models.CharField(_("job title"), max_length=150)
    occupation = models.ForeignKey(
        "taxonomy.Occupation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("occupation (KBJI)"),
    )
    employer_name = models.CharField(_("employer"), max_length=150, blank=True)
    months = models.PositiveIntegerField(_("months worked"), default=0)
    start_year = models.PositiveSmallIntegerField(_("from (year)"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("to (year)"), null=True, blank=True)

    class Meta:
        ordering = ["-end_year", "-start_year"]
        verbose_name = _("work experience")
        verbose_name_plural = _("work experience")

    def __str__(self) -> str:
        return self.job_title


class SeekerSkill(models.Model):
    seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="skills")
    skill = models.ForeignKey("taxonomy.Skill", on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["seeker", "skill"], name="seekerskill_unique")
        ]
        verbose_name = _("skill")
        verbose_name_plural = _("skills")

    def __str__(self) -> str:
        return str(self.skill)
