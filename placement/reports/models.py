"""Stored monthly IPK tables and the standard times of the workload report.

`IpkReport` holds one region's eight tables for one month, built from the ledger by
`services.build_month` (the monthly job, `manage.py build_reports`). Pages, exports, the API and
the public statistics read these rows; nothing re-aggregates a province or the nation live.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class IpkReport(models.Model):
    """IPK tables III/1 to III/8 of one region (an office's code) for one month."""

    month = models.DateField(_("month"))  # the first day of the month
    region_code = models.CharField(_("region"), max_length=5)  # "00", "62", "62.71"
    # {"iii-1": {part: {row: {group: {sex: n}}}}, ...}; zero cells are left out.
    tables = models.JSONField(_("tables"), default=dict)
    # Totals the public page reads without opening the tables: {"seekers": {...}, ...}.
    headline = models.JSONField(_("headline figures"), default=dict)
    built_at = models.DateTimeField(_("built at"), default=timezone.now)

    class Meta:
        ordering = ["-month", "region_code"]
        constraints = [
            models.UniqueConstraint(fields=["month", "region_code"], name="ipkreport_month_region")
        ]
        indexes = [models.Index(fields=["region_code", "month"], name="ipkreport_region_month")]
        verbose_name = _("IPK report")
        verbose_name_plural = _("IPK reports")

    def __str__(self) -> str:
        return f"{self.region_code} {self.month:%Y-%m}"


class StandardTime(models.Model):
    """Minutes one activity of a kind takes (Permenaker 10/2023 workload analysis).

    The regulation's annex with official standard times was not available (DOMAIN.md §4 [U]): the
    defaults are the team's documented assumptions and the national administrator edits them.
    """

    kind = models.CharField(_("activity"), max_length=30, unique=True)
    minutes = models.PositiveIntegerField(
        _("standard time (minutes)"), validators=[MaxValueValidator(24 * 60)]
    )
    # False: one activity is one unit (a group session of 20 people is one session).
    # True: every unit of the activity's quantity counts (e.g. records checked in an import).
    per_unit = models.BooleanField(_("per unit of quantity"), default=False)
    basis = models.CharField(_("basis / assumption"), max_length=255, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["kind"]
        verbose_name = _("standard time")
        verbose_name_plural = _("standard times")

    def __str__(self) -> str:
        return f"{self.kind}: {self.minutes} min"
