"""Referrals: the officer refers (from a match, a search or the case file), the letter, the
employer's outcome in its portal, the e-mail, the API, and scope everywhere."""

# The casework fixtures (personas' records) are shared with tests/officers through its conftest:
# imported here, they are pytest fixtures used as parameters, not redefinitions.
# ruff: noqa: F811

from __future__ import annotations

import pytest
from django.core import mail
from django.utils import timezone
from rest_framework.test import APIClient

from jobseekers.models import JobSeeker
from placement.accounts.models import AuditEvent
from placement.ledger.models import Event, EventKind
from placement.offices.models import Activity, SeekerCase
from placement.pipeline import services
from placement.pipeline.models import Placement, Referral
from tests.factories import EmployerUserFactory, JobSeekerFactory, UserFactory, VacancyFactory
from tests.helpers import pdf_text
from tests.officers.conftest import (  # noqa: F401
    add_match,
    andi,
    arut,
    dewi,
    kahayan,
    kasir,
    rina,
    sopir,
)


@pytest.fixture
def fiona(db, arut):
    user = UserFactory(email="fiona@example.org", role="employer")
    EmployerUserFactory(user=user, employer=arut)
    return user


@pytest.fixture
def referral(alice, dewi, kasir, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return services.refer_jobseeker(seeker=dewi, vacancy=kasir, by=alice, source="match")


# --- Services --------------------------------------------------------------------------------


def test_a_referral_is_logged_tells_the_employer_by_e_mail_and_notes_the_contact(
    referral, alice, kahayan
):
    assert referral.status == Referral.Status.REFERRED and referral.referred_at
    assert Activity.objects.filter(kind="referral", officer__user=alice).count() == 1
    assert SeekerCase.objects.get(seeker=referral.seeker).last_contact_kind == "referral"
    # One e-mail to the company; the seeker is told separately (issue 14, notifications).
    to_company = [m for m in mail.outbox if kahayan.contact_email in m.to]
    assert len(to_company) == 1
    message = to_company[0]
    assert referral.seeker.ak1_number in message.body and "Kasir Minimarket" in message.body
    assert referral.seeker.nik not in message.body
    referral.refresh_from_db()
    assert referral.notified_at is not None


def test_a_proposal_sends_nothing_until_the_letter_is_issued(
    alice, dewi, kasir, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        proposal = services.refer_jobseeker(seeker=dewi, vacancy=kasir, by=alice, send=False)
    assert proposal.status == "proposed" and not mail.outbox
    assert not proposal.has_letter
    with django_capture_on_commit_callbacks(execute=True):
        services.send_referral(referral=proposal, by=alice)
    proposal.refresh_from_db()
    assert proposal.status == "referred" and proposal.has_letter
    # The company's e-mail and the seeker's notice, once the letter is issued.
    assert len(mail.outbox) == 2


def test_nobody_is_referred_twice_to_a_closed_vacancy_or_without_an_active_card(
    referral, alice, dewi, rina, kahayan
):
    with pytest.raises(services.ReferralRefused):
        services.refer_jobseeker(seeker=dewi, vacancy=referral.vacancy, by=alice)
    with pytest.raises(services.ReferralRefused):
        services.refer_jobseeker(seeker=rina, vacancy=referral.vacancy, by=alice)
    closed = VacancyFactory(employer=kahayan, status="filled")
    with pytest.raises(services.ReferralRefused):
        services.refer_jobseeker(seeker=JobSeekerFactory(verified=True), vacancy=closed, by=alice)
    assert Referral.objects.count() == 1


def test_only_officers_refer(erin, dewi, kasir):
    with pytest.raises(services.ReferralRefused):
        services.refer_jobseeker(seeker=dewi, vacancy=kasir, by=erin)


def test_the_employer_moves_a_referral_forward_and_a_hire_is_a_placement(referral, erin):
    services.record_referral_outcome(referral=referral, status="interviewed", by=erin)
    with pytest.raises(services.ReferralRefused):
        services.record_referral_outcome(referral=referral, status="withdrawn", by=erin)
    services.record_referral_outcome(referral=referral, status="hired", by=erin)
    referral.refresh_from_db()
    assert referral.status == "hired" and referral.outcome_by == erin
    placement = Placement.objects.get(referral=referral)
    assert placement.reported_by == "employer" and placement.source == "referral"
    assert JobSeeker.objects.get(pk=referral.seeker_id).status == "placed"
    with pytest.raises(services.ReferralRefused):
        services.record_referral_outcome(referral=referral, status="rejected", by=erin)


def test_a_rejection_needs_a_reason_code(referral, erin):
    with pytest.raises(services.ReferralRefused) as refused:
        services.record_referral_outcome(referral=referral, status="rejected", by=erin)
    assert refused.value.field == "reason"
    with pytest.raises(services.ReferralRefused):
        services.record_referral_outcome(
            referral=referral, status="rejected", by=erin, reason="other"
        )
    services.record_referral_outcome(
        referral=referral, status="rejected", by=erin, reason="no_show"
    )
    referral.refresh_from_db()
    assert referral.rejection_reason == "no_show"


def test_a_placement_withdraws_the_seekers_other_open_referrals(referral, alice, kahayan):
    other = VacancyFactory(employer=kahayan, title="Pramuniaga")
    second = services.refer_jobseeker(seeker=referral.seeker, vacancy=other, by=alice)
    services.record_referral_outcome(referral=referral, status="hired", by=alice)
    second.refresh_from_db()
    assert second.status == "withdrawn"


def test_the_referral_letter_carries_the_ak1_number_education_and_employer(referral):
    from placement.pipeline.letter import render_referral_letter

    pdf = render_referral_letter(
        Referral.objects.select_related(
            "seeker", "seeker__education_level", "vacancy", "vacancy__employer", "office"
        ).get(pk=referral.pk)
    )
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    assert referral.seeker.ak1_number in text
    assert "PT Kahayan Uji" in text
    assert "SMA" in text or "SLTA" in text
    assert referral.seeker.nik not in text


# --- Officer pages -----------------------------------------------------------------------------


def test_the_officer_refers_from_a_match_on_the_case_file(client, alice, dewi, kasir):
    add_match(dewi, kasir)
    client.force_login(alice)
    page = client.get(f"/officer/seekers/{dewi.pk}/matches/").content.decode()
    assert "Kasir Minimarket" in page and 'name="source" value="match"' in page
    response = client.post(
        "/officer/referrals/new/",
        {"seeker": dewi.pk, "vacancy": kasir.pk, "source": "match", "score": "81.0", "send": "1"},
    )
    referral = Referral.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/officer/referrals/{referral.pk}/"
    assert referral.source == "match" and referral.match_score == 81.0
    letter = client.get(f"/officer/referrals/{referral.pk}/letter.pdf")
    assert letter.status_code == 200 and letter["Content-Type"] == "application/pdf"
    assert "attachment" in letter["Content-Disposition"]
    page = client.get(f"/officer/seekers/{dewi.pk}/matches/").content.decode()
    assert f'name="vacancy" value="{kasir.pk}"' not in page


def test_the_officer_refers_from_a_search(client, alice, dewi, kasir):
    client.force_login(alice)
    found = client.get(f"/officer/referrals/new/?seeker={dewi.pk}&q=kasir").content.decode()
    assert "Kasir Minimarket" in found
    found = client.get(f"/officer/referrals/new/?vacancy={kasir.pk}&q=Dewi").content.decode()
    assert "Dewi Palangka" in found
    client.post(
        "/officer/referrals/new/",
        {"seeker": dewi.pk, "vacancy": kasir.pk, "source": "search", "send": "0"},
    )
    assert Referral.objects.get().status == "proposed"


def test_a_refused_referral_shows_the_reason_and_saves_nothing(client, alice, rina, kasir):
    client.force_login(alice)
    response = client.post(
        "/officer/referrals/new/", {"seeker": rina.pk, "vacancy": kasir.pk, "send": "1"}
    )
    assert response.status_code == 400
    assert "AK/I" in response.content.decode()
    assert not Referral.objects.exists()


def test_an_officer_of_another_regency_cannot_refer_or_open_the_referral(
    client, bob, referral, dewi, kasir
):
    client.force_login(bob)
    for url in (
        f"/officer/referrals/{referral.pk}/",
        f"/officer/referrals/{referral.pk}/letter.pdf",
        f"/officer/referrals/new/?seeker={dewi.pk}",
    ):
        assert client.get(url).status_code == 404, url
    assert (
        client.post(
            f"/officer/referrals/{referral.pk}/outcome/", {"status": "withdrawn"}
        ).status_code
        == 404
    )
    assert (
        client.post(
            "/officer/referrals/new/", {"seeker": dewi.pk, "vacancy": kasir.pk, "send": "1"}
        ).status_code
        == 404
    )
    # The seeker by full name: the header greets the signed-in officer, who may be a "Dewi" too.
    assert dewi.full_name not in client.get("/officer/referrals/").content.decode()
    referral.refresh_from_db()
    assert referral.status == "referred"


def test_the_officer_records_the_outcome_for_the_employer(client, alice, referral):
    client.force_login(alice)
    response = client.post(f"/officer/referrals/{referral.pk}/outcome/", {"status": "rejected"})
    assert response.status_code == 400
    assert 'id="id_reason_error"' in response.content.decode()
    today = timezone.localdate()
    response = client.post(
        f"/officer/referrals/{referral.pk}/outcome/",
        {"status": "hired", "on_0": today.day, "on_1": today.month, "on_2": today.year},
    )
    assert response.status_code == 302
    assert Placement.objects.get().referral == referral
    assert Event.objects.filter(kind=EventKind.SEEKER_PLACED).count() == 1


def test_stale_referrals_are_listed_and_the_list_is_bounded(
    client, alice, referral, django_assert_max_num_queries
):
    Referral.objects.filter(pk=referral.pk).update(
        referred_at=timezone.now() - timezone.timedelta(days=20)
    )
    client.force_login(alice)
    with django_assert_max_num_queries(12):
        html = client.get("/officer/referrals/?queue=stale").content.decode()
    assert "Dewi Palangka" in html
    Referral.objects.filter(pk=referral.pk).update(referred_at=timezone.now())
    assert "Dewi Palangka" not in client.get("/officer/referrals/?queue=stale").content.decode()


def test_the_vacancy_page_lists_referrals_and_regional_candidates_only(
    client, alice, kasir, dewi, django_assert_max_num_queries
):
    outsider = JobSeekerFactory(verified=True, full_name="Orang Luar", regency_id="62.01")
    add_match(dewi, kasir, rank=1)
    add_match(outsider, kasir, rank=2)
    client.force_login(alice)
    # 14: two of them read every candidate's wanted occupations and past jobs (the reasons).
    with django_assert_max_num_queries(14):
        html = client.get(f"/officer/vacancies/{kasir.pk}/referrals/").content.decode()
    assert "Dewi Palangka" in html and "Orang Luar" not in html


# --- Employer portal ---------------------------------------------------------------------------


def test_the_employer_sees_referred_candidates_without_nik_or_disability(
    client, erin, referral, alice, dewi, kasir
):
    JobSeeker.objects.filter(pk=dewi.pk).update(has_disability=True, disability_note="Tunarungu")
    proposal = services.refer_jobseeker(
        seeker=JobSeekerFactory(verified=True, full_name="Calon Usulan"),
        vacancy=kasir,
        by=alice,
        send=False,
    )
    client.force_login(erin)
    listing = client.get("/employer/referrals/").content.decode()
    assert "Dewi Palangka" in listing and "Calon Usulan" not in listing
    detail = client.get(f"/employer/referrals/{referral.pk}/").content.decode()
    assert dewi.ak1_number in detail
    assert dewi.nik not in detail and "Tunarungu" not in detail
    assert client.get(f"/employer/referrals/{proposal.pk}/").status_code == 404
    assert AuditEvent.objects.filter(actor=erin, object_id=str(dewi.pk), action="view").exists()
    letter = client.get(f"/employer/referrals/{referral.pk}/letter.pdf")
    assert letter.status_code == 200


def test_the_employer_marks_the_candidate_hired_in_the_portal(client, erin, referral):
    client.force_login(erin)
    response = client.post(f"/employer/referrals/{referral.pk}/outcome/", {"status": "hired"})
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.status == "hired"
    assert JobSeeker.objects.get(pk=referral.seeker_id).status == "placed"


def test_the_employers_bad_outcome_shows_an_error_and_saves_nothing(client, erin, referral):
    client.force_login(erin)
    response = client.post(
        f"/employer/referrals/{referral.pk}/outcome/", {"status": "rejected", "reason": "other"}
    )
    assert response.status_code == 400
    assert 'id="id_note_error"' in response.content.decode()
    referral.refresh_from_db()
    assert referral.status == "referred"


def test_another_company_gets_404_on_the_referral(client, fiona, referral):
    client.force_login(fiona)
    assert client.get(f"/employer/referrals/{referral.pk}/").status_code == 404
    assert client.get(f"/employer/referrals/{referral.pk}/letter.pdf").status_code == 404
    assert (
        client.post(f"/employer/referrals/{referral.pk}/outcome/", {"status": "hired"}).status_code
        == 404
    )
    # Not by the seeker's first name: the page greets fiona, whose factory name may share it.
    assert (
        f"/employer/referrals/{referral.pk}/"
        not in client.get("/employer/referrals/").content.decode()
    )


def test_the_employer_pages_refuse_anonymous_visitors_seekers_and_wrong_methods(
    client, erin, referral, dewi
):
    assert client.get("/employer/referrals/").status_code == 302
    client.force_login(dewi.user)
    assert client.get(f"/employer/referrals/{referral.pk}/").status_code == 404
    client.force_login(erin)
    assert client.get(f"/employer/referrals/{referral.pk}/outcome/").status_code == 405
    assert client.post("/employer/referrals/").status_code == 405


def test_the_employer_referral_list_is_bounded(
    client, erin, alice, kasir, django_assert_max_num_queries
):
    for _index in range(5):
        services.refer_jobseeker(seeker=JobSeekerFactory(verified=True), vacancy=kasir, by=alice)
    client.force_login(erin)
    with django_assert_max_num_queries(10):
        assert client.get("/employer/referrals/").status_code == 200


# --- API ---------------------------------------------------------------------------------------


def test_an_officer_refers_through_the_api(alice, dewi, kasir):
    api = APIClient()
    api.force_authenticate(alice)
    response = api.post(
        "/api/v1/referrals/",
        {"seeker": dewi.pk, "vacancy": kasir.pk, "source": "match"},
        format="json",
    )
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "referred" and body["ak1_number"] == dewi.ak1_number
    assert body["letter_number"].startswith("SP/6271/")
    again = api.post("/api/v1/referrals/", {"seeker": dewi.pk, "vacancy": kasir.pk}, format="json")
    assert again.status_code == 400 and again.json()["detail"]
    assert api.post("/api/v1/referrals/", {"seeker": "x"}, format="json").status_code == 400


def test_the_api_refuses_referrals_by_others_and_outside_the_region(bob, erin, dewi, kasir):
    api = APIClient()
    api.force_authenticate(bob)
    assert (
        api.post(
            "/api/v1/referrals/", {"seeker": dewi.pk, "vacancy": kasir.pk}, format="json"
        ).status_code
        == 404
    )
    api.force_authenticate(erin)
    assert (
        api.post(
            "/api/v1/referrals/", {"seeker": dewi.pk, "vacancy": kasir.pk}, format="json"
        ).status_code
        == 404
    )
    assert not Referral.objects.exists()


def test_the_api_lists_referrals_by_scope(alice, bob, carol, erin, fiona, referral, dewi):
    api = APIClient()
    for user, expected in ((alice, 1), (carol, 1), (bob, 0), (erin, 1), (fiona, 0), (dewi.user, 1)):
        api.force_authenticate(user)
        assert len(api.get("/api/v1/referrals/").json()["results"]) == expected, user
    api.force_authenticate(bob)
    assert api.get(f"/api/v1/referrals/{referral.pk}/").status_code == 404


def test_the_employer_records_the_outcome_through_the_api(erin, fiona, referral):
    api = APIClient()
    api.force_authenticate(fiona)
    url = f"/api/v1/referrals/{referral.pk}/outcome/"
    assert api.post(url, {"status": "hired"}, format="json").status_code == 404
    api.force_authenticate(erin)
    refused = api.post(url, {"status": "rejected"}, format="json")
    assert refused.status_code == 400 and refused.json()["field"] == "reason"
    assert api.post(url, {"status": "maybe"}, format="json").status_code == 400
    assert api.post(url, {"status": "withdrawn"}, format="json").status_code == 400
    response = api.post(url, {"status": "hired"}, format="json")
    assert response.status_code == 200 and response.json()["status"] == "hired"
    assert Placement.objects.filter(referral=referral).exists()


def test_the_schema_documents_the_referral_api_with_lengths_patterns_and_4xx(client, db):
    schema = client.get("/api/schema/?format=json").json()
    paths = schema["paths"]
    assert {"400", "401", "404"} <= set(
        paths["/api/v1/referrals/{id}/outcome/"]["post"]["responses"]
    )
    assert {"400", "404"} <= set(paths["/api/v1/referrals/"]["post"]["responses"])
    assert "/api/v1/placements/" in paths
    referral = schema["components"]["schemas"]["Referral"]["properties"]
    assert referral["ak1_number"]["pattern"] and referral["seeker_name"]["maxLength"] == 150
    outcome = schema["components"]["schemas"]["OutcomeRequestRequest"]["properties"]
    assert outcome["note"]["maxLength"] == 500
    status_ref = outcome["status"]["allOf"][0]["$ref"]
    status_enum = schema["components"]["schemas"][status_ref.rsplit("/", 1)[1]]
    assert set(status_enum["enum"]) >= {"hired", "rejected"}


def test_ids_beyond_the_database_range_are_404_not_errors(client, alice, erin):
    huge = "9" * 30
    client.force_login(alice)
    assert client.get(f"/officer/referrals/{huge}/").status_code == 404
    assert client.get(f"/officer/referrals/new/?seeker={huge}").status_code == 404
    # An out-of-range id in a posted form is a form error shown to the officer (issue 14).
    assert (
        client.post("/officer/referrals/new/", {"seeker": huge, "vacancy": huge}).status_code == 400
    )
    api = APIClient()
    for user in (alice, erin):
        api.force_authenticate(user)
        assert (
            api.post(
                f"/api/v1/referrals/{huge}/outcome/", {"status": "hired"}, format="json"
            ).status_code
            == 404
        )
    client.force_login(erin)
    assert client.get(f"/employer/referrals/{huge}/").status_code == 404


def test_the_seeker_sees_their_own_sent_referrals_only(
    client, referral, alice, andi, sopir, django_capture_on_commit_callbacks
):
    seeker_user = UserFactory(email="dewi.seeker@example.org", role="seeker")
    JobSeeker.objects.filter(pk=referral.seeker_id).update(user=seeker_user)
    with django_capture_on_commit_callbacks(execute=True):
        services.refer_jobseeker(seeker=andi, vacancy=sopir, by=alice, source="match")
    client.force_login(seeker_user)
    html = client.get("/applications/mine/").content.decode()
    assert "Kasir Minimarket" in html  # her referral, sent with a letter
    assert "Dirujuk" in html  # "Referred", in Indonesian
    assert sopir.title not in html  # someone else's referral
