"""Online registration, step by step: every step saves, every bad input errs on its field."""

import re

import pytest
from django.conf import settings
from django.utils import translation

from jobseekers.consent import CURRENT_CONSENT_VERSION
from jobseekers.models import Consent, Education, Experience, JobSeeker
from jobseekers.nik import MESSAGES
from placement.accounts.models import AuditEvent, User
from placement.notifications.models import Preference
from placement.notifications.services import preference_for
from placement.taxonomy.models import Occupation, Skill, SmkProgramme
from tests.factories import JobSeekerFactory
from tests.jobseekers.conftest import (
    NIK,
    contact_data,
    education_data,
    experience_data,
    identity_data,
    preferences_data,
    register_fully,
)

PASSWORD = "kopi susu pagi hari"
FULL_WIDTH = str.maketrans("0123456789", "".join(chr(0xFF10 + i) for i in range(10)))
APOSTROPHE = "\u2019"


def field_error(response, field: str) -> str:
    """The error text shown at a field (components/field.html), or ''."""
    html = response.content.decode()
    match = re.search(rf'id="id_{field}_error">(.*?)</p>', html, re.S)
    return re.sub(r"<[^>]+>", "", match.group(1)).strip() if match else ""


@pytest.fixture
def draft_client(client, db):
    """A new seeker who just created the account (step 1)."""
    response = client.post(
        "/seeker/register/",
        {"email": "dewi@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302
    return client


def seeker_of(email="dewi@example.org") -> JobSeeker:
    return JobSeeker.objects.get(user__email=email)


# --- Step 1: the account -------------------------------------------------------------------------
def test_the_account_step_creates_a_seeker_and_a_saved_draft_and_signs_in(client, db):
    response = client.get("/seeker/register/")
    assert response.status_code == 200
    response = client.post(
        "/seeker/register/",
        {"email": "Dewi@Example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response["Location"] == "/seeker/register/identity/"
    seeker = seeker_of()
    assert seeker.user.role == "seeker"
    assert seeker.status == JobSeeker.Status.DRAFT
    assert client.get("/seeker/").status_code == 200  # signed in


def test_who_registers_in_english_is_written_to_in_english(client, db):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.post(
        "/seeker/register/",
        {"email": "dewi@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert Preference.objects.get(user__email="dewi@example.org").language == "en"


def test_who_registers_in_indonesian_keeps_the_default(client, db):
    client.cookies.pop(settings.LANGUAGE_COOKIE_NAME)  # this file's tests read English
    client.post(
        "/seeker/register/",
        {"email": "dewi@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert not Preference.objects.filter(user__email="dewi@example.org").exists()
    assert preference_for(seeker_of().user).language == "id"


def test_an_address_that_has_an_account_errs_on_the_email_and_creates_nothing(client, sam):
    response = client.post(
        "/seeker/register/",
        {"email": "SAM@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 200
    assert "already exists" in field_error(response, "email")
    assert User.objects.filter(email__iexact="sam@example.org").count() == 1


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"email": "not-an-email", "password1": PASSWORD, "password2": PASSWORD}, "email"),
        (
            {"email": "a@example.org", "password1": PASSWORD, "password2": "other words"},
            "password2",
        ),
        ({"email": "a@example.org", "password1": "12345678", "password2": "12345678"}, "password1"),
        ({"email": "a@example.org", "password1": "short", "password2": "short"}, "password1"),
    ],
)
def test_a_bad_account_answer_errs_on_its_field_and_saves_nothing(client, db, data, field):
    response = client.post("/seeker/register/", data)
    assert response.status_code == 200
    assert field_error(response, field)
    assert not User.objects.filter(email="a@example.org").exists()


def test_a_signed_in_officer_cannot_register_as_a_seeker(client, alice):
    client.force_login(alice)
    assert client.get("/seeker/register/").status_code == 404


# --- Access to the steps -------------------------------------------------------------------------
def test_the_steps_send_anonymous_visitors_to_sign_in(client, db):
    response = client.get("/seeker/register/identity/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_steps_are_404_for_an_officer_and_for_an_unknown_step(client, alice, sam):
    client.force_login(alice)
    assert client.get("/seeker/register/identity/").status_code == 404
    client.force_login(sam)
    assert client.get("/seeker/register/nonsense/").status_code == 404


def test_a_step_refuses_put_and_delete(draft_client):
    assert draft_client.put("/seeker/register/identity/").status_code == 405
    assert draft_client.delete("/seeker/register/contact/").status_code == 405


# --- Step 2: identity ----------------------------------------------------------------------------
def test_identity_is_saved_and_leads_to_the_contact_step(draft_client):
    response = draft_client.post("/seeker/register/identity/", identity_data())
    assert response["Location"] == "/seeker/register/contact/"
    seeker = seeker_of()
    assert (seeker.nik, seeker.full_name, seeker.sex) == (NIK, "Dewi Lestari", "P")
    assert seeker.birth_date.isoformat() == "2001-03-27"
    assert "identity" in seeker.steps_done
    assert seeker.warnings == []


def test_sex_and_birth_date_are_read_from_the_nik_not_typed(draft_client):
    """Typed values are ignored: the NIK's are stored once the person confirms them."""
    response = draft_client.post(
        "/seeker/register/identity/",
        identity_data(sex="L", birth_date_0="1", birth_date_1="1", birth_date_2="1990"),
    )
    assert response.status_code == 302
    seeker = seeker_of()
    assert (seeker.sex, seeker.birth_date.isoformat(), seeker.identity_note) == (
        "P",
        "2001-03-27",
        "",
    )


def test_reading_the_nik_shows_what_it_gives_and_saves_nothing(draft_client):
    response = draft_client.post(
        "/seeker/register/identity/", identity_data(identity_confirmed="", action="check")
    )
    html = response.content.decode()
    assert response.status_code == 200 and 'id="nik-derived"' in html
    assert "27-03-2001" in html and "Female" in html
    assert 'class="error-summary"' not in html  # not an error: the question is still open
    assert seeker_of().nik is None


def test_a_ktp_that_disagrees_with_the_nik_is_kept_with_its_reason(draft_client):
    response = draft_client.post(
        "/seeker/register/identity/",
        identity_data(
            identity_confirmed="no",
            stated_sex="P",
            identity_note="Tanggal lahir di KTP berbeda (perbaikan Dukcapil)",
            **KTP_DATE,
        ),
    )
    assert response.status_code == 302
    seeker = seeker_of()
    assert seeker.birth_date.isoformat() == "2001-03-28"
    assert seeker.identity_note.startswith("Tanggal lahir di KTP")
    assert {w["code"] for w in seeker.warnings} >= {"nik_birth_date", "identity_note"}
    page = draft_client.get("/seeker/register/identity/").content.decode()
    assert re.search(r'name="identity_confirmed" value="no"[^>]*checked', page)
    assert "perbaikan Dukcapil" in page


def test_values_that_agree_with_the_nik_must_be_confirmed_as_such(draft_client):
    response = draft_client.post(
        "/seeker/register/identity/",
        identity_data(
            identity_confirmed="no",
            stated_sex="P",
            identity_note="saya kira beda",
            stated_birth_date_0="27",
            stated_birth_date_1="3",
            stated_birth_date_2="2001",
        ),
    )
    assert response.status_code == 200
    assert field_error(response, "identity_confirmed")
    assert seeker_of().nik is None


@pytest.mark.parametrize(
    ("nik", "reason"),
    [
        ("627103670301000", "format"),
        ("62710367030100O2", "format"),
        (
            "6271036703010002".translate(FULL_WIDTH),
            "format",
        ),
        ("9971036703010002", "province"),
        ("6271037503010002", "day"),
        ("6271036713010002", "month"),
        ("6271037102010002", "date"),
        ("6271036703010000", "serial"),
    ],
)
def test_a_nik_breaking_a_rule_errs_on_the_nik_in_the_page_language_and_saves_nothing(
    draft_client, nik, reason
):
    for language in ("id", "en"):
        draft_client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        response = draft_client.post("/seeker/register/identity/", identity_data(nik=nik))
        assert response.status_code == 200
        with translation.override(language):
            assert field_error(response, "nik") == str(MESSAGES[reason])
    seeker = seeker_of()
    assert seeker.nik is None and seeker.full_name == ""
    assert "identity" not in seeker.steps_done


def test_a_nik_already_registered_gets_the_same_answer_as_a_new_one(draft_client):
    holder = JobSeekerFactory(nik=NIK, full_name="Rahasia Orang Lain")
    response = draft_client.post("/seeker/register/identity/", identity_data())
    assert response.status_code == 302
    assert "Rahasia" not in response.content.decode()
    assert seeker_of().duplicate_of == holder


KTP_DATE = {"stated_birth_date_0": "28", "stated_birth_date_1": "3", "stated_birth_date_2": "2001"}


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"identity_confirmed": ""}, "identity_confirmed"),
        ({"identity_confirmed": "maybe"}, "identity_confirmed"),
        ({"identity_confirmed": "no"}, "identity_note"),  # a disagreement needs the reason
        (
            {"identity_confirmed": "no", "identity_note": "KTP lama", "stated_sex": "P"},
            "stated_birth_date",
        ),
        (
            {"identity_confirmed": "no", "identity_note": "x", **KTP_DATE, "stated_sex": "X"},
            "stated_sex",
        ),
        ({"nik": "6271036703200002"}, "nik"),  # born 2020 by the NIK: too young
        ({"full_name": "Dewi <script>"}, "full_name"),
        ({"full_name": "Dewi 123"}, "full_name"),
        ({"full_name": ""}, "full_name"),
        ({"religion": "jedi"}, "religion"),
        ({"birth_place": "x" * 101}, "birth_place"),
    ],
)
def test_a_bad_identity_answer_errs_on_its_field_and_saves_nothing(draft_client, overrides, field):
    response = draft_client.post("/seeker/register/identity/", identity_data(**overrides))
    assert response.status_code == 200
    assert field_error(response, field)
    assert 'class="error-summary"' in response.content.decode()
    assert seeker_of().nik is None


def test_names_keep_any_letters_and_apostrophes_as_typed(draft_client):
    response = draft_client.post(
        "/seeker/register/identity/",
        identity_data(full_name=f"Ni Luh  Putu D{APOSTROPHE}Ayu O'Neil"),
    )
    assert response.status_code == 302
    assert seeker_of().full_name == f"Ni Luh Putu D{APOSTROPHE}Ayu O'Neil"


def test_a_ktp_sex_disagreeing_with_the_nik_is_saved_with_its_reason_and_warnings(draft_client):
    response = draft_client.post(
        "/seeker/register/identity/",
        identity_data(
            identity_confirmed="no",
            stated_sex="L",
            identity_note="KTP tertulis laki-laki",
            stated_birth_date_0="27",
            stated_birth_date_1="3",
            stated_birth_date_2="2001",
        ),
    )
    assert response.status_code == 302
    assert seeker_of().sex == "L"
    assert [w["code"] for w in seeker_of().warnings] == ["nik_sex", "identity_note"]


def test_after_verification_the_identity_fields_are_locked(client, alice):
    seeker = JobSeekerFactory(verified=True)
    client.force_login(seeker.user)
    page = client.get("/seeker/register/identity/").content.decode()
    assert re.search(r'name="nik"[^>]*disabled', page)
    response = client.post(
        "/seeker/register/identity/",
        identity_data(nik="6201011512850001", full_name="Another Name", marital_status="married"),
    )
    assert response.status_code == 302
    seeker.refresh_from_db()
    assert seeker.nik != "6201011512850001" and seeker.full_name != "Another Name"
    assert seeker.marital_status == "married"


# --- Step 3: contact -----------------------------------------------------------------------------
def test_contact_is_saved_with_a_normalised_phone(draft_client):
    draft_client.post("/seeker/register/identity/", identity_data())
    response = draft_client.post(
        "/seeker/register/contact/", contact_data(phone="+62 812-3456-7890")
    )
    assert response["Location"] == "/seeker/register/education/"
    seeker = seeker_of()
    assert (seeker.regency_id, seeker.district_id, seeker.phone) == (
        "62.71",
        "62.71.03",
        "081234567890",
    )


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"district": "62.01.01"}, "district"),  # a district of another regency
        ({"regency": "99.99"}, "regency"),
        ({"regency": ""}, "regency"),
        ({"phone": "12345"}, "phone"),
        ({"phone": "0812" + "3456789".translate(FULL_WIDTH)}, "phone"),
        ({"postcode": "7311"}, "postcode"),
        ({"address": ""}, "address"),
    ],
)
def test_a_bad_contact_answer_errs_on_its_field_and_saves_nothing(draft_client, overrides, field):
    response = draft_client.post("/seeker/register/contact/", contact_data(**overrides))
    assert response.status_code == 200
    assert field_error(response, field)
    seeker = seeker_of()
    assert seeker.regency_id is None and seeker.phone == ""


def test_a_picker_search_shows_results_and_saves_nothing(draft_client):
    response = draft_client.post(
        "/seeker/register/contact/",
        {**contact_data(regency=""), "regency_q": "palangka", "regency_search": "1"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="62.71"' in html
    assert 'class="error-summary"' not in html
    assert seeker_of().address == ""


# --- Steps 4 and 5: rows -------------------------------------------------------------------------
def test_education_rows_are_added_and_removed_one_at_a_time(draft_client):
    draft_client.post("/seeker/register/education/", education_data())
    draft_client.post(
        "/seeker/register/education/", education_data(level="6200", school_type="", school="UPR")
    )
    seeker = seeker_of()
    assert seeker.educations.count() == 2
    assert seeker.education_level_id == "6200"  # the highest, kept in step
    row = seeker.educations.get(level_id="6200")
    response = draft_client.post("/seeker/register/education/", {"action": f"remove-{row.pk}"})
    assert response.status_code == 302
    seeker.refresh_from_db()
    assert seeker.education_level_id == "3000"


def test_a_seeker_cannot_remove_someone_elses_education_row(draft_client):
    other = JobSeekerFactory()
    row = other.educations.get()
    draft_client.post("/seeker/register/education/", {"action": f"remove-{row.pk}"})
    assert Education.objects.filter(pk=row.pk).exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"level": "9999"}, "level"),
        ({"graduation_year": "1800"}, "graduation_year"),
        ({"graduation_year": "20x0"}, "graduation_year"),
        ({"school": ""}, "school"),
        ({"school_type": ""}, "school_type"),  # SLTA: SMA or SMK must be said (III/2)
        ({"school_type": "paket_b"}, "school_type"),  # Paket B is not an SLTA
        ({"school_type": "sma", "smk_programme": "__welding__"}, "smk_programme"),
        ({"study_field": "__ict__"}, "study_field"),  # a field of study is for degrees
    ],
)
def test_a_bad_education_row_errs_on_its_field_and_saves_nothing(draft_client, overrides, field):
    if overrides.get("smk_programme") == "__welding__":
        overrides["smk_programme"] = str(SmkProgramme.objects.get(code="1.4.2").pk)
    if overrides.get("study_field") == "__ict__":
        overrides["study_field"] = "061"
    response = draft_client.post("/seeker/register/education/", education_data(**overrides))
    assert response.status_code == 200
    assert field_error(response, field)
    assert Education.objects.count() == 0


def test_an_smk_row_records_the_programme_and_the_detailed_ipk_code(draft_client):
    welding = SmkProgramme.objects.get(code="1.4.2")
    draft_client.post(
        "/seeker/register/education/",
        education_data(school_type="smk", smk_programme=str(welding.pk), major=""),
    )
    seeker = seeker_of()
    assert seeker.education_level_id == "3000"
    assert seeker.education_code == "3101"  # SMK, bidang 1 Teknologi dan Rekayasa
    row = seeker.educations.get()
    assert row.detail_label == "SMK (vocational upper secondary) - Teknik Pengelasan"


def test_a_degree_row_records_its_isced_field_of_study(draft_client):
    draft_client.post(
        "/seeker/register/education/",
        education_data(level="6200", school_type="", study_field="061", school="UPR"),
    )
    seeker = seeker_of()
    assert seeker.education_code == "6200"
    assert seeker.educations.get().study_field_id == "061"


def test_continuing_without_any_education_is_refused(draft_client):
    response = draft_client.post("/seeker/register/education/", {"action": "continue"})
    assert response.status_code == 200
    assert "at least one" in response.content.decode()
    assert "education" not in seeker_of().steps_done


def test_experience_rows_are_coded_to_kbji_and_add_up_the_months(draft_client):
    draft_client.post("/seeker/register/experience/", experience_data())
    draft_client.post("/seeker/register/experience/", experience_data(months="6"))
    seeker = seeker_of()
    assert seeker.experience_months == 30
    assert {x.occupation.code for x in seeker.experiences.all()} == {"5230"}


def test_an_experience_row_suggests_the_group_of_its_job_title(draft_client):
    # Without JavaScript: "Suggest from the job title" lists the groups and saves nothing.
    data = experience_data(job_title="Sopir Truk Ekspedisi", occupation="")
    response = draft_client.post(
        "/seeker/register/experience/", {**data, "occupation_search": "suggest"}
    )
    assert response.status_code == 200
    truck = Occupation.objects.get(code="8332", level=4)
    html = response.content.decode()
    assert f'name="occupation" value="{truck.pk}"' in html
    assert "Sopir Truk Ekspedisi" in html
    assert Experience.objects.count() == 0


def test_an_experience_row_suggests_as_the_job_title_is_typed(draft_client):
    # With JavaScript: the job title asks the one suggestions view (as the vacancy form does).
    html = draft_client.get("/seeker/register/experience/").content.decode()
    assert 'hx-get="/taxonomy/occupation-suggestions/"' in html
    assert 'hx-target="#occupation-suggestions"' in html
    assert "&quot;title_field&quot;: &quot;job_title&quot;" in html
    response = draft_client.get(
        "/taxonomy/occupation-suggestions/",
        {"name": "occupation", "title_field": "job_title", "job_title": "Sopir Truk Ekspedisi"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    fragment = response.content.decode()
    assert 'class="picker-suggestions" id="occupation-suggestions"' in fragment
    truck = Occupation.objects.get(code="8332", level=4)
    assert f'name="occupation" value="{truck.pk}"' in fragment
    assert "Sopir Truk Ekspedisi" in fragment
    assert Experience.objects.count() == 0


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"end_year": "2019"}, "end_year"),
        ({"occupation": ""}, "occupation"),
        ({"occupation": "999999"}, "occupation"),
        ({"months": "0"}, "months"),
        ({"job_title": "x" * 151}, "job_title"),
    ],
)
def test_a_bad_experience_row_errs_on_its_field_and_saves_nothing(draft_client, overrides, field):
    response = draft_client.post("/seeker/register/experience/", experience_data(**overrides))
    assert response.status_code == 200
    assert field_error(response, field)
    assert Experience.objects.count() == 0


def test_someone_who_never_worked_continues_without_experience(draft_client):
    response = draft_client.post("/seeker/register/experience/", {"action": "continue"})
    assert response["Location"] == "/seeker/register/skills/"


# --- Steps 6 to 9 --------------------------------------------------------------------------------
def test_skills_are_chosen_from_the_taxonomy(draft_client):
    welding = Skill.objects.get(label_en="welding techniques")
    response = draft_client.post("/seeker/register/skills/", {"skills": [welding.pk]})
    assert response.status_code == 302
    assert list(seeker_of().skills.values_list("skill_id", flat=True)) == [welding.pk]


def test_more_than_three_wanted_occupations_err_on_the_field(draft_client):
    ids = [str(Occupation.objects.get(code=c).pk) for c in ("5223", "5230", "4110", "8322")]
    response = draft_client.post(
        "/seeker/register/preferences/", preferences_data(preferred_occupations=ids)
    )
    assert response.status_code == 200
    assert field_error(response, "preferred_occupations")
    assert not seeker_of().preferred_occupations.exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"expected_wage": "-1"}, "expected_wage"),
        ({"expected_wage": "tiga juta"}, "expected_wage"),
        ({"relocation": "mars"}, "relocation"),
        ({"preferred_occupations": []}, "preferred_occupations"),
    ],
)
def test_bad_preferences_err_on_their_field_and_save_nothing(draft_client, overrides, field):
    response = draft_client.post("/seeker/register/preferences/", preferences_data(**overrides))
    assert response.status_code == 200
    assert field_error(response, field)
    assert seeker_of().expected_wage is None


def test_a_category_must_be_chosen(draft_client):
    response = draft_client.post("/seeker/register/category/", {})
    assert field_error(response, "category")
    assert seeker_of().category == ""


def test_the_disability_note_is_dropped_when_the_answer_is_no(draft_client):
    draft_client.post(
        "/seeker/register/disability/", {"has_disability": "yes", "disability_note": "Kursi roda"}
    )
    assert seeker_of().disability_note == "Kursi roda"
    draft_client.post(
        "/seeker/register/disability/", {"has_disability": "no", "disability_note": "Kursi roda"}
    )
    seeker = seeker_of()
    assert (seeker.has_disability, seeker.disability_note) == (False, "")


# --- Check, consent, submit ----------------------------------------------------------------------
def test_the_full_registration_is_sent_with_versioned_consent_and_its_time(draft_client):
    register_fully(draft_client)
    seeker = seeker_of()
    assert seeker.status == JobSeeker.Status.SUBMITTED
    assert seeker.submitted_at is not None
    consent = Consent.objects.get(seeker=seeker)
    assert consent.version == CURRENT_CONSENT_VERSION
    assert consent.given_at is not None
    assert draft_client.get("/seeker/register/done/").status_code == 200
    assert AuditEvent.objects.filter(object_id=str(seeker.pk), action="change").exists()


def test_sending_without_consent_errs_on_the_checkbox_and_sends_nothing(draft_client):
    register_steps = [
        ("/seeker/register/identity/", identity_data()),
        ("/seeker/register/contact/", contact_data()),
        ("/seeker/register/education/", education_data()),
        ("/seeker/register/preferences/", preferences_data()),
        ("/seeker/register/category/", {"category": "never_worked"}),
    ]
    for url, data in register_steps:
        draft_client.post(url, data)
    response = draft_client.post(
        "/seeker/register/check/", {"consent_version": CURRENT_CONSENT_VERSION}
    )
    assert response.status_code == 200
    assert field_error(response, "consent")
    response = draft_client.post(
        "/seeker/register/check/", {"consent": "on", "consent_version": "1999-01"}
    )
    assert response.status_code == 200
    seeker = seeker_of()
    assert seeker.status == JobSeeker.Status.DRAFT
    assert not Consent.objects.filter(seeker=seeker).exists()


def test_an_incomplete_registration_cannot_be_sent(draft_client):
    response = draft_client.get("/seeker/register/check/")
    assert "still missing" in response.content.decode()
    response = draft_client.post(
        "/seeker/register/check/", {"consent": "on", "consent_version": CURRENT_CONSENT_VERSION}
    )
    assert response.status_code == 200
    assert seeker_of().status == JobSeeker.Status.DRAFT


def test_change_links_from_the_check_page_return_to_it(draft_client):
    response = draft_client.post(
        "/seeker/register/identity/?next=check", identity_data(), follow=False
    )
    assert response["Location"] == "/seeker/register/check/"


def test_after_sending_the_steps_edit_the_profile(draft_client):
    register_fully(draft_client)
    response = draft_client.post("/seeker/register/category/", {"category": "employed"})
    assert response["Location"] == "/seeker/profile/"
    assert seeker_of().category == "employed"
    assert draft_client.get("/seeker/register/check/")["Location"] == "/seeker/profile/"


def test_a_seeker_user_without_a_record_starts_one_at_the_identity_step(client, sam):
    client.force_login(sam)
    assert "Continue registration" in client.get("/seeker/").content.decode()
    response = client.post("/seeker/register/identity/", identity_data())
    assert response.status_code == 302
    assert JobSeeker.objects.get(user=sam).nik == NIK
