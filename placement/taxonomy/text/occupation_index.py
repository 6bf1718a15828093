"""The occupation coder's index: every label (our aliases, KBJI, ISCO-08, ESCO) with its KBJI codes,
exact-lookup tables and a character 3-4-gram TF-IDF matrix (numpy/scipy, no Django).

Built from the files in `placement/taxonomy/data/` in a few seconds, or loaded in about one from
the artefact written by `manage.py build_occupation_index` (`var/occupation_index.npz`), which is
checked against a hash of the source files so a stale artefact is never used. `occupations.py`
codes titles with it."""

from __future__ import annotations

import csv
import hashlib
import json
import math
import os
import threading
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

import numpy as np
from scipy import sparse

from placement.taxonomy.text.normalize import DATA_DIR, fold
from placement.taxonomy.text.occupation_words import (
    FILLER_WORDS,
    KBJI_TITLE_NOISE,
    canonical,
)

# Built by `manage.py build_occupation_index` into VAR_DIR (read as the settings read it: var/ of
# the checkout unless set); not committed (var/ is ignored), rebuilt when stale.
ARTEFACT_PATH = (
    Path(os.environ.get("VAR_DIR") or DATA_DIR.parent.parent.parent / "var")
    / "occupation_index.npz"
)
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

PHRASE_MAX_WORDS = 6
TFIDF_TOP = 25
COMMON_GRAM_IDF = 3.5  # idf below this: the n-gram is in more than ~8 % of the labels
#: Generic head words of titles (a worker, a staff member, a crew of a place): in the n-gram
#: search their n-grams weigh this much of the title's other words' ones.
GENERIC_WORDS = frozenset(["karyawan", "karyawati", "pegawai", "crew", "kru", "pekerja"])
GENERIC_GRAM_WEIGHT = 0.4


class Label(NamedTuple):
    text: str  # folded
    codes: tuple[str, ...]  # ranked 4-digit KBJI codes
    source: int
    display: str  # as written in the source (for reasons)
    job_code: str = ""  # 6-level KBJI code when the label is a KBJI job title


def core_words(words: Sequence[str]) -> list[str]:
    """The words without fillers ("staff admin gudang" -> admin gudang), or all if none is left."""
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


def read_data_file(name: str) -> list[dict[str, str]]:
    """The rows of a CSV file of `placement/taxonomy/data/`."""
    with open(DATA_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# The modules whose tables shape the labels (spelling variants, filler words, folding): an edit
# to them makes the saved artefact stale too, not only an edit to the data files.
WORD_MODULES = ("occupation_words.py", "normalize.py")


def _source_hash() -> str:
    digest = hashlib.sha256(str(INDEX_VERSION).encode())
    for name in SOURCE_FILES:
        digest.update((DATA_DIR / name).read_bytes())
    for name in WORD_MODULES:
        digest.update((Path(__file__).resolve().parent / name).read_bytes())
    return digest.hexdigest()


def _collect_labels() -> tuple[list[Label], dict[str, str], dict[str, str], dict[str, str]]:
    """Every label with its codes, and the KBJI titles (Indonesian and English) and job titles."""
    kbji_rows = read_data_file("kbji2014.csv")
    titles_id = {r["kode"]: " ".join(r["judul"].split()) for r in kbji_rows if r["digit"] == "4"}
    job_titles = {r["kode"]: " ".join(r["judul"].split()) for r in kbji_rows if r["digit"] == "6"}
    isco_to_kbji: dict[str, list[str]] = defaultdict(list)
    for row in read_data_file("kbji2014_isco08_crosswalk_DERIVED.csv"):
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

    for row in read_data_file("occupation_aliases.csv"):
        add(row["alias"], row["kbji_codes"].split(), ALIAS, row["alias"])
    for code, title in titles_id.items():
        add(KBJI_TITLE_NOISE.sub(" ", fold(title)), [code], KBJI_GROUP, title)
    for code, title in job_titles.items():
        if code.endswith(".99"):  # "... Lainnya": the group's rest, not a job name
            continue
        add(KBJI_TITLE_NOISE.sub(" ", fold(title)), [code[:4]], KBJI_JOB, title, code)
    for row in read_data_file("isco08_unit_groups_en.csv"):
        kbji = isco_to_kbji.get(row["isco08_code"], [])
        for code in kbji:
            titles_en.setdefault(code, row["title_en"])
        add(row["title_en"], kbji[:1], ISCO, row["title_en"])
    for row in read_data_file("esco_occupations_en.csv"):
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
        # Whether this index was read from the saved artefact (else built from the files).
        self.from_artefact = vocabulary is not None
        self.titles_id = titles_id
        self.titles_en = titles_en
        self.job_titles = job_titles
        # Exact tables: one entry per folded text, the best source first.
        self.exact: dict[str, list[int]] = defaultdict(list)
        self.bag: dict[str, list[int]] = defaultdict(list)
        for i, label in enumerate(labels):
            self.exact[label.text].append(i)
            self.bag[" ".join(sorted(core_words(label.text.split())))].append(i)
        for table in (self.exact, self.bag):
            for ids in table.values():
                ids.sort(key=lambda i: -SOURCE_WEIGHT[labels[i].source])
        self.phrases = {text for text in self.exact if len(text.split()) <= PHRASE_MAX_WORDS}
        self.jobs_by_group: dict[str, list[tuple[str, set[str]]]] = defaultdict(list)
        for label in labels:
            if label.source == KBJI_JOB:
                self.jobs_by_group[label.codes[0]].append((label.job_code, set(label.text.split())))
        # The groups our aliases name together with each group, most often first: its plausible
        # neighbours ("kasir": 5230 with 4211, 5223, 5222), for a short list's empty places.
        together: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        for label in labels:
            if label.source == ALIAS:
                for i, code in enumerate(label.codes):
                    for j, other in enumerate(label.codes):
                        if other != code:
                            together[code][other] += RANK_WEIGHT[i] * RANK_WEIGHT[j]
        self.neighbours: dict[str, tuple[str, ...]] = {
            code: tuple(sorted(others, key=lambda c: (-others[c], c))[:3])
            for code, others in together.items()
        }
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
        # Written beside and renamed into place: a process loading it meanwhile sees the old file
        # or the new one, never half of one.
        partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
        with open(partial, "wb") as handle:
            np.savez_compressed(
                handle,
                meta=np.frombuffer(json.dumps(meta, ensure_ascii=False).encode(), dtype=np.uint8),
                idf=self.idf,
                data=matrix.data,
                indices=matrix.indices,
                indptr=matrix.indptr,
                shape=np.asarray(matrix.shape),
            )
        os.replace(partial, path)

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
        except (OSError, KeyError, ValueError, zipfile.BadZipFile):
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
        generic: set[int] = set()
        for word in text.split():
            for gram in _ngrams(word):
                col = self.vocabulary.get(gram)
                if col is not None:
                    counts[col] += 1
                    if word in GENERIC_WORDS:
                        generic.add(col)
        if not counts:
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float32)
        cols = np.fromiter(counts, dtype=np.int64, count=len(counts))
        tf = 1.0 + np.log(np.fromiter(counts.values(), dtype=np.float32, count=len(counts)))
        weights = tf * self.idf[cols]
        if generic and len(generic) < len(counts):
            # A generic head word ("karyawan warnet") must not be what matches ("karyawan
            # bank"): its n-grams count less than the distinctive word's.
            weights *= np.where(np.isin(cols, list(generic)), GENERIC_GRAM_WEIGHT, 1.0)
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


def ensure_artefact(path: Path = ARTEFACT_PATH) -> bool:
    """Build and save the artefact when it is missing or stale; True when one had to be built.

    Called where processes start (`gunicorn.conf.py`'s `on_starting`, the image build), so each
    worker loads the index (under a second) instead of building it on its first request (seconds,
    again after every `max_requests` restart)."""
    if OccupationIndex.load(path) is not None:
        return False
    OccupationIndex.build().save(path)
    return True


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
