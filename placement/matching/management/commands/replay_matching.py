"""`manage.py replay_matching [--months 12] [--keep 0.9]`: how well the score ranks later hires."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from placement.matching.replay import replay


class Command(BaseCommand):
    help = (
        "Replay the referrals decided (hired or rejected) in the last months against today's "
        "matching score: AUC, the share of hires in their vacancy's top 10, the share listed "
        "above MATCHING['MIN_SCORE'], and the minimum score that keeps --keep of the hires."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--months", type=int, default=12, help="months of history (12)")
        parser.add_argument(
            "--keep", type=float, default=0.9, help="share of hires the fitted minimum keeps"
        )

    def handle(self, *args: object, **options: object) -> None:
        if not 0 < options["keep"] <= 1 or options["months"] < 1:
            raise CommandError("--keep must be in (0, 1] and --months at least 1.")
        report = replay(months=options["months"], keep=options["keep"])
        self.stdout.write(json.dumps(report, indent=2))
