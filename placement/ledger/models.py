"""The ledger: append-only, dated events. The ONLY source of the IPK statistics.

A seeker registered in March and placed in May counts in both months' flows, so statistics are
computed from these events, never from current status fields.
"""

from __future__ import annotations

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from placement.ledger import chain
from placement.taxonomy.models import Sex


class EventKind(models.TextChoices):
    SEEKER_REGISTERED = "seeker_registered", _("Job seeker registered")
    SEEKER_REPORTED = "seeker_reported", _("Job seeker reported")
    SEEKER_REMOVED = "seeker_removed", _("Job seeker removed")
    SEEKER_REACTIVATED = "seeker_reactivated", _("Job seeker reactivated")
    SEEKER_PLACED = "seeker_placed", _("Job seeker placed")
    # Registration desk decisions and card records: no IPK flow (the seeker was never or is still
    # in the stock); kept so a case file's history is whole (jobseekers/services/desk.py).
    SEEKER_RETURNED = "seeker_returned", _("Registration returned for changes")
    SEEKER_REJECTED = "seeker_rejected", _("Registration not accepted")
    SEEKER_CARD_REISSUED = "seeker_card_reissued", _("AK/I card reissued")
    SEEKER_MERGED = "seeker_merged", _("Duplicate registration merged in")
    VACANCY_REGISTERED = "vacancy_registered", _("Vacancy registered")
    VACANCY_FILLED = "vacancy_filled", _("Vacancy filled")
    VACANCY_REMOVED = "vacancy_removed", _("Vacancy removed")


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs: object) -> int:
        raise TypeError("Ledger events are append-only.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise TypeError("Ledger events are append-only.")

    def bulk_create(self, objs, *args: object, **kwargs: object):
        """Insert new events, each chained to its office's previous one (ledger/chain.py)."""

        objs = list(objs)
        if any(obj.pk is not None for obj in objs):
            raise TypeError("Ledger events are append-only.")
        if kwargs.get("update_conflicts"):
            raise TypeError("Ledger events are append-only.")
        batch = kwargs.pop("batch_size", None) or 5000
        created = []
        with transaction.atomic(using=self.db):
            chain.seal(self.model, objs)
            for start in range(0, len(objs), batch):
                created += super().bulk_create(objs[start : start + batch], *args, **kwargs)
        return created


class Event(models.Model):
    """One dated fact with the dimensions the IPK tables group by."""

    kind = models.CharField(_("kind"), max_length=30, choices=EventKind.choices)
    occurred_on = models.DateField(_("occurred on"))
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    # The subject: a seeker or a vacancy (by app label and id; the ledger imports no app).
    subject_type = models.CharField(_("subject type"), max_length=40)
    subject_id = models.BigIntegerField(_("subject id"))
    office = models.ForeignKey(
        "offices.Office", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    regency = models.ForeignKey(
        "taxonomy.Regency", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    province = models.ForeignKey(
        "taxonomy.Province", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # IPK dimensions. `quantity` is 1 for a person, the headcount for a vacancy.
    quantity = models.PositiveIntegerField(_("quantity"), default=1)
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, blank=True)
    age_group = models.CharField(_("age group"), max_length=5, blank=True)
    education = models.CharField(_("education code"), max_length=4, blank=True)
    occupation_group = models.CharField(_("occupation major group"), max_length=1, blank=True)
    industry_section = models.CharField(_("industry category"), max_length=1, blank=True)
    placement_scope = models.CharField(_("AKL/AKAD/AKAN"), max_length=4, blank=True)
    employer_type = models.CharField(_("employer type"), max_length=20, blank=True)
    detail = models.JSONField(_("detail"), default=dict, blank=True)
    # The hash chain (ledger/chain.py): position in the office's chain and the link's hash.
    chain_seq = models.PositiveBigIntegerField(_("chain sequence"), default=0, editable=False)
    chain_hash = models.CharField(_("chain hash"), max_length=64, blank=True, editable=False)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("ledger event")
        verbose_name_plural = _("ledger events")
        indexes = [
            models.Index(fields=["regency", "occurred_on", "kind"]),
            models.Index(fields=["province", "occurred_on", "kind"]),
            models.Index(fields=["subject_type", "subject_id", "occurred_on"]),
            models.Index(fields=["occurred_on", "kind"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "chain_seq"], name="ledger_event_office_chain_seq"
            ),
            models.UniqueConstraint(
                fields=["chain_seq"],
                condition=models.Q(office__isnull=True),
                name="ledger_event_no_office_chain_seq",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.occurred_on} {self.kind} {self.subject_type}:{self.subject_id}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise TypeError("Ledger events are append-only.")

        with transaction.atomic(using=kwargs.get("using")):
            chain.seal(type(self), [self])
            super().save(*args, **kwargs)

    def delete(self, *args: object, **kwargs: object) -> None:
        raise TypeError("Ledger events are append-only.")
