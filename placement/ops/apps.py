from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    """Operations: health, metrics, structured logs, backups and the ledger's integrity checks."""

    name = "placement.ops"
    label = "ops"
    verbose_name = _("Operations")

    def ready(self) -> None:
        from placement.ops import signals  # noqa: F401 - connects the Celery signal handlers
