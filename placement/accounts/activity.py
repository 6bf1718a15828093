"""Log an officer's action from apps that may not import `officers` (jobseekers, employers).

The recorder is `settings.ANTARKERJA["ACTIVITY_RECORDER"]` (officers.services.record_activity):
the activity log feeds the workload report (Permenaker 10/2023) and SKP evidence.
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import Model
from django.utils.module_loading import import_string


def log_officer_activity(*, user, kind: str, subject: Model | None = None, **evidence: object):
    """Record that `user` (an officer) did `kind` to `subject`; nothing for other users."""
    recorder = import_string(settings.ANTARKERJA["ACTIVITY_RECORDER"])
    return recorder(user=user, kind=kind, subject=subject, **evidence)
