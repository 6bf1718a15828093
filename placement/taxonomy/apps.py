import os
import sys
import threading

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaxonomyConfig(AppConfig):
    name = "placement.taxonomy"
    label = "taxonomy"
    verbose_name = _("Reference data")

    def ready(self) -> None:
        # The development server (`make run`) loads the word indexes in the background once it
        # serves (the reloader's child process), never in tests, migrations or other commands.
        if os.environ.get("RUN_MAIN") == "true" and "runserver" in sys.argv[1:2]:
            from placement.taxonomy.text.warm import warm_up  # a ready() hook: apps are loaded

            threading.Thread(target=warm_up, name="warm-word-indexes", daemon=True).start()
