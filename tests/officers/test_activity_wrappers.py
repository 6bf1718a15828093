"""Every officer action of the seeker and employer pages is logged for the workload report."""

from __future__ import annotations

from employers.models import Employer
from placement.offices.models import Activity, SeekerCase
from tests.factories import EmployerFactory, VacancyFactory


def kinds(user) -> list[str]:
    return list(Activity.objects.filter(officer__user=user).values_list("kind", flat=True))


def test_verifying_a_registration_on_the_page_is_logged(client, alice, rina):
    client.force_login(alice)
    client.post(f"/officer/seekers/{rina.pk}/verify/")
    assert kinds(alice) == ["seeker_verified"]
    assert SeekerCase.objects.filter(seeker=rina, last_contact_kind="verification").exists()


def test_a_report_made_at_the_office_is_logged(client, alice, dewi):
    from jobseekers.models import JobSeeker

    JobSeeker.objects.filter(pk=dewi.pk).update(status="removed")
    client.force_login(alice)
    client.post(f"/officer/seekers/{dewi.pk}/report/", {"still_looking": "yes"})
    assert kinds(alice) == ["seeker_updated"]


def test_employer_decisions_are_logged(client, alice):
    waiting = EmployerFactory(status=Employer.Status.PENDING)
    rejected = EmployerFactory(status=Employer.Status.PENDING)
    client.force_login(alice)
    client.post(f"/officer/employers/{waiting.pk}/decide/", {"decision": "verify"})
    client.post(
        f"/officer/employers/{rejected.pk}/decide/", {"decision": "reject", "reason": "NIB salah"}
    )
    assert sorted(kinds(alice)) == ["employer_verified", "employer_verified"]


def test_vacancy_decisions_are_logged(client, alice, kahayan):
    publish = VacancyFactory(employer=kahayan, status="submitted", published_at=None)
    give_back = VacancyFactory(employer=kahayan, status="submitted", published_at=None)
    client.force_login(alice)
    client.post(f"/officer/vacancies/{publish.pk}/decide/", {"decision": "publish"})
    client.post(
        f"/officer/vacancies/{give_back.pk}/decide/",
        {"decision": "return", "reason": "Upah kurang dari UMP"},
    )
    assert sorted(kinds(alice)) == ["vacancy_returned", "vacancy_verified"]


def test_a_refused_action_logs_nothing(client, alice, dewi):
    client.force_login(alice)
    client.post(f"/officer/seekers/{dewi.pk}/verify/")  # already active: refused
    assert kinds(alice) == []
