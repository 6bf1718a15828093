"""The seeker services: verification and the AK/I number, reports, removal, reactivation, ledger."""

from datetime import date, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from jobseekers import services
from jobseekers.models import Experience, JobSeeker
from jobseekers.tasks import expire_lapsed_seekers as expire_task
from placement.ledger import services as ledger
from placement.ledger.models import Event
from placement.taxonomy.models import Occupation
from tests.factories import JobSeekerFactory

pytestmark = pytest.mark.django_db

JAKARTA_NOON = "T05:00:00Z"  # 12:00 in Asia/Jakarta


def events_of(seeker) -> list[tuple[str, date]]:
    return list(
        Event.objects.filter(subject_type="jobseekers.jobseeker", subject_id=seeker.pk)
        .order_by("occurred_on", "pk")
        .values_list("kind", "occurred_on")
    )


def test_verification_issues_an_ak1_number_of_the_office_and_starts_the_card(alice):
    seeker = JobSeekerFactory()
    seeker = services.verify_jobseeker(seeker=seeker, officer=alice, on=date(2026, 3, 10))
    assert seeker.status == JobSeeker.Status.ACTIVE
    assert seeker.ak1_number == "6271-2026-000001"
    assert seeker.office.code == "62.71"
    assert seeker.registered_on == date(2026, 3, 10)
    assert seeker.next_report_on == date(2026, 9, 10)
    assert seeker.expires_on == date(2028, 3, 10)
    assert seeker.verified_by == alice


def test_ak1_numbers_count_up_per_office_and_year_and_never_repeat(alice, bob):
    first = services.verify_jobseeker(seeker=JobSeekerFactory(), officer=alice)
    second = services.verify_jobseeker(seeker=JobSeekerFactory(), officer=alice)
    other_office = services.verify_jobseeker(
        seeker=JobSeekerFactory(regency_id="62.01"), officer=bob
    )
    year = timezone.localdate().year
    assert first.ak1_number == f"6271-{year}-000001"
    assert second.ak1_number == f"6271-{year}-000002"
    assert other_office.ak1_number == f"6201-{year}-000001"
    next_year = services.verify_jobseeker(
        seeker=JobSeekerFactory(), officer=alice, on=date(year + 1, 1, 2)
    )
    assert next_year.ak1_number == f"6271-{year + 1}-000001"


def test_a_provincial_officer_issues_numbers_of_the_provincial_office(carol):
    seeker = services.verify_jobseeker(seeker=JobSeekerFactory(), officer=carol)
    assert seeker.ak1_number.startswith("62-")
    assert seeker.office.code == "62"


def test_verification_writes_one_registered_event_with_the_ipk_dimensions(alice):
    seeker = JobSeekerFactory(
        sex="P", birth_date=date(2007, 5, 1), education_level_id="3000", wanted=["5223", "4311"]
    )
    services.verify_jobseeker(seeker=seeker, officer=alice, on=date(2026, 3, 10))
    event = Event.objects.get(subject_id=seeker.pk)
    assert event.kind == "seeker_registered"
    assert event.occurred_on == date(2026, 3, 10)
    assert (event.sex, event.age_group, event.education) == ("P", "15-19", "3000")
    assert event.occupation_group == "5"  # 5223, the first wanted occupation
    assert (event.regency_id, event.province_id, event.office.code) == ("62.71", "62", "62.71")


def test_occupation_group_falls_back_to_the_latest_coded_job(alice):
    seeker = JobSeekerFactory(wanted=[])
    seeker.preferred_occupations.clear()
    Experience.objects.create(
        seeker=seeker,
        job_title="Tukang las",
        occupation=Occupation.objects.get(code="7212"),
        start_year=2015,
        end_year=2018,
        months=36,
    )
    Experience.objects.create(
        seeker=seeker,
        job_title="Sopir",
        occupation=Occupation.objects.get(code="8322"),
        start_year=2019,
        end_year=2024,
        months=60,
    )
    assert ledger.seeker_occupation_group(seeker) == "8"


def test_only_a_submitted_registration_can_be_verified(alice):
    seeker = services.verify_jobseeker(seeker=JobSeekerFactory(), officer=alice)
    with pytest.raises(ValidationError):
        services.verify_jobseeker(seeker=seeker, officer=alice)
    draft = JobSeekerFactory(status=JobSeeker.Status.DRAFT)
    with pytest.raises(ValidationError):
        services.verify_jobseeker(seeker=draft, officer=alice)
    assert Event.objects.filter(subject_id=draft.pk).count() == 0


def test_a_user_without_an_office_cannot_verify(sam):
    seeker = JobSeekerFactory()
    with pytest.raises(ValidationError):
        services.verify_jobseeker(seeker=seeker, officer=sam)
    seeker.refresh_from_db()
    assert seeker.status == JobSeeker.Status.SUBMITTED and seeker.ak1_number is None


def test_a_report_before_the_window_is_refused_and_records_nothing(alice):
    seeker = services.verify_jobseeker(seeker=JobSeekerFactory(), officer=alice)
    with pytest.raises(ValidationError, match="opens"):
        services.report_jobseeker(seeker=seeker, actor=seeker.user)
    assert [kind for kind, _day in events_of(seeker)] == ["seeker_registered"]


def test_the_lifecycle_with_a_moved_clock_writes_exactly_its_events(alice):
    """Registered, reported when due, missed the next report, removed at night, reactivated."""
    seeker = JobSeekerFactory()
    with time_machine.travel("2026-01-15" + JAKARTA_NOON, tick=False):
        seeker = services.verify_jobseeker(seeker=seeker, officer=alice)
    number = seeker.ak1_number
    assert seeker.next_report_on == date(2026, 7, 15)

    # Report due: the window opens 30 days before the due date.
    with time_machine.travel("2026-06-01" + JAKARTA_NOON, tick=False):
        assert not seeker.can_report_on(timezone.localdate())
    with time_machine.travel("2026-07-01" + JAKARTA_NOON, tick=False):
        assert seeker.can_report_on(timezone.localdate())
        assert services.report_jobseeker(seeker=seeker, actor=seeker.user) == "seeker_reported"
    seeker.refresh_from_db()
    assert (seeker.last_reported_on, seeker.next_report_on) == (date(2026, 7, 1), date(2027, 1, 1))

    # Missed: on the due day nothing happens; the night after, the task removes the card.
    with time_machine.travel("2027-01-01" + JAKARTA_NOON, tick=False):
        assert expire_task.apply().get() == 0
    with time_machine.travel("2027-01-02T00:30:00+07:00", tick=False):
        assert expire_task.apply().get() == 1
        assert expire_task.apply().get() == 0  # idempotent: nobody is removed twice
    seeker.refresh_from_db()
    assert seeker.status == JobSeeker.Status.REMOVED
    assert seeker.removed_on == date(2027, 1, 2)
    assert seeker.removal_reason == JobSeeker.RemovalReason.MISSED_REPORT
    assert seeker.card_state_on(date(2027, 1, 2)) == "expired"

    # Reactivated: the seeker reports again and keeps the same number.
    with time_machine.travel("2027-02-10" + JAKARTA_NOON, tick=False):
        assert services.report_jobseeker(seeker=seeker, actor=seeker.user) == ("seeker_reactivated")
    seeker.refresh_from_db()
    assert seeker.status == JobSeeker.Status.ACTIVE
    assert seeker.ak1_number == number
    assert seeker.next_report_on == date(2027, 8, 10)
    assert seeker.removed_on is None

    assert events_of(seeker) == [
        ("seeker_registered", date(2026, 1, 15)),
        ("seeker_reported", date(2026, 7, 1)),
        ("seeker_removed", date(2027, 1, 2)),
        ("seeker_reactivated", date(2027, 2, 10)),
    ]
    removed = Event.objects.get(subject_id=seeker.pk, kind="seeker_removed")
    assert removed.detail == {"reason": "missed_report"}
    assert (removed.sex, removed.regency_id, removed.office.code) == ("P", "62.71", "62.71")


def test_an_expired_card_is_removed_and_a_reactivation_renews_it_for_two_years(alice):
    seeker = JobSeekerFactory()
    seeker = services.verify_jobseeker(seeker=seeker, officer=alice, on=date(2024, 1, 10))
    JobSeeker.objects.filter(pk=seeker.pk).update(next_report_on=date(2026, 6, 1))
    assert services.expire_lapsed_seekers(on=date(2026, 1, 11)) == 1
    seeker.refresh_from_db()
    assert seeker.removal_reason == JobSeeker.RemovalReason.EXPIRED
    kind = services.report_jobseeker(seeker=seeker, actor=alice, on=date(2026, 2, 1))
    seeker.refresh_from_db()
    assert kind == "seeker_reactivated"
    assert seeker.expires_on == date(2028, 2, 1)


def test_the_report_at_the_end_of_the_two_years_renews_the_card(alice):
    seeker = services.verify_jobseeker(
        seeker=JobSeekerFactory(), officer=alice, on=date(2024, 1, 10)
    )
    for day in (date(2024, 7, 1), date(2025, 1, 1), date(2025, 7, 1)):
        services.report_jobseeker(seeker=seeker, actor=seeker.user, on=day)
    seeker.refresh_from_db()
    assert seeker.next_report_on == date(2026, 1, 1)
    assert seeker.expires_on == date(2026, 1, 10)
    services.report_jobseeker(seeker=seeker, actor=seeker.user, on=date(2025, 12, 20))
    seeker.refresh_from_db()
    assert seeker.expires_on == date(2027, 12, 20)
    assert seeker.status == JobSeeker.Status.ACTIVE


def test_a_second_report_in_the_same_window_is_refused(alice):
    seeker = services.verify_jobseeker(
        seeker=JobSeekerFactory(), officer=alice, on=date(2026, 1, 10)
    )
    services.report_jobseeker(seeker=seeker, actor=seeker.user, on=date(2026, 7, 1))
    with pytest.raises(ValidationError):
        services.report_jobseeker(seeker=seeker, actor=seeker.user, on=date(2026, 7, 2))


def test_the_nightly_job_leaves_current_cards_alone(alice):
    fine = services.verify_jobseeker(seeker=JobSeekerFactory(), officer=alice)
    waiting = JobSeekerFactory()
    assert services.expire_lapsed_seekers(on=timezone.localdate() + timedelta(days=30)) == 0
    fine.refresh_from_db()
    waiting.refresh_from_db()
    assert fine.status == JobSeeker.Status.ACTIVE
    assert waiting.status == JobSeeker.Status.SUBMITTED


def test_the_nightly_job_processes_many_seekers_in_batches(alice):
    seekers = [JobSeekerFactory(verified=True, registered_on=date(2025, 1, 1)) for _i in range(7)]
    assert services.expire_lapsed_seekers(on=date(2025, 8, 1), batch_size=3) == 7
    assert Event.objects.filter(kind="seeker_removed").count() == 7
    assert {s.status for s in JobSeeker.objects.filter(pk__in=[s.pk for s in seekers])} == {
        "removed"
    }


def test_months_are_added_with_the_end_of_shorter_months():
    assert services.add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert services.add_months(date(2027, 8, 31), 6) == date(2028, 2, 29)
    assert services.add_months(date(2026, 1, 15), 24) == date(2028, 1, 15)


def test_the_card_validity_and_report_interval_come_from_settings(alice, settings):
    settings.ANTARKERJA = {**settings.ANTARKERJA, "CARD_VALIDITY_MONTHS": 12}
    settings.ANTARKERJA["REPORT_INTERVAL_MONTHS"] = 3
    seeker = services.verify_jobseeker(
        seeker=JobSeekerFactory(), officer=alice, on=date(2026, 1, 10)
    )
    assert (seeker.next_report_on, seeker.expires_on) == (date(2026, 4, 10), date(2027, 1, 10))


# --- Warnings and duplicates ---------------------------------------------------------------------
def test_a_nik_disagreeing_with_sex_and_birth_date_is_a_warning_not_a_rejection():
    seeker = JobSeekerFactory(nik="6271031505010002", sex="P", birth_date=date(2001, 5, 16))
    codes = {w["code"] for w in services.compute_warnings(seeker)}
    assert codes == {"nik_sex", "nik_birth_date"}
    seeker.warnings = services.compute_warnings(seeker)
    messages = " ".join(str(m) for m in services.warning_messages(seeker))
    assert "15-05-2001" in messages


def test_living_outside_the_ktp_domicile_is_flagged_not_the_nik_region():
    # The NIK says 62.71 (first registration); the KTP now says 62.01, where the person lives.
    seeker = JobSeekerFactory(regency_id="62.01", district_id="62.01.01", ktp_regency_id="62.01")
    seeker.nik = "6271036703010002"
    assert not [w for w in services.compute_warnings(seeker) if w["code"] == "domicile_elsewhere"]
    seeker.ktp_regency_id = "62.71"
    warnings = services.compute_warnings(seeker)
    assert {"code": "domicile_elsewhere", "ktp_regency": "62.71"} in warnings
    seeker.warnings = warnings
    assert "outside the KTP domicile" in " ".join(str(m) for m in services.warning_messages(seeker))


def test_a_nik_region_that_no_longer_exists_is_flagged():
    seeker = JobSeekerFactory()
    seeker.nik = "6271996703010002"
    assert {"code": "nik_region_unknown", "nik_region": "62.71.99"} in (
        services.compute_warnings(seeker)
    )


def test_same_name_birth_date_and_phone_under_another_nik_is_a_possible_duplicate():
    first = JobSeekerFactory(full_name="Siti Rahma", phone="081234567890")
    second = JobSeekerFactory(
        full_name="siti rahma", phone="081234567890", regency_id="62.01", district_id="62.01.01"
    )
    other_phone = JobSeekerFactory(full_name="Siti Rahma", phone="081299999999")
    assert list(services.possible_duplicates(first)) == [second]
    assert list(services.possible_duplicates(other_phone)) == []


# --- Field-level rules ---------------------------------------------------------------------------
def test_a_seeker_cannot_set_status_office_or_number_through_the_profile_service():
    seeker = JobSeekerFactory()
    with pytest.raises(ValidationError) as error:
        services.update_jobseeker(
            seeker=seeker,
            actor=seeker.user,
            changes={"status": "active", "ak1_number": "6271-2026-999999", "office": None},
        )
    assert set(error.value.error_dict) == {"status", "ak1_number", "office"}
    seeker.refresh_from_db()
    assert seeker.status == JobSeeker.Status.SUBMITTED and seeker.ak1_number is None


def test_after_verification_only_an_officer_changes_the_identity(alice):
    seeker = services.verify_jobseeker(seeker=JobSeekerFactory(), officer=alice)
    with pytest.raises(ValidationError):
        services.update_jobseeker(
            seeker=seeker, actor=seeker.user, changes={"full_name": "Someone Else"}
        )
    services.update_jobseeker(seeker=seeker, actor=seeker.user, changes={"phone": "081311112222"})
    services.update_jobseeker(seeker=seeker, actor=alice, changes={"full_name": "Dewi Lestari"})
    seeker.refresh_from_db()
    assert (seeker.full_name, seeker.phone) == ("Dewi Lestari", "081311112222")


def test_a_seeker_giving_a_nik_on_file_becomes_a_duplicate_the_officer_must_resolve(alice):
    first = JobSeekerFactory()
    second = JobSeekerFactory(status="submitted")
    services.update_jobseeker(seeker=second, actor=second.user, changes={"nik": first.nik})
    second.refresh_from_db()
    assert second.duplicate_of == first
    with pytest.raises(ValidationError, match="correct the NIK"):
        services.verify_jobseeker(seeker=second, officer=alice)


def test_an_officer_giving_a_nik_on_file_is_told_it_is_taken(alice):
    first = JobSeekerFactory()
    second = JobSeekerFactory()
    with pytest.raises(ValidationError) as error:
        services.update_jobseeker(seeker=second, actor=alice, changes={"nik": first.nik})
    assert "already registered" in str(error.value)


def test_at_most_three_preferred_occupations_are_kept_in_order():
    seeker = JobSeekerFactory()
    codes = ["8322", "7231", "5223", "4110"]
    occupations = [Occupation.objects.get(code=c) for c in codes]
    services.update_jobseeker(
        seeker=seeker, actor=seeker.user, changes={"preferred_occupations": occupations}
    )
    assert [o.code for o in services.preferred_occupations(seeker)] == codes[:3]
