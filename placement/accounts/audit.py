"""Writing the audit trail: one function, called by services and access helpers."""

from __future__ import annotations

from typing import Literal

from django.db.models import Model

from placement.accounts.models import AuditEvent, User

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
    return AuditEvent.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        object_type=object_type,
        object_id=object_id,
        detail=detail,
    )
