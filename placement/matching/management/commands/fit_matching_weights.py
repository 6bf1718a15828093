"""`manage.py fit_matching_weights [--months 12] [--adopt] [--by EMAIL]`: weights from outcomes."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from placement.accounts.models import User
from placement.matching.fitting import fit_weights, record_fit


class Command(BaseCommand):
    help = (
        "Fit the score's weights to the referrals decided (hired or rejected) in the last months "
        "(logistic regression over the six components), compare them with the current weights "
        "on held-out referrals (AUC, hires in the top 10) and store the fit as a new version. "
        "With --adopt the version is used by the nightly run, only if the guard agrees."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--months", type=int, default=12, help="months of history (12)")
        parser.add_argument(
            "--adopt", action="store_true", help="use the fitted weights if the guard agrees"
        )
        parser.add_argument("--by", default="", help="e-mail of the person deciding (audit)")

    def handle(self, *args: object, **options: object) -> None:
        if options["months"] < 1:
            raise CommandError("--months must be at least 1.")
        by = None
        if options["by"]:
            by = User.objects.filter(email__iexact=options["by"]).first()
            if by is None:
                raise CommandError(f"No user {options['by']}.")
        elif options["adopt"]:
            raise CommandError("--adopt needs --by: the audit records who decided.")
        report = fit_weights(months=options["months"])
        version = record_fit(report=report, by=by, adopt=options["adopt"])
        report["version"] = version.version if version else None
        report["adopted"] = bool(version and version.is_adopted)
        self.stdout.write(json.dumps(report, indent=2))
        if options["adopt"] and not report["adopted"]:
            raise CommandError(f"Not adopted: {report.get('refused') or 'nothing fitted'}.")
