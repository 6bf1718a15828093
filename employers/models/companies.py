"""Employers (pemberi kerja): the company, office, foundation or household, and its users."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from placement.accounts.scope import region_scope


class EmployerQuerySet(models.QuerySet):
    def visible_to(self, user) -> EmployerQuerySet:
        """Employers an officer may see; an employer user sees only their own company."""
        if user.is_authenticated and user.role == "employer":
            return self.filter(users__user=user)
        return region_scope(user).filter(self, "regency")

    def verified(self) -> EmployerQuerySet:
        return self.filter(status=Employer.Status.VERIFIED)


class Employer(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for verification")
        VERIFIED = "verified", _("Verified")
        REJECTED = "rejected", _("Rejected")

    class Ownership(models.TextChoices):
        # The receiving-employer rows of IPK table III/8(b).
        GOVERNMENT = "government", _("Government")
        BUMN_BUMD = "bumn_bumd", _("State/regional enterprise (BUMN/BUMD)")
        COOPERATIVE = "cooperative", _("Cooperative")
        PRIVATE = "private", _("Private company")
        OTHER = "other", _("Other business entity")
        FOUNDATION = "foundation", _("Foundation or association")
        INDIVIDUAL = "individual", _("Individual")

    class Kind(models.TextChoices):
        # Perpres 57/2023 binds every employer that reports vacancies, not only businesses.
        COMPANY = "company", _("Company or business entity")
        GOVERNMENT = "government", _("Government body")
        FOUNDATION = "foundation", _("Foundation or association")
        INDIVIDUAL = "individual", _("Individual or household")

    # The ownership (III/8 row) every non-company kind has; a company chooses among the others.
    KIND_OWNERSHIP = {
        Kind.GOVERNMENT: Ownership.GOVERNMENT,
        Kind.FOUNDATION: Ownership.FOUNDATION,
        Kind.INDIVIDUAL: Ownership.INDIVIDUAL,
    }
    COMPANY_OWNERSHIPS = frozenset(
        {Ownership.BUMN_BUMD, Ownership.COOPERATIVE, Ownership.PRIVATE, Ownership.OTHER}
    )

    kind = models.CharField(
        _("kind of employer"), max_length=12, choices=Kind.choices, default=Kind.COMPANY
    )
    name = models.CharField(_("company name"), max_length=200)

    class Origin(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        JOB_BOARD = "job_board", _("From a job board / not yet registered")

    # NIB (OSS business number): companies only (the registration checks it by kind); employers
    # taken from an imported job board file have none until the officer invites or verifies them.
    # Other kinds give their own identifier.
    nib = models.CharField(
        _("NIB (business number)"), max_length=13, unique=True, null=True, blank=True
    )
    identifier = models.CharField(
        _("identifier"),
        max_length=40,
        blank=True,
        help_text=_(
            "Government body: unit code (kode satker); foundation or association: the "
            "Kemenkumham decree number (AHU); individual or household: the employer's NIK."
        ),
    )
    origin = models.CharField(
        _("origin"), max_length=10, choices=Origin.choices, default=Origin.REGISTERED
    )
    industry = models.ForeignKey(
        "taxonomy.Industry",
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("industry"),
    )
    ownership = models.CharField(_("ownership"), max_length=12, choices=Ownership.choices)
    address = models.CharField(_("address"), max_length=255)
    regency = models.ForeignKey(
        "taxonomy.Regency",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("regency/city"),
    )
    district = models.ForeignKey(
        "taxonomy.District",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("district"),
    )
    contact_name = models.CharField(_("contact person"), max_length=150)
    contact_email = models.EmailField(_("contact e-mail"))
    contact_phone = models.CharField(_("contact phone"), max_length=20)
    website = models.URLField(_("website"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    status_reason = models.CharField(_("reason"), max_length=255, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    verified_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EmployerQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("employer")
        verbose_name_plural = _("employers")
        indexes = [models.Index(fields=["regency", "status"])]

    def __str__(self) -> str:
        return self.name

    @property
    def is_verified(self) -> bool:
        return self.status == self.Status.VERIFIED

    @property
    def from_job_board(self) -> bool:
        """Known only from a job board's ad (not registered, no account): seekers apply at the
        ad's source; the Disnaker can still refer them."""
        return self.origin == self.Origin.JOB_BOARD

    @property
    def may_publish(self) -> bool:
        """Whether its vacancies may be published (`may_publish_q` is the same rule in SQL)."""
        return self.is_verified or (self.from_job_board and self.status == self.Status.PENDING)

    @classmethod
    def may_publish_q(cls, prefix: str = "") -> Q:
        """A verified company; or a job-board employer not rejected, whose ads the officer
        verifies one by one (issue 12: the 1,288 companies of an export are not registered by
        hand first). A company that registers itself still waits for its own verification."""
        return Q(**{f"{prefix}status": cls.Status.VERIFIED}) | Q(
            **{f"{prefix}origin": cls.Origin.JOB_BOARD, f"{prefix}status": cls.Status.PENDING}
        )


class EmployerUser(models.Model):
    """A user who acts for a company; a company can have several."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="employer_membership"
    )
    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="users")
    is_admin = models.BooleanField(_("can manage users"), default=False)

    class Meta:
        verbose_name = _("employer user")
        verbose_name_plural = _("employer users")

    def __str__(self) -> str:
        return f"{self.user} @ {self.employer}"
