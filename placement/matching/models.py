"""Matching runs, their work units, the current results and the nightly summaries.

`Match` always holds the results of the latest successful night: a run writes its rows into a
fresh table and swaps it in within one transaction, so readers never see a half-written night and
a failed night leaves yesterday's results in place.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from placement.matching.engine.constants import COMPONENTS  # one column each
from placement.matching.fields import IntListField


class MatchRun(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        RUNNING = "running", _("Running")
        FINALIZING = "finalizing", _("Finalizing")
        SUCCEEDED = "succeeded", _("Succeeded")
        FAILED = "failed", _("Failed")

    run_on = models.DateField(_("run date"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    # Blank: the national run. One run per date and scope: a rerun replaces, never duplicates.
    province = models.CharField(_("province only"), max_length=2, blank=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    units_total = models.PositiveIntegerField(_("work units"), default=0)
    units_done = models.PositiveIntegerField(_("work units done"), default=0)
    counts = models.JSONField(_("counts"), default=dict, blank=True)
    timings = models.JSONField(_("timings (s)"), default=dict, blank=True)
    error = models.TextField(_("error"), blank=True)
    # The weights this run scored with (fixed when it starts, so every unit uses the same) and
    # their fitted version (None: settings.MATCHING["WEIGHTS"]).
    weights = models.JSONField(_("weights"), default=dict, blank=True)
    weights_version = models.PositiveIntegerField(_("weights version"), null=True, blank=True)

    class Meta:
        ordering = ["-run_on", "province"]
        constraints = [
            models.UniqueConstraint(fields=["run_on", "province"], name="matchrun_date_scope")
        ]
        verbose_name = _("matching run")
        verbose_name_plural = _("matching runs")

    def __str__(self) -> str:
        return f"{self.run_on} {self.status}"

    @property
    def progress_percent(self) -> int:
        if not self.units_total:
            return 0
        return int(100 * self.units_done / self.units_total)


class MatchingWeights(models.Model):
    """One version of the score's weights fitted to referral outcomes (`fit_matching_weights`).

    Every fit is kept with its report (outcomes, held-out AUC of the current and the fitted
    weights, share of held-out hires in their vacancy's top 10); the nightly run uses the latest
    adopted version whose components are the engine's (`weights.current_weights`)."""

    version = models.PositiveIntegerField(_("version"), unique=True)
    weights = models.JSONField(_("weights"))
    report = models.JSONField(_("report"), default=dict, blank=True)
    fitted_at = models.DateTimeField(_("fitted at"))
    fitted_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_adopted = models.BooleanField(_("adopted"), default=False)
    adopted_at = models.DateTimeField(_("adopted at"), null=True, blank=True)

    class Meta:
        ordering = ["-version"]
        verbose_name = _("matching weights")
        verbose_name_plural = _("matching weights")

    def __str__(self) -> str:
        return f"v{self.version}{' adopted' if self.is_adopted else ''}"


class MatchUnit(models.Model):
    """One work unit of a run: a batch of vacancies of one province, scored by one task."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    run = models.ForeignKey(MatchRun, on_delete=models.CASCADE, related_name="units")
    number = models.PositiveIntegerField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    pairs = models.BigIntegerField(_("admissible pairs"), default=0)
    vacancies = models.PositiveIntegerField(default=0)
    attempts = models.PositiveSmallIntegerField(default=0)
    claimed_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    seconds = models.FloatField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["run", "number"]
        constraints = [
            models.UniqueConstraint(fields=["run", "number"], name="matchunit_run_number")
        ]

    def __str__(self) -> str:
        return f"{self.run_id}/{self.number} {self.status}"


class MatchQuerySet(models.QuerySet):
    def for_vacancy(self, vacancy_id: int) -> MatchQuerySet:
        """The vacancy's ranked candidates, best first."""
        return self.filter(vacancy_id=vacancy_id, rank_for_vacancy__gt=0).order_by(
            "rank_for_vacancy"
        )

    def for_seeker(self, seeker_id: int) -> MatchQuerySet:
        """The seeker's ranked vacancies, best first."""
        return self.filter(seeker_id=seeker_id, rank_for_seeker__gt=0).order_by("rank_for_seeker")


class Match(models.Model):
    """One scored pair of the latest night, with its reasons."""

    run = models.ForeignKey(
        MatchRun, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    seeker = models.ForeignKey(
        "jobseekers.JobSeeker", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    vacancy = models.ForeignKey(
        "employers.Vacancy", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    score = models.FloatField(_("score"))
    skills = models.FloatField()
    occupation = models.FloatField()
    education = models.FloatField()
    experience = models.FloatField()
    location = models.FloatField()
    wage = models.FloatField()
    # 0 when no credential is relevant to the vacancy (then not scored: see the engine).
    credentials = models.FloatField(default=0)
    # 1 = best; 0 = the pair is not in that side's list (fixed width keeps the binary COPY simple).
    rank_for_vacancy = models.PositiveSmallIntegerField(default=0)
    rank_for_seeker = models.PositiveSmallIntegerField(default=0)
    matched_skills = IntListField(default=list)
    missing_skills = IntListField(default=list)

    objects = MatchQuerySet.as_manager()

    class Meta:
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        # The nightly swap (store.py) rebuilds exactly these indexes under these names.
        indexes = [
            models.Index(
                fields=["vacancy", "rank_for_vacancy"],
                name="match_vacancy_rank",
                condition=models.Q(rank_for_vacancy__gt=0),
            ),
            models.Index(
                fields=["seeker", "rank_for_seeker"],
                name="match_seeker_rank",
                condition=models.Q(rank_for_seeker__gt=0),
            ),
            models.Index(fields=["seeker", "vacancy"], name="match_pair"),
        ]

    def __str__(self) -> str:
        return f"{self.seeker_id}~{self.vacancy_id} {self.score:.1f}"

    @property
    def components(self) -> dict[str, float]:
        return {name: getattr(self, name) for name in COMPONENTS}


class RegionSummary(models.Model):
    """Figures of one region built at the end of the nightly run; dashboards read these."""

    region_code = models.CharField(max_length=5)  # "00" nation, "62" province, "62.71" regency
    built_on = models.DateField()
    data = models.JSONField(default=dict)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["region_code"], name="regionsummary_region")]

    def __str__(self) -> str:
        return f"{self.region_code} {self.built_on}"
