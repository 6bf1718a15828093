"""Notifications: one service that tells people what happened, in the app (an inbox with a bell)
and by e-mail (EMAIL_URL; a plain-text part always).

Other apps call `placement.notifications.services.notify(...)` inside their own service, with an
event name from `events.EVENTS` and a key that makes the notice unique (the same event and key for
the same person is recorded once, however often it is called). The e-mail goes out after commit
from a Celery task that is retried and sends each notice at most once.
"""
