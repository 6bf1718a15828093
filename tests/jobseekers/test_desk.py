"""The registration desk: walk-in registration, return, reject, removal, reissue, merge, claim
code, and the six-monthly report's answers. Each state change writes its ledger event, audit and
officer activity together; IPK counts stay consistent."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from jobseekers import services
from jobseekers.consent import CURRENT_CONSENT_VERSION
from jobseekers.models import JobSeeker
from placement.accounts.models import AuditEvent, User
from placement.ledger.models import Event
from placement.notifications.models import Notification
from placement.offices.models import Activity
from placement.reports import ipk
from placement.taxonomy.models import District, EducationLevel, Occupation, Regency, Skill
from tests.factories import JobSeekerFactory

pytestmark = pytest.mark.django_db

NIK_WOMAN = "6271035203070002"  # 62.71.03, woman (day 52 -> 12), born 12-03-2007


def kinds(seeker) -> list[str]:
    return list(
        Event.objects.filter(subject_type="jobseekers.jobseeker", subject_id=seeker.pk)
        .order_by("pk")
        .values_list("kind", flat=True)
    )


def walk_in(**overrides) -> services.WalkIn:
    values = {
        "full_name": "Siti  Aminah",
        "nik": NIK_WOMAN,
        "birth_place": "Palangka Raya",
        "marital_status": "single",
        "religion": "islam",
        "ktp_address": "Jl. Rajawali 3",
        "ktp_regency": Regency.objects.get(code="62.01"),
        "address": "Jl. Tjilik Riwut Km 5",
        "regency": Regency.objects.get(code="62.71"),
        "district": District.objects.get(code="62.71.03"),
        "category": "never_worked",
        "education": {
            "level": EducationLevel.objects.get(code="3000"),
            "school_type": "smk",
            "school": "SMKN 2 Palangka Raya",
            "graduation_year": 2025,
        },
        "preferred_occupations": (Occupation.objects.get(code="5230"),),
        "documents": ("ktp", "photo"),
        "consent_version": CURRENT_CONSENT_VERSION,
    }
    values.update(overrides)
    return services.WalkIn(**values)


def field_errors(error: ValidationError) -> set[str]:
    return set(error.message_dict)


# --- Walk-in -------------------------------------------------------------------------------------
def test_walk_in_derives_sex_and_birth_date_from_the_nik_and_waits_for_verification(alice):
    seeker, code = services.register_walk_in(officer=alice, entry=walk_in())
    seeker.refresh_from_db()
    assert (seeker.sex, seeker.birth_date) == ("P", date(2007, 3, 12))
    assert seeker.status == JobSeeker.Status.SUBMITTED
    assert seeker.channel == "counter" and seeker.registered_by == alice
    assert seeker.user is None and seeker.phone == ""
    assert seeker.documents_seen == ["ktp", "photo"]
    assert seeker.full_name == "Siti Aminah"
    assert seeker.education_code.startswith("31")  # SMK: the detailed IPK code
    assert len(code) == 10 and code not in seeker.claim_code_hash
    assert seeker.consents.count() == 1
    assert kinds(seeker) == []  # counted at verification, as online
    assert AuditEvent.objects.filter(
        object_id=str(seeker.pk), detail__event="registered_at_counter", detail__via="web"
    ).exists()
    assert Activity.objects.filter(subject_id=seeker.pk, evidence__event="registered_at_counter")
    # Outside the KTP domicile (62.01), living and registering in 62.71: flagged, allowed.
    assert {"code": "domicile_elsewhere", "ktp_regency": "62.01"} in seeker.warnings


def test_a_person_disagreeing_with_the_nik_needs_the_ktp_values_and_a_reason(alice):
    with pytest.raises(ValidationError) as error:
        services.register_walk_in(officer=alice, entry=walk_in(identity_confirmed=False))
    assert field_errors(error.value) == {"identity_note", "stated_sex", "stated_birth_date"}
    same = walk_in(
        identity_confirmed=False,
        stated_sex="P",
        stated_birth_date=date(2007, 3, 12),
        identity_note="KTP lama",
    )
    with pytest.raises(ValidationError) as error:
        services.register_walk_in(officer=alice, entry=same)
    assert field_errors(error.value) == {"identity_confirmed"}
    assert not JobSeeker.objects.exists()
    differs = walk_in(
        identity_confirmed=False,
        stated_sex="P",
        stated_birth_date=date(2007, 3, 21),
        identity_note="KTP printed 21-03-2007, NIK kept from the first record",
    )
    seeker, _code = services.register_walk_in(officer=alice, entry=differs)
    assert seeker.birth_date == date(2007, 3, 21)
    codes = {w["code"] for w in seeker.warnings}
    assert {"nik_birth_date", "identity_note"} <= codes


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"nik": "12345"}, "nik"),
        ({"nik": "6271031203150002"}, "nik"),  # born 2015: under 15
        ({"documents": ("photo",)}, "documents"),  # no KTP seen
        ({"documents": ("ktp", "passport")}, "documents"),
        ("outside", "regency"),
        ("wrong_district", "district"),
        ({"email": "alice@example.org"}, "email"),
    ],
)
def test_bad_walk_in_input_is_refused_on_its_field_and_nothing_is_saved(alice, overrides, field):
    if overrides == "outside":
        overrides = {"regency": Regency.objects.get(code="62.01"), "district": None}
    elif overrides == "wrong_district":
        overrides = {"district": District.objects.get(code="62.01.01")}
    with pytest.raises(ValidationError) as error:
        services.register_walk_in(officer=alice, entry=walk_in(**overrides))
    assert field in error.value.message_dict
    assert not JobSeeker.objects.exists()
    assert not AuditEvent.objects.filter(detail__event="registered_at_counter").exists()


def test_an_officer_is_told_the_nik_is_taken(alice):
    JobSeekerFactory(nik=NIK_WOMAN)
    with pytest.raises(ValidationError) as error:
        services.register_walk_in(officer=alice, entry=walk_in())
    assert "nik" in error.value.message_dict
    assert JobSeeker.objects.count() == 1


def test_a_seeker_cannot_register_at_the_counter(sam):
    with pytest.raises(ValidationError):
        services.register_walk_in(officer=sam, entry=walk_in())


# --- Claim code ----------------------------------------------------------------------------------
def test_the_claim_code_opens_an_account_once(alice, client):
    seeker, code = services.register_walk_in(officer=alice, entry=walk_in())
    user = services.claim_account(
        nik=NIK_WOMAN,
        code=services.format_claim_code(code).lower(),
        email="Siti@Example.org",
        password="kata sandi panjang 123",
    )
    seeker.refresh_from_db()
    assert seeker.user == user and user.email == "siti@example.org" and user.role == "seeker"
    assert user.check_password("kata sandi panjang 123")
    with pytest.raises(ValidationError):
        services.claim_account(nik=NIK_WOMAN, code=code, email="x@example.org", password="p" * 12)


def test_five_wrong_codes_kill_the_code_and_the_answer_never_says_whether_the_nik_exists(alice):
    seeker, code = services.register_walk_in(officer=alice, entry=walk_in())
    unknown = None
    try:
        services.claim_account(nik="6271031505010009", code=code, email="a@b.id", password="x" * 12)
    except ValidationError as error:
        unknown = error.message_dict
    for _attempt in range(5):
        with pytest.raises(ValidationError) as error:
            services.claim_account(nik=NIK_WOMAN, code="WRONG", email="a@b.id", password="x" * 12)
        assert error.value.message_dict == unknown
    with pytest.raises(ValidationError):
        services.claim_account(nik=NIK_WOMAN, code=code, email="a@b.id", password="x" * 12)
    assert not User.objects.filter(email="a@b.id").exists()
    new_code = services.issue_claim_code(seeker=seeker, officer=alice)
    services.claim_account(nik=NIK_WOMAN, code=new_code, email="a@b.id", password="x" * 12)
    assert User.objects.filter(email="a@b.id").exists()


def test_a_claim_with_a_taken_email_says_so_and_keeps_the_code(alice):
    _seeker, code = services.register_walk_in(officer=alice, entry=walk_in())
    with pytest.raises(ValidationError) as error:
        services.claim_account(
            nik=NIK_WOMAN, code=code, email="alice@example.org", password="x" * 12
        )
    assert "email" in error.value.message_dict
    services.claim_account(nik=NIK_WOMAN, code=code, email="siti@example.org", password="x" * 12)


# --- Return, resubmit, reject --------------------------------------------------------------------
def test_return_tells_the_seeker_and_they_send_it_again(alice):
    seeker = JobSeekerFactory()
    services.return_registration(seeker=seeker, officer=alice, reason="Ijazah  belum dibawa")
    seeker.refresh_from_db()
    assert seeker.status == "returned" and seeker.return_reason == "Ijazah belum dibawa"
    notice = Notification.objects.get(user=seeker.user, event="seeker.registration_returned")
    assert notice.context == {"reason": "Ijazah belum dibawa"}
    assert kinds(seeker) == ["seeker_returned"]
    event = Event.objects.get(subject_id=seeker.pk)
    assert event.office.code == "62.71" and event.detail["reason"] == "Ijazah belum dibawa"
    assert Activity.objects.filter(subject_id=seeker.pk, evidence__event="returned").exists()
    services.submit_registration(
        seeker=seeker, actor=seeker.user, consent_version=CURRENT_CONSENT_VERSION
    )
    seeker.refresh_from_db()
    assert seeker.status == "submitted"
    # A second return is a second notice (not swallowed as the same one).
    services.return_registration(seeker=seeker, officer=alice, reason="Foto buram")
    assert Notification.objects.filter(event="seeker.registration_returned").count() == 2


def test_return_needs_a_reason_and_a_submitted_registration(alice):
    seeker = JobSeekerFactory()
    with pytest.raises(ValidationError) as error:
        services.return_registration(seeker=seeker, officer=alice, reason="  ")
    assert "reason" in error.value.message_dict
    active = JobSeekerFactory(verified=True)
    with pytest.raises(ValidationError):
        services.return_registration(seeker=active, officer=alice, reason="x")
    assert not Event.objects.exists()


def test_a_counter_registration_is_completed_at_the_counter(alice):
    seeker, _code = services.register_walk_in(officer=alice, entry=walk_in())
    services.return_registration(seeker=seeker, officer=alice, reason="Bawa ijazah")
    with pytest.raises(ValidationError):
        services.complete_at_counter(seeker=seeker, officer=alice, documents=("photo",))
    seeker.refresh_from_db()
    assert seeker.status == "returned"
    services.complete_at_counter(seeker=seeker, officer=alice, documents=("ktp", "ijazah"))
    seeker.refresh_from_db()
    assert seeker.status == "submitted" and seeker.documents_seen == ["ktp", "ijazah"]
    services.verify_jobseeker(seeker=seeker, officer=alice)
    assert kinds(seeker) == ["seeker_returned", "seeker_registered"]


def test_reject_frees_the_nik_and_counts_nothing(alice):
    seeker = JobSeekerFactory()
    with pytest.raises(ValidationError) as error:
        services.reject_registration(seeker=seeker, officer=alice, reason="other")
    assert "note" in error.value.message_dict
    with pytest.raises(ValidationError):
        services.reject_registration(seeker=seeker, officer=alice, reason="bogus")
    services.reject_registration(seeker=seeker, officer=alice, reason="identity")
    seeker.refresh_from_db()
    assert seeker.status == "rejected" and seeker.rejection_reason == "identity"
    assert Notification.objects.filter(event="seeker.registration_rejected").exists()
    assert kinds(seeker) == ["seeker_rejected"]
    again = JobSeekerFactory(nik=seeker.nik)  # the unique NIK no longer blocks it
    assert again.duplicate_of is None


# --- Removal and IPK -----------------------------------------------------------------------------
@pytest.mark.parametrize("reason", [r.value for r in services.MANUAL_REMOVAL_REASONS])
def test_every_manual_removal_reason_is_the_ipk_removed_outflow(alice, reason):
    seeker = services.verify_jobseeker(
        seeker=JobSeekerFactory(), officer=alice, on=date(2026, 3, 2)
    )
    services.remove_jobseeker(
        seeker=seeker, officer=alice, reason=reason, note="x", on=date(2026, 3, 20)
    )
    seeker.refresh_from_db()
    assert (seeker.status, seeker.removal_reason) == ("removed", reason)
    event = Event.objects.get(subject_id=seeker.pk, kind="seeker_removed")
    assert event.detail["reason"] == reason and event.detail["manual"] is True
    assert services.REMOVAL_OUTFLOW[reason] == "removed"
    out = ipk.contributions(
        event.kind, in_month=True, stock=ipk.Dimensions(sex="P", age_group="20-29")
    )
    assert (("iii-1", "seekers", "20-29", "removed", "P"), 1) in out
    audit = AuditEvent.objects.get(object_id=str(seeker.pk), detail__event="removed")
    assert audit.detail["via"] == "web" and audit.detail["reason"] == reason


def test_removal_refuses_unknown_reasons_and_inactive_cards(alice):
    seeker = JobSeekerFactory(verified=True)
    for reason in ("expired", "bogus", ""):
        with pytest.raises(ValidationError):
            services.remove_jobseeker(seeker=seeker, officer=alice, reason=reason)
    submitted = JobSeekerFactory()
    with pytest.raises(ValidationError):
        services.remove_jobseeker(seeker=submitted, officer=alice, reason="death")
    assert not Event.objects.exists()


# --- Reissue -------------------------------------------------------------------------------------
def test_reissue_keeps_the_number_counts_the_printing_and_no_flow(alice):
    seeker = services.verify_jobseeker(seeker=JobSeekerFactory(), officer=alice)
    number = seeker.ak1_number
    services.reissue_card(seeker=seeker, officer=alice, reason="lost", via="api")
    seeker.refresh_from_db()
    assert seeker.ak1_number == number and seeker.card_edition == 2
    event = Event.objects.get(subject_id=seeker.pk, kind="seeker_card_reissued")
    assert event.detail == {"reason": "lost", "edition": 2}
    assert ipk.contributions(event.kind, in_month=True, stock=ipk.Dimensions()) == []
    assert AuditEvent.objects.filter(detail__event="card_reissued", detail__via="api").exists()
    with pytest.raises(ValidationError):
        services.reissue_card(seeker=seeker, officer=alice, reason="stolen!")


# --- Merge ---------------------------------------------------------------------------------------
def test_merging_an_active_duplicate_removes_it_once_and_moves_the_account(alice):
    keep, _code = services.register_walk_in(officer=alice, entry=walk_in())
    keep = services.verify_jobseeker(seeker=keep, officer=alice)
    online = services.verify_jobseeker(
        seeker=JobSeekerFactory(full_name="Siti Aminah"), officer=alice
    )
    account = online.user
    services.merge_duplicate(keep=keep, duplicate=online, officer=alice, note="same KTP")
    keep.refresh_from_db()
    online.refresh_from_db()
    assert keep.user == account and online.user is None
    assert online.merged_into == keep
    assert (online.status, online.removal_reason) == ("removed", "duplicate")
    assert kinds(online) == ["seeker_registered", "seeker_removed"]
    assert kinds(keep) == ["seeker_registered", "seeker_merged"]
    assert Event.objects.get(subject_id=keep.pk, kind="seeker_merged").detail["merged"] == online.pk
    with pytest.raises(ValidationError):
        services.merge_duplicate(keep=keep, duplicate=online, officer=alice)
    with pytest.raises(ValidationError):
        services.merge_duplicate(keep=keep, duplicate=keep, officer=alice)


def test_merging_an_unverified_duplicate_rejects_it_without_a_flow(alice):
    keep = JobSeekerFactory(verified=True)
    draft = JobSeekerFactory()
    services.merge_duplicate(keep=keep, duplicate=draft, officer=alice)
    draft.refresh_from_db()
    assert (draft.status, draft.rejection_reason) == ("rejected", "duplicate")
    assert kinds(draft) == ["seeker_rejected"]


# --- The six-monthly report with content ---------------------------------------------------------
def _due_seeker(alice):
    return services.verify_jobseeker(seeker=JobSeekerFactory(), officer=alice, on=date(2026, 1, 5))


def test_the_report_answers_update_the_profile_and_the_ledger(alice):
    seeker = _due_seeker(alice)
    skill = Skill.objects.filter(common_rank__isnull=False).first()
    answers = services.ReportAnswers(
        still_looking=True,
        work={"job_title": "Pelayan", "employer_name": "RM Sederhana", "months": 3},
        contact={"phone": "081300000001", "address": "Jl. Baru 1"},
        skills_added=(skill,),
    )
    kind = services.report_jobseeker(
        seeker=seeker, actor=seeker.user, answers=answers, on=date(2026, 6, 20)
    )
    assert kind == "seeker_reported"
    seeker.refresh_from_db()
    assert (seeker.phone, seeker.address) == ("081300000001", "Jl. Baru 1")
    assert seeker.experiences.filter(job_title="Pelayan").exists()
    assert seeker.experience_months >= 3
    assert seeker.skills.filter(skill=skill).exists()
    assert seeker.next_report_on == date(2026, 12, 20)
    event = Event.objects.get(subject_id=seeker.pk, kind="seeker_reported")
    assert event.detail == {
        "still_looking": True,
        "worked_meanwhile": True,
        "changed": ["address", "phone", "experiences", "skills"],
    }


def test_no_longer_looking_removes_the_card_at_the_holders_request(alice):
    seeker = _due_seeker(alice)
    services.report_jobseeker(
        seeker=seeker,
        actor=seeker.user,
        answers=services.ReportAnswers(still_looking=False),
        on=date(2026, 2, 1),
    )
    seeker.refresh_from_db()
    assert (seeker.status, seeker.removal_reason) == ("removed", "on_request")


def test_a_bad_answer_saves_nothing(alice):
    seeker = _due_seeker(alice)
    answers = services.ReportAnswers(
        contact={"district": District.objects.get(code="62.01.01")},  # not in 62.71
        work={"job_title": "Pelayan", "employer_name": "RM", "months": 3},
    )
    with pytest.raises(ValidationError), transaction.atomic():
        services.report_jobseeker(
            seeker=seeker, actor=seeker.user, answers=answers, on=date(2026, 6, 20)
        )
    seeker.refresh_from_db()
    assert seeker.next_report_on == date(2026, 7, 5)
    assert not seeker.experiences.exists()
    assert kinds(seeker) == ["seeker_registered"]
