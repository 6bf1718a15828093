"""A notice to one person (the inbox and the e-mail log) and what they want to receive."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from placement.notifications.events import EVENTS


class NotificationQuerySet(models.QuerySet):
    def unread(self) -> NotificationQuerySet:
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """One event told to one person; (user, event, key) is unique, so telling twice is a no-op."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    event = models.CharField(_("event"), max_length=60)
    key = models.CharField(_("key"), max_length=120)
    context = models.JSONField(_("values"), default=dict, blank=True)
    link = models.CharField(_("link"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    email_wanted = models.BooleanField(_("e-mail wanted"), default=True)
    emailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "event", "key"], name="notification_once")
        ]
        indexes = [models.Index(fields=["user", "read_at", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.event} {self.key} → {self.user_id}"

    def _text(self, template: str) -> str:
        values = {
            # A lazy text stored by `notify` ({"msgid": ...}): in the reader's language.
            name: translation.gettext(value["msgid"])
            if isinstance(value, dict) and "msgid" in value
            else value
            for name, value in (self.context or {}).items()
        }
        try:
            return str(template) % values
        except (KeyError, TypeError, ValueError):
            return str(template)

    @property
    def title(self) -> str:
        text = EVENTS.get(self.event)
        return self._text(text.title) if text else self.event

    @property
    def body(self) -> str:
        text = EVENTS.get(self.event)
        return self._text(text.body) if text else ""

    def render(self, language: str) -> tuple[str, str]:
        """(title, body) in `language`."""
        with translation.override(language):
            return self.title, self.body


class Preference(models.Model):
    """What a person wants to be told, and in which language e-mails are written."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    email = models.BooleanField(_("Send me e-mails"), default=True)
    weekly_digest = models.BooleanField(
        _("A weekly e-mail of vacancies that fit me (job seekers)"), default=True
    )
    daily_digest = models.BooleanField(_("A daily e-mail of my queues (officers)"), default=False)
    language = models.CharField(
        _("Language of e-mails"), max_length=5, choices=settings.LANGUAGES, default="id"
    )

    def __str__(self) -> str:
        return f"{self.user_id}"
