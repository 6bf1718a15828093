"""The 3x24-hour clock of UU 27/2022 PDP: data-subject requests (Art. 32-44) and breach notices
(Art. 46) are due 72 hours after receipt or discovery (PRIVACY_RESPONSE_HOURS)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings


def response_hours() -> int:
    return int(getattr(settings, "PRIVACY_RESPONSE_HOURS", 72))


def reminder_hours() -> int:
    """A reminder goes to the privacy officers when this little time is left."""
    return int(getattr(settings, "PRIVACY_REMINDER_HOURS", 24))


def due_at(start: datetime) -> datetime:
    """When an answer (or a breach notice) is due: `start` plus 3x24 hours."""
    return start + timedelta(hours=response_hours())


@dataclass(frozen=True)
class Clock:
    due: datetime
    now: datetime
    stopped: bool = False

    @property
    def overdue(self) -> bool:
        return not self.stopped and self.now > self.due

    @property
    def due_soon(self) -> bool:
        return (
            not self.stopped
            and not self.overdue
            and self.due - self.now <= timedelta(hours=reminder_hours())
        )

    @property
    def hours_left(self) -> int:
        """Whole hours until the deadline (negative: hours overdue)."""
        seconds = (self.due - self.now).total_seconds()
        return int(seconds // 3600) if seconds >= 0 else -int(-seconds // 3600)

    @property
    def hours_overdue(self) -> int:
        return max(0, -self.hours_left)

    @property
    def state(self) -> str:
        """ "stopped", "overdue", "soon" or "running" (a CSS class and a label)."""
        if self.stopped:
            return "stopped"
        if self.overdue:
            return "overdue"
        return "soon" if self.due_soon else "running"
