"""Reference data: regions (Kemendagri), occupations (KBJI), industries (KBLI), education, skills.

Regions use their Kemendagri code as primary key (`62.71`), so foreign keys read as codes.
Classifications carry a `version` so a new edition (KBJI 2026, KBLI 2025) can sit beside the old.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Case, Q, Value, When
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from placement.taxonomy.text.occupations import occupation_title, suggest_occupations
from placement.taxonomy.text.places import regency_codes_for
from placement.taxonomy.text.skills import search as search_skills


class Sex(models.TextChoices):
    """Sex as the NIK, the AK/I card and the IPK tables record it: L (laki-laki), P (perempuan).
    The one definition: seekers, vacancies (where a lawful limit is stated) and the ledger."""

    MALE = "L", _("Male")
    FEMALE = "P", _("Female")


class SearchQuerySet(models.QuerySet):
    """`search(q)`: every word must appear in one of the searchable fields."""

    search_fields: tuple[str, ...] = ()

    def search(self, q: str) -> SearchQuerySet:
        """Filter by the words of `q` (case-insensitive), each word in any search field."""
        result = self
        for word in q.split()[:8]:
            condition = Q()
            for field in self.search_fields:
                condition |= Q(**{f"{field}__icontains": word})
            result = result.filter(condition)
        return result


def _ranked(queryset: SearchQuerySet, keys: list[str], words: str, key_field: str = "pk"):
    """`keys` (best first) followed by the plain word search's rows, in that order."""
    if not keys:
        return SearchQuerySet.search(queryset, words)
    plain = SearchQuerySet.search(queryset, words).values("pk")
    order = Case(
        *[When(**{key_field: key}, then=Value(i)) for i, key in enumerate(keys)],
        default=Value(len(keys)),
        output_field=models.IntegerField(),
    )
    return (
        queryset.filter(Q(**{f"{key_field}__in": keys}) | Q(pk__in=plain))
        .annotate(match_rank=order)
        .order_by("match_rank", *(queryset.query.order_by or queryset.model._meta.ordering))
    )


class RegionQuerySet(SearchQuerySet):
    search_fields = ("code", "name")

    def search(self, q: str) -> RegionQuerySet:
        """Regencies also by the place words people use: "Cikarang" offers Kab. Bekasi first."""
        if self.model is not Regency:
            return super().search(q)
        return _ranked(self, regency_codes_for(q), q)


class Province(models.Model):
    code = models.CharField(_("code"), max_length=2, primary_key=True)
    name = models.CharField(_("name"), max_length=100)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    population_male = models.PositiveIntegerField(null=True, blank=True)
    population_female = models.PositiveIntegerField(null=True, blank=True)
    area_km2 = models.FloatField(_("area (km²)"), null=True, blank=True)

    objects = RegionQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def __str__(self) -> str:
        return self.name


class Regency(models.Model):
    class Kind(models.TextChoices):
        KABUPATEN = "kabupaten", _("Regency (kabupaten)")
        KOTA = "kota", _("City (kota)")

    code = models.CharField(_("code"), max_length=5, primary_key=True)
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="regencies")
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=100)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    population_male = models.PositiveIntegerField(null=True, blank=True)
    population_female = models.PositiveIntegerField(null=True, blank=True)
    area_km2 = models.FloatField(_("area (km²)"), null=True, blank=True)
    # Codes change when regions split (pemekaran): keep the validity window.
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)

    objects = RegionQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("regency/city")
        verbose_name_plural = _("regencies/cities")

    def __str__(self) -> str:
        return self.name


class District(models.Model):
    """Kecamatan."""

    code = models.CharField(_("code"), max_length=8, primary_key=True)
    regency = models.ForeignKey(Regency, on_delete=models.PROTECT, related_name="districts")
    name = models.CharField(_("name"), max_length=100)

    objects = RegionQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("district")
        verbose_name_plural = _("districts")

    def __str__(self) -> str:
        return self.name


class ClassificationQuerySet(SearchQuerySet):
    search_fields = ("code", "title")

    def current(self) -> ClassificationQuerySet:
        """Only the edition in use."""
        return self.filter(version=self.model.CURRENT_VERSION)


class OccupationQuerySet(ClassificationQuerySet):
    def search_words(self, q: str) -> OccupationQuerySet:
        """Occupations for the words people use ("admin gudang", "SPG"), best first.

        The occupation coder's groups come first, each followed by its 6-level jobs (the one that
        fits the words first), then whatever the plain word search finds. Codes ("2512") and
        words the coder cannot place fall back to `search`.
        """
        q = (q or "").strip()[:100]
        if not q or q.replace(".", "").isdigit():
            return self.search(q)
        suggestions = suggest_occupations(q, limit=6)
        if not suggestions:
            return self.search(q)
        found = Q(pk__in=self.search(q).values("pk"))
        ranks = []
        for position, suggestion in enumerate(suggestions):
            group = suggestion.code
            found |= Q(code=group)
            ranks.append(When(code=group, then=Value(position * 10)))
            if suggestion.job_code:
                found |= Q(code=suggestion.job_code)
                ranks.append(When(code=suggestion.job_code, then=Value(position * 10 + 1)))
            # A neighbour no typed word names ("kasir": 5223 shop sales assistants, listed with
            # cashiers in our aliases) keeps its place among the groups, without its jobs.
            if position < 3 and suggestion.reason_kind != "neighbour":
                found |= Q(code__startswith=f"{group}.")
                ranks.append(When(code__startswith=f"{group}.", then=Value(position * 10 + 2)))
        rank = Case(*ranks, default=Value(1000), output_field=models.IntegerField())
        return self.filter(found).annotate(word_rank=rank).order_by("word_rank", "code")


class Occupation(models.Model):
    """KBJI 2014: golongan pokok (1 digit) to jabatan (`2512.01`); ISCO-08 to 4 digits."""

    CURRENT_VERSION = "2014"

    version = models.CharField(_("edition"), max_length=4, default=CURRENT_VERSION)
    code = models.CharField(_("KBJI code"), max_length=7)
    level = models.PositiveSmallIntegerField(_("digits"))
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    isco08_code = models.CharField(_("ISCO-08 code"), max_length=4, blank=True)

    objects = OccupationQuerySet.as_manager()

    class Meta:
        ordering = ["version", "code"]
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="occupation_version_code")
        ]
        verbose_name = _("occupation")
        verbose_name_plural = _("occupations")

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def display_title(self) -> str:
        """The title in the active language, as the occupation suggestions give it (English pages:
        the ISCO-08 unit group's English title)."""
        return occupation_title(self.code, self.title, get_language() or "id")

    @property
    def major_group(self) -> str:
        """The 1-digit golongan pokok (IPK III/3 and III/5 rows)."""
        return self.code[0]

    @property
    def unit_group(self) -> str:
        """The 4-digit code the matching compares."""
        return self.code[:4]


class Industry(models.Model):
    """KBLI 2020: kategori (letter) to kelompok (5 digits)."""

    CURRENT_VERSION = "2020"

    version = models.CharField(_("edition"), max_length=4, default=CURRENT_VERSION)
    code = models.CharField(_("KBLI code"), max_length=5)
    section = models.CharField(_("category"), max_length=1)
    level = models.PositiveSmallIntegerField(_("level"))
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )

    objects = ClassificationQuerySet.as_manager()

    class Meta:
        ordering = ["version", "code"]
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="industry_version_code")
        ]
        verbose_name = _("industry")
        verbose_name_plural = _("industries")

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class EducationLevelQuerySet(SearchQuerySet):
    search_fields = ("code", "short_name", "name_id", "name_en")


class EducationLevel(models.Model):
    """IPK education levels. `rank` orders them so "at least SMA/SMK" is `rank >= 3`."""

    code = models.CharField(_("IPK code"), max_length=4, primary_key=True)
    rank = models.PositiveSmallIntegerField(_("rank"))
    order = models.PositiveSmallIntegerField(_("order"), unique=True)
    short_name = models.CharField(_("short name"), max_length=20)
    name_id = models.CharField(_("name (Indonesian)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)

    objects = EducationLevelQuerySet.as_manager()

    class Meta:
        ordering = ["order"]
        verbose_name = _("education level")
        verbose_name_plural = _("education levels")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_en if (get_language() or "id").startswith("en") else self.name_id


class SkillQuerySet(SearchQuerySet):
    search_fields = ("label_id", "label_en")

    def search(self, q: str) -> SkillQuerySet:
        """Skills also by the words people use ("kasir", "las", "ms excel"), whole words first:
        "las" offers welding, not "Mengelola kelas"."""
        keys = search_skills(q, language=get_language() or "id")
        if not keys:
            return super().search(q)
        # The word search finds words inside words ("kelas" for "las"): the phrases found by
        # whole words and word starts are the answer.
        order = Case(
            *[When(uri=key, then=Value(i)) for i, key in enumerate(keys)],
            output_field=models.IntegerField(),
        )
        return self.filter(uri__in=keys).annotate(match_rank=order).order_by("match_rank")

    def common_first(self) -> SkillQuerySet:
        """Skills with an Indonesian label (the common ones) first, by how common they are."""
        return self.order_by(models.F("common_rank").asc(nulls_last=True), "label_en")


class Skill(models.Model):
    """An ESCO skill; the Indonesian label is written by the team for the common ones."""

    uri = models.CharField(_("ESCO URI"), max_length=120, unique=True)
    label_en = models.CharField(_("label (English)"), max_length=255)
    label_id = models.CharField(_("label (Indonesian)"), max_length=255, blank=True)
    reuse_level = models.CharField(_("reuse level"), max_length=20, blank=True)
    common_rank = models.PositiveIntegerField(_("commonness rank"), null=True, blank=True)

    objects = SkillQuerySet.as_manager()

    class Meta:
        ordering = ["label_en"]
        verbose_name = _("skill")
        verbose_name_plural = _("skills")

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """Indonesian label first (when it exists and the page is in Indonesian)."""
        if self.label_id and not (get_language() or "id").startswith("en"):
            return self.label_id
        return self.label_en


class SmkProgramme(models.Model):
    """Spektrum Keahlian SMK/MAK: bidang (level 1), program (2), kompetensi keahlian (3).

    Codes are the decree's dotted numbers (`1.4.2` Teknik Pengelasan); `edition` is the year of
    the spectrum (2018: Perdirjen Dikdasmen 06/D.D5/KK/2018), so a later one can sit beside it.
    """

    CURRENT_EDITION = "2018"

    edition = models.CharField(_("edition"), max_length=4, default=CURRENT_EDITION)
    code = models.CharField(_("code"), max_length=8)
    level = models.PositiveSmallIntegerField(_("level"))
    title = models.CharField(_("title"), max_length=150)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )

    objects = ClassificationQuerySet.as_manager()

    class Meta:
        ordering = ["edition", "code"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "code"], name="smkprogramme_edition_code")
        ]
        verbose_name = _("SMK programme")
        verbose_name_plural = _("SMK programmes")

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def bidang(self) -> str:
        """The bidang keahlian number (`1` of `1.4.2`)."""
        return self.code.split(".")[0]


class StudyFieldQuerySet(SearchQuerySet):
    search_fields = ("code", "title_id", "title_en")


class StudyField(models.Model):
    """ISCED-F 2013 fields of education: broad (2 digits) and narrow (3 digits)."""

    code = models.CharField(_("ISCED-F code"), max_length=4, primary_key=True)
    level = models.PositiveSmallIntegerField(_("level"))
    title_id = models.CharField(_("title (Indonesian)"), max_length=150)
    title_en = models.CharField(_("title (English)"), max_length=150)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )

    objects = StudyFieldQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("field of study")
        verbose_name_plural = _("fields of study")

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def title(self) -> str:
        return self.title_en if (get_language() or "id").startswith("en") else self.title_id


class LearnedAliasQuerySet(models.QuerySet):
    def active(self) -> LearnedAliasQuerySet:
        """Aliases in use (not taken back)."""
        return self.filter(revoked_at__isnull=True)


class LearnedAlias(models.Model):
    """Words an officer taught the coders by confirming an import's coding ("staf gudang" is
    KBJI 4321, "Palangkaraya" is 62.71): used by the coders next time; who taught it is kept,
    and it can be taken back."""

    class Kind(models.TextChoices):
        OCCUPATION = "occupation", _("Occupation (KBJI)")
        PLACE = "place", _("Regency/city")
        SKILL = "skill", _("Skill")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    text = models.CharField(_("words"), max_length=200)  # folded (normalize.fold)
    code = models.CharField(_("code"), max_length=120)  # KBJI code, regency code or skill URI
    created_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)
    # How often the coders used it (rows of imports coded by it), and when last.
    uses = models.PositiveIntegerField(_("used"), default=0)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    objects = LearnedAliasQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "text"]
        verbose_name = _("learned alias")
        verbose_name_plural = _("learned aliases")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "text"],
                condition=Q(revoked_at__isnull=True),
                name="learned_alias_one_active",
            )
        ]

    def __str__(self) -> str:
        return f"{self.text} → {self.code}"
