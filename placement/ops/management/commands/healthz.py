"""`manage.py healthz`: the /healthz report on standard output; exit 1 when unhealthy.

For container health checks and monitoring scripts that cannot send the right Host header.
"""

from __future__ import annotations

import json
import sys

from django.core.management.base import BaseCommand

from placement.ops import health


class Command(BaseCommand):
    help = "Print the health report (database, Redis, nightly run, worker) as JSON; exit 1 if red."

    def handle(self, *args: object, **options: object) -> None:
        healthy, body = health.report()
        self.stdout.write(json.dumps(body, indent=2))
        if not healthy:
            sys.exit(1)
