"""Matching on real ads, judged by hand: precision at 10 of 50 loker.id ads, before and after.

    python benchmarks/bench_match_real.py                          # this checkout's engine
    python benchmarks/bench_match_real.py --engine-root /tmp/old   # another checkout's engine

Needs the real ads in `<repo>/../shared/realdata/job_postings/` (never copied into the repository;
skipped without them). Everything runs in memory, no database:

1. The loker.id ads (2,229) become vacancies: occupation from the occupation coder (as an import
   would code them), regency from the place resolver, the `Skill_Set` entries as skills (one
   column per distinct lower-cased entry), minimum education from the education flags, months
   of experience asked, wage range.
2. Synthetic seekers (20,000, fixed seed) live in the ads' regencies in the ads' proportions and
   have known occupations drawn from the ads' coded occupations: skills drawn from the skills of
   the ads of their occupation plus a few from all ads ("Komunikasi"-like noise), experience in
   their occupation (30 % also in an unrelated one), 30 % also wish an unrelated occupation.
3. The engine (this checkout's, or the one under --engine-root, loaded without Django) matches
   them; for the 50 ads judged by hand in `benchmarks/data/match_judged_ads.csv` (Job ID, the
   KBJI unit group a reader gives the ad, and the unit groups acceptable for a candidate: only
   ids and codes, no text of the ads), it reports the share of the top-10 candidates whose known
   occupation is acceptable (`vacancy_p_at_10`), and for the seekers of those ads' occupations
   the share of their top-10 vacancies coded with their occupation or a listed neighbour
   (`seeker_p_at_10`, judged by the coder's codes and `occupation_neighbours.csv`).

The last line is one JSON object. The Django-dependent step (coding the ads) is cached in
the temporary directory so both engines see the same inputs.
"""

from __future__ import annotations

import argparse
import ast
import csv
import json
import os
import subprocess
import sys
import tempfile
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "realdata" / "job_postings" / "lokerid_2025-06_07.csv"
JUDGED = ROOT / "benchmarks" / "data" / "match_judged_ads.csv"
CACHE = Path(tempfile.gettempdir()) / "antarkerja_bench_match_real.json"
N_SEEKERS = 20_000
SEED = 13
K = 10
MIN_SCORE = 45  # settings.MATCHING["MIN_SCORE"]: the pages list nothing under it


def code_ads() -> None:
    """Phase 1 (Django, the coders): the ads as plain values, cached in CACHE."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "placement.settings")
    os.environ.setdefault("DEBUG", "1")
    import django

    django.setup()
    from placement.taxonomy.text.occupations import suggest_occupations
    from placement.taxonomy.text.places import resolve_one

    ads = []
    with open(REAL, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            coded = suggest_occupations(row["Title"], limit=1) if row["Title"] else []
            place = resolve_one(row["Location"])
            regency = place.place.regency_code if place and place.place.regency_code else ""
            try:
                skills = [s.strip().lower() for s in ast.literal_eval(row["Skill_Set"] or "[]")]
            except (ValueError, SyntaxError):
                skills = []
            education = 3  # SMA/SMK by default
            for column, rank in (("Diploma/D1/D2/D3", 5), ("Sarjana/S1", 6), ("SMA/SMK/STM", 3)):
                if row.get(column) == "1":
                    education = min(education, rank) if column == "SMA/SMK/STM" else rank
            ads.append(
                {
                    "id": int(row["Job ID"]),
                    "code": int(coded[0].code[:4]) if coded else -1,
                    "regency": regency,
                    "skills": [s for s in skills if s],
                    "education": education,
                    "months": 12 * int(float(row["Min Experience"] or 0)),
                    "wage_max": int(float(row["Max Salary"] or 0)),
                }
            )
    CACHE.write_text(json.dumps(ads))


def load_engine(root: Path) -> types.ModuleType:
    """The engine of a checkout, imported without running placement/__init__ (Celery)."""
    package = types.ModuleType("placement")
    package.__path__ = [str(root / "placement")]
    sys.modules["placement"] = package
    from placement.matching import engine

    return engine


def evaluate(root: Path) -> dict:
    """Phase 2 (numpy only): build the arrays, match, score the judged ads."""
    os.environ["OPENBLAS_NUM_THREADS"] = "1"
    import numpy as np
    import scipy.sparse as sp

    engine = load_engine(root)
    from placement.matching.engine.similarity import read_neighbours

    ads = json.loads(CACHE.read_text())
    rng = np.random.default_rng(SEED)
    regencies = sorted({a["regency"] for a in ads if a["regency"]})
    regency_index = {code: i for i, code in enumerate(regencies)}
    province_of = np.array([int(code.split(".")[0]) for code in regencies], dtype=np.int32)
    ads = [a for a in ads if a["regency"]]  # remote or unknown places are not matched here
    skill_names = sorted({s for a in ads for s in a["skills"]})
    skill_index = {s: i for i, s in enumerate(skill_names)}
    n_v, n_skills = len(ads), len(skill_names)

    def matrix(rows: list[list[int]], n_rows: int) -> sp.csr_matrix:
        indptr = np.cumsum([0] + [len(r) for r in rows])
        indices = np.array([j for r in rows for j in r], dtype=np.int32)
        m = sp.csr_matrix(
            (np.ones(len(indices), np.float32), indices, indptr), shape=(n_rows, n_skills)
        )
        m.sum_duplicates()
        m.data[:] = 1
        return m

    required = matrix([[skill_index[s] for s in a["skills"]] for a in ads], n_v)
    v_regency = np.array([regency_index[a["regency"]] for a in ads], dtype=np.int32)
    v_code = np.array([a["code"] for a in ads], dtype=np.int16)
    vacancy_fields = {
        "ids": np.array([a["id"] for a in ads], dtype=np.int64),
        "regency": v_regency,
        "province": province_of[v_regency],
        "is_overseas": np.zeros(n_v, bool),
        "min_education": np.array([a["education"] for a in ads], dtype=np.int16),
        "min_experience_months": np.array([a["months"] for a in ads], dtype=np.int32),
        "wage_min": np.zeros(n_v, np.int64),
        "wage_max": np.array([a["wage_max"] for a in ads], dtype=np.int64),
        "age_min": np.zeros(n_v, np.int16),
        "age_max": np.zeros(n_v, np.int16),
        "sex": np.zeros(n_v, np.int8),
        "occupation": v_code,
        "required_skills": required,
        "optional_skills": sp.csr_matrix((n_v, n_skills), dtype=np.float32),
        "tiebreak": np.zeros(n_v, np.int32),
    }
    if hasattr(engine, "skill_evidence"):
        specificity = engine.skill_specificity(required)
        vacancy_fields["skill_evidence"] = engine.skill_evidence(
            required, vacancy_fields["optional_skills"], specificity
        )
    vacancies = engine.VacancyArrays(
        **{
            k: v
            for k, v in vacancy_fields.items()
            if k in engine.VacancyArrays.__dataclass_fields__
        }
    )

    # Seekers: regency and occupation in the ads' proportions; skills of their occupation's ads.
    coded = v_code >= 0
    pick = rng.integers(0, int(coded.sum()), N_SEEKERS)
    source = np.flatnonzero(coded)[pick]
    truth = v_code[source].astype(np.int64)
    s_regency = v_regency[rng.integers(0, n_v, N_SEEKERS)]
    by_code: dict[int, list[int]] = {}
    for j in range(n_v):
        if v_code[j] >= 0:
            by_code.setdefault(int(v_code[j]), []).extend(required[j].indices.tolist())
    every = required.indices
    rows = []
    for i in range(N_SEEKERS):
        own = by_code.get(int(truth[i]), [])
        chosen = list(rng.choice(own, min(len(own), int(rng.integers(3, 9))))) if own else []
        chosen += list(rng.choice(every, int(rng.integers(1, 4))))
        rows.append(sorted({int(x) for x in chosen}))
    codes = np.array(sorted(set(truth.tolist())), dtype=np.int64)
    other = codes[rng.integers(0, len(codes), N_SEEKERS)]
    occupations = np.full((N_SEEKERS, 4), -1, dtype=np.int16)
    occupations[:, 0] = truth
    wishes = rng.random(N_SEEKERS) < 0.3
    occupations[wishes, 1] = other[wishes]
    months = np.where(rng.random(N_SEEKERS) < 0.4, 0, rng.lognormal(np.log(30), 0.8, N_SEEKERS))
    months = np.clip(months, 0, 240).astype(np.int32)
    past = np.full((N_SEEKERS, 4), -1, dtype=np.int16)
    past_months = np.zeros((N_SEEKERS, 4), dtype=np.int32)
    worked = months > 0
    past[worked, 0] = truth[worked]
    past_months[:, 0] = months
    elsewhere = worked & (rng.random(N_SEEKERS) < 0.3)
    unrelated = other[rng.permutation(N_SEEKERS)]
    past[elsewhere, 1] = unrelated[elsewhere]
    past_months[elsewhere, 1] = rng.integers(6, 60, int(elsewhere.sum()))
    scope = rng.choice(3, N_SEEKERS, p=[0.65, 0.27, 0.08]).astype(np.int8)
    seeker_fields = {
        "ids": np.arange(1, N_SEEKERS + 1, dtype=np.int64),
        "regency": s_regency,
        "province": province_of[s_regency],
        "scope": scope,
        "education": rng.integers(3, 8, N_SEEKERS).astype(np.int16),
        "experience_months": (past_months.sum(axis=1)).astype(np.int32),
        "expected_wage": np.where(
            rng.random(N_SEEKERS) < 0.6, rng.integers(30, 90, N_SEEKERS) * 100_000, 0
        ).astype(np.int64),
        "age": np.full(N_SEEKERS, 25, np.int16),
        "sex": rng.integers(1, 3, N_SEEKERS).astype(np.int8),
        "occupations": occupations,
        "experience_codes": past,
        "experience_code_months": past_months,
        "tiebreak": np.zeros(N_SEEKERS, np.int32),
        "skills": matrix(rows, N_SEEKERS),
    }
    seekers = engine.SeekerArrays(
        **{k: v for k, v in seeker_fields.items() if k in engine.SeekerArrays.__dataclass_fields__}
    )
    result = engine.match(seekers, vacancies, k_vacancy=K, k_seeker=K, with_components=False)

    position = {int(v): j for j, v in enumerate(vacancies.ids)}
    with open(JUDGED, encoding="utf-8", newline="") as handle:
        judged = [
            (position.get(int(r["row_id"])), {int(c) for c in r["acceptable"].split()})
            for r in csv.DictReader(handle)
        ]
    side = result.vacancy_side
    good = total = 0
    for j, acceptable in judged:
        if j is None:
            continue
        listed = side.seeker_index[side.vacancy_index == j]
        good += sum(int(truth[s]) in acceptable for s in listed)
        total += len(listed)
    neighbours = read_neighbours()

    def related(a: int, b: int) -> bool:
        return a == b or (a, b) in neighbours

    judged_codes = {int(v_code[j]) for j, _ in judged if j is not None}
    seeker_side = result.seeker_side
    own = np.isin(truth[seeker_side.seeker_index], list(judged_codes))
    hits = [
        related(int(truth[s]), int(v_code[v]))
        for s, v in zip(seeker_side.seeker_index[own], seeker_side.vacancy_index[own], strict=True)
    ]
    # The same after the pages' cut: a vacancy under MATCHING["MIN_SCORE"] (45) is not shown.
    shown = own & (seeker_side.score >= MIN_SCORE)
    shown_hits = [
        related(int(truth[s]), int(v_code[v]))
        for s, v in zip(
            seeker_side.seeker_index[shown], seeker_side.vacancy_index[shown], strict=True
        )
    ]
    return {
        "engine_root": str(root),
        "vacancies": n_v,
        "seekers": N_SEEKERS,
        "judged_ads": sum(j is not None for j, _ in judged),
        "vacancy_listed": total,
        "vacancy_p_at_10": round(good / max(total, 1), 3),
        "seeker_lists": len(np.unique(seeker_side.seeker_index[own])),
        "seeker_p_at_10": round(float(np.mean(hits)) if hits else 0.0, 3),
        "seeker_shown": len(shown_hits),
        "seeker_p_at_10_shown": round(float(np.mean(shown_hits)) if shown_hits else 0.0, 3),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine-root", type=Path, default=ROOT)
    parser.add_argument("--phase2", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not REAL.is_file():
        print("bench_match_real: skipped (needs ../shared/realdata).")
        return 0
    if args.phase2:
        print(json.dumps(evaluate(args.engine_root.resolve())))
        return 0
    if not CACHE.is_file():
        code_ads()
    # The engine is loaded in a fresh process: this one has Django's `placement` imported.
    out = subprocess.run(
        [sys.executable, __file__, "--phase2", "--engine-root", str(args.engine_root)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    print(out.strip().splitlines()[-1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
