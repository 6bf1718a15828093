"""Employers (pemberi kerja) and their vacancies: the AK/III report of Perpres 57/2023."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from placement.accounts.scope import RegionScope, region_scope
from placement.migrants.rules import adults_only_q, user_is_minor
from placement.taxonomy.credentials import (
    Language,
    LanguageLevel,
    LicenceClass,
    language_label,
    licence_label,
)
from placement.taxonomy.education import SLTA, SchoolTrack, SchoolType, detailed_code
from placement.taxonomy.models import Sex


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
        FOUNDATION = "foundation", _("Foundation or association")
        INDIVIDUAL = "individual", _("Individual")

    class Kind(models.TextChoices):
        # Perpres 57/2023 binds every employer that reports vacancies, not only businesses.
        COMPANY = "company", _("Company or business entity")
        GOVERNMENT = "government", _("Government body")
        FOUNDATION = "foundation", _("Foundation or association")
        INDIVIDUAL = "individual", _("Individual or household")

    # The ownership (III/8 row) every non-company kind has; a company chooses among the others.
    KIND_OWNERSHIP = {
        Kind.GOVERNMENT: Ownership.GOVERNMENT,
        Kind.FOUNDATION: Ownership.FOUNDATION,
        Kind.INDIVIDUAL: Ownership.INDIVIDUAL,
    }
    COMPANY_OWNERSHIPS = frozenset(
        {Ownership.BUMN_BUMD, Ownership.COOPERATIVE, Ownership.PRIVATE, Ownership.OTHER}
    )

    kind = models.CharField(
        _("kind of employer"), max_length=12, choices=Kind.choices, default=Kind.COMPANY
    )
    name = models.CharField(_("company name"), max_length=200)

    class Origin(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        JOB_BOARD = "job_board", _("From a job board / not yet registered")

    # NIB (OSS business number): companies only (the registration checks it by kind); employers
    # taken from an imported job board file have none until the officer invites or verifies them.
    # Other kinds give their own identifier.
    nib = models.CharField(
        _("NIB (business number)"), max_length=13, unique=True, null=True, blank=True
    )
    identifier = models.CharField(
        _("identifier"),
        max_length=40,
        blank=True,
        help_text=_(
            "Government body: unit code (kode satker); foundation or association: the "
            "Kemenkumham decree number (AHU); individual or household: the employer's NIK."
        ),
    )
    origin = models.CharField(
        _("origin"), max_length=10, choices=Origin.choices, default=Origin.REGISTERED
    )
    industry = models.ForeignKey(
        "taxonomy.Industry",
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("industry"),
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
        "taxonomy.District",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("district"),
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

    @property
    def from_job_board(self) -> bool:
        """Known only from a job board's ad (not registered, no account): seekers apply at the
        ad's source; the Disnaker can still refer them."""
        return self.origin == self.Origin.JOB_BOARD

    @property
    def may_publish(self) -> bool:
        """Whether its vacancies may be published (`may_publish_q` is the same rule in SQL)."""
        return self.is_verified or (self.from_job_board and self.status == self.Status.PENDING)

    @classmethod
    def may_publish_q(cls, prefix: str = "") -> Q:
        """A verified company; or a job-board employer not rejected, whose ads the officer
        verifies one by one (issue 12: the 1,288 companies of an export are not registered by
        hand first). A company that registers itself still waits for its own verification."""
        return Q(**{f"{prefix}status": cls.Status.VERIFIED}) | Q(
            **{f"{prefix}origin": cls.Origin.JOB_BOARD, f"{prefix}status": cls.Status.PENDING}
        )


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
        """Anonymous and seekers: published only; employers: their own; officers: their region.

        A vacancy belongs to the region of its work location; one abroad (AKAN) has none, so it
        belongs to the region of the company that reported it.
        """
        if not user.is_authenticated or user.role == "seeker":
            if user_is_minor(user):
                # No work abroad, night or hazardous work under 18 (placement/migrants/rules.py).
                return self.published().exclude(adults_only_q())
            return self.published()
        if user.role == "employer":
            return self.filter(employer__users__user=user)
        # Drafts are the employer's own work in progress: officers see them once submitted.
        return self.in_scope(region_scope(user)).exclude(status=Vacancy.Status.DRAFT)

    def in_scope(self, scope: RegionScope) -> VacancyQuerySet:
        """Vacancies located in `scope` (work location, else the company's regency)."""
        if scope.everything:
            return self
        if scope.is_empty:
            return self.none()
        return self.filter(
            scope.q("regency") | (Q(regency__isnull=True) & scope.q("employer__regency"))
        )

    def published(self, on: date | None = None) -> VacancyQuerySet:
        """Verified and within the validity period on `on` (today): what the public may see."""
        day = on or timezone.localdate()
        return self.filter(status=Vacancy.Status.PUBLISHED, valid_from__lte=day, valid_to__gte=day)

    def open(self, on: date | None = None) -> VacancyQuerySet:
        """Published on `on` (today) with positions left: the vacancies seekers are matched with,
        referred to and counted as open everywhere (the one definition; `Vacancy.is_open` is
        the same rule for one row, and the matching extract uses this query)."""
        return self.filter(open_vacancy(on))

    def announced(self, on: date | None = None) -> VacancyQuerySet:
        """Published and not yet past its end: open today or opening on a later `valid_from`."""
        day = on or timezone.localdate()
        return self.filter(status=Vacancy.Status.PUBLISHED, valid_to__gte=day)

    def referable(self, on: date | None = None) -> VacancyQuerySet:
        """Announced with positions left: whom matching, referrals and recommendations work for,
        so candidates are ready on day one (`Vacancy.is_referable` for one row; the matching
        extract compiles this query)."""
        return self.filter(referable_vacancy(on))

    def awaiting_verification(self) -> VacancyQuerySet:
        return self.filter(status=Vacancy.Status.SUBMITTED)

    def with_positions_left(self) -> VacancyQuerySet:
        """Annotate `positions_left`: headcount minus the filled and withdrawn positions."""
        return self.annotate(positions_left=positions_left())


def open_vacancy(on: date | None = None, vacancy: str = "") -> Q:
    """The condition of `VacancyQuerySet.open` as a Q, for aggregates and related lookups;
    `vacancy` is the path to the vacancy from the queried model ("vacancy__" from a Referral)."""
    day = on or timezone.localdate()
    return Q(
        **{
            f"{vacancy}status": Vacancy.Status.PUBLISHED,
            f"{vacancy}valid_from__lte": day,
            f"{vacancy}valid_to__gte": day,
            f"{vacancy}headcount__gt": F(f"{vacancy}filled_count") + F(f"{vacancy}removed_count"),
        }
    )


def referable_vacancy(on: date | None = None, vacancy: str = "") -> Q:
    """The condition of `VacancyQuerySet.referable` as a Q (see `open_vacancy`)."""
    day = on or timezone.localdate()
    return Q(
        **{
            f"{vacancy}status": Vacancy.Status.PUBLISHED,
            f"{vacancy}valid_from__isnull": False,
            f"{vacancy}valid_to__gte": day,
            f"{vacancy}headcount__gt": F(f"{vacancy}filled_count") + F(f"{vacancy}removed_count"),
        }
    )


def positions_left(vacancy: str = "") -> models.Expression:
    """Headcount minus the filled and withdrawn positions, as an expression; `vacancy` is the
    path to the vacancy from the queried model ("vacancy__" from a VacancySkill)."""
    return F(f"{vacancy}headcount") - F(f"{vacancy}filled_count") - F(f"{vacancy}removed_count")


# The words of a vacancy the public search looks in. PostgreSQL has no Indonesian dictionary, so
# the 'simple' configuration (lower-cased words, no stemming) is used; a GIN index covers it.
SEARCH_CONFIG = "simple"
# Weighted for `ts_rank_cd`: the title (A) counts five times the description (C). PostgreSQL stores
# it per row in `Vacancy.search_vector` (a trigger keeps it, migration 0013); this expression is
# its definition, kept for the test that compares the two.
SEARCH_VECTOR = SearchVector("title", config=SEARCH_CONFIG, weight="A") + SearchVector(
    "description", config=SEARCH_CONFIG, weight="C"
)


class Vacancy(models.Model):
    """The AK/III vacancy report (Perpres 57/2023 Art. 5).

    A draft may be incomplete (occupation, education, dates may still be empty); submitting checks
    that every field the report needs is there.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Waiting for verification")
        RETURNED = "returned", _("Returned for changes")
        PUBLISHED = "published", _("Published")
        FILLED = "filled", _("Filled")
        CLOSED = "closed", _("Closed")
        EXPIRED = "expired", _("Expired")

    class EmploymentType(models.TextChoices):
        PERMANENT = "permanent", _("Permanent")
        CONTRACT = "contract", _("Contract")
        DAILY = "daily", _("Daily")
        PART_TIME = "part_time", _("Part-time")
        INTERNSHIP = "internship", _("Internship (magang)")
        FREELANCE = "freelance", _("Freelance")

    class WorkArrangement(models.TextChoices):
        ON_SITE = "on_site", _("On site")
        HYBRID = "hybrid", _("Hybrid (partly from home)")
        REMOTE = "remote", _("Remote (from home)")

    class Scope(models.TextChoices):
        AKL = "AKL", _("Local (AKL)")
        AKAD = "AKAD", _("Inter-regional (AKAD)")
        AKAN = "AKAN", _("Abroad (AKAN)")

    EDITABLE_STATUSES = frozenset({Status.DRAFT, Status.RETURNED})
    ENDED_STATUSES = frozenset({Status.FILLED, Status.CLOSED, Status.EXPIRED})

    employer = models.ForeignKey(Employer, on_delete=models.PROTECT, related_name="vacancies")
    title = models.CharField(_("job title"), max_length=200)
    occupation = models.ForeignKey(
        "taxonomy.Occupation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("occupation (KBJI)"),
    )
    industry = models.ForeignKey(
        "taxonomy.Industry",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("industry"),
    )
    headcount = models.PositiveIntegerField(_("number of people needed"), default=1)
    filled_count = models.PositiveIntegerField(_("filled"), default=0)
    removed_count = models.PositiveIntegerField(_("withdrawn"), default=0)
    valid_from = models.DateField(_("open from"), null=True, blank=True)
    valid_to = models.DateField(_("open until"), null=True, blank=True)
    min_education = models.ForeignKey(
        "taxonomy.EducationLevel",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("minimum education"),
    )
    # For an SLTA minimum: whether a general school (SMA/MA) or a vocational one (SMK/MAK) is
    # asked for, and which SMK programme; III/4 counts SMA and SMK apart.
    school_track = models.CharField(
        _("type of upper-secondary school"),
        max_length=10,
        choices=SchoolTrack.choices,
        blank=True,
        default="",
    )
    smk_programme = models.ForeignKey(
        "taxonomy.SmkProgramme",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("SMK programme"),
    )
    min_experience_months = models.PositiveIntegerField(_("experience needed (months)"), default=0)
    # Age and sex limits are lawful only with a stated reason; officers see them flagged.
    age_min = models.PositiveSmallIntegerField(_("minimum age"), null=True, blank=True)
    age_max = models.PositiveSmallIntegerField(_("maximum age"), null=True, blank=True)
    sex = models.CharField(
        _("sex"), max_length=1, choices=[("", _("Any")), *Sex.choices], blank=True, default=""
    )
    limits_reason = models.CharField(_("reason for age or sex limits"), max_length=255, blank=True)
    # What the work needs (placement/taxonomy/credentials.py): the matching's hard filter.
    required_licence = models.CharField(
        _("driving licence required"),
        max_length=8,
        choices=LicenceClass.choices,
        blank=True,
        default="",
    )
    required_certificate = models.CharField(
        _("BNSP competency certificate required (scheme)"), max_length=200, blank=True, default=""
    )
    required_language = models.CharField(
        _("language required"), max_length=2, choices=Language.choices, blank=True, default=""
    )
    required_language_level = models.PositiveSmallIntegerField(
        _("level of that language"), choices=LanguageLevel.choices, null=True, blank=True
    )
    # Work closed to anyone under 18 (UU 13/2003 Art. 74, Kepmenakertrans 235/2003; the rule is
    # placement/migrants/rules.py).
    night_work = models.BooleanField(_("night work (between 18.00 and 06.00)"), default=False)
    hazardous_work = models.BooleanField(
        _("hazardous work (Kepmenakertrans 235/2003)"), default=False
    )
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
    # Set when an officer publishes a vacancy abroad: the SIP2MI of the register it is offered
    # under (UU 18/2017); its quota counts the referrals and placements.
    job_order = models.ForeignKey(
        "registers.JobOrder",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="vacancies",
        verbose_name=_("job order (SIP2MI)"),
    )
    description = models.TextField(_("description"), blank=True)
    employment_type = models.CharField(
        _("employment type"), max_length=10, choices=EmploymentType.choices, blank=True
    )
    work_arrangement = models.CharField(
        _("work arrangement"), max_length=8, choices=WorkArrangement.choices, blank=True
    )
    # Where an imported vacancy came from: re-importing the same rows updates them (source_key).
    import_run = models.ForeignKey(
        "employers.ImportRun", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source_key = models.CharField(max_length=300, blank=True)
    source_file = models.CharField(_("source file"), max_length=255, blank=True)
    source_row = models.PositiveIntegerField(_("source row"), null=True, blank=True)
    external_id = models.CharField(_("external id"), max_length=100, blank=True)
    source_url = models.URLField(_("source link"), max_length=500, blank=True)
    # {field: {"text": source text, "value": coded value, "confidence": 0..1, ...}}
    coding = models.JSONField(default=dict, blank=True)
    needs_review = models.BooleanField(_("coding to review"), default=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="draft")
    return_reason = models.TextField(_("reason for return"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("reported by"),
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # SEARCH_VECTOR, stored: a PostgreSQL trigger fills it on insert and whenever the title or the
    # description is written (employers migration 0013), so the search neither rebuilds it per row
    # to count nor to rank. Always empty on SQLite (the search reads the text there).
    search_vector = SearchVectorField(null=True, editable=False)

    objects = VacancyQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("vacancy")
        verbose_name_plural = _("vacancies")
        indexes = [
            models.Index(fields=["regency", "status", "valid_to"]),
            models.Index(fields=["status", "valid_to"]),
            models.Index(fields=["employer", "status"]),
            models.Index(fields=["status", "-published_at"], name="vacancy_status_published"),
            # Full-text search of the public page on the stored vector (PostgreSQL only; written
            # as an expression so that SQLite, which has no GIN, leaves it out; migration 0013).
            GinIndex("search_vector", name="vacancy_search_vector_gin"),
            # Typos in titles (pg_trgm, PostgreSQL only; see migration 0009 and search.py).
            GinIndex(OpClass(Lower("title"), name="gin_trgm_ops"), name="vacancy_title_trgm"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["source_key"],
                condition=~models.Q(source_key=""),
                name="vacancy_unique_source_key",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def reference(self) -> str:
        """The vacancy number shown to the employer and the public (AK/III number)."""
        return f"AK3-{self.pk:07d}" if self.pk else ""

    @property
    def is_open(self) -> bool:
        """Published, within its validity period and not yet full."""
        today = timezone.localdate()
        return (
            self.status == self.Status.PUBLISHED
            and self.valid_from is not None
            and self.valid_to is not None
            and self.valid_from <= today <= self.valid_to
            and self.open_positions > 0
        )

    @property
    def is_upcoming(self) -> bool:
        """Published, but its period starts after today: it opens on `valid_from`."""
        return (
            self.status == self.Status.PUBLISHED
            and self.valid_from is not None
            and self.valid_from > timezone.localdate()
        )

    @property
    def is_referable(self) -> bool:
        """Open, or published and opening later, with positions left: officers may refer to it."""
        today = timezone.localdate()
        return (
            self.status == self.Status.PUBLISHED
            and self.valid_from is not None
            and self.valid_to is not None
            and today <= self.valid_to
            and self.open_positions > 0
        )

    @property
    def is_editable(self) -> bool:
        """Drafts and returned reports can be changed; submitted and published ones cannot."""
        return self.status in self.EDITABLE_STATUSES

    @property
    def open_positions(self) -> int:
        return max(0, self.headcount - self.filled_count - self.removed_count)

    @property
    def has_limits(self) -> bool:
        """Whether the report limits age or sex (lawful only with a reason)."""
        return bool(self.age_min or self.age_max or self.sex)

    @property
    def education_code(self) -> str:
        """The IPK code of the minimum education (3801 SMA, 31BB SMK, else the level)."""
        if not self.min_education_id:
            return ""
        if self.min_education_id != SLTA or not self.school_track:
            return self.min_education_id
        if self.school_track == SchoolTrack.GENERAL:
            return detailed_code(SLTA, SchoolType.SMA)
        programme = self.smk_programme.code if self.smk_programme_id else ""
        return detailed_code(SLTA, SchoolType.SMK, programme)

    @property
    def requirement_labels(self) -> list[str]:
        """The licence, certificate and language the vacancy requires, as people read them."""
        labels = []
        if self.required_licence:
            labels.append(licence_label(self.required_licence))
        if self.required_certificate:
            labels.append(
                str(_("BNSP certificate: %(scheme)s")) % {"scheme": self.required_certificate}
            )
        if self.required_language:
            labels.append(language_label(self.required_language, self.required_language_level))
        return labels

    @property
    def location_regency(self):
        """The regency the vacancy belongs to: the work location, else the company's."""
        return self.regency if self.regency_id else self.employer.regency


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
