"""Load the committed reference data files into the database, idempotently.

Every loader reads one file and calls `upsert`, which creates missing rows and updates changed ones
in bulk; a second run finds nothing to do and writes nothing.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.db import models, transaction

from placement.taxonomy.models import (
    District,
    EducationLevel,
    Industry,
    Occupation,
    Province,
    Regency,
    Skill,
    SmkProgramme,
    StudyField,
)

DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass
class LoadResult:
    model: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def __str__(self) -> str:
        return (
            f"{self.model}: {self.created} created, {self.updated} updated, "
            f"{self.unchanged} unchanged"
        )


def _rows(name: str) -> Iterator[dict[str, str]]:
    with open(DATA_DIR / name, encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def _clean(text: str) -> str:
    """Collapse runs of whitespace (the source titles hold double spaces and NBSPs)."""
    return " ".join(text.split())


def upsert(
    model: type[models.Model], key: tuple[str, ...], rows: Iterable[dict[str, object]]
) -> LoadResult:
    """Create rows whose key is new and update rows whose other fields changed."""
    rows = list(rows)
    result = LoadResult(model.__name__)
    if not rows:
        return result
    fields = [name for name in rows[0] if name not in key]
    pk_name = model._meta.pk.attname
    existing = {
        tuple(row[k] for k in key): row
        for row in model.objects.values(pk_name, *key, *fields).iterator(chunk_size=5000)
    }
    to_create, to_update = [], []
    for row in rows:
        current = existing.get(tuple(row[k] for k in key))
        if current is None:
            to_create.append(model(**row))
        elif any(current[f] != row[f] for f in fields):
            obj = model(**{pk_name: current[pk_name], **row})
            to_update.append(obj)
        else:
            result.unchanged += 1
    model.objects.bulk_create(to_create, batch_size=2000)
    if to_update and fields:
        model.objects.bulk_update(to_update, fields, batch_size=2000)
    result.created, result.updated = len(to_create), len(to_update)
    return result


def _population() -> dict[str, dict[str, int]]:
    return {
        row["code"]: {
            "population": int(row["total"]),
            "population_male": int(row["male"]),
            "population_female": int(row["female"]),
        }
        for row in _rows("population_dukcapil_2024s2.csv")
    }


def _area() -> dict[str, float]:
    return {row["code"]: float(row["area_km2"]) for row in _rows("area_km2_big_2024.csv")}


def load_regions() -> list[LoadResult]:
    """Provinces, regencies/cities and districts with population and area."""
    population, area = _population(), _area()
    empty = {"population": None, "population_male": None, "population_female": None}
    provinces = [
        {
            "code": r["code"],
            "name": _clean(r["name"]),
            **population.get(r["code"], empty),
            "area_km2": area.get(r["code"]),
        }
        for r in _rows("provinces.csv")
    ]
    regencies = [
        {
            "code": r["code"],
            "province_id": r["province_code"],
            "kind": r["type"],
            "name": _clean(r["name"]),
            **population.get(r["code"], empty),
            "area_km2": area.get(r["code"]),
        }
        for r in _rows("regencies.csv")
    ]
    districts = [
        {"code": r["code"], "regency_id": r["regency_code"], "name": _clean(r["name"])}
        for r in _rows("districts.csv")
    ]
    return [
        upsert(Province, ("code",), provinces),
        upsert(Regency, ("code",), regencies),
        upsert(District, ("code",), districts),
    ]


def _parent_code_kbji(code: str) -> str | None:
    if "." in code:
        return code.split(".")[0]
    return code[:-1] or None


def load_occupations() -> LoadResult:
    """KBJI 2014, every level, with the ISCO-08 code of the 1- to 4-digit groups."""
    isco = {
        r["kbji_code"]: r["isco08_code"] for r in _rows("kbji2014_isco08_crosswalk_DERIVED.csv")
    }
    version = Occupation.CURRENT_VERSION
    rows = sorted(_rows("kbji2014.csv"), key=lambda r: int(r["digit"]))
    total = LoadResult("Occupation")
    for level in sorted({int(r["digit"]) for r in rows}):
        ids = dict(Occupation.objects.filter(version=version).values_list("code", "id"))
        batch = []
        for r in rows:
            if int(r["digit"]) != level:
                continue
            code = r["kode"].strip()
            parent = _parent_code_kbji(code)
            batch.append(
                {
                    "version": version,
                    "code": code,
                    "level": level,
                    "title": _clean(r["judul"]),
                    "description": r["deskripsi"].strip(),
                    "parent_id": ids.get(parent) if parent else None,
                    "isco08_code": isco.get(code, "") if "." not in code else "",
                }
            )
        part = upsert(Occupation, ("version", "code"), batch)
        total.created += part.created
        total.updated += part.updated
        total.unchanged += part.unchanged
    return total


def load_industries() -> LoadResult:
    """KBLI 2020, from kategori to 5-digit kelompok."""
    version = Industry.CURRENT_VERSION
    rows = sorted(_rows("kbli2020.csv"), key=lambda r: int(r["digit"]))
    total = LoadResult("Industry")
    for level in sorted({int(r["digit"]) for r in rows}):
        ids = dict(Industry.objects.filter(version=version).values_list("code", "id"))
        batch = []
        for r in rows:
            if int(r["digit"]) != level:
                continue
            code = r["kode"].strip()
            parent = None if level == 1 else (r["kategori"] if level == 2 else code[:-1])
            batch.append(
                {
                    "version": version,
                    "code": code,
                    "section": r["kategori"].strip(),
                    "level": level,
                    "title": _clean(r["judul"]),
                    "description": r["deskripsi"].strip(),
                    "parent_id": ids.get(parent) if parent else None,
                }
            )
        part = upsert(Industry, ("version", "code"), batch)
        total.created += part.created
        total.updated += part.updated
        total.unchanged += part.unchanged
    return total


def load_education_levels() -> LoadResult:
    """The IPK education levels, ordered by rank."""
    rows = [
        {
            "code": r["code"],
            "rank": int(r["rank"]),
            "order": int(r["order"]),
            "short_name": r["short_name"],
            "name_id": r["name_id"],
            "name_en": r["name_en"],
        }
        for r in _rows("education_levels.csv")
    ]
    return upsert(EducationLevel, ("code",), rows)


def load_skills() -> LoadResult:
    """ESCO skills with clean English labels, plus the team's Indonesian labels."""
    indonesian = {}
    if (DATA_DIR / "skills_id.csv").exists():
        indonesian = {r["uri"]: r for r in _rows("skills_id.csv")}
    rows = []
    for r in _rows("skills_labels_en.csv"):
        extra = indonesian.get(r["uri"], {})
        rows.append(
            {
                "uri": r["uri"],
                "label_en": _clean(r["preferred_label"]),
                "label_id": extra.get("label_id", ""),
                "reuse_level": r["reuse_level"],
                "common_rank": int(extra["common_rank"]) if extra.get("common_rank") else None,
            }
        )
    return upsert(Skill, ("uri",), rows)


def load_smk_programmes() -> LoadResult:
    """The SMK/MAK spectrum (bidang, program, kompetensi keahlian), parents first."""
    edition = SmkProgramme.CURRENT_EDITION
    rows = sorted(_rows("smk_spectrum_2018.csv"), key=lambda r: int(r["level"]))
    total = LoadResult("SmkProgramme")
    for level in (1, 2, 3):
        ids = dict(SmkProgramme.objects.filter(edition=edition).values_list("code", "id"))
        batch = [
            {
                "edition": edition,
                "code": r["code"],
                "level": level,
                "title": _clean(r["title"]),
                "parent_id": ids.get(r["code"].rsplit(".", 1)[0]) if level > 1 else None,
            }
            for r in rows
            if int(r["level"]) == level
        ]
        part = upsert(SmkProgramme, ("edition", "code"), batch)
        total.created += part.created
        total.updated += part.updated
        total.unchanged += part.unchanged
    return total


def load_study_fields() -> LoadResult:
    """ISCED-F 2013 broad and narrow fields (diploma and degree field of study)."""
    rows = sorted(_rows("isced_f_2013.csv"), key=lambda r: int(r["level"]))
    total = LoadResult("StudyField")
    for level in (1, 2):
        batch = [
            {
                "code": r["code"],
                "level": level,
                "title_en": r["title_en"],
                "title_id": r["title_id"],
                "parent_id": r["code"][:2] if level == 2 else None,
            }
            for r in rows
            if int(r["level"]) == level
        ]
        part = upsert(StudyField, ("code",), batch)
        total.created += part.created
        total.updated += part.updated
        total.unchanged += part.unchanged
    return total


@transaction.atomic
def load_all() -> list[LoadResult]:
    """Load every reference data set, in dependency order."""
    return [
        *load_regions(),
        load_occupations(),
        load_industries(),
        load_education_levels(),
        load_skills(),
        load_smk_programmes(),
        load_study_fields(),
    ]
