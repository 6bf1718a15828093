"""Factories of the placement-market registers (issue 16), kept apart from tests/factories.py."""

from __future__ import annotations

from datetime import timedelta

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from placement.registers.models import Agency, Bkk, JobOrder, Lptks


def _occupation(code: str):
    from placement.taxonomy.models import Occupation

    return Occupation.objects.current().get(code=code)


class AgencyFactory(DjangoModelFactory):
    """An active P3MI with a licence valid for another year."""

    class Meta:
        model = Agency

    name = factory.Sequence(lambda n: f"PT Duta Migran Sejahtera {n}")
    licence_number = factory.Sequence(lambda n: f"KEP.{100 + n}/PPTKLN/2025")
    licence_issued_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=400))
    licence_valid_to = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=365))
    head_office = "Jl. Raya Bekasi Km 18, Jakarta Timur"
    phone = "021 4601234"


class JobOrderFactory(DjangoModelFactory):
    """A SIP2MI for 3 care workers (KBJI 5322) in Taiwan, valid for 90 more days."""

    class Meta:
        model = JobOrder

    number = factory.Sequence(lambda n: f"SIP2MI/{n:04d}/2026")
    agency = factory.SubFactory(AgencyFactory)
    foreign_employer = "Hsin Care Home Co."
    country = "Taiwan"
    occupation = factory.LazyFunction(lambda: _occupation("5322"))
    quota = 3
    valid_from = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=10))
    valid_to = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=90))


class BkkFactory(DjangoModelFactory):
    class Meta:
        model = Bkk

    institution = factory.Sequence(lambda n: f"SMK Negeri {n + 1} Palangka Raya")
    kind = Bkk.Kind.SMK
    registration_number = factory.Sequence(lambda n: f"BKK/62.71/{n:03d}/2026")
    registered_on = factory.LazyFunction(timezone.localdate)
    regency_id = "62.71"


class LptksFactory(DjangoModelFactory):
    class Meta:
        model = Lptks

    name = factory.Sequence(lambda n: f"PT Karya Penempatan {n}")
    licence_number = factory.Sequence(lambda n: f"LPTKS/{n:03d}/2026")
    regency_id = "62.71"


def complete_cpmi(seeker, by) -> None:
    """Check every requirement of the CPMI checklist of `seeker` (without documents)."""
    from placement.migrants.models import CpmiItemKind
    from placement.migrants.services import check_cpmi_item

    for kind in CpmiItemKind.values:
        check_cpmi_item(seeker=seeker, kind=kind, done_on=timezone.localdate(), by=by)
