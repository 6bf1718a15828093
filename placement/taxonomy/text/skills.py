"""Skills named in free text -> ESCO skills with character spans; the rest kept as free text.

The lexicon is built from the committed files: ESCO's English labels (`skills_labels_en.csv`), the
Indonesian labels we write (`skills_id.csv`) and the words ads and seekers actually use for a skill,
in Indonesian and English (`skills_synonyms.csv`: "kasir", "las listrik", "ms excel", "SIM A"...).
Phrases match whole words only (`phrases.find_phrases`), longest first: "las" is welding in
"bisa las listrik" and nothing in "kelas"; "laporan keuangan" wins over "keuangan".

Words that name no known skill are not rejected: short items of a list ("Excel, Canva, Python")
that match nothing come back as `unknown`, free-text skills a person may still keep.
"""

from __future__ import annotations

import bisect
import csv
import itertools
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from placement.taxonomy.text.normalize import fold
from placement.taxonomy.text.phrases import Token, find_phrases, phrase_key, prefixes_of, tokens

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

MAX_TEXT_LENGTH = 20_000
MAX_PHRASE_WORDS = 8
MAX_UNKNOWN = 50
UNKNOWN_MAX_WORDS = 4
UNKNOWN_MAX_LENGTH = 80  # characters: a free-text skill is a phrase, not a paste
SHORT_TEXT_WORDS = 30

# ESCO English labels that are everyday English words in an ad, not the skill.
_WEAK_ENGLISH_LABELS = {
    "plan",
    "logic",
    "energy",
    "value",
    "keep company",
    "make an effort",
    "database",
}
# A line of SQL or code ("DROP TABLE x", "select * from users") is no skill a person has.
_CODE_LINE = re.compile(
    r"^(?:(?:drop|truncate|alter|create)\s+(?:table|database|schema|index|view|user)\b"
    r"|(?:select|delete)\b.*\bfrom\b|insert\s+into\b|update\s+\w+\s+set\b"
    r"|union\s+(?:all\s+)?select\b|exec(?:ute)?\s+\w+|(?:javascript|vbscript)\b)"
)
# Where a list item starts and ends: commas, semicolons, bullets, new lines, "dan"/"and"...
_SEPARATORS = re.compile(
    r"[,;\n\r\t•·●▪■◦|/()\[\]:]|(?<!\w)(?:dan|and|serta|atau|or|&|-\s)(?!\w)", re.IGNORECASE
)
_TAG = re.compile(r"<[^<>]{0,200}>")
# A scraped ad's scripts and styles are no words of the ad.
_SCRIPT = re.compile(r"(?is)<(script|style)\b[^>]{0,200}>.*?</\1\s*>")
_CONTEXT_LABEL = re.compile(r"(?i)^(industri|jenis|pasar|tren|alat kesehatan|ekosistem)\b")
# What an ad says about the employer ("perusahaan yang bergerak di bidang alat berat") and the
# pay ("Tunjangan : BPJS, komunikasi") names no skill the job asks for.
_ABOUT_EMPLOYER = re.compile(
    r"(?i)\b(bergerak\s*(di|dalam)\s*bidang|bergerak\s+dibidang|(adalah|merupakan)\s+(sebuah\s+)?"
    r"(perusahaan|distributor|produsen|toko)|perusahaan\s+(distributor|importir|penyedia)|"
    r"is\s+an?\s+(\w+\s+){0,3}company|focus(ing|es)?\s+(in|on)|berfokus\s+(pada|di))\b"
)
_ABOUT_EMPLOYER_END = re.compile(
    r"(?i)[.;\n]|\b(sebagai|membuka|membutuhkan|mencari|dibutuhkan|kami\s+(sedang|saat))\b"
)
_PAY_SECTION = re.compile(r"(?i)\b(tunjangan|insentif|benefits?|fasilitas)\s*:")
_NEXT_SECTION = re.compile(
    r"(?i)\b(keahlian|kualifikasi|persyaratan|tanggung\s+jawab|waktu\s+bekerja|requirements?|"
    r"qualifications?|responsibilit\w*)\s*:"
)
_CLAUSE_BREAK = re.compile(r"[,;:!?()\[\]\n\r\t•|]")
_DUTY_PHRASES = {"bertanggung jawab", "bertanggungjawab"}
_DUTY_WORDS = {"atas", "untuk", "terhadap", "dalam", "kepada", "pada", "penuh", "di", "sebagai"}
_NOT_SALES = {"audiens", "audience", "pasar", "market", "produksi", "proyek", "kerja", "waktu"}
_VETO_NEXT = {"target": _NOT_SALES, "targets": _NOT_SALES}
_PAY_WORDS = {"komisi", "insentif", "bonus", "commission", "incentive"}
_SALES_PAPERS = {"invoice", "faktur", "nota", "dari"}
# English collocations of tech and office ads whose last word is a skill word on its own:
# "data migration", "project delivery", "social security", "load balancing".
_SYSTEMS = {"data", "cloud", "system", "systems", "database", "server", "platform", "software"}
_VETO_PREVIOUS = {
    "penjualan": _PAY_WORDS | _SALES_PAPERS,
    "sales": _PAY_WORDS | _SALES_PAPERS,
    "migration": _SYSTEMS,
    "delivery": _SYSTEMS | {"project", "service", "services", "continuous", "solution", "value"},
    "security": {"social", "job", "national", "food", "financial", "energy"},
    "balancing": {"load", "line", "work", "budget"},
}
# "tim admin", "industri kreatif": a one-word skill right after these names a team or a trade.
_GROUP_WORDS = {"tim", "team", "divisi", "departemen", "department", "industri", "industry"}


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words around a skill that say how well or whether, not what: "menguasai", "good", "basic"...
_FILLER = _word_set(
    """
    menguasai mampu bisa dapat paham memahami pemahaman memiliki punya mengerti terbiasa
    familiar mengoperasikan menggunakan penggunaan pengetahuan kemampuan keahlian keterampilan
    skill skills pengalaman experience experienced with knowledge of good basic dasar yang baik
    sangat in the a an untuk dalam di strong excellent proficient proficiency mastery mastering
    master able to ability abilities understanding understand tentang mengenai seperti eg e g
    dll etc minimal min plus nilai tambah diutamakan preferably preferred especially terutama
    khususnya advanced intermediate beginner tingkat lanjut mahir fasih aktif active passive
    pasif capable capability capabilities deep depth in-depth solid proven familiarity using use
    will be is are has have lebih dari lisan tulisan written spoken oral maupun
    """
)
# List items that name no skill at all (the noise of machine-made skill lists).
_GENERIC = _word_set(
    """
    ability able knowledge use team teams understanding experience field skills basis products
    goods data customers computer tools principles management process reports problems types
    preparation work world needs time individuals details detail flow value added mastery
    expertise applications application system systems procedures techniques technique equipment
    material materials company results area terms platforms information concept concepts staff
    service services function functions action activities body people public example fields
    items order orders level levels features resources hands direction environment capabilities
    capability competence willingness numbers patterns structure ideas surroundings parties tasks
    others opportunities solutions efforts benefits beginning superiors colleagues partners
    effects quality method methods type rules standard standards operation operations
    implementation development project projects program programs analysis design product
    kualifikasi persyaratan syarat requirements requirement qualifications qualification
    responsibilities tanggung jawab deskripsi description benefit fasilitas tugas job desc jobdesk
    jobdesc pekerjaan lowongan posisi position gaji salary lokasi location catatan note keluar masuk
    """
)


# A list item with one of these states a requirement of the person, not a skill: gender, age,
# schooling, health, domicile, status, own vehicle, pay, years ("Pria", "Pendidikan min SMA/SMK",
# "Sehat jasmani", "Tidak buta warna", "Domisili Bekasi", "Memiliki kendaraan sendiri").
_REQUIREMENT = _word_set(
    """
    pria wanita laki perempuan usia umur pendidikan lulusan sma smk stm smu slta sederajat
    d1 d2 d3 d4 s1 s2 s3 ipk jurusan domisili berdomisili sehat jasmani rohani buta warna
    badan menikah lajang status graduate fresh freshgraduate melamar lamaran cv gaji bpjs
    tunjangan bersedia penempatan sendiri tidak bukan merokok bertato bertindik male female
    age gender married rp idr usd juta jt ribu rb tahun thn bulan bln years months
    """
)


@dataclass(frozen=True, slots=True)
class SkillEntry:
    uri: str
    label_en: str
    label_id: str
    rank: int  # smaller is more common; skills without an Indonesian label come last


@dataclass(frozen=True, slots=True)
class SkillMention:
    uri: str
    start: int
    end: int
    text: str  # the words of the text that named it


@dataclass(frozen=True, slots=True)
class Extraction:
    skills: list[SkillMention]
    unknown: list[str]

    @property
    def uris(self) -> list[str]:
        """The distinct skills found, in order of first mention."""
        return list(dict.fromkeys(m.uri for m in self.skills))


@dataclass
class Lexicon:
    entries: dict[str, SkillEntry]  # uri -> entry
    phrases: dict[str, str]  # phrase key -> uri
    words: list[str]  # sorted distinct words of the phrases, for prefix search
    by_word: dict[str, list[tuple[str, str]]]  # word -> [(phrase key, uri)]
    prefixes: frozenset[str] = frozenset()  # leading words of the phrases (`prefixes_of`)


def _read(name: str) -> list[dict[str, str]]:
    path = DATA_DIR / name
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _spoken(key: str) -> str:
    """The spoken form of a phrase whose first word has the "meng-"/"meny-" prefix."""
    first, _space, rest = key.partition(" ")
    if len(first) < 7 or not first.startswith(("meng", "meny")):
        return ""
    spoken = first[2:]  # mengelas -> ngelas, menyetir -> nyetir
    return f"{spoken} {rest}".strip()


@cache
def lexicon() -> Lexicon:
    """The skill phrases, built once per process from the committed data files."""
    english = {r["uri"]: r["preferred_label"].strip() for r in _read("skills_labels_en.csv")}
    indonesian = {r["uri"]: r for r in _read("skills_id.csv")}
    synonyms = _read("skills_synonyms.csv")
    no_rank = 10**6
    entries = {
        uri: SkillEntry(
            uri=uri,
            label_en=label,
            label_id=indonesian.get(uri, {}).get("label_id", ""),
            rank=int(indonesian[uri]["common_rank"]) if uri in indonesian else no_rank,
        )
        for uri, label in english.items()
    }
    phrases: dict[str, str] = {}

    def add(text: str, uri: str) -> None:
        key = phrase_key(text)
        if key and key not in phrases and uri in entries:
            phrases[key] = uri

    # Precedence: the words people use, then our Indonesian labels, then ESCO's English labels.
    for row in synonyms:
        for synonym in row["synonyms"].split("|"):
            add(synonym, row["uri"])
    for uri, entry in sorted(entries.items(), key=lambda item: item[1].rank):
        # "Industri tekstil", "Jenis kayu": in an ad these name the employer's trade, not a skill.
        if entry.label_id and not _CONTEXT_LABEL.match(entry.label_id):
            add(entry.label_id, uri)
    for uri, label in english.items():
        if fold(label) not in _WEAK_ENGLISH_LABELS:
            add(label, uri)
    # Spoken Indonesian drops "me-": "ngelas" (mengelas), "ngetik", "nyetir" (menyetir), "nyapu".
    for key, uri in list(phrases.items()):
        spoken = _spoken(key)
        if spoken and spoken not in phrases:
            phrases[spoken] = uri
    by_word: dict[str, list[tuple[str, str]]] = {}
    for key, uri in phrases.items():
        for word in set(key.split()):
            by_word.setdefault(word, []).append((key, uri))
    return Lexicon(
        entries=entries,
        phrases=phrases,
        words=sorted(by_word),
        by_word=by_word,
        prefixes=prefixes_of(phrases),
    )


def _segments(text: str) -> list[tuple[int, int]]:
    """Character spans of the list items of `text` (between separators)."""
    spans, start = [], 0
    for match in _SEPARATORS.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if e > s]


def _unknown_item(words: list[Token], *, short_text: bool) -> str | None:
    """The free-text skill a list item names, or None when it is filler, noise or prose.

    In a long text (an ad) only names are kept ("Blender", "Houdini": a capital letter); in a
    short one (a seeker's own list, "menjahit, bordir") every item is.
    """
    core = list(words)
    while core and core[0].text in _FILLER:
        core.pop(0)
    while core and core[-1].text in _FILLER:
        core.pop()
    if not core or len(core) > UNKNOWN_MAX_WORDS:
        return None
    if all(w.text in _GENERIC or w.text in _FILLER or w.text.isdigit() for w in core):
        return None
    if max(len(w.text) for w in core) < 2:
        return None
    if any(w.text in _REQUIREMENT for w in core):
        return None
    if not short_text and not any(c.isupper() for w in core for c in w.original):
        return None
    item = " ".join(w.original for w in core)
    characters = set(item.casefold().replace(" ", ""))
    if len(item) > UNKNOWN_MAX_LENGTH or len(characters) < 2 or _CODE_LINE.match(fold(item)):
        return None  # a paste, one letter over and over ("aaaa"), or a line of code
    return item


def _within_one_clause(text: str, window: list[Token]) -> bool:
    """A phrase never spans a comma, a bracket or the end of a sentence ("target.  Waktu")."""
    for before, after in itertools.pairwise(window):
        gap = text[before.end : after.start]
        if _CLAUSE_BREAK.search(gap):
            return False
        # "Ms. Office" is one phrase; "...target. Waktu" is two sentences.
        if "." in gap and len(before.text) > 3:
            return False
    return True


def _vetoed(window: list[Token], words: list[Token], position: int) -> bool:
    """Words next to a phrase that change what it means: "bertanggung jawab atas stok" is a duty,
    not a trait; "target audiens" is no sales target; "komisi penjualan" is pay, not selling."""
    key = " ".join(w.text for w in window)
    after = position + len(window)
    following = words[after].text if after < len(words) else ""
    preceding = words[position - 1].text if position > 0 else ""
    if key in _DUTY_PHRASES and following:
        return following in _DUTY_WORDS or following.startswith(("me", "pe"))
    if len(window) == 1 and preceding in _GROUP_WORDS:
        return True
    return following in _VETO_NEXT.get(key, ()) or preceding in _VETO_PREVIOUS.get(key, ())


def _not_about_the_job(text: str) -> list[tuple[int, int]]:
    """Spans that describe the employer or the pay, where skill words are not requirements."""
    spans = []
    for match in _ABOUT_EMPLOYER.finditer(text):
        end = _ABOUT_EMPLOYER_END.search(text, match.end(), match.end() + 300)
        spans.append((match.start(), end.start() if end else min(len(text), match.end() + 300)))
    for match in _PAY_SECTION.finditer(text):
        end = _NEXT_SECTION.search(text, match.end())
        spans.append((match.start(), end.start() if end else len(text)))
    return spans


def _blank(match: re.Match) -> str:
    return " " * len(match.group())


def extract(text: str) -> Extraction:
    """The ESCO skills `text` names, with spans, and the list items it names no known skill in."""
    text = (text or "")[:MAX_TEXT_LENGTH]
    # Tags are not words; blanked to the same length so spans still point into the text.
    masked = _TAG.sub(_blank, _SCRIPT.sub(_blank, text))
    words = tokens(masked)
    if not words:
        return Extraction([], [])

    position = {id(w): i for i, w in enumerate(words)}

    def accept(window: list[Token], uri: str) -> bool:
        return _within_one_clause(masked, window) and not _vetoed(
            window, words, position[id(window[0])]
        )

    lex = lexicon()
    found = list(
        find_phrases(
            words, lex.phrases, max_words=MAX_PHRASE_WORDS, accept=accept, prefixes=lex.prefixes
        )
    )
    skipped = _not_about_the_job(masked)
    found = [f for f in found if not any(s <= f.start < e for s, e in skipped)]
    skills = [SkillMention(f.value, f.start, f.end, text[f.start : f.end]) for f in found]
    unknown: list[str] = []
    seen: set[str] = set()
    covered = [(m.start, m.end) for m in skills] + skipped
    starts = [w.start for w in words]  # in order: a segment's words are found by bisection
    for start, end in _segments(text):
        if any(s < end and start < e for s, e in covered):
            continue
        first = bisect.bisect_left(starts, start)
        last = bisect.bisect_left(starts, end, first)
        item_words = [w for w in words[first:last] if w.end <= end]
        item = _unknown_item(item_words, short_text=len(words) <= SHORT_TEXT_WORDS)
        if item and fold(item) not in seen:
            seen.add(fold(item))
            unknown.append(item)
            if len(unknown) >= MAX_UNKNOWN:
                break
    return Extraction(skills, unknown)


def search(query: str, *, limit: int = 50, language: str = "id") -> list[str]:
    """Skill URIs for a picker query, best first: a phrase equal to the words, then phrases that
    hold them as whole words (at their start first), then phrases with words that only start
    with them ("las" finds welding before "laser"; "excel" the spreadsheet before "excellent
    service"; "pengel", half typed, finds "pengelasan"). On Indonesian pages a skill without an
    Indonesian label comes after those with one, unless it is the very phrase typed."""
    query_words = [t.text for t in tokens((query or "")[:100])][:8]
    if not query_words:
        return []
    lex = lexicon()
    query_key = " ".join(query_words)
    indonesian = language[:2] != "en"
    # Phrases that contain a word starting with the last query word (it may be half typed).
    candidates: dict[tuple[str, str], None] = {}
    last = query_words[-1]
    position = bisect.bisect_left(lex.words, last)
    while position < len(lex.words) and lex.words[position].startswith(last):
        for pair in lex.by_word[lex.words[position]]:
            candidates[pair] = None
        position += 1
    # A last word people use whole ("las": welding, "excel") keeps to that word when phrases
    # hold it whole: "laser" and "excellent service" are other words.
    whole_word = any(last in key.split() for key, _uri in candidates)
    best: dict[str, tuple] = {}
    for key, uri in candidates:
        key_words = key.split()
        if key == query_key:
            tier = 0
        elif key_words[: len(query_words)] == query_words:
            tier = 1
        elif all(q in key_words for q in query_words):
            tier = 2
        elif whole_word:
            continue
        elif key.startswith(query_key):
            tier = 3
        elif all(any(k.startswith(q) for k in key_words) for q in query_words):
            tier = 4
        else:
            continue
        entry = lex.entries[uri]
        untranslated = indonesian and tier > 0 and not entry.label_id
        rank = (untranslated, tier, entry.rank, len(key))
        if uri not in best or rank < best[uri]:
            best[uri] = rank
    return sorted(best, key=best.__getitem__)[:limit]
