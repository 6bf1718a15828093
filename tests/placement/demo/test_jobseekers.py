"""The demo seeder: complete Contract seekers and a realistic generated population."""

import io
import random
from collections import Counter

import pytest

from jobseekers.models import JobSeeker
from jobseekers.nik import parse_nik
from placement.demo import accounts as officers_demo
from placement.demo import jobseekers as demo
from placement.ledger.models import Event


@pytest.fixture
def seeded(db):
    out = io.StringIO()
    rng = random.Random(7)
    officers_demo.seed(stdout=out, options={}, rng=rng)
    demo.seed(stdout=out, options={"seekers": 400}, rng=rng)
    return out


def test_the_contract_seekers_are_verified_with_a_card_skills_and_education(seeded):
    for email, regency in [
        ("seeker.6271@antarkerja.example", "62.71"),
        ("seeker.6201@antarkerja.example", "62.01"),
    ]:
        seeker = JobSeeker.objects.get(user__email=email)
        assert seeker.status == "active"
        assert seeker.regency_id == regency
        assert seeker.ak1_number.startswith(regency.replace(".", "") + "-")
        assert seeker.skills.count() == 10
        assert all(s.skill.label_id for s in seeker.skills.select_related("skill"))
        assert seeker.educations.exists() and seeker.preferred_occupations.exists()
        assert seeker.consents.exists()
        assert Event.objects.filter(subject_id=seeker.pk, kind="seeker_registered").exists()
        parsed = parse_nik(seeker.nik)
        assert (parsed.regency_code, parsed.sex, parsed.birth_date) == (
            regency,
            seeker.sex,
            seeker.birth_date,
        )


def test_the_generated_seekers_have_valid_niks_matching_region_sex_and_birth_date(seeded):
    generated = JobSeeker.objects.filter(user__isnull=True)
    assert generated.count() == 400
    for seeker in generated:
        parsed = parse_nik(seeker.nik)
        assert parsed.district_code == seeker.district_id
        assert parsed.regency_code == seeker.regency_id
        assert parsed.sex == seeker.sex
        assert parsed.birth_date == seeker.birth_date


def test_kalimantan_tengah_gets_a_decent_share_and_statuses_are_mixed(seeded):
    generated = JobSeeker.objects.filter(user__isnull=True)
    in_62 = generated.filter(regency__province_id="62").count()
    assert in_62 >= 0.3 * 400
    assert generated.filter(regency_id="62.71").count() >= 10
    statuses = Counter(generated.values_list("status", flat=True))
    assert statuses["active"] > statuses["removed"] > 0
    assert statuses["submitted"] > 0 and statuses["placed"] > 0
    numbers = list(generated.exclude(ak1_number=None).values_list("ak1_number", flat=True))
    assert len(numbers) == len(set(numbers))


def test_every_verified_generated_seeker_has_a_registered_event_and_removals_are_recorded(
    seeded,
):
    verified = JobSeeker.objects.filter(user__isnull=True).exclude(ak1_number=None)
    registered = set(
        Event.objects.filter(kind="seeker_registered").values_list("subject_id", flat=True)
    )
    assert set(verified.values_list("pk", flat=True)) <= registered
    for seeker in verified.filter(status="removed")[:20]:
        kinds = list(
            Event.objects.filter(subject_id=seeker.pk)
            .order_by("occurred_on", "pk")
            .values_list("kind", flat=True)
        )
        assert kinds[-1] == "seeker_removed"
    event = Event.objects.filter(kind="seeker_registered", subject_id__in=verified).first()
    assert event.sex in ("L", "P") and event.age_group and event.education
    assert event.occupation_group.isdigit() and event.office_id


def test_skills_fit_the_wanted_occupation(seeded):
    """Drivers list driving skills, cooks food skills: not uniformly random."""
    drivers = JobSeeker.objects.filter(
        user__isnull=True, preferred_occupations__code__startswith="8322"
    ).distinct()[:30]
    labels = Counter()
    for seeker in drivers:
        labels.update(s.skill.label_id for s in seeker.skills.select_related("skill"))
    assert drivers, "the demo has drivers"
    words = ("mengemudi", "lalu lintas", "kendaraan")
    driving = sum(n for label, n in labels.items() if any(w in label.lower() for w in words))
    assert driving >= len(drivers)


def test_seeding_again_creates_nothing_new(seeded):
    count, events = JobSeeker.objects.count(), Event.objects.count()
    demo.seed(stdout=io.StringIO(), options={"seekers": 400}, rng=random.Random(8))
    assert (JobSeeker.objects.count(), Event.objects.count()) == (count, events)


def test_placed_demo_seekers_carry_the_placement_dimensions(seeded):
    placed = Event.objects.filter(kind="seeker_placed")
    assert placed.exists()
    assert set(placed.values_list("placement_scope", flat=True)) <= {"AKL", "AKAD", "AKAN"}
    assert set(placed.values_list("employer_type", flat=True)) <= {
        "private",
        "bumn_bumd",
        "government",
        "cooperative",
        "other",
        "foundation",
        "individual",
    }
    assert "" not in set(placed.values_list("industry_section", flat=True))
