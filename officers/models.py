"""Counselling (AK/II interviews, guidance sessions) and the actions agreed in them.

Offices, officers, the activity log and the caseload's last contact live on the ground floor
(`placement.offices`).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from placement.accounts.scope import region_scope
from placement.offices.models import Office, Officer

# --- Counselling (penyuluhan dan bimbingan jabatan) -----------------------------------------------


class CounsellingSessionQuerySet(models.QuerySet):
    def visible_to(self, user) -> CounsellingSessionQuerySet:
        """Sessions held by an office in the user's region (staff only)."""

        scope = region_scope(user)
        if scope.everything:
            return self
        if scope.is_empty:
            return self.none()
        return self.filter(office__in=Office.objects.in_scope(scope))


class CounsellingSession(models.Model):
    """An AK/II interview, or an individual or group guidance session (bimbingan jabatan)."""

    class Kind(models.TextChoices):
        INTERVIEW = "interview", _("AK/II interview")
        INDIVIDUAL = "individual", _("Individual guidance")
        GROUP = "group", _("Group guidance")

    class TrainingKind(models.TextChoices):
        BLK = "BLK", _("BLK (public vocational training centre)")
        LPK = "LPK", _("LPK (private training institution)")

    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    office = models.ForeignKey(
        Office, on_delete=models.PROTECT, related_name="counselling_sessions"
    )
    officer = models.ForeignKey(
        Officer, on_delete=models.PROTECT, related_name="counselling_sessions"
    )
    held_on = models.DateField(_("date"))
    seekers = models.ManyToManyField(
        "jobseekers.JobSeeker", related_name="counselling_sessions", verbose_name=_("job seekers")
    )
    # People present, registered or not (a group session is counted once, with its size).
    participants = models.PositiveIntegerField(_("people present"), default=1)
    template = models.CharField(_("notes template"), max_length=20, blank=True)
    notes = models.TextField(_("notes"), max_length=4000, blank=True)
    training_kind = models.CharField(
        _("training referral"), max_length=3, choices=TrainingKind.choices, blank=True
    )
    training_institution = models.CharField(_("training institution"), max_length=200, blank=True)
    training_programme = models.CharField(_("training programme"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CounsellingSessionQuerySet.as_manager()

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("counselling session")
        verbose_name_plural = _("counselling sessions")
        indexes = [models.Index(fields=["office", "held_on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.held_on}"


class Action(models.Model):
    """Something agreed in a session, with a due date; open ones appear in the officer's queue."""

    session = models.ForeignKey(
        CounsellingSession, on_delete=models.CASCADE, related_name="actions"
    )
    seeker = models.ForeignKey(
        "jobseekers.JobSeeker",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="counselling_actions",
    )
    officer = models.ForeignKey(Officer, on_delete=models.PROTECT, related_name="actions")
    description = models.CharField(_("agreed action"), max_length=255)
    due_on = models.DateField(_("due on"))
    done_on = models.DateField(_("done on"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("agreed action")
        verbose_name_plural = _("agreed actions")
        indexes = [
            models.Index(
                fields=["officer", "due_on"],
                condition=models.Q(done_on__isnull=True),
                name="action_open_due",
            )
        ]

    def __str__(self) -> str:
        return self.description

    @property
    def is_done(self) -> bool:
        return self.done_on is not None
