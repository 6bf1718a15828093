"""Certificates, licences and languages a seeker holds and a vacancy can require.

One vocabulary for the seeker's profile rows, the vacancy's requirements, the matching snapshot
and the explanations:

- Driving licences (SIM) by class, UU 22/2009 on road traffic Art. 80 (personal: A, B I, B II,
  C, D) and Art. 82 (public transport, "Umum": A Umum, B I Umum, B II Umum), and the classes
  Perpol 5/2021 (Peraturan Kepolisian 5/2021 on issuing and marking SIM) Art. 3 adds under them:
  C I (motorcycles of 250-500 cc), C II (over 500 cc) next to C (up to 250 cc), and D I (cars
  adapted for drivers with a disability) next to D (adapted motorcycles). The upgrade path
  (peningkatan golongan, Perpol 5/2021): B I after A, B II after B I, C I after C, C II after
  C I. A licence is valid 5 years.
- Languages other than Indonesian, with three levels (basic, working, fluent; CEFR A, B, C).
- BNSP competency certificates (sertifikat kompetensi, issued by a licensed LSP under PP 10/2018)
  are named by their certification scheme; a vacancy asks for a scheme and a seeker meets it with a
  certificate of that scheme valid on the day. No national list of schemes is loaded: schemes are
  compared by their normalised name (`scheme_key`).

Which licence covers which [P]: a higher class covers the vehicles of the lower ones (B II ⊇ B I ⊇
A and C II ⊇ C I ⊇ C, as the upgrade path requires holding the lower class first), and a public
licence covers the personal licence of the same class (A Umum ⊇ A, ...). The car and motorcycle
ladders do not cover each other; D and D I (vehicles adapted for drivers with a disability)
cover only themselves.

Bits: the matching engine compares bitmasks only (placement/matching/engine, "requirements"): a
pair passes when every bit the vacancy requires is one the seeker holds. `ADULT_BIT` carries the
protection of minors (placement/migrants/rules.py); then one bit per licence class and one per
(language, level), levels cumulative (a fluent speaker also holds the working and basic bits);
schemes get bits from `SCHEME_BITS_START` on, numbered per snapshot.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import NamedTuple

from django.db import models
from django.utils.translation import gettext_lazy as _


class LicenceClass(models.TextChoices):
    """SIM classes (UU 22/2009 Art. 80 and 82; C I, C II and D I from Perpol 5/2021 Art. 3).

    The values are stored in the database and the bit numbers below follow their order: add new
    classes, never reorder them within one release (the snapshot is rebuilt every night)."""

    A = "A", _("SIM A (cars up to 3,500 kg)")
    A_UMUM = "A_UMUM", _("SIM A Umum (taxis and small public transport)")
    B1 = "B1", _("SIM B1 (buses and lorries over 3,500 kg)")
    B1_UMUM = "B1_UMUM", _("SIM B1 Umum (public buses and lorries over 3,500 kg)")
    B2 = "B2", _("SIM B2 (heavy equipment, towing and articulated vehicles)")
    B2_UMUM = "B2_UMUM", _("SIM B2 Umum (public towing and articulated vehicles)")
    C = "C", _("SIM C (motorcycles up to 250 cc)")
    C1 = "C1", _("SIM C I (motorcycles of 250 to 500 cc)")
    C2 = "C2", _("SIM C II (motorcycles over 500 cc)")
    D = "D", _("SIM D (motorcycles adapted for drivers with a disability)")
    D1 = "D1", _("SIM D I (cars adapted for drivers with a disability)")


# Short names as printed on the licence and in sentences ("SIM B1 Umum").
LICENCE_SHORT = {
    LicenceClass.A: "SIM A",
    LicenceClass.A_UMUM: "SIM A Umum",
    LicenceClass.B1: "SIM B1",
    LicenceClass.B1_UMUM: "SIM B1 Umum",
    LicenceClass.B2: "SIM B2",
    LicenceClass.B2_UMUM: "SIM B2 Umum",
    LicenceClass.C: "SIM C",
    LicenceClass.C1: "SIM C I",
    LicenceClass.C2: "SIM C II",
    LicenceClass.D: "SIM D",
    LicenceClass.D1: "SIM D I",
}

# Which required classes a held class satisfies (itself included) [P]; see the module docstring.
LICENCE_COVERS: dict[str, frozenset[str]] = {
    LicenceClass.A: frozenset({"A"}),
    LicenceClass.A_UMUM: frozenset({"A", "A_UMUM"}),
    LicenceClass.B1: frozenset({"A", "B1"}),
    LicenceClass.B1_UMUM: frozenset({"A", "A_UMUM", "B1", "B1_UMUM"}),
    LicenceClass.B2: frozenset({"A", "B1", "B2"}),
    LicenceClass.B2_UMUM: frozenset({"A", "A_UMUM", "B1", "B1_UMUM", "B2", "B2_UMUM"}),
    LicenceClass.C: frozenset({"C"}),
    LicenceClass.C1: frozenset({"C", "C1"}),
    LicenceClass.C2: frozenset({"C", "C1", "C2"}),
    LicenceClass.D: frozenset({"D"}),
    LicenceClass.D1: frozenset({"D1"}),
}
LICENCE_VALID_YEARS = 5


class Language(models.TextChoices):
    """Languages other than Indonesian most asked for at home and abroad (ISO 639-1)."""

    ENGLISH = "en", _("English")
    ARABIC = "ar", _("Arabic")
    MANDARIN = "zh", _("Mandarin Chinese")
    JAPANESE = "ja", _("Japanese")
    KOREAN = "ko", _("Korean")
    GERMAN = "de", _("German")
    DUTCH = "nl", _("Dutch")
    FRENCH = "fr", _("French")
    MALAY = "ms", _("Malay")
    SPANISH = "es", _("Spanish")


class LanguageLevel(models.IntegerChoices):
    """How well: three steps, as a counter officer asks it (CEFR A, B, C)."""

    BASIC = 1, _("Basic (simple everyday phrases; CEFR A1-A2)")
    WORKING = 2, _("Working (can talk about the job; CEFR B1-B2)")
    FLUENT = 3, _("Fluent (CEFR C1-C2)")


LEVEL_SHORT = {1: _("basic"), 2: _("working"), 3: _("fluent")}


class TrainingProvider(models.TextChoices):
    """Where a course was taken (Permenaker 8/2014 on job training; BLK and LPK)."""

    BLK = "blk", _("BLK (government job training centre)")
    LPK = "lpk", _("LPK (licensed private training institution)")
    OTHER = "other", _("Other (company, school, online)")


# --- Bits ----------------------------------------------------------------------------------------
ADULT_BIT = 0
_LICENCE_BIT = {cls: 1 + i for i, cls in enumerate(LicenceClass.values)}
_LANGUAGE_BASE = 1 + len(_LICENCE_BIT)
_LANGUAGE_BIT = {
    (code, level): _LANGUAGE_BASE + i * 3 + (level - 1)
    for i, code in enumerate(Language.values)
    for level in LanguageLevel.values
}
SCHEME_BITS_START = _LANGUAGE_BASE + 3 * len(Language.values)


def licence_bit(licence_class: str) -> int:
    return _LICENCE_BIT[licence_class]


def language_bit(language: str, level: int) -> int:
    return _LANGUAGE_BIT[(language, int(level))]


def held_bits(*, adult: bool, licences: Iterable[str], languages: Iterable[tuple[str, int]]) -> int:
    """The bits a seeker holds: adult, every class their valid licences cover, every language
    level up to the one they have."""
    bits = 1 << ADULT_BIT if adult else 0
    for held in licences:
        for covered in LICENCE_COVERS.get(held, ()):
            bits |= 1 << _LICENCE_BIT[covered]
    for code, level in languages:
        for step in range(1, min(int(level), 3) + 1):
            bit = _LANGUAGE_BIT.get((code, step))
            if bit is not None:
                bits |= 1 << bit
    return bits


def required_bits(*, adults_only: bool, licence: str, language: str, language_level) -> int:
    """The bits a vacancy requires (its scheme, if any, is numbered per snapshot)."""
    bits = 1 << ADULT_BIT if adults_only else 0
    if licence in _LICENCE_BIT:
        bits |= 1 << _LICENCE_BIT[licence]
    if language and language_level and (language, int(language_level)) in _LANGUAGE_BIT:
        bits |= 1 << _LANGUAGE_BIT[(language, int(language_level))]
    return bits


# --- Certification schemes -----------------------------------------------------------------------
_SCHEME_PREFIX = re.compile(r"^(skema\s+(sertifikasi\s+)?|scheme\s+)", re.IGNORECASE)


def scheme_key(name: str) -> str:
    """A scheme name compared loosely: accents, case, punctuation, spacing and a leading
    "Skema (Sertifikasi)" do not count ("Skema Operator Forklift" = "operator  forklift")."""
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"[^0-9a-z]+", " ", text).strip()
    return _SCHEME_PREFIX.sub("", text).strip()[:150]


def licence_from_text(text: str) -> str | None:
    """A licence class from how people write it ("SIM B1 Umum", "b i umum", "B2"), else None;
    "" for an empty text."""
    words = re.sub(r"[^0-9a-z]+", " ", (text or "").casefold()).split()
    if words and words[0] == "sim":
        words = words[1:]
    if not words:
        return ""
    public = words[-1] == "umum"
    if public:
        words = words[:-1]
    base = "".join(words).upper().replace("II", "2").replace("I", "1")
    code = f"{base}_UMUM" if public else base
    return code if code in LicenceClass.values else None


def licence_label(licence_class: str) -> str:
    return LICENCE_SHORT.get(licence_class, licence_class)


def language_label(language: str, level) -> str:
    """ "English (working)" """
    name = Language(language).label if language in Language.values else language
    if level:
        return f"{name} ({LEVEL_SHORT.get(int(level), '')})"
    return str(name)


# --- Credentials relevant to a vacancy that does not require them -------------------------------
# Matching scores them as a component (placement/matching/engine, "credentials"): a licence or a
# language the vacancy does not require but that helps in the job, a certificate or course in its
# occupation when it asks for certification or training.

# SIM classes relevant to driving occupations (KBJI 2014 unit groups, = ISCO-08), by the vehicle
# the job drives as UU 22/2009 Art. 80 classes it [P]: motorcycle drivers and couriers C, car, taxi
# and van drivers A, bus and lorry drivers B I, earth-moving plant (alat berat) B II.
DRIVING_LICENCES: dict[str, tuple[str, ...]] = {
    "8321": ("C",),  # motorcycle drivers (ojek, motorcycle couriers)
    "8322": ("A",),  # car, taxi and van drivers
    "8331": ("B1",),  # bus and tram drivers
    "8332": ("B1",),  # heavy truck and lorry drivers
    "8342": ("B2",),  # earth-moving and related plant operators
    "9621": ("C",),  # messengers, package deliverers and luggage porters (kurir)
}

# How ads name a language (Indonesian and English names, the usual tests), folded to lower case.
LANGUAGE_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("bahasa inggris", "english", "toefl", "toeic", "ielts"),
    "ar": ("bahasa arab", "arabic"),
    "zh": ("mandarin", "bahasa cina", "bahasa china", "bahasa tionghoa", "chinese", "hsk"),
    "ja": ("bahasa jepang", "japanese", "jlpt", "nihongo"),
    "ko": ("bahasa korea", "korean", "topik"),
    "de": ("bahasa jerman", "german", "deutsch"),
    "nl": ("bahasa belanda", "dutch"),
    "fr": ("bahasa perancis", "bahasa prancis", "french"),
    "ms": ("bahasa melayu", "malay"),
    "es": ("bahasa spanyol", "spanish"),
}
_LANGUAGE_PATTERNS = {
    code: re.compile(r"\b(?:ber)?(" + "|".join(re.escape(w) for w in words) + r")\b")
    for code, words in LANGUAGE_WORDS.items()
}
# "SIM B1", "SIM B I Umum", "SIM C", "sim a/c": the class right after "SIM".
_SIM_PATTERN = re.compile(r"\bsim\s*((?:[abcd])(?:\s*(?:ii|i|1|2))?(?:\s+umum)?)\b")
# Asking for certification or training: "bersertifikat", "sertifikat BNSP", "certified".
_CERTIFICATION_PATTERN = re.compile(
    r"\b(sertifikat\w*|bersertifikat|sertifikasi|bnsp|certificat\w*|certified|kursus)\b"
)


class Relevance(NamedTuple):
    licences: tuple[str, ...]  # classes, in LicenceClass order
    languages: tuple[str, ...]  # codes, in Language order
    asks_certification: bool

    def bits(self) -> int:
        """The engine's `relevant` bits: each licence class and each language at the basic
        level (speaking it at all meets it)."""
        bits = 0
        for licence in self.licences:
            bits |= 1 << _LICENCE_BIT[licence]
        for language in self.languages:
            bits |= 1 << _LANGUAGE_BIT[(language, LanguageLevel.BASIC)]
        return bits


def relevance(
    *,
    occupation_code: str,
    text: str,
    required_licence: str = "",
    required_language: str = "",
    required_certificate: str = "",
) -> Relevance:
    """The credentials relevant to a vacancy beyond what it requires (a requirement is a hard
    filter, not a component): the SIM its occupation drives with or its text names, the
    languages its text names, whether its text asks for certification or training."""
    folded = unicodedata.normalize("NFKD", text or "").casefold()
    licences = set(DRIVING_LICENCES.get((occupation_code or "")[:4], ()))
    for found in _SIM_PATTERN.findall(folded):
        code = licence_from_text(found)
        if code:
            licences.add(code)
    licences.discard(required_licence)
    languages = {code for code, p in _LANGUAGE_PATTERNS.items() if p.search(folded)}
    languages.discard(required_language)
    return Relevance(
        licences=tuple(c for c in LicenceClass.values if c in licences),
        languages=tuple(c for c in Language.values if c in languages),
        asks_certification=bool(_CERTIFICATION_PATTERN.search(folded)) and not required_certificate,
    )
