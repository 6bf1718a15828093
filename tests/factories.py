"""factory-boy factories. Offices come from the loaded reference data (looked up by code)."""

from __future__ import annotations

import factory
from factory.django import DjangoModelFactory

from officers.models import Office, Officer
from placement.accounts.models import Role, User

PASSWORD = "correct horse battery"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    full_name = factory.Faker("name", locale="id_ID")
    role = Role.SEEKER
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if create and results:
            instance.save(update_fields=["password"])


class OfficeFactory(DjangoModelFactory):
    """Returns the existing office of a region code (offices are generated from the regions)."""

    class Meta:
        model = Office
        django_get_or_create = ("code",)

    code = "62.71"


class OfficerFactory(DjangoModelFactory):
    class Meta:
        model = Officer

    user = factory.SubFactory(UserFactory, role=Role.OFFICER)
    office = factory.SubFactory(OfficeFactory)
    position = Officer.Position.AHLI_MUDA
