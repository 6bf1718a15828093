"""The place index of the place coder: provinces, regencies, districts and the alias table we
write (`data/place_aliases.csv`), built once per process (~0.1 s) with no database query.
`places.py` resolves free text with it."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from placement.taxonomy.text.phrases import Token, tokens

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

# One-word aliases that are also everyday words: only taken with a capital in prose.
_EVERYDAY_ALIASES = {
    "solo",
    "tambun",
    "wates",
    "pik",
    "kemang",
    "menteng",
    "gambir",
    "halim",
    "pier",
    "harmoni",
    "kima",
}
# First words of several districts of one regency that are everyday words (`Gazetteer.towns`).
_EVERYDAY_TOWNS = {"silat", "wangi", "merapi", "matan", "lamba"}
# Single-word district names that are everyday words; never taken on their own.
COMMON_WORDS = {
    "barat",
    "timur",
    "utara",
    "selatan",
    "tengah",
    "pusat",
    "kota",
    "baru",
    "lama",
    "raya",
    "jaya",
    "indah",
    "besar",
    "kecil",
    "sari",
    "makmur",
    "mulya",
    "mulia",
    "senen",
    "dua",
    "satu",
    "tiga",
    "empat",
    "lima",
    "kampung",
    "pasar",
    "gudang",
    "pantai",
    "sungai",
    "bukit",
    "gunung",
    "tanjung",
    "teluk",
    "pulau",
    "muara",
    "kuala",
    "batu",
    "air",
    "danau",
    "padang",
    "lembah",
    "rantau",
    "mandiri",
    "sejahtera",
    "damai",
    "merdeka",
    "bahagia",
    "kali",
    "online",
    "remote",
    "office",
    "kantor",
    "admin",
    "sales",
    "staff",
    "marketing",
    "hybrid",
    "wfo",
    "area",
    "daerah",
    "lokasi",
    "penempatan",
    "cabang",
    "pabrik",
    "gaji",
    "kerja",
}


_KIND_PREFIXES = {
    "kota": ("kota", "kota administrasi", "kota adm", "kodya", "kotamadya"),
    "kabupaten": ("kabupaten", "kab", "kabupaten administrasi", "kab adm"),
}


@dataclass(frozen=True, slots=True)
class Place:
    code: str  # "62.71", "62", "62.71.01"; "remote"; "ID" the whole country; "abroad"
    level: str  # district | regency | province | remote | country | abroad
    name: str
    kind: str = ""  # kota | kabupaten for regencies
    regency_code: str = ""
    province_code: str = ""


def _read(name: str) -> list[dict[str, str]]:
    with open(DATA_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _base_name(name: str) -> str:
    """ "Kota Administrasi Jakarta Selatan" -> "Jakarta Selatan"; "Kabupaten Bogor" -> "Bogor"."""
    for prefix in ("Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def compact(words: list[Token] | list[str]) -> str:
    """Names compare without spaces: "Pematang Siantar" = "Pematangsiantar"; "Bau-Bau"."""
    return "".join(w if isinstance(w, str) else w.text for w in words)


@dataclass
class Gazetteer:
    names: dict[str, list[Place]]  # compact name -> places (regencies, provinces, aliases)
    districts: dict[str, list[Place]]  # compact district name -> districts
    prefixes: dict[str, list[Place]]  # first word(s) of several regency names -> those regencies
    alias_words: frozenset[str]  # one-word localities of the alias table, safe in lower case
    name_keys: list[str]  # the keys of `names`, for the misspelling fallback
    by_code: dict[str, Place]
    # Aliases the table lists several places for in a chosen order (a metropolitan area: the
    # core city first; "Yogyakarta": the city, then the special region): kept in that order.
    ordered: frozenset[str] = frozenset()
    # The words of each regency's name after the first ("Kota Tangerang Selatan": tangerang,
    # selatan), to tell a greater name said after a place ("Serpong, Tangerang").
    name_words: dict[str, frozenset[str]] = field(default_factory=dict)
    # "Purwokerto": the first words of several districts of one regency, taken only when they
    # are the whole text (`gazetteer()`).
    towns: dict[str, list[Place]] = field(default_factory=dict)
    # Aliases naming one regency or district ("thamrin", "gatot subroto", "cikarang"): a street
    # of that name lies there, so "Jl. Gatot Subroto" still says where.
    localities: frozenset[str] = frozenset()


def _add(index: dict[str, list[Place]], text: str, place: Place) -> None:
    key = compact([t.text for t in tokens(text)])
    if key and place not in index.setdefault(key, []):
        index[key].append(place)


@cache
def gazetteer() -> Gazetteer:
    """The place index, built once from the committed data files."""
    by_code: dict[str, Place] = {
        "remote": Place("remote", "remote", "Remote / kerja dari rumah"),
        "ID": Place("ID", "country", "Indonesia"),
        # AKAN (antar kerja antar negara): a post abroad has no Indonesian region code.
        "abroad": Place("abroad", "abroad", "Luar negeri"),
    }
    names: dict[str, list[Place]] = {}
    kind_names: dict[str, list[Place]] = {}
    districts: dict[str, list[Place]] = {}
    for row in _read("provinces.csv"):
        place = Place(row["code"], "province", row["name"], province_code=row["code"])
        by_code[place.code] = place
        _add(names, row["name"], place)
    for row in _read("regencies.csv"):
        place = Place(
            row["code"],
            "regency",
            row["name"],
            kind=row["type"],
            regency_code=row["code"],
            province_code=row["province_code"],
        )
        by_code[place.code] = place
        _add(names, _base_name(row["name"]), place)
        # The name with its kind word is one name: "Kota Tangerang Selatan" is never read as
        # "Kota Tangerang" + "Selatan", nor "Kab. Bandung Barat" as Kab. Bandung.
        for kind_word in _KIND_PREFIXES[row["type"]]:
            _add(kind_names, f"{kind_word} {_base_name(row['name'])}", place)
    for row in _read("districts.csv"):
        regency = by_code[row["regency_code"]]
        place = Place(
            row["code"],
            "district",
            row["name"],
            regency_code=regency.code,
            province_code=regency.province_code,
        )
        by_code[place.code] = place
        key = compact([t.text for t in tokens(row["name"])])
        if key and key not in COMMON_WORDS:
            districts.setdefault(key, []).append(place)
    aliased: dict[str, list[Place]] = {}
    rows_per_alias: dict[str, int] = {}
    for row in _read("place_aliases.csv"):
        place = by_code[row["code"]]
        # A locality that is a district of the regency it names is answered as that district.
        key = compact([t.text for t in tokens(row["alias"])])
        inside = [d for d in districts.get(key, []) if d.regency_code == place.code]
        # ...unless it is also the regency's own name (Mataram is Kota Mataram).
        is_own_name = key == compact([t.text for t in tokens(_base_name(place.name))])
        _add(aliased, row["alias"], inside[0] if len(inside) == 1 and not is_own_name else place)
        rows_per_alias[key] = rows_per_alias.get(key, 0) + 1
    prefixes: dict[str, list[Place]] = {}
    for place in by_code.values():
        if place.level != "regency":
            continue
        words = [t.text for t in tokens(_base_name(place.name))]
        for n in range(1, len(words)):
            key = compact(words[:n])
            if key not in COMMON_WORDS and len(key) >= 4:
                prefixes.setdefault(key, []).append(place)
    prefixes = {k: v for k, v in prefixes.items() if k not in names}
    # "Purwokerto", "Kisaran", "Baturaja": the first word(s) of districts that all lie in one
    # regency (Purwokerto Barat, Timur, Selatan, Utara: Kab. Banyumas) name that regency's town.
    # Only a town split into several districts counts: one district's first word is too often
    # an everyday word ("Kepala", "Kebun").
    district_prefixes: dict[str, list[Place]] = {}
    towns: dict[str, list[Place]] = {}
    for place in by_code.values():
        if place.level != "district":
            continue
        words = [t.text for t in tokens(place.name)]
        for n in range(1, len(words)):
            key = compact(words[:n])
            if key not in COMMON_WORDS and len(key) >= 5:
                district_prefixes.setdefault(key, []).append(place)
    for key, found in district_prefixes.items():
        regencies = {p.regency_code for p in found}
        if len(found) >= 2 and len(regencies) == 1 and key not in districts:
            towns[key] = [by_code[found[0].regency_code]]
    # An alias replaces what the reference names say for the same words ("jakarta" is the
    # province, not the prefix of five cities; "solo" is Surakarta).
    names.update(aliased)
    for key, found in kind_names.items():
        names.setdefault(key, found)
    # One-word aliases that are not also everyday words or regency names ("cikarang", "serpong").
    alias_words = frozenset(
        key
        for key, found in aliased.items()
        if key.isalpha()
        and key not in COMMON_WORDS
        and key not in _EVERYDAY_ALIASES
        and all(p.level in ("regency", "district") for p in found)
    )
    return Gazetteer(
        names=names,
        districts=districts,
        prefixes=prefixes,
        alias_words=alias_words,
        name_keys=sorted(k for k in names if len(k) >= 5 and k not in kind_names),
        by_code=by_code,
        ordered=frozenset(key for key, count in rows_per_alias.items() if count > 1),
        towns={
            k: v
            for k, v in towns.items()
            if k not in names and k not in prefixes and k not in _EVERYDAY_TOWNS
        },
        name_words={
            p.code: frozenset(t.text for t in tokens(p.name)[1:])
            for p in by_code.values()
            if p.level == "regency"
        },
        localities=frozenset(
            key
            for key, found in aliased.items()
            if len(found) == 1 and found[0].level in ("regency", "district")
        ),
    )
