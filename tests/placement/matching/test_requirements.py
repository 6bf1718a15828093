"""Required licences, certificates and languages: a hard filter in the nightly run, explained;
the extract's bits and the page's per-seeker check agree."""

from __future__ import annotations

import datetime

import numpy as np
import pytest
from django.utils import timezone, translation

from jobseekers.models import CompetencyCertificate, DrivingLicence, LanguageSkill
from placement.matching import services
from placement.matching.explain import explain_all, holdings, requirement_checks
from placement.matching.extract import extract
from placement.matching.models import Match
from placement.taxonomy import credentials
from tests.placement.matching.conftest import DRIVE, make_seeker, make_vacancy

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def _licence(seeker, cls, days=400):
    DrivingLicence.objects.create(
        seeker=seeker, licence_class=cls, valid_until=TODAY() + datetime.timedelta(days=days)
    )


def _certificate(seeker, scheme, *, days=400):
    CompetencyCertificate.objects.create(
        seeker=seeker,
        scheme=scheme,
        lsp="LSP Uji",
        number=f"N-{seeker.pk}-{days}",
        valid_from=TODAY() - datetime.timedelta(days=800),
        valid_until=TODAY() + datetime.timedelta(days=days),
    )


@pytest.fixture
def drivers(employer):
    truck = make_vacancy(
        employer, "Sopir truk", occupation="8332", required=(DRIVE,), required_licence="B1"
    )
    forklift = make_vacancy(
        employer, "Operator forklift", occupation="8344", required_certificate="Operator Forklift"
    )
    japan = make_vacancy(
        employer, "Staf hotel", occupation="4224", required_language="ja", required_language_level=2
    )
    plain = make_vacancy(employer, "Sopir kantor", occupation="8322", required=(DRIVE,))
    rudi = make_seeker("Rudi", skills=(DRIVE,), occupations=("8332",))  # SIM B2: covers B1
    _licence(rudi, "B2")
    sari = make_seeker("Sari", skills=(DRIVE,), occupations=("8332",))  # only SIM A
    _licence(sari, "A")
    tono = make_seeker("Tono", skills=(DRIVE,), occupations=("8332",))  # B1 expired
    _licence(tono, "B1", days=-1)
    _certificate(tono, "Skema Sertifikasi Operator FORKLIFT")
    wati = make_seeker("Wati", occupations=("8344",))  # certificate expired
    _certificate(wati, "Operator Forklift", days=-5)
    LanguageSkill.objects.create(seeker=wati, language="ja", level=3)
    yogi = make_seeker("Yogi", occupations=("4224",))
    LanguageSkill.objects.create(seeker=yogi, language="ja", level=1)
    return locals()


def _matched(vacancy) -> set[str]:
    return set(Match.objects.filter(vacancy=vacancy).values_list("seeker__full_name", flat=True))


def test_the_nightly_run_keeps_out_whoever_lacks_what_is_required(drivers):
    run = services.start_run(run_on=TODAY())
    assert run.status == "succeeded", run.error
    assert "Rudi" in _matched(drivers["truck"])
    assert not {"Sari", "Tono", "Wati", "Yogi"} & _matched(drivers["truck"])
    assert _matched(drivers["forklift"]) == {"Tono"}
    assert _matched(drivers["japan"]) == {"Wati"}
    assert {"Rudi", "Sari", "Tono"} <= _matched(drivers["plain"])


def test_the_reasons_say_the_requirement_is_met(drivers):
    services.start_run(run_on=TODAY())
    matches = list(Match.objects.filter(vacancy=drivers["truck"]))
    with translation.override("id"):
        items = explain_all(matches, audience="officer")
        assert "Memiliki SIM B1 yang diminta." in items[0].good
        mine = explain_all(
            list(Match.objects.filter(seeker=drivers["rudi"], vacancy=drivers["truck"])),
            audience="seeker",
        )
        assert "Anda memiliki SIM B1 yang diminta." in mine[0].good


def test_the_page_check_says_what_is_missing(drivers):
    with translation.override("id"):
        sari = requirement_checks(drivers["sari"], drivers["truck"])
        assert sari == [(False, "Anda belum memiliki SIM B1 yang diminta (yang masih berlaku).")]
        yogi = requirement_checks(drivers["yogi"], drivers["japan"], audience="officer")
        assert yogi[0][0] is False and "Bahasa Jepang (menengah)" in yogi[0][1]
    assert requirement_checks(drivers["rudi"], drivers["plain"]) == []


def test_the_extract_bits_agree_with_the_per_seeker_check(drivers):
    snapshot = extract(TODAY())
    seekers, vacancies = snapshot.seekers, snapshot.vacancies
    for name in ("rudi", "sari", "tono", "wati", "yogi"):
        seeker = drivers[name]
        i = int(np.searchsorted(seekers.ids, seeker.pk))
        for key in ("truck", "forklift", "japan", "plain"):
            vacancy = drivers[key]
            j = int(np.searchsorted(vacancies.ids, vacancy.pk))
            words = vacancies.requires.shape[1]
            held = seekers.holds[i, :words]
            passes = not np.any(vacancies.requires[j] & ~held)
            checks = requirement_checks(seeker, vacancy)
            assert passes == all(ok for ok, _text in checks), (name, key)


def test_holdings_follow_the_licence_ladder_and_validity(drivers):
    assert holdings(drivers["rudi"])["licences"] == {"A", "B1", "B2"}
    assert holdings(drivers["tono"])["licences"] == set()
    assert holdings(drivers["tono"])["schemes"] == {"operator forklift"}
    assert credentials.held_bits(adult=False, licences=["B1_UMUM"], languages=[]) & (
        1 << credentials.licence_bit("A_UMUM")
    )


def test_adding_the_licence_asks_for_a_rescore_and_opens_the_vacancy(drivers, monkeypatch):
    from jobseekers import services as seeker_services
    from placement.matching import hooks

    services.start_run(run_on=TODAY())
    sari = drivers["sari"]
    assert not Match.objects.filter(seeker=sari, vacancy=drivers["truck"]).exists()
    asked = []
    monkeypatch.setattr(hooks, "rescore_seeker_soon", asked.append)
    seeker_services.add_credential(
        seeker=sari,
        actor=None,
        kind="licence",
        licence_class="B1",
        valid_until=TODAY() + datetime.timedelta(days=300),
    )
    assert asked == [sari.pk]
    services.rescore_seeker(seeker_id=sari.pk)
    assert Match.objects.filter(seeker=sari, vacancy=drivers["truck"]).exists()


def test_a_motorcycle_licence_of_a_higher_class_opens_a_c_i_vacancy(employer):
    # Perpol 5/2021: C II covers C I, which covers C; plain C does not cover C I.
    courier = make_vacancy(
        employer, "Kurir motor besar", occupation="8321", required=(DRIVE,), required_licence="C1"
    )
    budi = make_seeker("Budi", skills=(DRIVE,), occupations=("8321",))
    _licence(budi, "C2")
    eka = make_seeker("Eka", skills=(DRIVE,), occupations=("8321",))
    _licence(eka, "C")
    run = services.start_run(run_on=TODAY())
    assert run.status == "succeeded", run.error
    assert _matched(courier) == {"Budi"}
    assert [ok for ok, _t in requirement_checks(eka, courier)] == [False]
