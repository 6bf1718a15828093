"""Credentials a vacancy does not require but that count for it: the engine's "credentials"
component in the nightly run, with its reasons; an ad with none is not penalised."""

from __future__ import annotations

import datetime

import numpy as np
import pytest
from django.utils import timezone, translation

from jobseekers.models import CompetencyCertificate, DrivingLicence, LanguageSkill, Training
from placement.matching import services
from placement.matching.credential_fit import credential_codes, name_codes
from placement.matching.explain import explain_all
from placement.matching.models import Match
from placement.taxonomy.credentials import relevance
from tests.placement.matching.conftest import DRIVE, WELDING, make_seeker, make_vacancy

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def _match(seeker, vacancy) -> Match:
    return Match.objects.get(seeker=seeker, vacancy=vacancy)


@pytest.fixture
def drivers(employer):
    office_driver = make_vacancy(employer, "Sopir kantor", occupation="8322", required=(DRIVE,))
    andi = make_seeker("Andi", skills=(DRIVE,), occupations=("8322",))
    DrivingLicence.objects.create(
        seeker=andi, licence_class="B1", valid_until=TODAY() + datetime.timedelta(days=300)
    )
    bayu = make_seeker("Bayu", skills=(DRIVE,), occupations=("8322",))
    DrivingLicence.objects.create(  # expired: does not count
        seeker=bayu, licence_class="A", valid_until=TODAY() - datetime.timedelta(days=1)
    )
    return office_driver, andi, bayu


def test_a_sim_for_a_driving_job_counts_and_is_explained(drivers):
    office_driver, andi, bayu = drivers
    services.start_run(run_on=TODAY())
    with_sim, without = _match(andi, office_driver), _match(bayu, office_driver)
    assert (with_sim.credentials, without.credentials) == (1.0, 0.0)
    assert with_sim.score == pytest.approx(100.0) and without.score < with_sim.score
    with translation.override("id"):
        items = {i.match.seeker_id: i for i in explain_all([with_sim, without], audience="officer")}
        assert "Memiliki SIM B1, yang berguna untuk pekerjaan ini." in items[andi.pk].good
        assert "SIM A akan membantu dalam pekerjaan ini." in items[bayu.pk].gaps
        mine = explain_all([with_sim], audience="seeker")[0]
        assert "Anda memiliki SIM B1, yang berguna untuk pekerjaan ini." in mine.good


def test_an_ad_with_no_relevant_credential_is_not_penalised(employer, drivers):
    _office_driver, andi, bayu = drivers
    welder = make_vacancy(employer, "Tukang las", occupation="7212", required=(WELDING,))
    for seeker in (andi, bayu):
        seeker.preferred_occupations.add(welder.occupation)
        seeker.skills.create(skill=welder.skills.get().skill)
    services.start_run(run_on=TODAY())
    a, b = _match(andi, welder), _match(bayu, welder)
    assert a.credentials == b.credentials == 0.0
    assert a.score == b.score == pytest.approx(100.0)  # scored on the other six only


def test_a_language_the_vacancy_mentions_counts(employer):
    hotel = make_vacancy(
        employer,
        "Resepsionis hotel",
        occupation="4224",
        description="Mampu berbahasa Inggris dengan tamu.",
    )
    sinta = make_seeker("Sinta", occupations=("4224",))
    LanguageSkill.objects.create(seeker=sinta, language="en", level=1)
    tari = make_seeker("Tari", occupations=("4224",))
    services.start_run(run_on=TODAY())
    assert _match(sinta, hotel).credentials == 1.0
    assert _match(tari, hotel).credentials == 0.0
    with translation.override("id"):
        item = explain_all([_match(sinta, hotel)], audience="officer")[0]
        assert "Menguasai Bahasa Inggris yang disebut dalam lowongan." in item.good


def test_a_certificate_or_course_in_the_occupation_counts_when_the_ad_asks(employer):
    welder = make_vacancy(
        employer,
        "Welder bersertifikat",
        occupation="7212",
        required=(WELDING,),
        description="Diutamakan yang memiliki sertifikat las.",
    )
    rina = make_seeker("Rina", skills=(WELDING,), occupations=("7212",))
    CompetencyCertificate.objects.create(
        seeker=rina,
        scheme="Juru Las",
        lsp="LSP Logam",
        number="L-1",
        valid_from=TODAY() - datetime.timedelta(days=100),
        valid_until=TODAY() + datetime.timedelta(days=600),
    )
    dodi = make_seeker("Dodi", skills=(WELDING,), occupations=("7212",))
    Training.objects.create(
        seeker=dodi,
        course="Pelatihan Pemrograman Web",
        provider_kind="blk",
        institution="BLK",
        hours=200,
        year=2024,
    )
    assert name_codes(["Juru Las"])["Juru Las"] // 10 == 721  # the coder: a welder
    services.start_run(run_on=TODAY())
    assert _match(rina, welder).credentials == 1.0
    assert _match(dodi, welder).credentials == 0.0  # a course, but in another occupation
    with translation.override("id"):
        item = explain_all([_match(rina, welder)], audience="officer")[0]
        assert "Memiliki sertifikat BNSP yang relevan: Juru Las." in item.good


def test_relevance_reads_occupation_and_text_but_not_what_is_required():
    found = relevance(
        occupation_code="8332",
        text="Supir truk, SIM B2 umum lebih disukai, bisa bahasa Mandarin. Bersertifikat.",
        required_licence="B1",
    )
    assert found.licences == ("B2_UMUM",) and found.languages == ("zh",)
    assert found.asks_certification
    assert relevance(occupation_code="5223", text="Kasir, pelatihan diberikan") == (
        (),
        (),
        False,
    )


def test_seekers_certificate_codes_skip_expired_ones(employer):
    rina = make_seeker("Rina", occupations=("7212",))
    CompetencyCertificate.objects.create(
        seeker=rina,
        scheme="Juru Las",
        lsp="LSP Logam",
        number="L-9",
        valid_from=TODAY() - datetime.timedelta(days=900),
        valid_until=TODAY() - datetime.timedelta(days=1),
    )
    assert (credential_codes(TODAY(), np.array([rina.pk])) == -1).all()
