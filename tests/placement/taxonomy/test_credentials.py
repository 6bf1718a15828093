"""The credential vocabulary: SIM classes and their upgrade ladders, the bits the engine reads."""

from __future__ import annotations

from placement.taxonomy import credentials
from placement.taxonomy.credentials import LICENCE_COVERS, LicenceClass, held_bits, licence_bit


def test_perpol_2021_classes_sit_on_their_ladders():
    # C II after C I after C (Perpol 5/2021); the car ladder is apart; D and D I cover themselves.
    assert LICENCE_COVERS["C2"] == {"C", "C1", "C2"}
    assert LICENCE_COVERS["C1"] == {"C", "C1"}
    assert LICENCE_COVERS["C"] == {"C"}
    assert LICENCE_COVERS["D1"] == {"D1"} and LICENCE_COVERS["D"] == {"D"}
    assert not LICENCE_COVERS["B2_UMUM"] & LICENCE_COVERS["C2"]
    assert set(LICENCE_COVERS) == set(LicenceClass.values)
    assert all(cls in covered for cls, covered in LICENCE_COVERS.items())


def test_a_higher_motorcycle_licence_holds_the_lower_bits_only():
    held = held_bits(adult=False, licences=["C1"], languages=[])
    assert held & (1 << licence_bit("C")) and held & (1 << licence_bit("C1"))
    assert not held & (1 << licence_bit("C2"))
    assert not held & (1 << licence_bit("A"))


def test_the_fixed_bits_fit_the_first_word():
    # extract.py writes adult, licence and language bits into word 0 of the uint64 bit words;
    # only the per-snapshot scheme bits may spill into further words.
    fixed = [credentials.ADULT_BIT]
    fixed += [licence_bit(c) for c in LicenceClass.values]
    fixed += [
        credentials.language_bit(c, lv) for c in credentials.Language.values for lv in (1, 2, 3)
    ]
    assert len(set(fixed)) == len(fixed)
    assert max(fixed) < credentials.SCHEME_BITS_START <= 64
