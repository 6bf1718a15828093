"""Users log in with their e-mail address and have exactly one role."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    SEEKER = "seeker", _("Job seeker")
    EMPLOYER = "employer", _("Employer")
    OFFICER = "officer", _("Officer")
    SUPERVISOR = "supervisor", _("Supervisor")
    NATIONAL = "national", _("National administrator")
    PRIVACY = "privacy", _("Privacy officer")


STAFF_ROLES = frozenset({Role.OFFICER, Role.SUPERVISOR, Role.NATIONAL})
# Roles that sign in with a second factor (TOTP): they reach other people's personal data.
MFA_ROLES = frozenset({Role.OFFICER, Role.SUPERVISOR, Role.NATIONAL, Role.PRIVACY})


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: object) -> User:
        """Create a user with a normalised, lower-case e-mail address."""
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: object) -> User:
        """Create a national administrator with Django admin access."""
        extra.setdefault("role", Role.NATIONAL)
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)

    def get_by_natural_key(self, username: str | None) -> User:
        return self.get(email__iexact=username or "")


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.SEEKER)
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("Django admin access"), default=False)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)
    # Raised when the password or role changes or the account is deactivated: every session and
    # API token issued before then stops working, and stays dead if the account is reactivated.
    security_stamp = models.PositiveIntegerField(default=0, editable=False)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.email

    @classmethod
    def from_db(cls, db, field_names, values):
        user = super().from_db(db, field_names, values)
        user._credentials_loaded = (user.__dict__.get("password"), user.__dict__.get("role"))
        user._active_loaded = user.__dict__.get("is_active")
        return user

    def _credentials_changed(self) -> bool:
        """Password or role changed, or the account was deactivated, since it was loaded."""
        loaded = getattr(self, "_credentials_loaded", None)
        if loaded is None or self.pk is None:
            return False
        password, role = loaded
        changed = (password is not None and password != self.password) or (
            role is not None and role != self.role
        )
        return changed or (self._active_loaded is True and self.is_active is False)

    def save(self, *args: object, **kwargs: object) -> None:
        # E-mail addresses are case-insensitive here: one account per address however typed.
        self.email = (self.email or "").strip().lower()
        revoke = self._credentials_changed()
        if revoke:
            self.security_stamp += 1
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "security_stamp"}
        super().save(*args, **kwargs)
        self._credentials_loaded = (self.password, self.role)
        self._active_loaded = self.is_active
        if revoke:
            from rest_framework.authtoken.models import Token

            Token.objects.filter(user_id=self.pk).delete()

    def get_session_auth_hash(self) -> str:
        """Sessions carry this hash: it changes with the password, the role and the stamp."""
        return salted_hmac(
            "placement.accounts.User.get_session_auth_hash",
            f"{self.password}|{self.role}|{self.security_stamp}",
            algorithm="sha256",
        ).hexdigest()

    @property
    def needs_second_factor(self) -> bool:
        return self.role in MFA_ROLES

    def get_full_name(self) -> str:
        return self.full_name or self.email

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email

    @property
    def is_seeker(self) -> bool:
        return self.role == Role.SEEKER

    @property
    def is_employer(self) -> bool:
        return self.role == Role.EMPLOYER

    @property
    def is_office_staff(self) -> bool:
        """Officers, supervisors and national administrators work in the officer area."""
        return self.role in STAFF_ROLES


class DecidedByOfficer(models.Model):
    """A request an officer (or an office's staff) decides: who decided and when. The models
    define their own `status` choices; `decide` is the one way to record the decision."""

    decided_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    def decide(self, status: str, by: User, **fields: object) -> list[str]:
        """Record the decision (and the other fields given); returns the fields to save."""
        self.status = status
        self.decided_by = by
        self.decided_at = timezone.now()
        for name, value in fields.items():
            setattr(self, name, value)
        return ["status", "decided_by", "decided_at", *fields]


class AuditEvent(models.Model):
    """Who read or changed which record, append-only (UU 27/2022 PDP: record all processing)."""

    class Action(models.TextChoices):
        VIEW = "view", _("viewed")
        CREATE = "create", _("created")
        CHANGE = "change", _("changed")
        DELETE = "delete", _("deleted")
        EXPORT = "export", _("exported")
        LOGIN = "login", _("signed in")
        LOGOUT = "logout", _("signed out")

    at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    object_type = models.CharField(_("object type"), max_length=50)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    detail = models.JSONField(_("detail"), default=dict, blank=True)
    # From where: the address the request came from (none for tasks and commands).
    ip = models.GenericIPAddressField(_("from address"), null=True, blank=True)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        indexes = [
            models.Index(fields=["object_type", "object_id", "at"]),
            models.Index(fields=["actor", "at"]),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_type}:{self.object_id}"


class TokenUse(models.Model):
    """When an API token was last used, for the idle timeout (API_TOKEN_IDLE_SECONDS)."""

    token = models.OneToOneField(
        "authtoken.Token", on_delete=models.CASCADE, primary_key=True, related_name="use"
    )
    last_used_at = models.DateTimeField()

    class Meta:
        verbose_name = _("API token use")
        verbose_name_plural = _("API token uses")

    def __str__(self) -> str:
        return f"{self.token_id[:6]}… {self.last_used_at:%Y-%m-%d %H:%M}"


class PrivacyAlert(models.Model):
    """Something the privacy officer should look at, e.g. an officer opening unusually many
    case files in an hour (a possible misuse or a stolen account)."""

    class Kind(models.TextChoices):
        VOLUME = "volume", _("Unusual number of case files opened")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, related_name="+", verbose_name=_("who")
    )
    raised_at = models.DateTimeField(_("raised at"), default=timezone.now, db_index=True)
    detail = models.JSONField(_("detail"), default=dict, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    closed_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        ordering = ["-raised_at"]
        verbose_name = _("privacy alert")
        verbose_name_plural = _("privacy alerts")

    def __str__(self) -> str:
        return f"{self.kind} {self.actor_id} {self.raised_at:%Y-%m-%d %H:%M}"
