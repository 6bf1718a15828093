"""The way from a match to a job: applications, referrals and placements."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from placement.accounts.scope import region_scope


class ApplicationQuerySet(models.QuerySet):
    def visible_to(self, user) -> ApplicationQuerySet:
        """Seekers: their own; employers: to their vacancies; officers: their region's seekers."""
        if not user.is_authenticated:
            return self.none()
        if user.role == "seeker":
            return self.filter(seeker__user=user)
        if user.role == "employer":
            return self.filter(vacancy__employer__users__user=user)
        return region_scope(user).filter(self, "seeker__regency")


class Application(models.Model):
    """A seeker applies to a published vacancy; the employer moves it through statuses."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Sent")
        SEEN = "seen", _("Seen by the employer")
        SHORTLISTED = "shortlisted", _("Shortlisted")
        INTERVIEW = "interview", _("Invited to interview")
        HIRED = "hired", _("Hired")
        REJECTED = "rejected", _("Not selected")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    seeker = models.ForeignKey(
        "jobseekers.JobSeeker", on_delete=models.PROTECT, related_name="applications"
    )
    vacancy = models.ForeignKey(
        "employers.Vacancy", on_delete=models.PROTECT, related_name="applications"
    )
    note = models.TextField(_("note to the employer"), blank=True, max_length=2000)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.SUBMITTED
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        constraints = [
            models.UniqueConstraint(fields=["seeker", "vacancy"], name="application_unique")
        ]
        indexes = [models.Index(fields=["vacancy", "status"])]

    def __str__(self) -> str:
        return f"{self.seeker} -> {self.vacancy}"
