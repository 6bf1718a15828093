from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfficersConfig(AppConfig):
    name = "officers"
    verbose_name = _("Offices and officers")

    def ready(self) -> None:
        from django.apps import apps
        from django.db.models.signals import post_delete, post_save

        from officers import dashboard  # ready(): the models are loaded only now

        # Cache invalidation (the one use of signals, STYLE.md): a counted record changed, so the
        # shared dashboard figures are counted again.
        for label in dashboard.COUNTED_MODELS:
            model = apps.get_model(label)
            post_save.connect(dashboard.invalidate, sender=model, dispatch_uid=f"dashboard:{label}")
            post_delete.connect(
                dashboard.invalidate, sender=model, dispatch_uid=f"dashboard-delete:{label}"
            )
