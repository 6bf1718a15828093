"""Where people see the matches: pages, scoped."""

import pytest
from django.utils import timezone

from employers.models import EmployerUser
from jobseekers.models import Consent
from placement.matching import services
from placement.matching.models import MatchRun
from tests.placement.matching.conftest import FORKLIFT, OFFICE, WELDING, make_seeker, make_vacancy


@pytest.fixture
def night(employer, sam, erin):
    job = make_vacancy(employer, "Juru las", required=(WELDING, FORKLIFT), optional=(OFFICE,))
    remote = make_vacancy(employer, "Las Pangkalan Bun", regency="62.01", required=(WELDING,))
    seeker = make_seeker("Sari Wulandari", skills=(WELDING,), occupations=("7212",))
    seeker.user = sam
    seeker.save(update_fields=["user"])
    Consent.objects.create(seeker=seeker, version="2026-11")
    silent = make_seeker("Tono Tanpa Izin", skills=(WELDING, FORKLIFT))
    far = make_seeker("Dodi", regency="62.01", skills=(WELDING,))
    EmployerUser.objects.create(user=erin, employer=employer, is_admin=True)
    services.start_run(run_on=timezone.localdate())
    return {"job": job, "remote": remote, "seeker": seeker, "silent": silent, "far": far}


def test_seeker_sees_recommendations_with_plain_reasons(client, sam, night):
    client.force_login(sam)
    html = client.get("/seeker/recommendations/").content.decode()
    assert "Juru las" in html
    # Indonesian first: the reasons in plain Indonesian, the skills by their Indonesian labels.
    assert "Anda memiliki 1 dari 2 keterampilan yang diminta." in html
    assert "Belum dimiliki: Mengoperasikan forklift." in html
    assert "Keterampilan untuk dipelajari" in html


def test_reasons_are_complete_in_english_too(client, sam, night):
    client.force_login(sam)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get("/seeker/recommendations/").content.decode()
    assert "You have 1 of the 2 skills asked." in html
    assert "Missing: operate forklift." in html


def test_seeker_recommendations_hide_a_vacancy_closed_since_the_night(client, sam, night):
    night["job"].status = "closed"
    night["job"].save(update_fields=["status"])
    client.force_login(sam)
    assert "Juru las" not in client.get("/seeker/recommendations/").content.decode()


def test_employer_sees_only_consenting_candidates_and_never_nik(client, erin, night):
    night["seeker"].nik = "6271014101990001"
    night["seeker"].save(update_fields=["nik"])
    client.force_login(erin)
    response = client.get(f"/employer/vacancies/{night['job'].pk}/candidates/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Sari Wulandari" in html
    assert "Tono Tanpa Izin" not in html  # no consent to share
    assert "6271014101990001" not in html


def test_employer_of_another_company_gets_404(client, night, db):
    from tests.factories import UserFactory

    stranger = UserFactory(email="other@example.org", role="employer")
    client.force_login(stranger)
    assert client.get(f"/employer/vacancies/{night['job'].pk}/candidates/").status_code == 404


def test_officer_sees_every_active_candidate_of_their_region(client, alice, night):
    client.force_login(alice)
    html = client.get(f"/officer/matching/vacancies/{night['job'].pk}/").content.decode()
    assert "Sari Wulandari" in html and "Tono Tanpa Izin" in html


def test_officer_of_another_regency_gets_404_for_matches(client, bob, night):
    client.force_login(bob)
    assert client.get(f"/officer/matching/vacancies/{night['job'].pk}/").status_code == 404
    assert client.get(f"/officer/matching/seekers/{night['seeker'].pk}/").status_code == 404


def test_provincial_officer_sees_both_regencies(client, carol, night):
    client.force_login(carol)
    assert client.get(f"/officer/matching/seekers/{night['seeker'].pk}/").status_code == 200
    assert client.get(f"/officer/matching/vacancies/{night['remote'].pk}/").status_code == 200


def test_runs_page_shows_progress_and_htmx_fragment(client, alice, night):
    client.force_login(alice)
    page = client.get("/officer/matching/")
    assert page.status_code == 200
    assert "<progress" in page.content.decode()
    assert "/officer/matching/start/" not in page.content.decode()  # officers watch, heads start
    fragment = client.get("/officer/matching/", HTTP_HX_REQUEST="true").content.decode()
    assert fragment.lstrip().startswith('<div id="runs-table"')
    assert "<html" not in fragment


def test_national_admin_starts_a_run_by_post_only(client, nadia, night):
    client.force_login(nadia)
    assert "Jalankan pencocokan sekarang" in client.get("/officer/matching/").content.decode()
    assert client.get("/officer/matching/start/").status_code == 405
    response = client.post("/officer/matching/start/")
    assert response.status_code == 302
    assert MatchRun.objects.get(run_on=timezone.localdate()).status == "succeeded"


def test_officer_cannot_start_a_run(client, alice, night):
    client.force_login(alice)
    assert client.post("/officer/matching/start/").status_code == 404


def test_seeker_and_anonymous_cannot_see_runs(client, sam, night):
    assert client.get("/officer/matching/").status_code == 302
    client.force_login(sam)
    assert client.get("/officer/matching/").status_code == 404


def test_candidate_page_has_bounded_queries(client, alice, night, django_assert_max_num_queries):
    client.force_login(alice)
    # 16: two of them read every candidate's wanted occupations and past jobs (the reasons).
    with django_assert_max_num_queries(16):
        client.get(f"/officer/matching/vacancies/{night['job'].pk}/")


def test_api_seeker_matches_for_self_and_scoped_officers(client, sam, bob, night):
    client.force_login(sam)
    response = client.get(f"/api/v1/jobseekers/{night['seeker'].pk}/matches/")
    assert response.status_code == 200
    first = response.json()[0]
    assert first["title"] == "Juru las" and first["rank"] == 1
    assert {s["label"] for s in first["missing_skills"]} == {"Mengoperasikan forklift"}
    assert client.get(f"/api/v1/jobseekers/{night['silent'].pk}/matches/").status_code == 404
    client.force_login(bob)
    assert client.get(f"/api/v1/jobseekers/{night['seeker'].pk}/matches/").status_code == 404


def test_api_vacancy_matches_for_the_employer_hide_non_consenting(client, erin, night):
    client.force_login(erin)
    rows = client.get(f"/api/v1/vacancies/{night['job'].pk}/matches/").json()
    assert [r["full_name"] for r in rows] == ["Sari Wulandari"]
    assert "nik" not in rows[0] and "has_disability" not in rows[0]


def test_api_runs_list_and_start(client, alice, nadia, night):
    client.force_login(alice)
    assert client.get("/api/v1/matching/runs/").json()[0]["status"] == "succeeded"
    assert client.post("/api/v1/matching/runs/", {}).status_code == 404
    client.force_login(nadia)
    response = client.post(
        "/api/v1/matching/runs/", {"province": "6x"}, content_type="application/json"
    )
    assert response.status_code == 400
    response = client.post("/api/v1/matching/runs/", {}, content_type="application/json")
    assert response.status_code == 202


def test_portals_link_to_the_matches(client, sam, erin, night):
    client.force_login(sam)
    assert "/seeker/recommendations/" in client.get("/seeker/").content.decode()
    client.force_login(erin)
    html = client.get("/employer/").content.decode()
    assert f"/employer/vacancies/{night['job'].pk}/candidates/" in html


def test_reasons_name_the_occupation_relation_in_indonesian():
    from django.utils import translation

    from placement.matching.explain import reasons
    from placement.matching.models import Match

    def said(occupation: float) -> list[str]:
        match = Match(
            score=70, occupation=occupation, education=1, experience=1, location=1, wage=1
        )
        match.matched_skills, match.missing_skills = [], []
        with translation.override("id"):
            return reasons(match, {}, audience="officer").good

    assert "Jabatan serumpun (sangat berkaitan)." in said(0.85)  # 2221 nurse, 3221 vacancy
    assert "Jabatan yang berkaitan." in said(0.6)
    assert not any("abatan" in text for text in said(0.15))  # a cook for a beautician job


def test_pairs_under_the_minimum_score_are_not_listed(client, sam, night, settings):
    from placement.matching import queries

    assert queries.seeker_recommendations(night["seeker"].pk)
    settings.MATCHING = {**settings.MATCHING, "MIN_SCORE": 101}
    assert queries.seeker_recommendations(night["seeker"].pk) == []
    assert queries.vacancy_candidates(night["job"].pk, for_employer=False) == []
    client.force_login(sam)
    html = client.get("/seeker/recommendations/").content.decode()
    assert "Juru las" not in html
    assert "Belum ada kecocokan yang kuat" in html and "di bawah 101%" in html


def test_a_vacancy_stating_no_wage_is_said_and_not_counted_as_a_fit_or_a_gap():
    from django.utils import translation

    from employers.models import Vacancy
    from placement.matching.explain import reasons
    from placement.matching.models import Match

    def said(wage_max: int | None, audience: str):
        match = Match(score=70, occupation=1, education=1, experience=1, location=1, wage=1)
        match.matched_skills, match.missing_skills = [], []
        match.vacancy = Vacancy(wage_max=wage_max)
        with translation.override("id"):
            return reasons(match, {}, audience=audience)

    silent = said(None, "seeker")
    assert silent.notes == ["Lowongan tidak mencantumkan upah: tanyakan dulu."]
    assert not any("upah" in text.lower() for text in silent.good + silent.gaps)
    assert said(None, "officer").notes == ["Lowongan tidak mencantumkan upah (tidak dinilai)."]
    assert said(5_000_000, "seeker").notes == []
