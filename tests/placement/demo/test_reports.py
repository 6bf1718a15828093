"""The demo data gives the demo officers non-trivial tables for the last twelve months."""

from __future__ import annotations

import io
import random

from django.utils import timezone

from placement.demo import reports as demo
from placement.ledger.models import Event
from placement.offices.models import Activity
from placement.reports import services
from placement.reports.models import IpkReport


def test_the_demo_builds_twelve_months_of_non_trivial_tables(db, monkeypatch):
    from placement.demo.accounts import seed as seed_officers

    monkeypatch.setattr(demo, "PEOPLE_PER_REGISTRATION", 20_000)  # a quarter, to stay fast
    out = io.StringIO()
    seed_officers(stdout=out, options={}, rng=random.Random(1))
    demo.seed(stdout=out, options={}, rng=random.Random(1))
    last = services.previous_month(timezone.localdate())
    months = [services.add_months(last, -i) for i in range(12)]
    reports = {
        r.month: r.headline for r in IpkReport.objects.filter(region_code="62.71", month__in=months)
    }
    assert len(reports) == 12
    for headline in reports.values():
        assert headline["seekers"]["registered"] > 0
        assert headline["seekers"]["carried"] > 0
        assert headline["vacancies"]["registered"] > 0
    assert sum(h["seekers"].get("placed", 0) for h in reports.values()) > 12
    assert Activity.objects.filter(evidence__demo=demo.DEMO).count() > 1000
    assert IpkReport.objects.filter(month=last).count() == 553

    # A second run adds nothing.
    events = Event.objects.count()
    demo.seed(stdout=out, options={}, rng=random.Random(2))
    assert Event.objects.count() == events
    assert "0 demo ledger events, 0 officer activities, 0 months" in out.getvalue()
