"""Place resolver, skill extractor and wage parser on real job ads: coverage, accuracy, speed.

    python benchmarks/bench_places_skills.py            # everything
    python benchmarks/bench_places_skills.py --errors   # also list the misses (ids and codes only)

Reads the real ads from `<repo>/../shared/realdata/job_postings/` when present (never copied into
the repo; without them the script says so and stops) and two files of hand judgements that keep
only row ids and codes, no ad text:

- `benchmarks/data/place_eval.csv`: 400 ads drawn at random (250 loker.id, 100 Dealls, 50
  Jobstreet; seed 2026), each coded BY HAND: the regency (`32.16`) its location names, a province
  (`31`), `remote`, `ID` (whole country), or `AMBIG:a|b` when the ad does not say which of a
  Kota/Kabupaten pair it means. Every distinct location string of the three files was reviewed
  once; for the Kota/Kabupaten names the description was read and the regency coded when it says
  (an address, "Cikarang, Kab. Bekasi", "Kota Semarang"). Row ids: loker.id `Job ID`; Dealls and
  Jobstreet the 0-based data row.
- `benchmarks/data/skill_precision_eval.csv`: 300 skill mentions drawn at random from what the
  extractor found in 100 loker.id descriptions (seed 4242, none of them used while the synonyms
  were first written), each judged by hand: 1 = the ad asks for or describes that skill there.
  Their errors were then used to prune synonyms and add the employer/pay filters, so
- `benchmarks/data/skill_precision_heldout.csv`: 150 mentions from 60 further loker.id ads
  (seed 909, never looked at before), judged the same way after those fixes: the clean figure.
  (The held-out judgements are of one version of the extractor; the figure is read from the file.)

Measures:
- places: share of loker.id locations resolved to one regency / ambiguous (Kota vs Kabupaten) /
  province, country or remote / unresolved; accuracy = the first answer's regency equals the hand
  code, over the sample ads whose location names one regency (the import passes the description
  as context; both with and without it); for `AMBIG` ads, whether both are offered.
- skills: share of loker.id `Skill_Set` mentions (16,120) that map to an ESCO skill exactly (the
  whole mention is a known phrase) and at all (the extractor finds a skill in it), and that are
  kept as free text; precision on the judged mentions; speed.
- wages: Dealls' `base_salary` column (a number or "N/A": parsed to that number or "not
  stated"), and the wage lines of the loker.id and Jobstreet descriptions (a line naming gaji,
  salary, upah, penghasilan... with a digit): the share the parser reads as a stated wage, and
  for loker.id the share whose parsed amount is the ad's own `Min Salary` or `Max Salary`.

The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import ast
import csv
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
REALDATA = ROOT.parent / "shared" / "realdata" / "job_postings"
DATA = ROOT / "benchmarks" / "data"
FILES = {
    "lokerid": ("lokerid_2025-06_07.csv", "Location", "Description"),
    "dealls": ("dealls_2024-08.csv", "job_location", None),
    "jobstreet": ("jobstreet_id_datascience_2025.csv", "location", "description"),
}

from placement.taxonomy.text import gazetteer, places, skills, wages  # noqa: E402
from placement.taxonomy.text.phrases import phrase_key  # noqa: E402


def read_ads() -> dict[str, dict[str, dict[str, str]]]:
    """file key -> row id -> row."""
    ads: dict[str, dict[str, dict[str, str]]] = {}
    for key, (name, _location, _description) in FILES.items():
        with open(REALDATA / name, encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        ads[key] = {
            (row["Job ID"] if key == "lokerid" else str(index)): row
            for index, row in enumerate(rows)
        }
    return ads


def classify(location: str, context: str = "") -> str:
    found = places.resolve(location, context=context)
    if not found:
        return "unresolved"
    first = found[0]
    if first.ambiguous:
        return "ambiguous"
    if first.place.level in ("regency", "district"):
        return "regency"
    return "province, country or remote"


def bench_places(ads, show_errors: bool) -> dict:
    result: dict = {}
    for key in FILES:
        location_column = FILES[key][1]
        counts = Counter(classify(row[location_column]) for row in ads[key].values())
        total = sum(counts.values())
        result[f"{key}_locations"] = {k: round(100 * v / total, 1) for k, v in counts.items()}
        result[f"{key}_locations"]["ads"] = total
        description_column = FILES[key][2]
        if description_column:
            counts = Counter(
                classify(row[location_column], row[description_column]) for row in ads[key].values()
            )
            result[f"{key}_locations_with_description"] = {
                k: round(100 * v / total, 1) for k, v in counts.items()
            }
    with open(DATA / "place_eval.csv", encoding="utf-8", newline="") as handle:
        labels = list(csv.DictReader(handle))
    right = right_without_context = named = 0
    offered = ambiguous_ads = other_right = other = 0
    errors = []
    for label in labels:
        key, code = label["file"], label["code"]
        row = ads[key][label["row_id"]]
        location = row[FILES[key][1]]
        description = row[FILES[key][2]] if FILES[key][2] else ""
        with_context = places.resolve(location, context=description)
        without = places.resolve(location)
        if code.startswith("AMBIG:"):
            ambiguous_ads += 1
            wanted = set(code[6:].split("|"))
            offered += wanted <= {r.place.code for r in without} and without[0].ambiguous
        elif "." in code:
            named += 1
            first = with_context[0].place.regency_code if with_context else ""
            right += first == code
            right_without_context += bool(without) and without[0].place.regency_code == code
            if first != code:
                errors.append((key, label["row_id"], code, first))
        else:
            other += 1
            other_right += bool(without) and without[0].place.code == code
    result["sample"] = {
        "ads": len(labels),
        "naming_a_regency": named,
        "regency_accuracy_pct": round(100 * right / named, 1),
        "regency_accuracy_location_only_pct": round(100 * right_without_context / named, 1),
        "kota_kabupaten_undetermined": ambiguous_ads,
        "both_offered_pct": round(100 * offered / max(ambiguous_ads, 1), 1),
        "province_remote_country": other,
        "province_remote_country_right_pct": round(100 * other_right / max(other, 1), 1),
    }
    if show_errors:
        for error in errors:
            print("place miss", *error)
    locations = [row[FILES["lokerid"][1]] for row in ads["lokerid"].values()]
    started = time.perf_counter()
    for location in locations * 5:
        places.resolve(location)
    elapsed = time.perf_counter() - started
    result["resolves_per_second"] = round(len(locations) * 5 / elapsed)
    return result


def bench_skills(ads) -> dict:
    lexicon = skills.lexicon()
    mentions = []
    for row in ads["lokerid"].values():
        try:
            items = ast.literal_eval(row["Skill_Set"] or "[]")
        except (ValueError, SyntaxError):
            items = []
        mentions.extend(str(item) for item in items)
    exact = mapped = unknown = 0
    for mention in mentions:
        if phrase_key(mention) in lexicon.phrases:
            exact += 1
        found = skills.extract(mention)
        if found.skills:
            mapped += 1
        elif found.unknown:
            unknown += 1
    total = len(mentions)
    result = {
        "skill_set_mentions": total,
        "mapped_exactly_pct": round(100 * exact / total, 1),
        "mapped_pct": round(100 * mapped / total, 1),
        "kept_as_free_text_pct": round(100 * unknown / total, 1),
        "dropped_as_filler_pct": round(100 * (total - mapped - unknown) / total, 1),
        "skills_with_indonesian_label": sum(1 for e in lexicon.entries.values() if e.label_id),
        "phrases": len(lexicon.phrases),
    }
    with open(DATA / "skill_precision_heldout.csv", encoding="utf-8", newline="") as handle:
        heldout = list(csv.DictReader(handle))
    result["precision_heldout_pct"] = round(
        100 * sum(int(j["correct"]) for j in heldout) / len(heldout), 1
    )
    result["precision_heldout_mentions"] = len(heldout)
    with open(DATA / "skill_precision_eval.csv", encoding="utf-8", newline="") as handle:
        judged = list(csv.DictReader(handle))
    verdict = {
        (j["row_id"], int(j["start"]), int(j["end"]), j["skill_uri"]): int(j["correct"])
        for j in judged
    }
    still = []
    for row_id in {j["row_id"] for j in judged}:
        text = ads["lokerid"][row_id]["Description"]
        for m in skills.extract(text).skills:
            key = (row_id, m.start, m.end, m.uri)
            if key in verdict:
                still.append(verdict[key])
    result["precision_as_judged_pct"] = round(100 * sum(verdict.values()) / len(verdict), 1)
    result["precision_now_pct"] = round(100 * sum(still) / max(len(still), 1), 1)
    result["judged_mentions_no_longer_found"] = len(verdict) - len(still)
    texts = [row["Description"] for row in ads["lokerid"].values()]
    started = time.perf_counter()
    for text in texts:
        skills.extract(text)
    elapsed = time.perf_counter() - started
    result["descriptions_per_second"] = round(len(texts) / elapsed)
    return result


_WAGE_LINE = re.compile(
    r"(?i)\b(gaji|salary|upah|penghasilan|take home pay|thp|income|kompensasi|compensation)\b"
)


def bench_wages(ads) -> dict:
    column = [row["base_salary"].strip() for row in ads["dealls"].values()]
    right = 0
    for value in column:
        wage = wages.parse_wage(value)
        if value.isdigit():
            right += wage.stated and wage.min == wage.max == int(value)
        else:
            right += not wage.stated
    result = {"dealls_base_salary_values": len(column)}
    result["dealls_base_salary_right_pct"] = round(100 * right / len(column), 1)
    lines = stated = with_column = agree = 0
    for key, text_column in (("lokerid", "Description"), ("jobstreet", "description")):
        for row in ads[key].values():
            for line in re.split(r"\n|\u2022|\s-\s|\.\s", row[text_column]):
                if not (_WAGE_LINE.search(line) and re.search(r"\d", line)):
                    continue
                lines += 1
                wage = wages.parse_wage(line)
                stated += wage.stated and (wage.min is not None or wage.max is not None)
                low, high = row.get("Min Salary") or "", row.get("Max Salary") or ""
                if wage.stated and low.isdigit():
                    with_column += 1
                    agree += wage.min == int(low) or (high.isdigit() and wage.max == int(high))
    result["description_wage_lines"] = lines
    result["description_wage_lines_with_amount_pct"] = round(100 * stated / max(lines, 1), 1)
    result["lokerid_lines_agreeing_with_salary_column"] = f"{agree}/{with_column}"
    texts = [v or "N/A" for v in column] * 5
    started = time.perf_counter()
    for text in texts:
        wages.parse_wage(text)
    result["parses_per_second"] = round(len(texts) / (time.perf_counter() - started))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list the place misses")
    args = parser.parse_args()
    if not REALDATA.exists():
        print(f"No real ads at {REALDATA}; nothing to measure.")
        print(json.dumps({"skipped": "no realdata"}))
        return
    ads = read_ads()
    started = time.perf_counter()
    gazetteer.gazetteer()
    skills.lexicon()
    load = round(time.perf_counter() - started, 2)
    report = {"index_load_seconds": load}
    report["places"] = bench_places(ads, args.errors)
    report["skills"] = bench_skills(ads)
    report["wages"] = bench_wages(ads)
    for section in ("places", "skills", "wages"):
        for name, value in report[section].items():
            print(f"{section:7} {name:40} {value}")
    print(json.dumps(report))


if __name__ == "__main__":
    main()
