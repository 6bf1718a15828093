"""The privacy officer's registers (UU 27/2022 PDP): data-subject requests and data breaches,
each with its 3x24-hour clock (clock.py)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from placement.privacy.clock import Clock


class SubjectRequest(models.Model):
    """A job seeker's request about their personal data, filed online or at the office."""

    class Kind(models.TextChoices):
        ACCESS = "access", _("Access to my data")
        CORRECTION = "correction", _("Correction of my data")
        DELETION = "deletion", _("Deletion of my data")
        WITHDRAWAL = "withdrawal", _("Withdrawal of consent")
        OBJECTION = "objection", _("Objection to processing")

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        IN_PROGRESS = "in_progress", _("Being handled")
        DONE = "done", _("Done")
        REFUSED = "refused", _("Refused")

    class Channel(models.TextChoices):
        ONLINE = "online", _("Online")
        WALK_IN = "walk_in", _("At the office")

    OPEN_STATUSES = (Status.RECEIVED, Status.IN_PROGRESS)

    seeker = models.ForeignKey(
        "jobseekers.JobSeeker",
        on_delete=models.PROTECT,
        related_name="privacy_requests",
        verbose_name=_("job seeker"),
    )
    kind = models.CharField(_("request"), max_length=12, choices=Kind.choices)
    channel = models.CharField(
        _("filed"), max_length=8, choices=Channel.choices, default=Channel.ONLINE
    )
    details = models.TextField(_("details"), max_length=2000, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.RECEIVED
    )
    received_at = models.DateTimeField(_("received at"), default=timezone.now)
    due_at = models.DateTimeField(_("due at"))
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("filed by"),
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("handled by"),
    )
    resolved_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    resolution = models.TextField(_("answer"), max_length=2000, blank=True)

    class Meta:
        ordering = ["due_at", "pk"]
        verbose_name = _("data-subject request")
        verbose_name_plural = _("data-subject requests")
        indexes = [models.Index(fields=["status", "due_at"])]

    def __str__(self) -> str:
        return f"{self.number} {self.kind}"

    @property
    def number(self) -> str:
        return f"PDP-{self.pk:06d}" if self.pk else "PDP-"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    def clock(self, now=None) -> Clock:
        now = now or timezone.now()
        if not self.is_open:
            return Clock(due=self.due_at, now=self.resolved_at or now, stopped=True)
        return Clock(due=self.due_at, now=now)

    @property
    def answered_late(self) -> bool:
        return bool(self.resolved_at and self.resolved_at > self.due_at)


class Breach(models.Model):
    """A (suspected) personal-data breach: what, whose data, when found, the 3x24-hour deadline
    to tell the persons and the authority, the notice texts, the actions and the closure."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        NOTIFIED = "notified", _("Notified")
        CLOSED = "closed", _("Closed")

    title = models.CharField(_("incident"), max_length=200)
    description = models.TextField(_("what happened"), max_length=4000)
    discovered_at = models.DateTimeField(_("discovered at"))
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    affected_data = models.CharField(_("affected data"), max_length=500)
    affected_subjects = models.PositiveIntegerField(_("people affected (estimate)"), default=0)
    due_at = models.DateTimeField(_("notices due at"))
    subject_notice = models.TextField(_("notice to the persons"), max_length=4000, blank=True)
    subjects_notified_at = models.DateTimeField(_("persons notified at"), null=True, blank=True)
    authority_notice = models.TextField(_("notice to the authority"), max_length=4000, blank=True)
    authority_notified_at = models.DateTimeField(_("authority notified at"), null=True, blank=True)
    actions = models.TextField(_("actions taken"), max_length=4000, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-discovered_at", "-pk"]
        verbose_name = _("data breach")
        verbose_name_plural = _("data breaches")

    def __str__(self) -> str:
        return self.title

    @property
    def number(self) -> str:
        return f"INS-{self.pk:05d}" if self.pk else "INS-"

    @property
    def notices_done(self) -> bool:
        return bool(self.subjects_notified_at and self.authority_notified_at)

    def notices_late(self, now=None) -> bool:
        """A notice sent after the deadline, or still missing after it (an open incident)."""
        now = now or timezone.now()
        for sent in (self.subjects_notified_at, self.authority_notified_at):
            if sent is not None and sent > self.due_at:
                return True
            if sent is None and self.status != self.Status.CLOSED and now > self.due_at:
                return True
        return False

    def clock(self, now=None) -> Clock:
        """Runs until both notices are sent (or the incident is closed)."""
        now = now or timezone.now()
        if self.notices_done or self.status == self.Status.CLOSED:
            stopped_at = max(
                filter(None, [self.subjects_notified_at, self.authority_notified_at]),
                default=self.closed_at or now,
            )
            return Clock(due=self.due_at, now=stopped_at, stopped=True)
        return Clock(due=self.due_at, now=now)
