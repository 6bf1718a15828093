"""Writing the audit trail: one function, called by services and access helpers."""

from __future__ import annotations

from collections.abc import Iterable
from contextvars import ContextVar
from datetime import timedelta
from typing import Literal

from django.conf import settings
from django.db.models import Model
from django.utils import timezone

from placement.accounts.models import AuditEvent, PrivacyAlert, User

# The address of the request being served (set by AuditContextMiddleware), for "from where".
request_ip: ContextVar[str | None] = ContextVar("request_ip", default=None)
SEEKER = "jobseekers.jobseeker"

# Through which door an action came: the audit entry of every state change records it.
Via = Literal["web", "api", "import", "task", "demo"]
CHANNELS: tuple[str, ...] = ("web", "api", "import", "task", "demo")


def audit(
    *, actor: User | None, action: str, obj: Model | None = None, object_type: str = "", **detail
) -> AuditEvent:
    """Append one audit event; never include NIK, passwords or tokens in `detail`."""
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = str(obj.pk)
    else:
        object_id = ""
    actor = actor if actor is not None and actor.is_authenticated else None
    event = AuditEvent.objects.create(
        actor=actor,
        action=action,
        object_type=object_type,
        object_id=object_id,
        detail=detail,
        ip=request_ip.get(),
    )
    if actor is not None and action == AuditEvent.Action.VIEW and object_type == SEEKER:
        _watch_volume(actor)
    return event


def audit_list(
    *,
    actor: User | None,
    ids: Iterable[object],
    purpose: str,
    object_type: str = SEEKER,
    **detail,
) -> int:
    """A list, search result or export that shows seekers' NIK (or was searched by NIK): one read
    entry per record shown, as for an opened case file, so the read audit answers "who saw whose
    NIK". The same trail and the same volume alert; the number of entries written."""
    actor = actor if actor is not None and actor.is_authenticated else None
    object_ids = list(dict.fromkeys(str(pk) for pk in ids))
    if not object_ids:
        return 0
    ip = request_ip.get()
    AuditEvent.objects.bulk_create(
        AuditEvent(
            actor=actor,
            action=AuditEvent.Action.VIEW,
            object_type=object_type,
            object_id=object_id,
            detail={"purpose": purpose, "list": True, **detail},
            ip=ip,
        )
        for object_id in object_ids
    )
    if actor is not None and object_type == SEEKER:
        _watch_volume(actor, len(object_ids))
    return len(object_ids)


def _watch_volume(actor: User, opened_now: int = 1) -> None:
    """Raise one alert per hour for someone who opened more case files in the last hour than
    PRIVACY_VOLUME_ALERT_PER_HOUR (200): the privacy officer looks at it."""
    from django.core.cache import cache

    limit = int(getattr(settings, "PRIVACY_VOLUME_ALERT_PER_HOUR", 200))
    now = timezone.now()
    # A cheap counter per person and clock hour; the exact count (distinct case files in the
    # last sixty minutes) is queried only once the counter reaches the limit.
    key = f"audit-views:{actor.pk}:{now:%Y%m%d%H}"
    seen = cache.get_or_set(key, 0, 2 * 3600)
    try:
        seen = cache.incr(key, opened_now)
    except ValueError:
        cache.set(key, opened_now, 2 * 3600)
        seen = opened_now
    previous_key = f"audit-views:{actor.pk}:{now - timedelta(hours=1):%Y%m%d%H}"
    if seen + (cache.get(previous_key) or 0) < limit:
        return
    since = now - timedelta(hours=1)
    opened = (
        AuditEvent.objects.filter(
            actor=actor, action=AuditEvent.Action.VIEW, object_type=SEEKER, at__gte=since
        )
        .values("object_id")
        .distinct()
        .count()
    )
    if opened < limit:
        return
    if PrivacyAlert.objects.filter(
        actor=actor, kind=PrivacyAlert.Kind.VOLUME, raised_at__gte=since
    ).exists():
        return
    PrivacyAlert.objects.create(
        actor=actor, kind=PrivacyAlert.Kind.VOLUME, detail={"case_files": opened, "hours": 1}
    )
