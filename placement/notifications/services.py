"""The notification service: `notify` is the one public way to tell people something."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.functional import Promise

from placement.accounts.models import User
from placement.notifications.events import EVENTS
from placement.notifications.models import Notification, Preference

UNREAD_CACHE = "notifications:unread:{}"


def _plain(value: object) -> object:
    if isinstance(value, Promise):
        # A lazy text (a status label): keep its English source, translated when the notice is
        # read or sent, in the reader's language rather than the language of whoever acted.
        with translation.override("en"):
            return {"msgid": str(value)}
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%d-%m-%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


def notify(
    *,
    users: Iterable[User | None],
    event: str,
    key: str,
    context: dict | None = None,
    link: str = "",
) -> list[Notification]:
    """Tell `users` that `event` happened: a notice in their inbox now, an e-mail after commit.

    `key` names the occurrence (e.g. the referral's id): the same user, event and key are told
    once, so callers may call again safely (retries, reruns of a daily task). Call it inside the
    service that makes the change; the e-mail waits for the commit. Returns the new notices.
    """
    text = EVENTS[event]  # an unknown event is a programming error
    people = {user.pk: user for user in users if user is not None and user.is_active}
    if not people:
        return []
    preferences = {p.user_id: p for p in Preference.objects.filter(user_id__in=people)}
    values = {name: _plain(value) for name, value in (context or {}).items()}
    created: list[Notification] = []
    for user in people.values():
        preference = preferences.get(user.pk) or Preference(user=user)
        if text.preference and not getattr(preference, text.preference):
            continue
        notification, is_new = Notification.objects.get_or_create(
            user=user,
            event=event,
            key=key[:120],
            defaults={
                "context": values,
                "link": link[:300],
                "email_wanted": text.email and preference.email,
            },
        )
        if is_new:
            created.append(notification)
    for notification in created:
        cache.delete(UNREAD_CACHE.format(notification.user_id))
        if notification.email_wanted:
            transaction.on_commit(lambda pk=notification.pk: _send_soon(pk))
    return created


def _send_soon(notification_id: int) -> None:
    # Celery cycle: the tasks module imports these services.
    from placement.notifications.tasks import send_notification_email

    send_notification_email.delay(notification_id)


def absolute(link: str) -> str:
    """A link of the site as an address that works in an e-mail."""
    if not link or link.startswith(("http://", "https://")):
        return link
    return settings.SITE_URL.rstrip("/") + link


def send_email(*, notification_id: int) -> bool:
    """Send the notice's e-mail (text and HTML) unless it was sent already; True when sent."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(of=("self",))
            .select_related("user")
            .filter(pk=notification_id)
            .first()
        )
        if notification is None or notification.emailed_at or not notification.email_wanted:
            return False
        preference = Preference.objects.filter(user=notification.user).first()
        language = preference.language if preference else settings.LANGUAGE_CODE
        title, body = notification.render(language)
        context = {
            "title": title,
            "body": body,
            "link": absolute(notification.link),
            "preferences": absolute("/notifications/preferences/"),
            "language": language,
        }
        from django.utils import translation

        with translation.override(language):
            text = render_to_string("notifications/email.txt", context)
            html = render_to_string("notifications/email.html", context)
        message = EmailMultiAlternatives(
            subject=f"AntarKerja: {title}", body=text, to=[notification.user.email]
        )
        message.attach_alternative(html, "text/html")
        message.send()
        notification.emailed_at = timezone.now()
        notification.save(update_fields=["emailed_at"])
    return True


def unread_count(user: User) -> int:
    """How many notices `user` has not read (cached: the bell is on every page)."""
    if not user.is_authenticated:
        return 0
    name = UNREAD_CACHE.format(user.pk)
    count = cache.get(name)
    if count is None:
        count = Notification.objects.filter(user=user).unread().count()
        cache.set(name, count, 300)
    return count


def mark_read(*, user: User, notification_id: int | None = None) -> int:
    """Mark one notice (or all of them) read; the number marked."""
    notices = Notification.objects.filter(user=user).unread()
    if notification_id is not None:
        notices = notices.filter(pk=notification_id)
    marked = notices.update(read_at=timezone.now())
    cache.delete(UNREAD_CACHE.format(user.pk))
    return marked


def preference_for(user: User) -> Preference:
    """The user's preferences (the defaults until they save them)."""
    return Preference.objects.filter(user=user).first() or Preference(user=user)


def save_preference(*, user: User, **values) -> Preference:
    """Save what `user` wants to be told."""
    preference, _created = Preference.objects.update_or_create(user=user, defaults=values)
    return preference


def remember_language(*, user: User, language: str) -> None:
    """The language a person registers in (the one they read the site in) becomes the language of
    their e-mails until they choose otherwise; Indonesian, the default, needs no row."""
    if language in dict(settings.LANGUAGES) and language != settings.LANGUAGE_CODE:
        save_preference(user=user, language=language)
