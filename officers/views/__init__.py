"""The officer area. One module per kind of work; `dashboard` is the landing page."""

from officers.views.dashboard import dashboard

__all__ = ["dashboard"]
