"""One write path per officer action: the web page and the API call the same service, so they
leave the same rows (the record itself, the ledger event, the audit entry, the officer's activity
and the caseload's last contact); only the audit entry's `via` tells the doors apart."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.utils import timezone

from employers.models import Vacancy
from jobseekers.models import JobSeeker
from placement.accounts.models import AuditEvent
from placement.ledger.models import Event
from placement.offices.models import Activity, SeekerCase
from placement.pipeline import services as pipeline
from placement.pipeline.models import Placement, Referral
from tests.factories import EmployerFactory, JobSeekerFactory, VacancyFactory

JSON = "application/json"


@dataclass
class Action:
    """An officer action: what it needs, and how each door performs it."""

    setup: Callable[[object], dict]
    web: Callable[[object, dict], object]
    api: Callable[[object, dict], object]


def _seeker(alice) -> dict:
    return {"seeker": JobSeekerFactory()}


def _employer(alice) -> dict:
    return {"employer": EmployerFactory(status="pending")}


def _vacancy(alice) -> dict:
    return {"vacancy": VacancyFactory(status=Vacancy.Status.SUBMITTED, published_at=None)}


def _active_seeker_and_vacancy(alice) -> dict:
    return {"seeker": JobSeekerFactory(verified=True), "vacancy": VacancyFactory()}


def _referral(alice) -> dict:
    objects = _active_seeker_and_vacancy(alice)
    objects["referral"] = pipeline.refer_jobseeker(
        seeker=objects["seeker"], vacancy=objects["vacancy"], by=alice, source="match"
    )
    return objects


def _today_parts() -> dict:
    today = timezone.localdate()
    return {"on_0": today.day, "on_1": today.month, "on_2": today.year}


def _outcome(status: str, reason: str = "") -> Action:
    def web(client, o):
        data = {"status": status, "reason": reason, **_today_parts()}
        return client.post(f"/officer/referrals/{o['referral'].pk}/outcome/", data)

    def api(client, o):
        data = {"status": status, "reason": reason, "on": timezone.localdate().isoformat()}
        return client.post(f"/api/v1/referrals/{o['referral'].pk}/outcome/", data, JSON)

    return Action(_referral, web, api)


ACTIONS = {
    "verify seeker": Action(
        _seeker,
        lambda c, o: c.post(f"/officer/seekers/{o['seeker'].pk}/verify/"),
        lambda c, o: c.post(f"/api/v1/jobseekers/{o['seeker'].pk}/verify/"),
    ),
    "verify employer": Action(
        _employer,
        lambda c, o: c.post(
            f"/officer/employers/{o['employer'].pk}/decide/", {"decision": "verify"}
        ),
        lambda c, o: c.post(
            f"/api/v1/employers/{o['employer'].pk}/verify/", {"decision": "verify"}, JSON
        ),
    ),
    "reject employer": Action(
        _employer,
        lambda c, o: c.post(
            f"/officer/employers/{o['employer'].pk}/decide/",
            {"decision": "reject", "reason": "NIB tidak ditemukan."},
        ),
        lambda c, o: c.post(
            f"/api/v1/employers/{o['employer'].pk}/verify/",
            {"decision": "reject", "reason": "NIB tidak ditemukan."},
            JSON,
        ),
    ),
    "publish vacancy": Action(
        _vacancy,
        lambda c, o: c.post(
            f"/officer/vacancies/{o['vacancy'].pk}/decide/", {"decision": "publish"}
        ),
        lambda c, o: c.post(
            f"/api/v1/vacancies/{o['vacancy'].pk}/verify/", {"decision": "publish"}, JSON
        ),
    ),
    "return vacancy": Action(
        _vacancy,
        lambda c, o: c.post(
            f"/officer/vacancies/{o['vacancy'].pk}/decide/",
            {"decision": "return", "reason": "Lengkapi upah."},
        ),
        lambda c, o: c.post(
            f"/api/v1/vacancies/{o['vacancy'].pk}/verify/",
            {"decision": "return", "reason": "Lengkapi upah."},
            JSON,
        ),
    ),
    "refer": Action(
        _active_seeker_and_vacancy,
        lambda c, o: c.post(
            "/officer/referrals/new/",
            {"seeker": o["seeker"].pk, "vacancy": o["vacancy"].pk, "send": "1"},
        ),
        lambda c, o: c.post(
            "/api/v1/referrals/",
            {"seeker": o["seeker"].pk, "vacancy": o["vacancy"].pk, "send": True},
            JSON,
        ),
    ),
    "interviewed": _outcome(Referral.Status.INTERVIEWED),
    "hired": _outcome(Referral.Status.HIRED),
    "not selected": _outcome(Referral.Status.REJECTED, Referral.RejectionReason.EXPERIENCE),
    "withdrawn": _outcome(Referral.Status.WITHDRAWN),
}


def _marks() -> dict[str, int]:
    """The last id of each table the actions write, before the action."""
    return {
        model.__name__: model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        for model in (Activity, AuditEvent, Event)
    }


def _rows(objects: dict, since: dict[str, int]) -> dict:
    """What the action left, with its own rows' ids replaced by their names."""
    seekers = [obj for obj in objects.values() if isinstance(obj, JobSeeker)]
    names = {(type(obj)._meta.label_lower, obj.pk): name for name, obj in objects.items()}
    for referral in Referral.objects.filter(seeker__in=seekers):
        names[(Referral._meta.label_lower, referral.pk)] = "referral"
    for placement in Placement.objects.filter(seeker__in=seekers):
        names[(Placement._meta.label_lower, placement.pk)] = "placement"
    seeker_names = {seeker.pk: name for name, seeker in objects.items() if seeker in seekers}

    def subject(label: str, pk) -> str:
        return names.get((label, int(pk or 0)), label)

    def plain(detail: dict) -> list:
        return sorted(
            (key, seeker_names.get(value, value) if key == "seeker" else value)
            for key, value in detail.items()
            if key != "via"
        )

    changes = AuditEvent.objects.filter(action__in=["create", "change"], pk__gt=since["AuditEvent"])
    return {
        "state": {
            name: getattr(type(obj).objects.get(pk=obj.pk), "status", None)
            for name, obj in objects.items()
        },
        "activity": sorted(
            (a.kind, subject(a.subject_type, a.subject_id), plain(a.evidence))
            for a in Activity.objects.filter(pk__gt=since["Activity"])
        ),
        "contact": sorted(
            (
                seeker_names.get(case.seeker_id),
                case.last_contact_kind,
                case.last_contact_on,
                case.office_id,
            )
            for case in SeekerCase.objects.filter(seeker__in=seekers)
        ),
        "audit": sorted(
            (e.action, subject(e.object_type, e.object_id), plain(e.detail)) for e in changes
        ),
        "vias": {e.detail.get("via") for e in changes},
        "ledger": sorted(
            (
                e.kind,
                subject(e.subject_type, e.subject_id),
                e.occurred_on,
                e.quantity,
                e.office_id,
                e.regency_id,
                e.province_id,
                e.sex,
                e.age_group,
                e.education,
                e.occupation_group,
                e.industry_section,
                e.placement_scope,
                e.employer_type,
            )
            for e in Event.objects.filter(pk__gt=since["Event"])
        ),
    }


@pytest.mark.parametrize("name", ACTIONS)
def test_an_officer_action_leaves_the_same_rows_through_the_web_and_the_api(client, alice, name):
    action = ACTIONS[name]
    client.force_login(alice)
    results = {}
    for door in ("web", "api"):
        objects = action.setup(alice)
        since = _marks()
        response = getattr(action, door)(client, objects)
        assert response.status_code in (200, 201, 302), response.content.decode()[:2000]
        results[door] = _rows(objects, since)
        assert results[door].pop("vias") == {door}
    assert results["web"] == results["api"]
    assert results["web"]["audit"], "the action is audited"
