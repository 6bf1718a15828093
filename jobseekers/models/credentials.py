"""Certificates, training, driving licences and languages on the seeker's profile (the codes and
labels are placement/taxonomy/credentials.py)."""

from __future__ import annotations

from datetime import date

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jobseekers.models.seekers import JobSeeker
from placement.taxonomy.credentials import (
    Language,
    LanguageLevel,
    LicenceClass,
    TrainingProvider,
    language_label,
    licence_label,
    scheme_key,
)


class CompetencyCertificate(models.Model):
    """A BNSP competency certificate (sertifikat kompetensi) issued by a licensed LSP."""

    seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="certificates")
    scheme = models.CharField(_("certification scheme"), max_length=200)
    # The scheme name as compared with a vacancy's requirement (credentials.scheme_key).
    scheme_key = models.CharField(max_length=150, db_index=True, editable=False)
    lsp = models.CharField(_("certification body (LSP)"), max_length=200)
    number = models.CharField(_("certificate number"), max_length=100)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))

    class Meta:
        ordering = ["-valid_until", "pk"]
        verbose_name = _("competency certificate (BNSP)")
        verbose_name_plural = _("competency certificates (BNSP)")
        constraints = [
            models.UniqueConstraint(
                fields=["seeker", "number"], name="competencycertificate_seeker_number"
            )
        ]

    def __str__(self) -> str:
        return self.scheme

    def save(self, *args, **kwargs) -> None:
        self.scheme_key = scheme_key(self.scheme)
        super().save(*args, **kwargs)

    def is_valid_on(self, day: date) -> bool:
        return self.valid_from <= day <= self.valid_until

    @property
    def is_expired(self) -> bool:
        """Kept on the profile and the card, flagged; it no longer meets a requirement."""
        return self.valid_until < timezone.localdate()


class Training(models.Model):
    """A course finished at a BLK, an LPK or elsewhere (non-formal education on the card)."""

    seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="trainings")
    course = models.CharField(_("course"), max_length=200)
    provider_kind = models.CharField(
        _("kind of institution"), max_length=5, choices=TrainingProvider.choices
    )
    institution = models.CharField(_("institution"), max_length=200)
    hours = models.PositiveSmallIntegerField(_("hours (JP)"))
    year = models.PositiveSmallIntegerField(_("year finished"))

    class Meta:
        ordering = ["-year", "pk"]
        verbose_name = _("training course")
        verbose_name_plural = _("training courses")

    def __str__(self) -> str:
        return self.course


class DrivingLicence(models.Model):
    """A driving licence (SIM) of one class; a licence is valid five years."""

    seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="licences")
    licence_class = models.CharField(_("class"), max_length=8, choices=LicenceClass.choices)
    valid_until = models.DateField(_("valid until"))

    class Meta:
        ordering = ["licence_class"]
        verbose_name = _("driving licence (SIM)")
        verbose_name_plural = _("driving licences (SIM)")
        constraints = [
            models.UniqueConstraint(
                fields=["seeker", "licence_class"], name="drivinglicence_seeker_class"
            )
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return licence_label(self.licence_class)

    def is_valid_on(self, day: date) -> bool:
        return self.valid_until >= day

    @property
    def is_expired(self) -> bool:
        return self.valid_until < timezone.localdate()


class LanguageSkill(models.Model):
    """A language other than Indonesian, with a level and an optional test result."""

    seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="languages")
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    level = models.PositiveSmallIntegerField(_("level"), choices=LanguageLevel.choices)
    test = models.CharField(
        _("test and result (optional)"),
        max_length=100,
        blank=True,
        help_text=_("For example TOEIC 650, JLPT N4, TOPIK 2."),
    )

    class Meta:
        ordering = ["language"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        constraints = [
            models.UniqueConstraint(fields=["seeker", "language"], name="languageskill_seeker_lang")
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return language_label(self.language, self.level)
