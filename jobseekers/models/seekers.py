"""Job seekers (pencari kerja): the registration, the AK/I card and its lifecycle, the education,
experience and skills on the profile, the consent, the card numbers."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import models
from django.db.models.functions import Upper
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from placement.accounts.scope import region_scope
from placement.taxonomy.education import SchoolType, detailed_code
from placement.taxonomy.models import Sex


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

    def lapsed(self, on: date) -> JobSeekerQuerySet:
        """Active seekers whose report was due before `on` or whose card expired before `on`."""
        return self.filter(status=JobSeeker.Status.ACTIVE).filter(
            models.Q(next_report_on__lt=on) | models.Q(expires_on__lt=on)
        )

    def with_ipk_dimensions(self) -> JobSeekerQuerySet:
        """Annotate what the ledger needs: first wanted occupation and latest coded experience."""
        through = JobSeeker.preferred_occupations.through
        first_wanted = through.objects.filter(jobseeker=models.OuterRef("pk")).order_by("pk")
        latest_job = Experience.objects.filter(
            seeker=models.OuterRef("pk"), occupation__isnull=False
        ).order_by(
            models.F("end_year").desc(nulls_first=True),
            models.F("start_year").desc(nulls_last=True),
            "-pk",
        )
        return self.select_related("education_level").annotate(
            first_wanted_code=models.Subquery(first_wanted.values("occupation__code")[:1]),
            latest_job_code=models.Subquery(latest_job.values("occupation__code")[:1]),
        )


class JobSeeker(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Registration in progress")
        SUBMITTED = "submitted", _("Waiting for verification")
        RETURNED = "returned", _("Returned for changes")
        REJECTED = "rejected", _("Not accepted")
        ACTIVE = "active", _("Active")
        PLACED = "placed", _("Placed in work")
        REMOVED = "removed", _("Removed (dihapuskan)")

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

    class RemovalReason(models.TextChoices):
        # Every reason is an IPK "dihapuskan" outflow (III/1 column 4); a job with its details
        # is recorded as a placement instead (DOMAIN.md section 2, services/lifecycle.py).
        MISSED_REPORT = "missed_report", _("Missed the six-monthly report")
        EXPIRED = "expired", _("Card expired")
        ON_REQUEST = "on_request", _("At the holder's request")
        DEATH = "death", _("Died")
        MOVED_AWAY = "moved_away", _("Moved away")
        DUPLICATE = "duplicate", _("Duplicate registration (merged)")
        FOUND_WORK = "found_work", _("Found work (job not known)")
        # UU 27/2022 PDP: the retention job anonymised a registration removed long ago.
        RETENTION = "retention", _("Retention period ended")

    class RejectionReason(models.TextChoices):
        UNDER_AGE = "under_age", _("Younger than 15")
        IDENTITY = "identity", _("Identity not proven (KTP does not match)")
        DUPLICATE = "duplicate", _("Already registered")
        NOT_LOOKING = "not_looking", _("Not looking for work")
        FALSE_DATA = "false_data", _("False information")
        OTHER = "other", _("Other reason")

    class Channel(models.TextChoices):
        ONLINE = "online", _("Online")
        COUNTER = "counter", _("At the counter")

    class Document(models.TextChoices):
        # What the officer saw at the counter (DOMAIN.md section 1: KTP, diploma, certificates).
        KTP = "ktp", _("KTP")
        IJAZAH = "ijazah", _("Diploma (ijazah)")
        PHOTO = "photo", _("Photo")
        CERTIFICATE = "certificate", _("Certificates")
        REFERENCE = "reference", _("Work reference")

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
    # One registration per NIK; a self-registration with a NIK already on file is kept as a
    # duplicate for the officer (the form must not reveal which NIKs are registered).
    nik = models.CharField(_("NIK"), max_length=16, null=True, blank=True)
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("same NIK as"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    full_name = models.CharField(_("full name"), max_length=150)
    birth_place = models.CharField(_("place of birth"), max_length=100, blank=True)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, blank=True)
    marital_status = models.CharField(
        _("marital status"), max_length=10, choices=MaritalStatus.choices, blank=True
    )
    religion = models.CharField(_("religion"), max_length=12, choices=Religion.choices, blank=True)
    # Contact and domicile. `address`, `regency`, `district` are where the person lives now (the
    # office that serves them); `ktp_*` is the domicile on the KTP, which decides whether the
    # registration is outside the domicile (the NIK's region is only the first registration).
    address = models.CharField(_("current address"), max_length=255, blank=True)
    ktp_address = models.CharField(_("address on the KTP"), max_length=255, blank=True)
    ktp_regency = models.ForeignKey(
        "taxonomy.Regency",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("regency/city on the KTP"),
    )
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
    # The detailed IPK code of that education (3801 SMA, 31BB SMK, ...): what the ledger records.
    education_code = models.CharField(_("IPK education code"), max_length=4, blank=True)
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
        "offices.Office",
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
    removal_reason = models.CharField(
        _("reason for removal"), max_length=20, choices=RemovalReason.choices, blank=True
    )
    # The registration desk: how it came in, what the officer saw, and the decisions on it.
    channel = models.CharField(
        _("registered"), max_length=8, choices=Channel.choices, default=Channel.ONLINE
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("entered at the counter by"),
    )
    documents_seen = models.JSONField(_("documents seen"), default=list, blank=True)
    # Why the person's sex or date of birth differs from what the NIK says (KTP printed otherwise).
    identity_note = models.CharField(_("identity mismatch reason"), max_length=255, blank=True)
    return_reason = models.CharField(_("reason for return"), max_length=500, blank=True)
    rejection_reason = models.CharField(
        _("reason for rejection"), max_length=12, choices=RejectionReason.choices, blank=True
    )
    decision_note = models.CharField(_("officer's note"), max_length=500, blank=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged_records",
    )
    # The printings of the card: 1 for the first, +1 per reissue (lost or damaged; same number).
    card_edition = models.PositiveSmallIntegerField(_("card printing"), default=1)
    # The one-time code a seeker registered at the counter uses to take over an online account.
    claim_code_hash = models.CharField(max_length=128, blank=True)
    claim_code_expires = models.DateTimeField(null=True, blank=True)
    claim_attempts = models.PositiveSmallIntegerField(default=0)
    # Set when the identity, contact data, free text and files were erased (UU 27/2022 PDP): the
    # row stays as a pseudonymous id so the ledger's statistical events keep their subject.
    anonymised_on = models.DateField(_("anonymised on"), null=True, blank=True)
    # Warnings for the officer (NIK disagreeing with sex/birth date, domicile elsewhere, ...).
    warnings = models.JSONField(_("warnings"), default=list, blank=True)
    # The registration steps saved so far (online registration is saved step by step).
    steps_done = models.JSONField(_("registration steps done"), default=list, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
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
            models.Index(fields=["birth_date", "phone"]),
            # The officers' name search (`full_name__icontains`: UPPER(full_name) LIKE '%..%'),
            # PostgreSQL only (migration 0009): without it every seeker of the region is read.
            GinIndex(OpClass(Upper("full_name"), name="gin_trgm_ops"), name="jobseeker_name_trgm"),
        ]
        constraints = [
            # A rejected registration keeps its NIK as evidence without blocking a new one.
            models.UniqueConstraint(
                fields=["nik"],
                condition=models.Q(duplicate_of__isnull=True) & ~models.Q(status="rejected"),
                name="jobseeker_nik_unique",
            )
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def initials(self) -> str:
        """Initials only, for public pages (the card check)."""
        return "".join(f"{part[0]}." for part in self.full_name.split() if part)[:12]

    @property
    def is_verified(self) -> bool:
        """The record has an AK/I number (active, removed or placed)."""
        return bool(self.ak1_number)

    @property
    def is_submitted(self) -> bool:
        """Sent to the office (a returned registration is the seeker's to change and send)."""
        return self.status not in (self.Status.DRAFT, self.Status.RETURNED)

    def report_opens_on(self) -> date | None:
        """The first day the six-monthly report can be made (a window before the due date)."""
        if self.next_report_on is None:
            return None
        days = settings.ANTARKERJA.get("REPORT_WINDOW_DAYS", 30)
        return self.next_report_on - timedelta(days=days)

    def can_report_on(self, day: date) -> bool:
        """Active seekers report in the window before the due date; removed ones any day."""
        if self.status == self.Status.REMOVED:
            return True
        opens = self.report_opens_on()
        return self.status == self.Status.ACTIVE and opens is not None and day >= opens

    def card_state_on(self, day: date) -> str:
        """ "valid", "expired" or "unknown": what the public card check says."""
        if not self.ak1_number:
            return "unknown"
        if self.status == self.Status.ACTIVE and self.expires_on and self.expires_on >= day:
            return "valid"
        return "expired"

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
    school_type = models.CharField(
        _("type of school"), max_length=8, choices=SchoolType.choices, blank=True
    )
    smk_programme = models.ForeignKey(
        "taxonomy.SmkProgramme",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("SMK programme (bidang / program / kompetensi keahlian)"),
    )
    study_field = models.ForeignKey(
        "taxonomy.StudyField",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("field of study"),
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

    @property
    def ipk_code(self) -> str:
        """The detailed IPK code of this row (3801 SMA, 3104 SMK bidang 4, else the level)."""
        programme = self.smk_programme.code if self.smk_programme_id else ""
        return detailed_code(self.level_id, self.school_type, programme)

    @property
    def detail_label(self) -> str:
        """School type, programme or field as a person reads it: "SMK - Teknik Pengelasan"."""
        parts = [self.get_school_type_display() if self.school_type else self.level.short_name]
        if self.smk_programme_id:
            parts.append(self.smk_programme.title)
        elif self.study_field_id:
            parts.append(self.study_field.title)
        elif self.major:
            parts.append(self.major)
        return " - ".join(parts)


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


class Consent(models.Model):
    """Explicit, versioned consent to the processing (UU 27/2022 PDP Art. 20-22), with its time."""

    seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="consents")
    version = models.CharField(_("version of the consent text"), max_length=20)
    purpose = models.CharField(_("purpose"), max_length=50, default="placement")
    language = models.CharField(_("language"), max_length=5, blank=True)
    given_at = models.DateTimeField(_("given at"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        ordering = ["-given_at"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        indexes = [models.Index(fields=["seeker", "purpose", "withdrawn_at"])]

    def __str__(self) -> str:
        return f"{self.purpose} v{self.version} {self.given_at:%Y-%m-%d}"


class CardSequence(models.Model):
    """The last AK/I serial issued by an office in a year (numbers are `6271-2026-000042`)."""

    office = models.ForeignKey("offices.Office", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["office", "year"], name="cardsequence_office_year")
        ]

    def __str__(self) -> str:
        return f"{self.office_id} {self.year}: {self.last_number}"
