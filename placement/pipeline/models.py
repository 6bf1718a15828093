"""The way from a match to a job: applications, referrals and placements.

Size: the models of one pipeline (application, referral, placement and its follow-up, candidate
requests, hire reports), tied by foreign keys and status rules.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from placement.accounts.models import DecidedByOfficer
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


# --- Referrals (perantaraan) ----------------------------------------------------------------------


class ReferralQuerySet(models.QuerySet):
    def visible_to(self, user) -> ReferralQuerySet:
        """Officers: referrals of their region's seekers; employers: sent to their vacancies;
        seekers: their own. Proposals (the officer's shortlist) stay inside the office."""
        if not user.is_authenticated:
            return self.none()
        sent = self.exclude(status=Referral.Status.PROPOSED)
        if user.role == "seeker":
            return sent.filter(seeker__user=user)
        if user.role == "employer":
            return sent.filter(vacancy__employer__users__user=user)
        return region_scope(user).filter(self, "seeker__regency")

    def open(self) -> ReferralQuerySet:
        """Referrals still waiting for an outcome (proposed, referred or interviewed)."""
        return self.filter(status__in=Referral.OPEN_STATUSES)

    def awaiting_outcome(self) -> ReferralQuerySet:
        """Sent to the employer and not decided yet (referred or interviewed)."""
        return self.filter(status__in=Referral.AWAITING_STATUSES)


class Referral(models.Model):
    """An officer refers a seeker to a vacancy with a referral letter (surat pengantar).

    proposed -> referred -> interviewed -> hired | rejected (with a reason) | withdrawn
    """

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        REFERRED = "referred", _("Referred")
        INTERVIEWED = "interviewed", _("Interviewed")
        HIRED = "hired", _("Hired")
        REJECTED = "rejected", _("Not selected")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Source(models.TextChoices):
        MATCH = "match", _("A match of the nightly run")
        SEARCH = "search", _("A search")
        CASE_FILE = "case_file", _("The case file")

    class RejectionReason(models.TextChoices):
        REQUIREMENTS = "requirements", _("Does not meet the requirements")
        EXPERIENCE = "experience", _("Not enough experience")
        INTERVIEW = "interview", _("Not chosen after the interview")
        NO_SHOW = "no_show", _("Did not come to the interview")
        DECLINED = "declined", _("The candidate declined the offer")
        FILLED = "filled", _("The position was already filled")
        OTHER = "other", _("Another reason")

    OPEN_STATUSES = (Status.PROPOSED, Status.REFERRED, Status.INTERVIEWED)
    AWAITING_STATUSES = (Status.REFERRED, Status.INTERVIEWED)
    CLOSED_STATUSES = (Status.HIRED, Status.REJECTED, Status.WITHDRAWN)

    seeker = models.ForeignKey(
        "jobseekers.JobSeeker", on_delete=models.PROTECT, related_name="referrals"
    )
    vacancy = models.ForeignKey(
        "employers.Vacancy", on_delete=models.PROTECT, related_name="referrals"
    )
    office = models.ForeignKey(
        "offices.Office",
        on_delete=models.PROTECT,
        related_name="referrals",
        verbose_name=_("office"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PROPOSED
    )
    source = models.CharField(
        _("found through"), max_length=10, choices=Source.choices, default=Source.CASE_FILE
    )
    match_score = models.FloatField(_("match score"), null=True, blank=True)
    note = models.TextField(_("note to the employer"), blank=True, max_length=1000)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    referred_at = models.DateTimeField(_("referred at"), null=True, blank=True)
    interviewed_on = models.DateField(_("interviewed on"), null=True, blank=True)
    outcome_on = models.DateField(_("decided on"), null=True, blank=True)
    outcome_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    rejection_reason = models.CharField(
        _("reason"), max_length=12, choices=RejectionReason.choices, blank=True
    )
    outcome_note = models.CharField(_("note on the outcome"), max_length=500, blank=True)
    notified_at = models.DateTimeField(_("employer notified at"), null=True, blank=True)
    # What the vacancy requires that the seeker lacked when referred (a SIM class, a BNSP scheme,
    # a language level), and the officer's reason to refer anyway (services/referrals.py).
    credential_warning = models.TextField(_("missing requirements when referred"), blank=True)
    credential_reason = models.TextField(_("reason to refer anyway"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ReferralQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        constraints = [
            # One live (or successful) referral per seeker and vacancy; a withdrawn or rejected
            # one may be followed by a new one.
            models.UniqueConstraint(
                fields=["seeker", "vacancy"],
                condition=~models.Q(status__in=["withdrawn", "rejected"]),
                name="referral_one_live_per_pair",
            )
        ]
        indexes = [
            models.Index(fields=["status", "referred_at"]),
            models.Index(fields=["vacancy", "status"]),
            models.Index(fields=["seeker", "status"]),
            models.Index(fields=["office", "created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.seeker} -> {self.vacancy}"

    @property
    def letter_number(self) -> str:
        """The number printed on the referral letter: `SP/<office>/<year>/<serial>`."""
        if not self.pk:
            return ""
        year = (self.referred_at or self.created_at).year
        return f"SP/{self.office.code.replace('.', '')}/{year}/{self.pk:06d}"

    @property
    def has_letter(self) -> bool:
        """The letter exists once the referral is sent (not for a proposal)."""
        return self.status != self.Status.PROPOSED and self.referred_at is not None

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES


# --- Placements (penempatan) ----------------------------------------------------------------------


class PlacementQuerySet(models.QuerySet):
    def visible_to(self, user) -> PlacementQuerySet:
        """Officers: placements of their region's seekers (by home regency); employers: hires at
        their company; seekers: their own."""
        if not user.is_authenticated:
            return self.none()
        if user.role == "seeker":
            return self.filter(seeker__user=user)
        if user.role == "employer":
            return self.filter(employer__users__user=user)
        return region_scope(user).filter(self, "regency")


class Placement(models.Model):
    """A seeker started work: the AK/I card is deactivated and the ledger counts a placement
    (IPK III/7, III/8) with AKL/AKAD/AKAN and the receiving employer's type."""

    class Source(models.TextChoices):
        REFERRAL = "referral", _("Referral by the office")
        APPLICATION = "application", _("Application through AntarKerja")
        OUTSIDE = "outside", _("Found outside the service")

    class ReportedBy(models.TextChoices):
        OFFICE = "office", _("The office")
        SEEKER = "seeker", _("The job seeker")
        EMPLOYER = "employer", _("The employer")

    class Scope(models.TextChoices):
        AKL = "AKL", _("Local (AKL)")
        AKAD = "AKAD", _("Inter-regional (AKAD)")
        AKAN = "AKAN", _("Abroad (AKAN)")

    seeker = models.ForeignKey(
        "jobseekers.JobSeeker", on_delete=models.PROTECT, related_name="placements"
    )
    vacancy = models.ForeignKey(
        "employers.Vacancy",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="placements",
    )
    referral = models.OneToOneField(
        Referral, null=True, blank=True, on_delete=models.PROTECT, related_name="placement"
    )
    application = models.OneToOneField(
        Application, null=True, blank=True, on_delete=models.PROTECT, related_name="placement"
    )
    source = models.CharField(_("how the job was found"), max_length=12, choices=Source.choices)
    reported_by = models.CharField(
        _("reported by"), max_length=10, choices=ReportedBy.choices, default=ReportedBy.OFFICE
    )
    employer = models.ForeignKey(
        "employers.Employer",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="placements",
    )
    employer_name = models.CharField(_("employer"), max_length=200)
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    occupation = models.ForeignKey(
        "taxonomy.Occupation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("occupation (KBJI)"),
    )
    industry_section = models.CharField(_("industry category (KBLI)"), max_length=1, blank=True)
    employer_type = models.CharField(_("type of employer"), max_length=12, blank=True)
    scope = models.CharField(_("AKL/AKAD/AKAN"), max_length=4, choices=Scope.choices)
    work_regency = models.ForeignKey(
        "taxonomy.Regency",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("place of work"),
    )
    country = models.CharField(_("country"), max_length=100, blank=True)
    placed_on = models.DateField(_("started work on"))
    # The seeker's home region when placed: the placement counts there (IPK, DOMAIN.md §7.7).
    office = models.ForeignKey(
        "offices.Office", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    regency = models.ForeignKey(
        "taxonomy.Regency",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("home regency/city"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PlacementQuerySet.as_manager()

    class Meta:
        ordering = ["-placed_on", "-id"]
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        indexes = [
            models.Index(fields=["regency", "placed_on"]),
            models.Index(fields=["office", "placed_on"]),
            models.Index(fields=["seeker", "placed_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.seeker} @ {self.employer_name} ({self.placed_on})"


class FollowUp(models.Model):
    """Three months after a placement the office asks: still employed? (yes / no / unknown)."""

    class Answer(models.TextChoices):
        YES = "yes", _("Yes, still employed")
        NO = "no", _("No, no longer employed")
        UNKNOWN = "unknown", _("Unknown (could not be reached)")

    placement = models.OneToOneField(Placement, on_delete=models.CASCADE, related_name="follow_up")
    due_on = models.DateField(_("due on"))
    done_on = models.DateField(_("done on"), null=True, blank=True)
    still_employed = models.CharField(
        _("still employed?"), max_length=8, choices=Answer.choices, blank=True
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("placement follow-up")
        verbose_name_plural = _("placement follow-ups")
        indexes = [
            models.Index(
                fields=["due_on"],
                condition=models.Q(done_on__isnull=True),
                name="followup_open_due",
            )
        ]

    def __str__(self) -> str:
        return f"{self.placement_id} due {self.due_on}"

    @property
    def is_done(self) -> bool:
        return self.done_on is not None


# --- Candidates from another office's region (AKAD) -----------------------------------------------
class CandidateRequestQuerySet(models.QuerySet):
    def for_holder(self, user) -> CandidateRequestQuerySet:
        """Requests about seekers of `user`'s region: the queue of the office that holds them."""
        return region_scope(user).filter(self, "seeker__regency")

    def pending(self) -> CandidateRequestQuerySet:
        return self.filter(status=CandidateRequest.Status.PENDING)


class CandidateRequest(DecidedByOfficer):
    """An officer asks the seeker's own office to share a candidate from outside their region
    for one vacancy (antar kerja antar daerah). The candidate's identity is shown to the asking
    officer only once the holding office agrees (or the seeker applies to the vacancy)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for the seeker's office")
        AGREED = "agreed", _("Agreed")
        DECLINED = "declined", _("Declined")

    seeker = models.ForeignKey(
        "jobseekers.JobSeeker", on_delete=models.CASCADE, related_name="candidate_requests"
    )
    vacancy = models.ForeignKey(
        "employers.Vacancy", on_delete=models.CASCADE, related_name="candidate_requests"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CandidateRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("candidate request")
        verbose_name_plural = _("candidate requests")
        constraints = [
            models.UniqueConstraint(fields=["seeker", "vacancy"], name="candidaterequest_unique")
        ]

    def __str__(self) -> str:
        return f"{self.seeker_id} -> {self.vacancy_id} ({self.status})"


# --- "I got a job": the seeker's own report, confirmed by an officer ----------------------------
class HireReportQuerySet(models.QuerySet):
    def visible_to(self, user) -> HireReportQuerySet:
        """Seekers: their own; officers: their region's seekers'; employers: none."""
        if not user.is_authenticated or user.role == "employer":
            return self.none()
        if user.role == "seeker":
            return self.filter(seeker__user=user)
        return region_scope(user).filter(self, "seeker__regency")

    def pending(self) -> HireReportQuerySet:
        return self.filter(status=HireReport.Status.PENDING)


class HireReport(DecidedByOfficer):
    """A seeker tells the office they started work, or an employer that it hired one of its
    candidates. Nothing is counted until an officer confirms it: then it becomes one placement
    (reported by the seeker, or by the employer for its vacancy; the AK/I card is deactivated
    and IPK counts it once, with AKL/AKAD/AKAN derived as usual)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for the office")
        CONFIRMED = "confirmed", _("Confirmed as a placement")
        DISMISSED = "dismissed", _("Not confirmed")

    seeker = models.ForeignKey(
        "jobseekers.JobSeeker", on_delete=models.PROTECT, related_name="hire_reports"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    employer_name = models.CharField(_("employer"), max_length=200)
    job_title = models.CharField(_("job title"), max_length=200)
    occupation = models.ForeignKey(
        "taxonomy.Occupation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("occupation (KBJI)"),
    )
    work_regency = models.ForeignKey(
        "taxonomy.Regency",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("place of work"),
    )
    country = models.CharField(_("country"), max_length=100, blank=True)
    started_on = models.DateField(_("started work on"))
    note = models.CharField(_("anything the office should know"), max_length=500, blank=True)
    reported_by = models.CharField(
        _("reported by"),
        max_length=8,
        choices=Placement.ReportedBy.choices,
        default=Placement.ReportedBy.SEEKER,
    )
    # The employer's own vacancy, when the employer reports the hire.
    vacancy = models.ForeignKey(
        "employers.Vacancy",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="hire_reports",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    placement = models.OneToOneField(
        Placement, null=True, blank=True, on_delete=models.PROTECT, related_name="hire_report"
    )
    decision_note = models.CharField(_("officer's note"), max_length=500, blank=True)

    objects = HireReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("hire report")
        verbose_name_plural = _("hire reports")
        constraints = [
            # One open report per seeker: a second "I got a job" waits for the first decision.
            models.UniqueConstraint(
                fields=["seeker"],
                condition=models.Q(status="pending"),
                name="hirereport_one_pending",
            )
        ]

    def __str__(self) -> str:
        return f"{self.seeker_id} @ {self.employer_name} ({self.status})"
