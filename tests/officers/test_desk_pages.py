"""The registration desk pages: walk-in registration with the NIK read and confirmed, the slip
with its one-time code, the decisions on a case file, the report at the office and the hire
reports. Bad input is refused on its field with nothing saved; out of the region is 404."""

from __future__ import annotations

import re

import pytest
from django.utils import timezone

from jobseekers import services
from jobseekers.consent import CURRENT_CONSENT_VERSION
from jobseekers.models import JobSeeker
from placement.accounts.models import User
from placement.notifications.models import Notification
from placement.pipeline.models import HireReport, Placement
from placement.taxonomy.models import Occupation, Regency
from tests.factories import JobSeekerFactory
from tests.helpers import english

pytestmark = pytest.mark.django_db

NIK = "6271035203070002"  # woman, born 12-03-2007


def counter_data(**overrides) -> dict:
    data = {
        "action": "register",
        "full_name": "Siti Aminah",
        "nik": NIK,
        "identity_confirmed": "yes",
        "birth_place": "Palangka Raya",
        "marital_status": "single",
        "religion": "islam",
        "ktp_address": "Jl. Rajawali 3",
        "ktp_regency": "62.01",
        "address": "Jl. Tjilik Riwut Km 5",
        "regency": "62.71",
        "district": "62.71.03",
        "phone": "",
        "email": "",
        "education-level": "3000",
        "education-school_type": "smk",
        "education-school": "SMKN 2 Palangka Raya",
        "education-graduation_year": "2025",
        "preferred_occupations": [str(Occupation.objects.get(code="5230").pk)],
        "category": "never_worked",
        "relocation": "regency",
        "documents": ["ktp", "photo"],
        "consent": "on",
    }
    data.update(overrides)
    return data


def errors_of(response) -> str:
    html = response.content.decode()
    return " ".join(re.findall(r'class="error-message"[^>]*>(.*?)</p>', html, re.S))


def test_the_nik_is_read_and_shown_for_confirmation_without_saving(client, alice):
    english(client)
    client.force_login(alice)
    assert client.get("/officer/seekers/new/").status_code == 200
    response = client.post("/officer/seekers/new/", {"action": "check", "nik": NIK})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Female" in html and "12-03-2007" in html
    assert not JobSeeker.objects.exists()


def test_walk_in_registration_shows_the_code_once_on_the_slip(client, alice):
    client.force_login(alice)
    response = client.post("/officer/seekers/new/", counter_data())
    assert response.status_code == 302, errors_of(response)
    seeker = JobSeeker.objects.get()
    assert response["Location"] == f"/officer/seekers/{seeker.pk}/slip/"
    slip = client.get(response["Location"]).content.decode()
    code = re.search(r'id="claim-code">([A-Z0-9-]+)<', slip).group(1)
    assert len(code) == 11
    assert code not in client.get(response["Location"]).content.decode()  # shown once
    assert (seeker.sex, str(seeker.birth_date), seeker.status) == ("P", "2007-03-12", "submitted")
    assert seeker.ktp_regency_id == "62.01" and seeker.regency_id == "62.71"
    client.logout()
    claim = client.post(
        "/seeker/claim/",
        {
            "nik": NIK,
            "code": code,
            "email": "siti@example.org",
            "password1": "rumah betang di tepi sungai",
            "password2": "rumah betang di tepi sungai",
        },
    )
    assert claim.status_code == 302
    seeker.refresh_from_db()
    assert seeker.user.email == "siti@example.org"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"nik": "123"}, "nik"),
        ({"nik": "6271031203150002"}, "nik"),  # 11 years old
        ({"full_name": "Siti 123"}, "full_name"),
        ({"identity_confirmed": "no"}, "identity_note"),
        ({"documents": ["photo"]}, "documents"),
        ({"consent": ""}, "consent"),
        ({"address": ""}, "address"),
        ({"district": "62.01.01"}, "district"),
        ({"regency": "62.01", "district": ""}, "regency"),
        ({"phone": "12ab"}, "phone"),
        ({"education-level": ""}, "education-level"),
        ({"education-school_type": ""}, "education-school_type"),
        ({"preferred_occupations": []}, "preferred_occupations"),
    ],
)
def test_bad_counter_input_is_refused_on_its_field_and_nothing_saved(
    client, alice, overrides, field
):
    client.force_login(alice)
    response = client.post("/officer/seekers/new/", counter_data(**overrides))
    assert response.status_code == 400
    assert f'id="id_{field}_error"' in response.content.decode() or (
        f'id="id_{field}_0_error"' in response.content.decode()
    ), errors_of(response)
    assert not JobSeeker.objects.exists()


def test_the_same_address_box_copies_the_ktp_address(client, alice):
    client.force_login(alice)
    data = counter_data(address="", same_address="on", ktp_regency="62.71")
    assert client.post("/officer/seekers/new/", data).status_code == 302
    seeker = JobSeeker.objects.get()
    assert seeker.address == "Jl. Rajawali 3"
    assert not [w for w in seeker.warnings if w["code"] == "domicile_elsewhere"]


def test_a_seeker_or_employer_cannot_open_the_counter(client, sam, erin):
    for user in (sam, erin):
        client.force_login(user)
        assert client.get("/officer/seekers/new/").status_code == 404


def test_return_then_the_seeker_sees_the_reason_and_sends_again(client, alice):
    seeker = JobSeekerFactory()
    client.force_login(alice)
    page = client.get(f"/officer/seekers/{seeker.pk}/return/")
    assert page.status_code == 200
    assert client.post(f"/officer/seekers/{seeker.pk}/return/", {"reason": ""}).status_code == 400
    response = client.post(f"/officer/seekers/{seeker.pk}/return/", {"reason": "Foto buram"})
    assert response.status_code == 302
    assert Notification.objects.filter(user=seeker.user, event="seeker.registration_returned")
    client.force_login(seeker.user)
    assert "Foto buram" in client.get("/seeker/").content.decode()
    assert "Foto buram" in client.get("/seeker/register/check/").content.decode()


@pytest.mark.parametrize(
    ("action", "data", "status", "reason_field", "reason"),
    [
        ("reject", {"reason": "identity"}, "rejected", "rejection_reason", "identity"),
        (
            "remove",
            {"reason": "death", "note": "Surat kematian"},
            "removed",
            "removal_reason",
            "death",
        ),
        ("reissue", {"reason": "lost"}, "active", "card_edition", 2),
    ],
)
def test_decision_pages_change_the_record_through_the_service(
    client, alice, action, data, status, reason_field, reason
):
    seeker = JobSeekerFactory(verified=action != "reject")
    client.force_login(alice)
    response = client.post(f"/officer/seekers/{seeker.pk}/{action}/", data)
    assert response.status_code == 302
    seeker.refresh_from_db()
    assert seeker.status == status and getattr(seeker, reason_field) == reason


def test_a_bad_reason_code_is_refused_on_the_field(client, alice):
    seeker = JobSeekerFactory(verified=True)
    client.force_login(alice)
    for data in ({"reason": "expired"}, {"reason": ""}, {"reason": "<b>"}):
        response = client.post(f"/officer/seekers/{seeker.pk}/remove/", data)
        assert response.status_code == 400
        assert 'id="id_reason_error"' in response.content.decode()
    seeker.refresh_from_db()
    assert seeker.status == "active"


def test_merge_by_ak1_number_within_the_region_only(client, alice):
    keep = JobSeekerFactory(verified=True)
    other = JobSeekerFactory(verified=True)
    elsewhere = JobSeekerFactory(verified=True, regency_id="62.01")
    client.force_login(alice)
    response = client.post(f"/officer/seekers/{keep.pk}/merge/", {"other": elsewhere.ak1_number})
    assert response.status_code == 400
    assert 'id="id_other_error"' in response.content.decode()
    response = client.post(f"/officer/seekers/{keep.pk}/merge/", {"other": other.ak1_number})
    assert response.status_code == 302
    other.refresh_from_db()
    assert other.merged_into_id == keep.pk and other.status == "removed"


def test_out_of_region_and_unknown_actions_are_404(client, alice, bob):
    seeker = JobSeekerFactory()
    client.force_login(bob)
    for action in ("return", "reject", "remove", "reissue", "merge", "complete", "report"):
        assert client.get(f"/officer/seekers/{seeker.pk}/{action}/").status_code == 404
        assert client.post(f"/officer/seekers/{seeker.pk}/{action}/", {}).status_code == 404
    assert client.post(f"/officer/seekers/{seeker.pk}/claim-code/").status_code == 404
    assert client.get(f"/officer/seekers/{seeker.pk}/slip/").status_code == 404
    client.force_login(alice)
    assert client.get(f"/officer/seekers/{seeker.pk}/explode/").status_code == 404
    seeker.refresh_from_db()
    assert seeker.status == "submitted"


def test_the_report_at_the_office_asks_the_questions(client, alice, dewi):
    JobSeeker.objects.filter(pk=dewi.pk).update(status="removed")
    client.force_login(alice)
    assert client.get(f"/officer/seekers/{dewi.pk}/report/").status_code == 200
    response = client.post(
        f"/officer/seekers/{dewi.pk}/report/",
        {"still_looking": "yes", "worked_meanwhile": "yes", "job_title": "Kasir"},
    )
    assert response.status_code == 400
    assert 'id="id_employer_name_error"' in response.content.decode()
    response = client.post(
        f"/officer/seekers/{dewi.pk}/report/", {"still_looking": "yes", "phone": "0813 1111 2222"}
    )
    assert response.status_code == 302
    dewi.refresh_from_db()
    assert dewi.status == "active" and dewi.phone == "081311112222"


# --- Hire reports --------------------------------------------------------------------------------
def test_the_seeker_reports_a_job_and_the_officer_confirms_it_once(client, alice, bob, dewi):
    client.force_login(dewi.user)
    assert client.get("/seeker/job/").status_code == 200
    bad = client.post("/seeker/job/", {"employer_name": "CV Maju", "job_title": "Kasir"})
    assert bad.status_code == 400 and not HireReport.objects.exists()
    today = timezone.localdate()
    response = client.post(
        "/seeker/job/",
        {
            "employer_name": "CV Maju",
            "job_title": "Kasir",
            "started_on_0": str(today.day),
            "started_on_1": str(today.month),
            "started_on_2": str(today.year),
            "work_regency": "62.71",
        },
    )
    assert response.status_code == 302
    report = HireReport.objects.get()
    client.force_login(bob)
    assert client.get(f"/officer/hire-reports/{report.pk}/").status_code == 404
    assert report.pk not in [r.pk for r in HireReport.objects.visible_to(bob)]
    client.force_login(alice)
    assert "CV Maju" in client.get("/officer/hire-reports/").content.decode()
    missing = client.post(f"/officer/hire-reports/{report.pk}/", {"action": "confirm"})
    assert missing.status_code == 400 and not Placement.objects.exists()
    response = client.post(
        f"/officer/hire-reports/{report.pk}/", {"action": "confirm", "employer_type": "private"}
    )
    assert response.status_code == 302
    placement = Placement.objects.get()
    assert (placement.scope, placement.reported_by) == ("AKL", "seeker")
    again = client.post(
        f"/officer/hire-reports/{report.pk}/", {"action": "confirm", "employer_type": "private"}
    )
    assert again.status_code == 400 and Placement.objects.count() == 1


def test_got_a_job_in_the_report_goes_to_the_hire_form(client, dewi):
    client.force_login(dewi.user)
    response = client.post("/seeker/report/", {"still_looking": "working"})
    assert response["Location"] == "/seeker/job/"


def test_the_pages_are_indonesian_by_default(client, alice, dewi):
    client.cookies.clear()
    client.force_login(alice)
    html = client.get("/officer/seekers/new/").content.decode()
    assert "Daftarkan pencari kerja di loket" in html
    client.force_login(dewi.user)
    assert "Saya diterima bekerja" in client.get("/seeker/job/").content.decode()


def test_the_claim_page_refuses_a_wrong_code_without_saying_more(client, alice):
    _seeker, _code = services.register_walk_in(
        officer=alice,
        entry=services.WalkIn(
            full_name="Siti",
            nik=NIK,
            birth_place="X",
            marital_status="single",
            religion="islam",
            ktp_address="A",
            ktp_regency=Regency.objects.get(code="62.71"),
            address="A",
            regency=Regency.objects.get(code="62.71"),
            district=None,
            category="never_worked",
            education={"level_id": "3000", "school_type": "sma", "school": "SMA 1"},
            preferred_occupations=(Occupation.objects.get(code="5230"),),
            documents=("ktp",),
            consent_version=CURRENT_CONSENT_VERSION,
        ),
    )
    response = client.post(
        "/seeker/claim/",
        {
            "nik": NIK,
            "code": "AAAAA-BBBBB",
            "email": "x@example.org",
            "password1": "rumah betang di tepi sungai",
            "password2": "rumah betang di tepi sungai",
        },
    )
    assert response.status_code == 400
    assert 'id="id_code_error"' in response.content.decode()
    assert not User.objects.filter(email="x@example.org").exists()


def test_the_kept_record_shows_both_histories(client, alice):
    keep = services.verify_jobseeker(seeker=JobSeekerFactory(), officer=alice)
    other = services.verify_jobseeker(seeker=JobSeekerFactory(), officer=alice)
    services.merge_duplicate(keep=keep, duplicate=other, officer=alice)
    english(client)
    client.force_login(alice)
    html = client.get(f"/officer/seekers/{keep.pk}/history/").content.decode()
    assert f"#{other.pk}" in html  # the duplicate's registration and removal stay visible
    assert html.count("merged record") == 2
