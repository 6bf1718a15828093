from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MigrantsConfig(AppConfig):
    name = "placement.migrants"
    label = "migrants"
    verbose_name = _("Protection of migrant workers")
