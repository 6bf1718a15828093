"""Place names in free text -> Kemendagri codes: district, regency/city, province, remote, abroad.

Built from the committed reference files (`data/provinces.csv`, `regencies.csv`, `districts.csv`)
and the alias table we write (`data/place_aliases.csv`: localities such as Cikarang -> Kab. Bekasi,
informal names such as Solo, English names such as West Java, and "Remote"/"WFH"). No database
query: the index (`gazetteer.py`) is built once per process (~0.1 s) and a lookup costs
microseconds.

A name shared by a Kota and a Kabupaten (Bekasi, Bogor, Tangerang, Semarang, Malang...) is
ambiguous: both are returned with `ambiguous=True`, the Kota first (job ads name the city), unless
the text says which ("Kabupaten Bekasi", "Bekasi Regency", "Bandung Kota") or another name in the
text settles it ("Cikarang, Bekasi"; "Tangerang District, Banten"). A metropolitan area
("Jabodetabek") or an island ("Jawa") is ambiguous too: its places in the alias table's order.
Street names ("Jl. Raya Bogor") are not read as places; a country abroad ("Singapore", "Luar
negeri") is `abroad` (AKAN), with no region code.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace

from placement.taxonomy.text.gazetteer import COMMON_WORDS, Gazetteer, Place, compact, gazetteer
from placement.taxonomy.text.phrases import Token, find_phrases, tokens

MAX_QUERY_LENGTH = 500
MAX_CONTEXT_LENGTH = 20_000
# Longer than this many words, the text is prose ("Lowongan di Jakarta..."), not a place field:
# district names (many are everyday words) are then only taken after "kecamatan"/"kec".
SHORT_TEXT_WORDS = 6
MAX_WORDS = 5
# How close a misspelt name must be (difflib ratio): "tanggerang" ~ "tangerang" is 0.95.
FUZZY_CUTOFF = 0.88

KIND_WORDS = {
    "kabupaten": "kabupaten",
    "kab": "kabupaten",
    "regency": "kabupaten",
    "district": "kabupaten",  # Jobstreet writes "Tangerang District" for the kabupaten.
    "kota": "kota",
    "city": "kota",
    "kotamadya": "kota",
    "kodya": "kota",
    "kotip": "kota",
}
DISTRICT_WORDS = {"kecamatan", "kec"}
_LANGUAGE = {"bahasa", "berbahasa", "language", "lang"}
# Words of place fields that are not places and must not be respelt into one ("hybrid").
_NOT_PLACE_WORDS = {
    "hybrid",
    "onsite",
    "site",
    "indonesia",
    "kantor",
    "pusat",
    "office",
    "head",
    "branch",
    "city",
    "regency",
    "district",
    "province",
    "provinsi",
    "kabupaten",
    "kecamatan",
    "kelurahan",
    "desa",
    "jalan",
    "lantai",
    "floor",
    "tower",
    "gedung",
    "building",
    "plaza",
    "mall",
    "ruko",
    "blok",
    "block",
    "kawasan",
    "industri",
    "penempatan",
    "lokasi",
    "sekitarnya",
    "area",
}
# A street ("Jl. Raya Bogor KM 30", "Jalan Surabaya No. 5") is named after a place elsewhere;
# up to the next comma its words name no place.
_STREET = re.compile(r"(?i)\b(?:jl|jln|jalan)\b\.?[^,;\n()]*")


def _without_streets(text: str) -> str:
    """The text with its street names blanked out (same length: spans stay right), except a
    street our alias table places ("Jl. Gatot Subroto": Jakarta Selatan)."""
    if "j" not in text.lower():
        return text
    localities = gazetteer().localities

    def blank(match: re.Match) -> str:
        words = [w.text for w in tokens(match.group())[1:] if w.text != "raya"]
        if any(compact(words[:n]) in localities for n in range(1, min(3, len(words)) + 1)):
            return match.group()
        return " " * len(match.group())

    return _STREET.sub(blank, text)


@dataclass(frozen=True, slots=True)
class Resolution:
    """One answer: a place, how sure we are, and whether the words also fit another place."""

    place: Place
    score: float
    ambiguous: bool
    matched: str  # the words of the text that named it

    def as_dict(self) -> dict:
        return {
            "code": self.place.code,
            "level": self.place.level,
            "name": self.place.name,
            "score": round(self.score, 3),
            "ambiguous": self.ambiguous,
            "regency_code": self.place.regency_code or None,
            "province_code": self.place.province_code or None,
            "matched": self.matched,
        }


@dataclass
class _Mention:
    candidates: list[Place]
    matched: str
    first: int
    last: int
    score: float = 1.0
    ordered: bool = False  # the alias table's order of the candidates is kept (`Gazetteer.ordered`)


def _kind_near(words: list[Token], first: int, last: int) -> str:
    """ "Kota Bekasi", "Bekasi Kota", "Bekasi Regency", "Kab. Bekasi" -> which kind is named."""
    for index in (first - 1, last):
        if 0 <= index < len(words) and words[index].text in KIND_WORDS:
            return KIND_WORDS[words[index].text]
    return ""


def _mentions(words: list[Token], short: bool) -> list[_Mention]:
    index = gazetteer()

    def key(window: list[Token]) -> str:
        return compact(window)

    language_at = {w.start for i, w in enumerate(words) if i and words[i - 1].text in _LANGUAGE}

    def accept(window: list[Token], places: list[Place]) -> bool:
        # "Bahasa Jepang", "berbahasa Korea": a language, not a post abroad.
        if places[0].level == "abroad" and window[0].start in language_at:
            return False
        # In prose, a one-word name must be written with a capital ("Batu" the city, not "batu"),
        # unless it is a locality of our alias table ("area cikarang").
        if short or len(window) > 1 or places[0].level == "remote":
            return True
        if window[0].text in index.alias_words:
            return True
        return window[0].original[:1].isupper() or window[0].original.isupper()

    mentions = [
        _Mention(
            list(found.value),
            _join(words, found.first, found.last),
            found.first,
            found.last,
            ordered=key(words[found.first : found.last]) in index.ordered,
        )
        for found in find_phrases(words, index.names, max_words=MAX_WORDS, key=key, accept=accept)
    ]
    taken = {i for m in mentions for i in range(m.first, m.last)}
    # Districts (kecamatan): in a short place field, or after "kecamatan"/"kec" in prose.
    free = [w for i, w in enumerate(words) if i not in taken]
    positions = [i for i, _w in enumerate(words) if i not in taken]
    for found in find_phrases(free, index.districts, max_words=MAX_WORDS, key=key):
        first, last = positions[found.first], positions[found.last - 1] + 1
        after_marker = first > 0 and words[first - 1].text in DISTRICT_WORDS
        if short or after_marker:
            mentions.append(
                _Mention(list(found.value), _join(words, first, last), first, last, score=0.9)
            )
    if short and not mentions:
        # "Barito", "Lombok", "Kotawaringin": the first word(s) of several regencies' names.
        for found in find_phrases(words, index.prefixes, max_words=MAX_WORDS, key=key):
            mentions.append(
                _Mention(
                    list(found.value),
                    _join(words, found.first, found.last),
                    found.first,
                    found.last,
                    score=0.8,
                )
            )
    if short and not mentions and compact(words) in index.towns:
        # "Purwokerto", "Baturaja": a town split into districts, the whole text.
        found = index.towns[compact(words)]
        mentions.append(_Mention(list(found), _join(words, 0, len(words)), 0, len(words), 0.8))
    if len(words) <= 3 and not mentions:
        mentions.extend(_misspelt(words, index))
    elif short:
        mentions = _respell_leftovers(words, mentions, index)
    mentions.sort(key=lambda m: m.first)
    return mentions


def _respell_leftovers(words: list[Token], mentions: list[_Mention], index: Gazetteer):
    """In a place field that names some places, a misspelt word left over is tried too:
    "Surabya, Jatim"; "Jakarta Seltan" (with the name before it: Jakarta Selatan)."""
    taken = {i for m in mentions for i in range(m.first, m.last)}
    for i, word in enumerate(words):
        if i in taken or not word.text.isalpha() or len(word.text) < 4:
            continue
        if word.text in COMMON_WORDS or word.text in _NOT_PLACE_WORDS:
            continue
        before = next((m for m in mentions if m.last == i), None)
        windows = [(before.first, i + 1)] if before else []
        windows.append((i, i + 1))
        for first, last in windows:
            key = compact(words[first:last])
            if len(key) < 5 or key in index.names:
                continue  # a name as written that was refused ("bahasa Jepang") stays refused
            close = difflib.get_close_matches(key, index.name_keys, n=1, cutoff=FUZZY_CUTOFF)
            if not close:
                continue
            score = difflib.SequenceMatcher(None, key, close[0]).ratio()
            if before is not None and first == before.first:
                mentions.remove(before)
            mentions.append(
                _Mention(
                    list(index.names[close[0]]),
                    _join(words, first, last),
                    first,
                    last,
                    score=round(0.8 * score, 3),
                )
            )
            taken.update(range(first, last))
            break
    return mentions


def _misspelt(words: list[Token], index: Gazetteer) -> list[_Mention]:
    """ "Tanggerang", "Surabay", "Jakrta": a short place text one or two letters off a name."""
    found = []
    for n in range(min(3, len(words)), 0, -1):
        for first in range(len(words) - n + 1):
            key = compact(words[first : first + n])
            if len(key) < 5 or key in COMMON_WORDS:
                continue
            close = difflib.get_close_matches(key, index.name_keys, n=1, cutoff=FUZZY_CUTOFF)
            if close:
                score = difflib.SequenceMatcher(None, key, close[0]).ratio()
                found.append(
                    _Mention(
                        list(index.names[close[0]]),
                        _join(words, first, first + n),
                        first,
                        first + n,
                        score=round(0.8 * score, 3),
                    )
                )
        if found:
            return found
    return found


def _join(words: list[Token], first: int, last: int) -> str:
    return " ".join(w.original for w in words[first:last])


def _fits(place: Place, settled: list[Place]) -> bool:
    """Does `place` agree with the places the text names unambiguously?"""
    for other in settled:
        if other.level in ("remote", "country", "abroad"):
            continue
        if other.level == "province" and place.province_code != other.code:
            return False
        if other.level in ("regency", "district") and place.province_code != other.province_code:
            return False
    return True


def _greater_name_of_another(mention: _Mention, mentions: list[_Mention]) -> bool:
    """ "Serpong, Tangerang", "BSD, Tangerang": the ambiguous "Tangerang" is the greater name of
    the place said with it (Kota Tangerang Selatan), not Kota or Kabupaten Tangerang."""
    if len(mention.candidates) < 2 or mention.ordered or len(mentions) < 2:
        return False
    index = gazetteer()
    name = compact(tokens(mention.matched))
    for other in mentions:
        if other is mention or len(other.candidates) != 1:
            continue
        regency_code = other.candidates[0].regency_code
        if not regency_code or any(p.code == regency_code for p in mention.candidates):
            continue
        same_province = any(p.province_code == regency_code[:2] for p in mention.candidates)
        if same_province and name in index.name_words.get(regency_code, ()):
            return True
    return False


def _contains(outer: Place, inner: Place) -> bool:
    """Is `inner` the same place as `outer` or inside it?"""
    if outer.code == inner.code:
        return True
    if outer.level == "country":  # "Surabaya, Indonesia": Indonesia adds nothing
        return inner.level in ("province", "regency", "district")
    if outer.level == "province":
        return inner.province_code == outer.code and inner.level in ("regency", "district")
    if outer.level == "regency":
        return inner.regency_code == outer.code and inner.level == "district"
    return False


def _order(candidates: list[Place]) -> list[Place]:
    """Kota before Kabupaten before province: a bare name in an ad usually means the city."""
    rank = {"district": 0, "regency": 1, "province": 2, "country": 3, "remote": 4, "abroad": 5}
    return sorted(candidates, key=lambda p: (rank[p.level], p.kind != "kota", p.code))


def _settle_from_context(mentions: list[_Mention], context: str) -> None:
    """Choose between a Kota and a Kabupaten by the places the context names unambiguously
    (an ad's "Bekasi" with "Jl. Raya Industri, Cikarang" in its description is Kab. Bekasi)."""
    ambiguous = [m for m in mentions if len(m.candidates) > 1]
    if not ambiguous:
        return
    words = tokens(_without_streets(context[:MAX_CONTEXT_LENGTH]))
    named = [m.candidates[0] for m in _mentions(words, short=False) if len(m.candidates) == 1]
    for words_kind in _kind_mentions(words):
        named.append(words_kind)
    # Districts written as names ("Kawasan Industri CIKANDE", "Penempatan Pandaan") count
    # when they lie in one of the alternatives.
    regencies = {p.code for m in ambiguous for p in m.candidates}
    index = gazetteer()
    for found in find_phrases(words, index.districts, max_words=MAX_WORDS, key=compact):
        # A district named like a regency ("Tangerang" in Kota Tangerang) settles nothing.
        if not words[found.first].original[:1].isupper() or (
            compact(words[found.first : found.last]) in index.names
        ):
            continue
        inside = [d for d in found.value if d.regency_code in regencies]
        if len(inside) == 1:
            named.append(inside[0])
    for mention in ambiguous:
        supported = [
            p
            for p in mention.candidates
            if any(_contains(p, n) for n in named if p.level == "regency")
        ]
        if len(supported) == 1:
            mention.candidates = supported
            mention.score = 0.9
            continue
        # "Yogyakarta" (the city, or the whole province) with "Sleman" in the context.
        provinces = {p.code for p in mention.candidates if p.level == "province"}
        inside = {
            n.regency_code: n for n in named if n.regency_code and n.province_code in provinces
        }
        if len(inside) == 1:
            regency = gazetteer().by_code[next(iter(inside))]
            mention.candidates = [regency]
            mention.score = 0.8


def _kind_mentions(words: list[Token]) -> list[Place]:
    """Places a prose text names with a kind word: "Kabupaten Bogor", "Kota Bekasi"."""
    found = []
    for mention in _mentions(words, short=False):
        kind = _kind_near(words, mention.first, mention.last)
        chosen = [p for p in mention.candidates if kind and p.kind == kind]
        if len(mention.candidates) > 1 and len(chosen) == 1:
            found.append(chosen[0])
    return found


def resolve(text: str, *, context: str = "", limit: int = 10) -> list[Resolution]:
    """The places `text` names, most specific first, each with its alternatives if ambiguous.

    `context` (an ad's description, an address) is only used to choose between the alternatives
    of an ambiguous name; it adds no place of its own.
    """
    text = (text or "")[:MAX_QUERY_LENGTH]
    words = [w for w in tokens(_without_streets(text)) if w.text]
    if not words:
        # Only a street: "Jl. Surabaya" may yet be all the text says.
        words = [w for w in tokens(text) if w.text]
    if not words:
        return []
    short = len(words) <= SHORT_TEXT_WORDS
    mentions = _mentions(words, short)
    # Kind words choose between a Kota and a Kabupaten of the same name.
    for mention in mentions:
        kind = _kind_near(words, mention.first, mention.last)
        if kind and len(mention.candidates) > 1:
            chosen = [p for p in mention.candidates if p.kind == kind]
            if chosen:
                mention.candidates = chosen
    # A mention whose alternatives include a place named unambiguously elsewhere is that place;
    # a province or regency named elsewhere narrows the alternatives ("Bandung, West Java").
    settled = [m.candidates[0] for m in mentions if len(m.candidates) == 1]
    for mention in mentions:
        if len(mention.candidates) > 1:
            narrowed = [p for p in mention.candidates if _fits(p, settled)]
            if narrowed:
                mention.candidates = narrowed
            specific = [s for s in settled if s.level in ("regency", "district")]
            if any(_contains(p, s) for p in mention.candidates for s in specific):
                mention.candidates = []  # said again by a more specific name
            else:
                # "Yogyakarta, DI Yogyakarta": the province is said apart, the city remains.
                said = {s.code for s in settled}
                mention.candidates = [
                    p for p in mention.candidates if p.code not in said
                ] or mention.candidates
    mentions = [m for m in mentions if m.candidates]
    mentions = [m for m in mentions if not _greater_name_of_another(m, mentions)]
    if context:
        _settle_from_context(mentions, context)
    # Drop a place that only gives context to a more specific one (the "Jakarta" of
    # "Kebayoran Lama, Jakarta", the "Bekasi" of "Cikarang, Bekasi").
    kept = []
    for mention in mentions:
        if len(mention.candidates) == 1:
            place = mention.candidates[0]
            if any(
                other is not mention
                and all(p != place and _contains(place, p) for p in other.candidates)
                for other in mentions
            ):
                continue
        kept.append(mention)
    results: list[Resolution] = []
    seen: set[str] = set()
    # Remote first: an ad that says "remote" is remote even when it names its office's city.
    kept.sort(key=lambda m: (m.candidates[0].level != "remote", m.first))
    for mention in kept:
        candidates = mention.candidates if mention.ordered else _order(mention.candidates)
        ambiguous = len(candidates) > 1
        for rank, place in enumerate(candidates):
            if place.code in seen:
                continue
            seen.add(place.code)
            score = mention.score if not ambiguous else mention.score * (0.6 if rank == 0 else 0.5)
            results.append(Resolution(place, score, ambiguous, mention.matched))
    return results[:limit]


def resolve_one(text: str) -> Resolution | None:
    """The first answer for `text`, or None when it names no place."""
    found = resolve(text, limit=1)
    return found[0] if found else None


def regency_codes_for(text: str) -> list[str]:
    """Regency codes a picker should offer for `text` (a district offers its regency; a province
    all of its regencies, the cities first: "Jakarta" offers its five cities, then Kepulauan
    Seribu, a regency of DKI Jakarta that the word alone rarely means but that stays in reach)."""
    codes: list[str] = []
    for result in resolve(text):
        found = result.place
        if found.level == "province":
            within = [
                p
                for p in gazetteer().by_code.values()
                if p.level == "regency" and p.province_code == found.code
            ]
            within.sort(key=lambda p: (p.kind != "kota", p.code))
            new = [p.code for p in within]
        else:
            new = [found.regency_code] if found.regency_code else []
        codes += [code for code in new if code not in codes]
    return codes


def place(code: str) -> Place | None:
    """The place with this code, from the same index."""
    found = gazetteer().by_code.get(code)
    return replace(found) if found else None


__all__ = ["Place", "Resolution", "place", "regency_codes_for", "resolve", "resolve_one"]
