"""Vacancies: the AK/III report of Perpres 57/2023, its skills, and the one definition of
"open", "referable" and the public search."""

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

from employers.models.companies import Employer
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
