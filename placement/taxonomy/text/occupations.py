"""Occupation coder: a job title (plus optional description and employer sector) -> KBJI 2014 codes.

Pure Python + numpy/scipy; no Django models, no network. Everything it knows comes from files in
`placement/taxonomy/data/`:

- `occupation_aliases.csv`: the words people actually use ("admin gudang", "SPG", "sopir"), each
  with up to three ranked KBJI unit groups, written and checked by the AntarKerja team;
- `kbji2014.csv`: KBJI unit group (4-digit) and job (6-digit, `5230.01`) titles;
- `isco08_unit_groups_en.csv`, `esco_occupations_en.csv`: ISCO-08 titles and ESCO occupations with
  their alternative labels (English), reached through `kbji2014_isco08_crosswalk_DERIVED.csv`.

How a title is coded (each step gives candidates a score in [0, 1]; a code keeps its best):
1. `normalize_title` strips the noise of real ads (places, "urgent", shift, gender, codes).
2. Exact lookup of the whole title, of the title without filler words ("staff", "senior",
   "intern") and of its words in any order, in the label table.
3. Phrases: every run of words that is a known label scores by how much of the title it covers
   ("Staff Admin Gudang Cikarang" -> "admin gudang").
4. TF-IDF over character 3- and 4-grams against every label, for spelling variants and word order
   ("akunting", "warehouse admin"). Whole words only are looked up in steps 2-3, so "perawatan"
   (maintenance) never matches the alias "perawat" (nurse).
5. The description (its known phrases) and the employer's KBLI section nudge the ranking.

The index is built from the files in a few seconds, or loaded in about one from the artefact
written by `manage.py build_occupation_index` (`var/occupation_index.npz`), which is checked
against a hash of the source files so a stale artefact is never used.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import re
import threading
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import numpy as np
from scipy import sparse

from placement.taxonomy.text.normalize import DATA_DIR, clean_input, fold, title_variants

# Built by `manage.py build_occupation_index`; not committed (var/ is ignored), rebuilt when stale.
ARTEFACT_PATH = DATA_DIR.parent.parent.parent / "var" / "occupation_index.npz"
SOURCE_FILES = (
    "occupation_aliases.csv",
    "kbji2014.csv",
    "kbji2014_isco08_crosswalk_DERIVED.csv",
    "isco08_unit_groups_en.csv",
    "esco_occupations_en.csv",
)
INDEX_VERSION = 3

# Where a label comes from, and how much a perfect match on it is worth.
ALIAS, KBJI_JOB, KBJI_GROUP, ISCO, ESCO_PREFERRED, ESCO_ALT = range(6)
SOURCE_WEIGHT = {
    ALIAS: 1.0,
    KBJI_JOB: 0.93,
    KBJI_GROUP: 0.9,
    ISCO: 0.86,
    ESCO_PREFERRED: 0.88,
    ESCO_ALT: 0.84,
}
# An alias lists up to three codes, best first: the second and third are plausible readings.
RANK_WEIGHT = (1.0, 0.8, 0.7)

#: Words that say nothing about which occupation it is ("Senior Staff Accounting" = accounting).
FILLER_WORDS = frozenset(
    """staff staf senior junior intern interns internship magang trainee i ii iii iv v level team
    tim member bagian divisi division department dept karyawan pegawai program programme jr sr
    expert professional profesional experienced the of dan and untuk for di in""".split()  # noqa: SIM905
)
#: Spelling variants folded to one form on both sides (labels and queries).
SPELLING = {
    "staf": "staff",
    "spv": "supervisor",
    "supervisior": "supervisor",
    "sr": "senior",
    "jr": "junior",
    "mgr": "manager",
    "manajer": "manager",
    "asst": "assistant",
    "asisten": "assistant",
    "opr": "operator",
    "adm": "admin",
    "engineeer": "engineer",
    "kontruksi": "konstruksi",
    "akuntansi": "akunting",
    "marketting": "marketing",
    "secretary": "sekretaris",
    "sekertaris": "sekretaris",
    "supir": "sopir",
    "kurir": "kurir",
    "satpam": "satpam",
    "technician": "teknisi",
    "costumer": "customer",
    "custome": "customer",
    "cutomer": "customer",
    "finace": "finance",
    "acounting": "accounting",
    "adminstrasi": "administrasi",
    "administrsi": "administrasi",
    "desainer": "desainer",
    "enginer": "engineer",
    "managment": "management",
    "managemen": "management",
    "programer": "programmer",
    "repersentative": "representative",
    "representatif": "representative",
    "resepsionist": "resepsionis",
    "recepsionis": "resepsionis",
    "sekretariat": "sekretaris",
    "analis": "analis",
    "officer": "officer",
    "ofiicer": "officer",
    "spesialis": "specialist",
    "koordinator": "coordinator",
    "kordinator": "coordinator",
    "organisation": "organization",
    "assisten": "assistant",
    "asisstant": "assistant",
    "assistent": "assistant",
    "asistant": "assistant",
    "spesialist": "specialist",
    "specialis": "specialist",
    "therapis": "therapist",
    "therapsist": "therapist",
    "terapist": "therapist",
    "tranning": "training",
    "traning": "training",
    "internhip": "internship",
    "intership": "internship",
    "livestreaming": "live streaming",
    "livestream": "live streaming",
    "elektromedik": "elektromedis",
    "pergudangan": "gudang",
    "pramubhakti": "pramubakti",
    "teknikal": "technical",
    "techincal": "technical",
    "tehnisi": "teknisi",
    "tekhnisi": "teknisi",
    "developement": "development",
    "bussiness": "business",
    "busines": "business",
    "enviromental": "environmental",
    "sience": "science",
    "phyton": "python",
}
#: Words that make a title a manager's ("Manager Sales Marketing", "Kepala Unit Riset", "Sales
#: Director"): English ones first or last, Indonesian ones only first ("Sopir Direktur" drives).
MANAGER_WORDS = frozenset("manager head director gm chief vp".split())  # noqa: SIM905
MANAGER_WORDS_FIRST = frozenset("kepala direktur kadiv kabag pimpinan".split())  # noqa: SIM905
#: English role nouns: a title ending in one has its head at the end ("Quality Control Data
#: Analyst"); otherwise, as in Indonesian, the head comes first ("Guru Bahasa Mandarin").
ENGLISH_HEADS = frozenset(
    """manager engineer specialist officer analyst executive assistant consultant developer
    designer coordinator supervisor lead leader representative scientist architect administrator
    technician teknisi advisor associate agent clerk writer editor planner controller auditor
    operator inspector tester programmer trainer instructor teacher host creator""".split()  # noqa: SIM905
)
#: The manager of a field: "Kepala Akuntansi" is 1211 because "akuntansi" is 2411/3313. Longest
#: prefix wins; fields not listed keep the generic 1219 of the "manager" word itself.
FIELD_MANAGERS = {
    "2411": "1211", "2412": "1211", "2413": "1211", "3313": "1211", "4311": "1211",
    "4312": "1211", "4313": "1212", "2423": "1212", "2424": "1212", "4416": "1212",
    "3322": "1221", "2431": "1221", "2433": "1221", "2434": "1221", "5244": "1221",
    "5242": "1221", "2432": "1222", "2149": "1223", "2145": "1223",
    "3312": "1346", "3321": "1346", "4211": "1346",
    "25": "1330", "35": "1330", "2166": "1330",
    "3122": "1321", "72": "1321", "73": "1321", "75": "1321", "81": "1321", "82": "1321",
    "9329": "1321", "7543": "1321", "2141": "1321", "2144": "1321",
    "3123": "1323", "2142": "1323", "3112": "1323", "71": "1323", "9313": "1323",
    "4321": "1324", "9333": "1324", "3323": "1324", "4323": "1324", "3331": "1324",
    "83": "1324", "9621": "1324",
    "22": "1342", "32": "1342", "23": "1345", "5312": "1345",
    "5120": "1412", "5131": "1412", "5132": "1412", "3434": "1412", "9412": "1412",
    "5246": "1412", "4224": "1411", "9112": "1411",
    "5223": "1420", "5230": "1420", "5222": "1420",
    "3423": "1431", "3332": "1439", "4221": "1439",
}  # fmt: skip
GENERIC_MANAGERS = frozenset({"1219", "1120"})
# Words in KBJI titles that are not part of any job's name.
KBJI_TITLE_NOISE = re.compile(r"\b(?:ybdi|ytdl|lainnya|dan sejenisnya)\b")

# Employer sector (KBLI section letter) -> KBJI code prefixes that are more likely there.
SECTOR_PRIORS = {
    "A": ("61", "62", "92", "13", "21"),
    "B": ("81", "311", "93", "2146", "2114"),
    "C": ("81", "82", "72", "73", "75", "31", "93", "3122", "1321"),
    "D": ("31", "74", "21"),
    "E": ("313", "96", "91", "21"),
    "F": ("71", "31", "93", "21", "1323", "834"),
    "G": ("52", "33", "14", "43", "93"),
    "H": ("83", "43", "96", "51", "3331"),
    "I": ("51", "94", "14", "3434", "5246"),
    "J": ("25", "35", "21", "26"),
    "K": ("33", "24", "41", "42", "1346"),
    "L": ("3334", "5153", "33"),
    "M": ("21", "24", "26", "31"),
    "N": ("54", "91", "33", "42", "51"),
    "O": ("1", "24", "33", "41"),
    "P": ("23", "13", "53"),
    "Q": ("22", "32", "53", "1342"),
    "R": ("26", "34", "14"),
    "S": ("51", "52", "96"),
    "T": ("91", "53", "51"),
}

# KBLI 2020 division (2 digits) -> section letter, as in ISIC Rev. 4.
_DIVISION_SECTIONS = (
    (3, "A"), (9, "B"), (33, "C"), (35, "D"), (39, "E"), (43, "F"), (47, "G"), (53, "H"),
    (56, "I"), (63, "J"), (66, "K"), (68, "L"), (75, "M"), (82, "N"), (84, "O"), (85, "P"),
    (88, "Q"), (93, "R"), (96, "S"), (98, "T"), (99, "U"),
)  # fmt: skip


def kbli_section(sector: str) -> str:
    """`"Q"` -> `"Q"`; `"56101"` (a KBLI code) -> `"I"`; anything else -> `""`."""
    sector = (sector or "").strip().upper()
    if sector[:1].isalpha():
        return sector[:1]
    if len(sector) >= 2 and sector[:2].isdigit():
        division = int(sector[:2])
        return next((letter for last, letter in _DIVISION_SECTIONS if division <= last), "")
    return ""


MAX_WORDS = 12
PHRASE_MAX_WORDS = 6
TFIDF_TOP = 25
MIN_SCORE = 0.42  # below this a suggestion is noise ("drop table x")
COMMON_GRAM_IDF = 3.5  # idf below this: the n-gram is in more than ~8 % of the labels


class Label(NamedTuple):
    text: str  # folded
    codes: tuple[str, ...]  # ranked 4-digit KBJI codes
    source: int
    display: str  # as written in the source (for reasons)
    job_code: str = ""  # 6-level KBJI code when the label is a KBJI job title


@dataclass
class Suggestion:
    """One ranked KBJI unit group for a title, with the evidence for it."""

    code: str
    title_id: str
    title_en: str
    score: float
    reason_kind: str  # alias | alias_part | kbji | kbji_job | isco | esco | description | sector
    reason_label: str
    job_code: str = ""
    job_title: str = ""

    def title(self, language: str = "id") -> str:
        return self.title_en if language == "en" and self.title_en else self.title_id

    def reason(self) -> str:
        """The evidence in the active language (Indonesian by default)."""
        from django.utils.translation import gettext

        label = self.reason_label
        texts = {
            "alias": gettext('Common job name "%(label)s"'),
            "alias_part": gettext('Contains the common job name "%(label)s"'),
            "kbji": gettext('Close to the KBJI title "%(label)s"'),
            "kbji_job": gettext('Close to the KBJI job "%(label)s"'),
            "isco": gettext('Close to the ISCO-08 title "%(label)s"'),
            "esco": gettext('Close to the ESCO occupation "%(label)s"'),
            "description": gettext('The description mentions "%(label)s"'),
        }
        return texts.get(self.reason_kind, texts["alias"]) % {"label": label}


@dataclass
class _Candidate:
    score: float = 0.0
    kind: str = ""
    label: str = ""
    job_code: str = ""
    channels: set[str] = field(default_factory=set)

    def offer(self, score: float, kind: str, label: str, job_code: str = "") -> None:
        self.channels.add(kind.split("_")[0])
        if score > self.score:
            self.score, self.kind, self.label = score, kind, label
            if job_code:
                self.job_code = job_code


def canonical(folded: str) -> str:
    """Folded text with spelling variants unified (`"staf spv"` -> `"staff supervisor"`)."""
    return " ".join(SPELLING.get(word, word) for word in folded.split())


def _core(words: Sequence[str]) -> list[str]:
    kept = [w for w in words if w not in FILLER_WORDS]
    return kept or list(words)


def _ngrams(text: str) -> list[str]:
    grams: list[str] = []
    for word in text.split():
        padded = f" {word} "
        for n in (3, 4):
            grams.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    return grams


# --- reading the source files ---------------------------------------------------------------


def _read(name: str) -> list[dict[str, str]]:
    with open(DATA_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _source_hash() -> str:
    digest = hashlib.sha256(str(INDEX_VERSION).encode())
    for name in SOURCE_FILES:
        digest.update((DATA_DIR / name).read_bytes())
    return digest.hexdigest()


def _collect_labels() -> tuple[list[Label], dict[str, str], dict[str, str], dict[str, str]]:
    """Every label with its codes, and the KBJI titles (Indonesian and English) and job titles."""
    kbji_rows = _read("kbji2014.csv")
    titles_id = {r["kode"]: " ".join(r["judul"].split()) for r in kbji_rows if r["digit"] == "4"}
    job_titles = {r["kode"]: " ".join(r["judul"].split()) for r in kbji_rows if r["digit"] == "6"}
    isco_to_kbji: dict[str, list[str]] = defaultdict(list)
    for row in _read("kbji2014_isco08_crosswalk_DERIVED.csv"):
        if len(row["kbji_code"]) == 4 and row["kbji_code"] in titles_id:
            isco_to_kbji[row["isco08_code"]].append(row["kbji_code"])
    for code in titles_id:
        if code not in isco_to_kbji[code]:
            isco_to_kbji[code].insert(0, code)
    titles_en: dict[str, str] = {}
    labels: list[Label] = []

    def add(text: str, codes: Iterable[str], source: int, display: str, job: str = "") -> None:
        folded = canonical(fold(text))
        codes = tuple(c for c in codes if c in titles_id)
        if folded and codes:
            labels.append(Label(folded, codes, source, display, job))

    for row in _read("occupation_aliases.csv"):
        add(row["alias"], row["kbji_codes"].split(), ALIAS, row["alias"])
    for code, title in titles_id.items():
        add(KBJI_TITLE_NOISE.sub(" ", fold(title)), [code], KBJI_GROUP, title)
    for code, title in job_titles.items():
        if code.endswith(".99"):  # "... Lainnya": the group's rest, not a job name
            continue
        add(KBJI_TITLE_NOISE.sub(" ", fold(title)), [code[:4]], KBJI_JOB, title, code)
    for row in _read("isco08_unit_groups_en.csv"):
        kbji = isco_to_kbji.get(row["isco08_code"], [])
        for code in kbji:
            titles_en.setdefault(code, row["title_en"])
        add(row["title_en"], kbji[:1], ISCO, row["title_en"])
    for row in _read("esco_occupations_en.csv"):
        kbji = isco_to_kbji.get(row["isco08_code"], [])[:1]
        add(row["preferred_label"], kbji, ESCO_PREFERRED, row["preferred_label"])
        for alt in row["alt_labels"].split(" | "):
            if alt and len(alt) <= 60:
                add(alt, kbji, ESCO_ALT, alt)
    return labels, titles_id, titles_en, job_titles


# --- the index ------------------------------------------------------------------------------


class OccupationIndex:
    """Labels, their exact-lookup tables and a character n-gram TF-IDF matrix."""

    def __init__(
        self,
        labels: list[Label],
        titles_id: dict[str, str],
        titles_en: dict[str, str],
        job_titles: dict[str, str],
        vocabulary: dict[str, int] | None = None,
        idf: np.ndarray | None = None,
        matrix: sparse.csr_matrix | None = None,
    ) -> None:
        self.labels = labels
        self.titles_id = titles_id
        self.titles_en = titles_en
        self.job_titles = job_titles
        # Exact tables: one entry per folded text, the best source first.
        self.exact: dict[str, list[int]] = defaultdict(list)
        self.bag: dict[str, list[int]] = defaultdict(list)
        for i, label in enumerate(labels):
            self.exact[label.text].append(i)
            self.bag[" ".join(sorted(_core(label.text.split())))].append(i)
        for table in (self.exact, self.bag):
            for ids in table.values():
                ids.sort(key=lambda i: -SOURCE_WEIGHT[labels[i].source])
        self.phrases = {text for text in self.exact if len(text.split()) <= PHRASE_MAX_WORDS}
        self.jobs_by_group: dict[str, list[tuple[str, set[str]]]] = defaultdict(list)
        for label in labels:
            if label.source == KBJI_JOB:
                self.jobs_by_group[label.codes[0]].append((label.job_code, set(label.text.split())))
        if vocabulary is None or idf is None or matrix is None:
            vocabulary, idf, matrix = self._fit([label.text for label in labels])
        self.vocabulary, self.idf = vocabulary, idf
        # features x labels: each row is the posting list of one n-gram.
        self.postings = matrix.T.tocsr()

    @staticmethod
    def _fit(texts: list[str]) -> tuple[dict[str, int], np.ndarray, sparse.csr_matrix]:
        vocabulary: dict[str, int] = {}
        rows, cols, values = [], [], []
        for row, text in enumerate(texts):
            counts: dict[int, int] = defaultdict(int)
            for gram in _ngrams(text):
                counts[vocabulary.setdefault(gram, len(vocabulary))] += 1
            for col, count in counts.items():
                rows.append(row)
                cols.append(col)
                values.append(1.0 + math.log(count))
        shape = (len(texts), len(vocabulary))
        counts_matrix = sparse.csr_matrix((values, (rows, cols)), shape=shape, dtype=np.float32)
        df = np.bincount(np.asarray(cols, dtype=np.int64), minlength=len(vocabulary))
        idf = (np.log((1 + len(texts)) / (1 + df)) + 1.0).astype(np.float32)
        matrix = counts_matrix @ sparse.diags(idf)
        norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        matrix = sparse.diags(1.0 / norms) @ matrix
        return vocabulary, idf, sparse.csr_matrix(matrix, dtype=np.float32)

    @classmethod
    def build(cls) -> OccupationIndex:
        return cls(*_collect_labels())

    # The artefact: labels as JSON, the TF-IDF parts as arrays; no pickle.
    def save(self, path: Path = ARTEFACT_PATH) -> None:
        matrix = self.postings.T.tocsr()
        meta = {
            "hash": _source_hash(),
            "labels": [
                [lb.text, list(lb.codes), lb.source, lb.display, lb.job_code] for lb in self.labels
            ],
            "titles_id": self.titles_id,
            "titles_en": self.titles_en,
            "job_titles": self.job_titles,
            "vocabulary": sorted(self.vocabulary, key=self.vocabulary.__getitem__),
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as handle:
            np.savez_compressed(
                handle,
                meta=np.frombuffer(json.dumps(meta, ensure_ascii=False).encode(), dtype=np.uint8),
                idf=self.idf,
                data=matrix.data,
                indices=matrix.indices,
                indptr=matrix.indptr,
                shape=np.asarray(matrix.shape),
            )

    @classmethod
    def load(cls, path: Path = ARTEFACT_PATH) -> OccupationIndex | None:
        """The saved index, or None if it is missing or was built from other source files."""
        try:
            with np.load(path) as saved:
                meta = json.loads(saved["meta"].tobytes().decode())
                if meta.get("hash") != _source_hash():
                    return None
                matrix = sparse.csr_matrix(
                    (saved["data"], saved["indices"], saved["indptr"]), shape=tuple(saved["shape"])
                )
                idf = saved["idf"]
        except (OSError, KeyError, ValueError):
            return None
        labels = [Label(t, tuple(c), s, d, j) for t, c, s, d, j in meta["labels"]]
        vocabulary = {gram: i for i, gram in enumerate(meta["vocabulary"])}
        return cls(
            labels,
            meta["titles_id"],
            meta["titles_en"],
            meta["job_titles"],
            vocabulary,
            idf,
            matrix,
        )

    # --- scoring ---

    def _vector(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        counts: dict[int, int] = defaultdict(int)
        for gram in _ngrams(text):
            col = self.vocabulary.get(gram)
            if col is not None:
                counts[col] += 1
        if not counts:
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float32)
        cols = np.fromiter(counts, dtype=np.int64, count=len(counts))
        tf = 1.0 + np.log(np.fromiter(counts.values(), dtype=np.float32, count=len(counts)))
        weights = tf * self.idf[cols]
        weights /= np.linalg.norm(weights)
        # N-grams found in most labels (" sa", "er ") change no ranking but cost the most to
        # multiply: leave them out of the product.
        keep = self.idf[cols] >= COMMON_GRAM_IDF
        return cols[keep], weights[keep]

    def similar(self, texts: Sequence[str]) -> list[list[tuple[int, float]]]:
        """For each text, the labels nearest by character n-grams, as (label index, cosine)."""
        rows, cols, values = [], [], []
        for row, text in enumerate(texts):
            c, v = self._vector(text)
            rows.extend([row] * len(c))
            cols.extend(c.tolist())
            values.extend(v.tolist())
        query = sparse.csr_matrix(
            (values, (rows, cols)), shape=(len(texts), len(self.vocabulary)), dtype=np.float32
        )
        product = (query @ self.postings).tocsr()
        result: list[list[tuple[int, float]]] = []
        for row in range(len(texts)):
            start, end = product.indptr[row], product.indptr[row + 1]
            data, idx = product.data[start:end], product.indices[start:end]
            if len(data) > TFIDF_TOP:
                top = np.argpartition(-data, TFIDF_TOP)[:TFIDF_TOP]
                data, idx = data[top], idx[top]
            order = np.argsort(-data, kind="stable")
            result.append([(int(idx[i]), float(data[i])) for i in order])
        return result


_index: OccupationIndex | None = None
_index_lock = threading.Lock()


def get_index() -> OccupationIndex:
    """The process-wide index: the artefact if current, else built from the files (once)."""
    global _index
    if _index is None:
        with _index_lock:
            if _index is None:
                _index = OccupationIndex.load() or OccupationIndex.build()
    return _index


# --- coding ---------------------------------------------------------------------------------


_KIND = {KBJI_GROUP: "kbji", KBJI_JOB: "kbji_job", ISCO: "isco", ESCO_PREFERRED: "esco"}
_KIND[ESCO_ALT] = "esco"


def _offer_label(
    candidates: dict[str, _Candidate], label: Label, score: float, whole: bool
) -> None:
    source = label.source
    kind = ("alias" if whole else "alias_part") if source == ALIAS else _KIND[source]
    score *= SOURCE_WEIGHT[source]
    for rank, code in enumerate(label.codes[:3]):
        candidate = candidates.get(code)
        if candidate is None:
            candidate = candidates[code] = _Candidate()
        candidate.offer(
            score * RANK_WEIGHT[rank], kind, label.display, label.job_code if rank == 0 else ""
        )


def _title_candidates(
    index: OccupationIndex, text: str, similar: list[tuple[int, float]]
) -> dict[str, _Candidate]:
    candidates: dict[str, _Candidate] = {}
    words = text.split()[:MAX_WORDS]
    core = _core(words)
    labels = index.labels
    # 2. Whole title, title without fillers, words in any order.
    for key, table, score in (
        (" ".join(words), index.exact, 1.0),
        (" ".join(core), index.exact, 0.98),
        (" ".join(sorted(core)), index.bag, 0.95),
    ):
        for i in table.get(key, ())[:6]:
            _offer_label(candidates, labels[i], score, True)
    # 3. Phrases inside the title, scored by the share of the (non-filler) title they cover.
    n = len(core)
    head_at_end = n > 1 and core[-1] in ENGLISH_HEADS
    for start in range(n):
        for end in range(min(n, start + PHRASE_MAX_WORDS), start, -1):
            phrase = " ".join(core[start:end])
            if phrase not in index.phrases or end - start == n:
                continue
            coverage = (end - start) / n
            # The phrase holding the title's head word counts more ("Guru Bahasa Mandarin" is
            # a teacher, "Quality Control Data Analyst" an analyst).
            head = 0.06 if (end == n if head_at_end else start == 0) else 0.0
            for i in index.exact[phrase][:4]:
                _offer_label(candidates, labels[i], 0.5 + 0.35 * coverage + head, False)
    # 4. Character n-grams.
    for i, cosine in similar:
        if cosine < 0.35:
            break
        label = labels[i]
        _offer_label(candidates, label, 0.97 * cosine, cosine > 0.999)
    return candidates


def _description_codes(index: OccupationIndex, description: str) -> dict[str, tuple[int, str]]:
    """Codes named by known job phrases in the description, with how often and the phrase."""
    words = canonical(fold(clean_input(description, max_length=3000))).split()[:400]
    found: dict[str, tuple[int, str]] = {}
    for start in range(len(words)):
        for end in range(min(len(words), start + 4), start, -1):
            phrase = " ".join(words[start:end])
            if phrase not in index.phrases or (end - start == 1 and len(phrase) < 5):
                continue
            best = index.labels[index.exact[phrase][0]]
            if best.source != ALIAS:  # only the words people use, not every ESCO label
                continue
            code = best.codes[0]
            count, first = found.get(code, (0, phrase))
            found[code] = (count + 1, first)
            break
    return found


def _prepare(title: str) -> list[str]:
    """The title's folded, canonical variants (whole, then head without brackets/dash tails)."""
    return [canonical(v) for v in title_variants(title)]


def _is_alias(index: OccupationIndex, variants: list[str]) -> bool:
    """Whether the title (or its head) is, word for word, one of the aliases."""
    for text in variants:
        for key in (text, " ".join(_core(text.split()))):
            ids = index.exact.get(key)
            if ids and index.labels[ids[0]].source == ALIAS:
                return True
    return False


def suggest_occupations(
    title: str,
    *,
    description: str = "",
    sector: str = "",
    limit: int = 5,
) -> list[Suggestion]:
    """Ranked KBJI unit groups for a job title; `[]` when the title has nothing to code."""
    index = get_index()
    variants = _prepare(title)
    needs_search = variants and not _is_alias(index, variants)
    similar = index.similar([variants[-1]])[0] if needs_search else []
    return _rank(index, variants, similar, description=description, sector=sector, limit=limit)


def suggest_many(
    titles: Sequence[str], *, limit: int = 3, chunk: int = 512
) -> list[list[Suggestion]]:
    """`suggest_occupations` for many titles at once (imports): one matrix product per chunk."""
    index = get_index()
    results: list[list[Suggestion]] = []
    for start in range(0, len(titles), chunk):
        prepared = [_prepare(t) for t in titles[start : start + chunk]]
        # A title that is a known alias as a whole needs no n-gram search (most real titles).
        needs = [i for i, v in enumerate(prepared) if v and not _is_alias(index, v)]
        near = dict(zip(needs, index.similar([prepared[i][-1] for i in needs]), strict=True))
        for i, variants in enumerate(prepared):
            results.append(_rank(index, variants, near.get(i, []), limit=limit))
    return results


def _rank(
    index: OccupationIndex,
    variants: list[str],
    similar: list[tuple[int, float]],
    *,
    description: str = "",
    sector: str = "",
    limit: int = 5,
) -> list[Suggestion]:
    candidates: dict[str, _Candidate] = {}
    if variants and all(word in FILLER_WORDS for word in variants[0].split()):
        variants = []  # "Internship Program": nothing to code
    for n, text in enumerate(variants):
        factor = 1.0 if n == 0 else 0.98
        found = _title_candidates(index, text, similar if n == len(variants) - 1 else [])
        for code, candidate in found.items():
            candidate.score *= factor
            mine = candidates.get(code)
            if mine is None or candidate.score > mine.score:
                if mine is not None:
                    candidate.channels |= mine.channels
                candidates[code] = candidate
            else:
                mine.channels |= candidate.channels
    if not candidates and not description:
        return []
    # 5. Description and sector: nudges, never more than the title's own evidence.
    if description:
        best = max((c.score for c in candidates.values()), default=0.0)
        for code, (count, phrase) in _description_codes(index, description).items():
            bonus = 0.03 * min(count, 3)
            if code in candidates:
                candidates[code].score += bonus
                candidates[code].channels.add("description")
            else:
                score = 0.4 + bonus if best < 0.6 else min(0.4 + bonus, best - 0.1)
                candidates[code] = _Candidate(score, "description", phrase)
    priors = SECTOR_PRIORS.get(kbli_section(sector), ())
    is_manager = bool(variants) and _is_manager_title(variants[0].split())
    if is_manager and not _is_alias(index, variants):
        # "Kepala Gudang", "Head of Finance": the manager of the field the other words name.
        for code, candidate in list(candidates.items()):
            manager = _field_manager(code)
            if manager and manager not in GENERIC_MANAGERS:
                offered = candidates.setdefault(manager, _Candidate())
                offered.offer(candidate.score * 0.92 + 0.06, candidate.kind, candidate.label)
    for code, candidate in candidates.items():
        if len(candidate.channels) > 1:
            candidate.score += 0.02
        if is_manager and code.startswith("1") and code not in GENERIC_MANAGERS:
            candidate.score += 0.1
        if priors and code.startswith(priors):
            candidate.score += 0.03
    ranked = sorted(
        ((code, c) for code, c in candidates.items() if c.score >= MIN_SCORE),
        key=lambda item: (-item[1].score, item[0]),
    )
    results = []
    for position, (code, candidate) in enumerate(ranked[: max(1, min(limit, 20))]):
        job_code = candidate.job_code if candidate.job_code.startswith(code) else ""
        if not job_code and position == 0 and variants:
            job_code = _job_for(index, code, similar, variants[0].split())
        results.append(
            Suggestion(
                code=code,
                title_id=index.titles_id.get(code, ""),
                title_en=index.titles_en.get(code, ""),
                score=round(min(candidate.score, 1.0), 3),
                reason_kind=candidate.kind,
                reason_label=candidate.label,
                job_code=job_code,
                job_title=index.job_titles.get(job_code, ""),
            )
        )
    return results


def _is_manager_title(words: list[str]) -> bool:
    if not words:
        return False
    first, last = words[0], words[-1]
    return (
        first in MANAGER_WORDS
        or first in MANAGER_WORDS_FIRST
        or (len(words) > 1 and last in MANAGER_WORDS)
        or "head of" in " ".join(words)
    )


def _field_manager(code: str) -> str:
    for size in (4, 3, 2):
        manager = FIELD_MANAGERS.get(code[:size])
        if manager:
            return manager
    return ""


def _job_for(
    index: OccupationIndex, code: str, similar: list[tuple[int, float]], words: list[str]
) -> str:
    """The KBJI 6-level job of `code` that fits the title, if exactly one does."""
    for i, cosine in similar:
        if cosine < 0.5:
            break
        label = index.labels[i]
        if label.source == KBJI_JOB and label.job_code.startswith(code):
            return label.job_code
    # Without n-gram neighbours (the title was a known alias): a job whose title holds all the
    # title's words, or whose words the title holds ("kasir toko" -> 5230.01 Kasir Toko).
    title_words = set(words) - FILLER_WORDS
    if not title_words:
        return ""
    fits = [
        job
        for job, job_words in index.jobs_by_group.get(code, ())
        if title_words <= job_words or (len(job_words) > 1 and job_words <= title_words)
    ]
    return fits[0] if len(fits) == 1 else ""
