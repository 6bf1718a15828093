from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistersConfig(AppConfig):
    name = "placement.registers"
    label = "registers"
    verbose_name = _("Registers of placement agencies")
