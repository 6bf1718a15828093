"""factory-boy factories. Offices come from the loaded reference data (looked up by code)."""

from __future__ import annotations

import factory
from factory.django import DjangoModelFactory

from placement.accounts.models import Role, User
from placement.offices.models import Office, Officer

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


# --- Job seekers (issue 3) ------------------------------------------------------------------------
from datetime import date as _date  # noqa: E402

from django.utils import timezone as _timezone  # noqa: E402

from jobseekers.models import Education as _Education  # noqa: E402
from jobseekers.models import JobSeeker as _JobSeeker  # noqa: E402
from jobseekers.nik import format_nik as _format_nik  # noqa: E402


class JobSeekerFactory(DjangoModelFactory):
    """A complete registration waiting for verification, living in 62.71 unless told otherwise.

    `JobSeekerFactory(verified=True)` gives an active seeker with an AK/I number of the regency's
    office, registered today.
    """

    class Meta:
        model = _JobSeeker
        skip_postgeneration_save = True

    class Params:
        verified = factory.Trait(
            status=_JobSeeker.Status.ACTIVE,
            ak1_number=factory.Sequence(lambda n: f"9999-2026-{n:06d}"),
            office=factory.LazyAttribute(lambda o: Office.objects.get(code=o.regency_id)),
            registered_on=factory.LazyFunction(_timezone.localdate),
            next_report_on=factory.LazyAttribute(lambda o: _add_months(o.registered_on, 6)),
            expires_on=factory.LazyAttribute(lambda o: _add_months(o.registered_on, 24)),
        )

    user = factory.SubFactory(UserFactory, role=Role.SEEKER)
    status = _JobSeeker.Status.SUBMITTED
    full_name = factory.Sequence(
        lambda n: f"Dewi Lestari {chr(65 + n % 26)}{chr(65 + n // 26 % 26)}"
    )
    sex = "P"
    birth_date = _date(2001, 3, 27)
    birth_place = "Palangka Raya"
    marital_status = _JobSeeker.MaritalStatus.SINGLE
    religion = _JobSeeker.Religion.ISLAM
    regency_id = "62.71"
    district_id = factory.LazyAttribute(lambda o: f"{o.regency_id}.01")
    nik = factory.LazyAttributeSequence(
        lambda o, n: _format_nik(
            district_code=o.district_id, sex=o.sex, birth_date=o.birth_date, serial=n % 9999 + 1
        )
    )
    address = "Jl. Tjilik Riwut Km 5 No. 12"
    phone = factory.Sequence(lambda n: f"0812{n:08d}")
    category = _JobSeeker.Category.NEVER_WORKED
    relocation = _JobSeeker.Relocation.PROVINCE
    education_level_id = "3000"
    submitted_at = factory.LazyFunction(_timezone.now)
    steps_done = factory.LazyFunction(
        lambda: [
            "account",
            "identity",
            "contact",
            "education",
            "experience",
            "skills",
            "preferences",
            "category",
            "disability",
        ]
    )

    @factory.post_generation
    def education(self, create, extracted, **kwargs):
        if create and extracted is not False:
            _Education.objects.create(
                seeker=self, level_id=self.education_level_id, school="SMKN 2 Palangka Raya"
            )

    @factory.post_generation
    def wanted(self, create, extracted, **kwargs):
        if create:
            from placement.taxonomy.models import Occupation

            for code in ["5223"] if extracted is None else extracted:
                # One by one: the first wanted occupation is the main one (IPK III/3).
                self.preferred_occupations.add(Occupation.objects.current().get(code=code))


def _add_months(day, months):
    from jobseekers.services import add_months

    return add_months(day, months)


# --- Employers, vacancies and applications (issue 4) ------------------------------------------
from datetime import timedelta as _timedelta  # noqa: E402

from employers.models import Employer as _Employer  # noqa: E402
from employers.models import EmployerUser as _EmployerUser  # noqa: E402
from employers.models import Vacancy as _Vacancy  # noqa: E402
from placement.pipeline.models import Application as _Application  # noqa: E402


def _industry(code: str):
    from placement.taxonomy.models import Industry

    return Industry.objects.current().get(code=code)


class EmployerFactory(DjangoModelFactory):
    """A verified company in 62.71 unless told otherwise (`status="pending"` for a new one)."""

    class Meta:
        model = _Employer

    name = factory.Sequence(lambda n: f"PT Uji Coba Sejahtera {n}")
    nib = factory.Sequence(lambda n: f"{9100000000000 + n}")
    industry = factory.LazyFunction(lambda: _industry("47111"))
    ownership = _Employer.Ownership.PRIVATE
    address = "Jl. Tjilik Riwut Km 2 No. 7"
    regency_id = "62.71"
    contact_name = "Rina Kartika"
    contact_email = factory.Sequence(lambda n: f"hrd{n}@uji-coba.example")
    contact_phone = "0536 3221234"
    status = _Employer.Status.VERIFIED


class EmployerUserFactory(DjangoModelFactory):
    """A user acting for a company (the company's administrator by default)."""

    class Meta:
        model = _EmployerUser

    user = factory.SubFactory(UserFactory, role=Role.EMPLOYER)
    employer = factory.SubFactory(EmployerFactory)
    is_admin = True


def _occupation(code: str):
    from placement.taxonomy.models import Occupation

    return Occupation.objects.current().get(code=code)


class VacancyFactory(DjangoModelFactory):
    """A published, open vacancy of a verified company in 62.71 (a cashier, SMA/SMK, 2 people).

    `VacancyFactory(status="draft")` gives a complete draft; `published_at` is set only for
    published vacancies.
    """

    class Meta:
        model = _Vacancy

    employer = factory.SubFactory(EmployerFactory)
    title = factory.Sequence(lambda n: f"Kasir Minimarket {n}")
    occupation = factory.LazyFunction(lambda: _occupation("5230"))
    industry = factory.LazyAttribute(lambda o: o.employer.industry)
    headcount = 2
    valid_from = factory.LazyFunction(lambda: _timezone.localdate() - _timedelta(days=3))
    valid_to = factory.LazyFunction(lambda: _timezone.localdate() + _timedelta(days=30))
    min_education_id = "3000"
    wage_min = 3_400_000
    wage_max = 3_800_000
    regency_id = factory.LazyAttribute(lambda o: o.employer.regency_id)
    description = "Melayani pembayaran pelanggan dan membuat laporan kas harian."
    status = _Vacancy.Status.PUBLISHED
    published_at = factory.LazyAttribute(
        lambda o: _timezone.now() if o.status == _Vacancy.Status.PUBLISHED else None
    )


class ApplicationFactory(DjangoModelFactory):
    class Meta:
        model = _Application

    seeker = factory.SubFactory(JobSeekerFactory, verified=True)
    vacancy = factory.SubFactory(VacancyFactory)
    note = "Saya siap bekerja sif."
