"""Job fairs (Permenaker 39/2016 Art. 53-54) and the employers' reporting duty (Perpres 57/2023).

A fair organised by a private party needs the Dinas Kab/Kota's approval, with its licence, the
companies, vacancies and placement targets it plans, and a statement that job seekers pay nothing
(charging job seekers is prohibited). Interviews and hires at the fair are recorded here; a hire is
a placement (pipeline), so it counts once in the vacancy's filled report and in the IPK tables.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from placement.accounts.models import DecidedByOfficer
from placement.accounts.scope import region_scope


class JobFairQuerySet(models.QuerySet):
    def visible_to(self, user) -> JobFairQuerySet:
        """Fairs held in the officer's region (national: all)."""
        return region_scope(user).filter(self, "regency")

    def public(self) -> JobFairQuerySet:
        return self.filter(status__in=[JobFair.Status.APPROVED, JobFair.Status.CLOSED])


class JobFair(DecidedByOfficer):
    class Organiser(models.TextChoices):
        DINAS = "dinas", _("The Disnaker itself")
        PRIVATE = "private", _("A private organiser")

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Refused")
        CLOSED = "closed", _("Held and closed")

    name = models.CharField(_("name of the fair"), max_length=200)
    organiser_kind = models.CharField(_("organiser"), max_length=8, choices=Organiser.choices)
    organiser_name = models.CharField(_("organiser's name"), max_length=200)
    organiser_licence = models.CharField(
        _("organiser's licence (number)"), max_length=100, blank=True
    )
    regency = models.ForeignKey(
        "taxonomy.Regency",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("regency/city"),
    )
    venue = models.CharField(_("venue"), max_length=255)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    planned_companies = models.TextField(_("companies planned (one per line)"), blank=True)
    planned_vacancies = models.PositiveIntegerField(_("vacancies planned"), default=0)
    placement_target = models.PositiveIntegerField(_("placement target"), default=0)
    # The no-fee statement (surat pernyataan tidak memungut biaya): a document kept privately.
    no_fee_statement = models.CharField(max_length=64, blank=True)
    no_fee_statement_name = models.CharField(_("no-fee statement"), max_length=150, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED
    )
    decision_reason = models.TextField(_("reason of the decision"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = JobFairQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = _("job fair")
        verbose_name_plural = _("job fairs")

    def __str__(self) -> str:
        return self.name

    @property
    def has_no_fee_statement(self) -> bool:
        return bool(self.no_fee_statement)


class FairEmployer(models.Model):
    fair = models.ForeignKey(JobFair, on_delete=models.CASCADE, related_name="employers")
    employer = models.ForeignKey("employers.Employer", on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["fair", "employer"], name="fairemployer_unique")
        ]

    def __str__(self) -> str:
        return f"{self.fair_id}: {self.employer_id}"


class FairVacancy(models.Model):
    fair = models.ForeignKey(JobFair, on_delete=models.CASCADE, related_name="vacancies")
    vacancy = models.ForeignKey(
        "employers.Vacancy", on_delete=models.PROTECT, related_name="fair_links"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["fair", "vacancy"], name="fairvacancy_unique")
        ]

    def __str__(self) -> str:
        return f"{self.fair_id}: {self.vacancy_id}"


class FairVisitor(models.Model):
    """A visitor: a registered seeker (by AK/I number) or a person registered on the spot."""

    fair = models.ForeignKey(JobFair, on_delete=models.CASCADE, related_name="visitors")
    seeker = models.ForeignKey(
        "jobseekers.JobSeeker", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("name"), max_length=150)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    registered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-registered_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["fair", "seeker"],
                condition=models.Q(seeker__isnull=False),
                name="fairvisitor_seeker_once",
            )
        ]

    def __str__(self) -> str:
        return self.name


class FairResult(models.Model):
    """An interview or a hire at the fair; a hire points to its placement."""

    class Kind(models.TextChoices):
        INTERVIEW = "interview", _("Interview")
        HIRE = "hire", _("Hire")

    fair = models.ForeignKey(JobFair, on_delete=models.CASCADE, related_name="results")
    visitor = models.ForeignKey(FairVisitor, on_delete=models.PROTECT, related_name="results")
    vacancy = models.ForeignKey("employers.Vacancy", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("result"), max_length=10, choices=Kind.choices)
    on = models.DateField(_("date"))
    placement = models.OneToOneField(
        "pipeline.Placement", null=True, blank=True, on_delete=models.PROTECT, related_name="fair"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["fair", "visitor", "vacancy", "kind"], name="fairresult_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.visitor_id} {self.vacancy_id}"


class WarningLetter(models.Model):
    """A written warning to an employer that did not report (Perpres 57/2023 Art. 17)."""

    employer = models.ForeignKey(
        "employers.Employer", on_delete=models.PROTECT, related_name="warning_letters"
    )
    number = models.CharField(_("letter number"), max_length=60, unique=True)
    issued_on = models.DateField(_("issued on"), default=timezone.localdate)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    office_name = models.CharField(_("office"), max_length=200)
    reasons = models.JSONField(_("reasons"), default=list)

    class Meta:
        ordering = ["-issued_on", "-id"]
        verbose_name = _("written warning")
        verbose_name_plural = _("written warnings")

    def __str__(self) -> str:
        return self.number


class ReportingReminder(models.Model):
    """A reminder sent to an employer about its reporting duty (one per employer and day)."""

    employer = models.ForeignKey("employers.Employer", on_delete=models.CASCADE, related_name="+")
    sent_on = models.DateField(default=timezone.localdate)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reasons = models.JSONField(default=list)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["employer", "sent_on"], name="reminder_once_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.employer_id} {self.sent_on}"
