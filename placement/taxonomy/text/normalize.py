"""Text normalisation shared by every coder (occupations, places, skills, wages).

Pure Python, no Django, no I/O except reading the region names kept in `taxonomy/data/` once.

- `fold(text)`: lowercase, accents removed, punctuation to spaces, spaces collapsed. Keeps `+` and
  `#` (C++, C#) and digits.
- `clean_input(text)`: the user's raw text made safe to work on (length cap, control characters and
  emoji removed); `""` when nothing usable is left (an API answers an empty result or a 400).
- `strip_title_noise(text)`: a job title without the noise real ads carry: places in brackets or
  after a dash, "urgent", "fresh graduate", shift and gender words, codes, company names (PT ...).
- `normalize_title(text)` = `fold(strip_title_noise(text))`, the form the occupation coder indexes.
- `place_words()`: the folded names of provinces, regencies and well-known localities (used to strip
  places out of titles; the place resolver has its own, richer tables).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

#: The longest text any coder looks at; longer input is cut (a title is never this long).
MAX_INPUT_LENGTH = 2000

_NON_WORD = re.compile(r"[^a-z0-9+#]+")
_SPACES = re.compile(r"\s+")
_BRACKETS = re.compile(r"[\(\[\{]([^\)\]\}]*)[\)\]\}]?")
# A separator between a title and a place or company: "Sales - Bandung", "Sales | PT X".
_SEPARATORS = re.compile(r"\s+[-\u2013\u2014|:@]\s+|\s*[|@]\s*")
# "PT Maju Jaya", "CV Abadi": the company part of "Marketing PT Maju Jaya".
_COMPANY = re.compile(r"\b(?:pt|cv|tbk|ud|koperasi)\b.*$")
# Codes: "JKT-01", "No. 12", "2024", "Q3", "#123", "REQ1234".
_CODE = re.compile(r"\b(?:no\s*\d+|[a-z]{0,4}\d{2,}[a-z0-9]*|\d|#\d+)\b")
# Words that are noise inside a bracket or after a dash, but may be meaning elsewhere ("Guru SMA").
_BRACKET_FILLER = re.compile(
    r"\b(?:sma|smk|stm|slta|d1|d2|d3|d4|s1|s2|s3|sarjana|diploma|min|minimal"
    r"|dan|and|atau|or|di|in|at|untuk|for|only|khusus|sekitar|kota|kabupaten|across|all"
    r"|seluruh|semua|nationwide|nasional)\b"
)
# ASCII characters `clean_input` turns into spaces (it keeps letters, digits and " +#-/&.,()[]'").
_ASCII_DROPPED = re.compile(r"[^A-Za-z0-9 +#\-/&.,()\[\]']")
_TAG = re.compile(r"<[^<>]{0,200}>")
_REPEATED_LETTERS = re.compile(r"([a-z])\1{2,}")

#: Phrases that say nothing about the occupation (folded). Longest first when matched.
NOISE_PHRASES: tuple[str, ...] = (
    # urgency and hiring words
    "urgent hiring",
    "urgently needed",
    "urgently",
    "urgent",
    "segera",
    "dibutuhkan segera",
    "dibutuhkan",
    "dicari",
    "lowongan kerja",
    "lowongan",
    "loker",
    "hiring",
    "we are hiring",
    "open recruitment",
    "oprec",
    "rekrutmen",
    "immediate joiner",
    "immediately",
    "asap",
    "job vacancy",
    "vacancy",
    # experience words
    "fresh graduate",
    "fresh graduates",
    "freshgraduate",
    "fresh grad",
    "freshgrad",
    "lulusan baru",
    "tanpa pengalaman",
    "berpengalaman",
    "experienced",
    "welcome",
    "are welcome",
    "dipersilakan",
    "min sma",
    "min smk",
    "min d3",
    "min s1",
    "lulusan sma",
    "lulusan smk",
    "sma smk",
    "sma sederajat",
    # shift and working pattern
    "shift pagi",
    "shift siang",
    "shift malam",
    "shift",
    "non shift",
    "full time",
    "fulltime",
    "part time",
    "parttime",
    "paruh waktu",
    "penuh waktu",
    "freelance",
    "kontrak",
    "contract",
    "permanent",
    "tetap",
    "harian lepas",
    # employment status, not the job: government honorary and contract staff (THL, honorer,
    # PPPK, PTT/GTT), fixed-term contracts (PKWT) and outsourced staff ("Satpam Outsourcing")
    "honorer",
    "thl",
    "pppk",
    "ptt",
    "gtt",
    "pkwt",
    "pkwtt",
    "outsourcing",
    "outsource",
    "alih daya",
    "tidak tetap",
    "non asn",
    "non pns",
    # a migrant worker (TKI, TKW, PMI, CPMI: "Operator Pabrik TKI Jepang") is a status, not a job
    "tki",
    "tkw",
    "cpmi",
    "pmi",
    # a substitute's post ("Guru SD (Infal)"), a contract's length, the hiring event, head office
    "infal",
    "inval",
    "month",
    "months",
    "walk in interview",
    "interview",
    "head office",
    "wfh",
    "wfo",
    "wfa",
    "work from home",
    "work from office",
    "onsite",
    "on site",
    "hybrid",
    "remote",
    "mess",
    "penempatan",
    "placement",
    "area",
    "wilayah",
    "cabang",
    "branch",
    "region",
    "regional",
    "based",
    # gender and age
    "pria wanita",
    "pria",
    "wanita",
    "laki laki",
    "perempuan",
    "cowok",
    "cewek",
    "male",
    "female",
    "ladies",
    "max usia",
    "usia",
    "max",
    "maks",
    "maksimal",
    "thn",
    "tahun",
    "years old",
    # counts and markers
    "segera bergabung",
    "banyak posisi",
    "beberapa posisi",
    "posisi",
    "position",
    "orang",
    "new",
    "baru",
    "gaji",
    "salary",
    "umr",
    "ump",
    "umk",
)

#: Places that are not province or regency names but appear in titles ("Sales (Cikarang)").
EXTRA_PLACES: tuple[str, ...] = (
    "jakarta",
    "jabodetabek",
    "jabodetabek",
    "jabotabek",
    "jadetabek",
    "jawa",
    "sumatera",
    "sumatra",
    "kalimantan",
    "sulawesi",
    "papua",
    "bali",
    "nusa tenggara",
    "indonesia",
    "cikarang",
    "serpong",
    "bsd",
    "solo",
    "cibinong",
    "karawaci",
    "cileungsi",
    "cibubur",
    "alam sutera",
    "kelapa gading",
    "sunter",
    "pluit",
    "cengkareng",
    "kuningan",
    "sudirman",
    "thamrin",
    "senayan",
    "kemang",
    "tebet",
    "cawang",
    "pulogadung",
    "jababeka",
    "mm2100",
    "kiic",
    "ejip",
    "delta silicon",
    "jatake",
    "balaraja",
    "cikupa",
    "daan mogot",
    "kebon jeruk",
    "lippo",
    "pik",
    "kuta",
    "ubud",
    "seminyak",
    "canggu",
    "nusa dua",
    "jimbaran",
    "sanur",
    "batam",
    "jogja",
    "jogjakarta",
    "yogya",
    "yogyakarta",
    "makasar",
    "pekanbaru",
    "jaksel",
    "jakbar",
    "jaktim",
    "jakut",
    "jakpus",
    "jkt",
    "sby",
    "bdg",
    "mdn",
    "smg",
    "tgr",
    "bks",
    "jabar",
    "jateng",
    "jatim",
    "sumut",
    "sumsel",
    "sumbar",
    "kaltim",
    "kalbar",
    "kalsel",
    "kalteng",
    "sulsel",
    "sulut",
    "ntt",
    "ntb",
    "diy",
    "dki",
    "singapore",
    "malaysia",
    "australia",
)


#: Regency names that are also everyday words of job titles ("Tukang Batu" is a bricklayer).
PLACE_WORD_EXCEPTIONS: frozenset[str] = frozenset(
    {"batu", "bone", "banjar", "buru", "muna", "pati", "kaur", "tual", "lingga", "agam", "sigi"}
)


def unaccent(text: str) -> str:
    """`"Café Müller"` -> `"Cafe Muller"`."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """Lowercase, unaccented, punctuation to spaces, collapsed: the form every coder compares."""
    if not text:
        return ""
    text = unaccent(text).lower()
    # "C++"/"C#" keep their signs; "e-commerce" -> "e commerce"; "laki-laki" -> "laki laki".
    text = _NON_WORD.sub(" ", text)
    text = _REPEATED_LETTERS.sub(r"\1\1", text)
    return _SPACES.sub(" ", text).strip()


def clean_input(text: str | None, *, max_length: int = MAX_INPUT_LENGTH) -> str:
    """The user's raw text made safe to code: cut, control characters and symbols removed.

    Returns `""` when nothing with a letter or digit is left (empty, only emoji, only punctuation).
    HTML and SQL are treated as plain words: nothing here is ever executed or rendered.
    """
    if not text:
        return ""
    text = _TAG.sub(" ", str(text)[:max_length])
    if text.isascii():
        # The common case, without a look at every character's Unicode category.
        cleaned = _SPACES.sub(" ", _ASCII_DROPPED.sub(" ", text)).strip()
        return cleaned if any(ch.isalnum() for ch in cleaned) else ""
    kept = []
    for ch in text:
        category = unicodedata.category(ch)
        if category[0] in "LN" or ch in " +#-/&.,()[]'":
            kept.append(ch)
        elif category[0] in "ZC" or category[0] in "PS":
            kept.append(" ")
    cleaned = _SPACES.sub(" ", "".join(kept)).strip()
    if not any(ch.isalnum() for ch in cleaned):
        return ""
    return cleaned


@lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    """Folded names of provinces, regencies (without "Kabupaten"/"Kota") and known localities."""
    names: set[str] = set(EXTRA_PLACES)
    for filename in ("provinces.csv", "regencies.csv"):
        path = DATA_DIR / filename
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                name = fold(row["name"])
                for prefix in ("kabupaten ", "kota ", "kab ", "administrasi ", "adm "):
                    if name.startswith(prefix):
                        name = name[len(prefix) :]
                names.add(name)
                if name.startswith("dki "):
                    names.add(name[4:])
                if name.startswith("daerah istimewa "):
                    names.add(name[len("daerah istimewa ") :])
    names.discard("")
    return frozenset(names - PLACE_WORD_EXCEPTIONS)


def _phrase_table(phrases: Iterable[str]) -> tuple[frozenset[str], int]:
    table = frozenset(phrases)
    return table, max((len(p.split()) for p in table), default=0)


@lru_cache(maxsize=1)
def _noise_table() -> tuple[frozenset[str], int]:
    return _phrase_table(NOISE_PHRASES)


@lru_cache(maxsize=1)
def _place_table() -> tuple[frozenset[str], int]:
    # "Kota Bekasi", "Kab. Bogor", "Jakarta Selatan": the qualifier goes with the name.
    names = place_words()
    qualified = {f"{q} {n}" for n in names for q in ("kota", "kabupaten", "kab")}
    return _phrase_table(names | qualified)


def _drop_phrases(folded: str, table: tuple[frozenset[str], int]) -> str:
    """Remove the longest known phrases, word-aligned, left to right (a set lookup per span)."""
    phrases, longest = table
    words = folded.split()
    kept: list[str] = []
    i = 0
    while i < len(words):
        for size in range(min(longest, len(words) - i), 0, -1):
            if " ".join(words[i : i + size]) in phrases:
                i += size
                break
        else:
            kept.append(words[i])
            i += 1
    return " ".join(kept)


def remove_noise_words(folded: str) -> str:
    """Drop noise phrases (urgent, shift, gender...) from already folded text."""
    return _drop_phrases(folded, _noise_table())


def remove_places(folded: str) -> str:
    """Drop place names from already folded text."""
    return _drop_phrases(folded, _place_table())


def _is_noise(folded: str) -> bool:
    """True when a bracket or dash part holds only places, noise words, codes or a company."""
    if not folded:
        return True
    if re.match(r"^(?:pt|cv)\b", folded):
        return True
    rest = remove_places(remove_noise_words(_CODE.sub(" ", folded)))
    rest = re.sub(
        r"\b(?:sma|smk|stm|slta|d1|d2|d3|d4|s1|s2|s3|sarjana|diploma|min|minimal)\b", " ", rest
    )
    rest = re.sub(
        r"\b(?:dan|and|atau|or|di|in|at|untuk|for|only|khusus|sekitar|kota|kabupaten|across|all"
        r"|seluruh|semua|nationwide|nasional)\b",
        " ",
        rest,
    )
    return not rest.strip()


def strip_title_noise(
    title: str, *, head_only: bool = False, keep_noise_words: bool = False
) -> str:
    """A job title without the noise of real ads; the words of the occupation are kept, unfolded.

    "URGENT!! Sales Executive (Jakarta Selatan) - Fresh Graduate" -> "Sales Executive".
    Brackets that carry meaning stay as words: "Kasir (Cashier)" -> "Kasir Cashier".
    `head_only` drops every bracket and everything after a dash: "Funding Officer (Timika)" ->
    "funding officer" (a place this module does not know).
    """
    text = clean_input(title)
    if not text:
        return ""
    kept_brackets: list[str] = []

    def _bracket(match: re.Match[str]) -> str:
        inner = match.group(1)
        if not head_only and not _is_noise(fold(inner)):
            kept_brackets.append(inner)
        return " "

    text = _BRACKETS.sub(_bracket, text)
    parts = [p for p in _SEPARATORS.split(text) if p.strip()]
    if parts:
        head, tail = parts[0], parts[1:]
        # Keep the tail parts that are not places, companies or noise ("Sales - Bandung" loses
        # "Bandung"; "Admin - Gudang" keeps "Gudang").
        if head_only:
            tail = []
        text = " ".join([head] + [p for p in tail if not _is_noise(fold(p))])
    text = " ".join([text, *kept_brackets])
    folded = fold(text)
    folded = _COMPANY.sub(" ", folded)
    folded = _CODE.sub(" ", folded)
    core = remove_places(folded if keep_noise_words else remove_noise_words(folded))
    if not core:
        # A title made only of noise words ("Marketing Area"): keep it without places rather than
        # nothing.
        core = remove_places(folded) or folded
    return _SPACES.sub(" ", core).strip()


@lru_cache(maxsize=8192)
def title_brackets(title: str) -> tuple[str, ...]:
    """The folded contents of a title's brackets that are not noise: "Sales Representative (SPG)
    - Bandung" -> ("spg",)."""
    text = clean_input(title)
    found = []
    for match in _BRACKETS.finditer(text):
        inner = fold(match.group(1))
        if not _is_noise(inner):
            inner = remove_places(remove_noise_words(_CODE.sub(" ", inner)))
            if inner.strip():
                found.append(_SPACES.sub(" ", inner).strip())
    return tuple(found)


@lru_cache(maxsize=8192)
def title_tails(title: str) -> tuple[str, ...]:
    """The parts after a title's head that are not noise, each without noise: "Engineering
    Product - Drafter" -> ("drafter",); "Sales - Bandung" -> ()."""
    text = _BRACKETS.sub(" ", clean_input(title))
    parts = [p for p in _SEPARATORS.split(text) if p.strip()]
    return tuple(
        tail for p in parts[1:] if not _is_noise(fold(p)) and (tail := strip_title_noise(p))
    )


@lru_cache(maxsize=8192)
def title_alternatives(title: str) -> tuple[str, ...]:
    """The head's alternatives when it names several ("Sales / Business Development", "Cook /
    Juru Masak"), each without noise, first first; `()` when the head names one."""
    text = _BRACKETS.sub(" ", clean_input(title))
    head = next((p for p in _SEPARATORS.split(text) if p.strip()), "")
    parts = [p for p in head.split("/") if p.strip()]
    if len(parts) < 2:
        return ()
    return tuple(strip_title_noise(part) for part in parts)


def normalize_title(title: str) -> str:
    """The folded core of a title: "Staf Admin Gudang (Cikarang) URGENT" -> "staf admin gudang"."""
    return strip_title_noise(title)


@lru_cache(maxsize=8192)
def title_with_noise_words(title: str) -> str:
    """The head of a title with its noise words kept ("Kepala Cabang", "Branch Manager", "Area
    Manager": "cabang", "branch" and "area" are noise in "Sales Area Bekasi", not here)."""
    return strip_title_noise(title, head_only=True, keep_noise_words=True)


@lru_cache(maxsize=8192)
def _title_variants(title: str) -> tuple[str, ...]:
    whole = strip_title_noise(title)
    head = strip_title_noise(title, head_only=True)
    return (whole, head) if head and head != whole else (whole,) if whole else ()


def title_variants(title: str) -> list[str]:
    """The folded cores of a title to look up: the whole title, then its head if different."""
    return list(_title_variants(title or ""))


def tokens(text: str) -> list[str]:
    """Folded words of `text`."""
    return fold(text).split()
