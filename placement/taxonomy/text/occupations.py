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

The word tables are in `occupation_words.py`, the labels and their TF-IDF index (built from the
files or loaded from `var/occupation_index.npz`) in `occupation_index.py`.

Size: the steps above and the rules that reorder their candidates share one candidate table and
are tuned together against the benchmark sets; the words and the index are already apart.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from placement.taxonomy.text.normalize import (
    clean_input,
    fold,
    title_alternatives,
    title_brackets,
    title_tails,
    title_variants,
    title_with_noise_words,
)
from placement.taxonomy.text.occupation_index import (
    ALIAS,
    ESCO_ALT,
    ESCO_PREFERRED,
    ISCO,
    KBJI_GROUP,
    KBJI_JOB,
    PHRASE_MAX_WORDS,
    RANK_WEIGHT,
    SOURCE_WEIGHT,
    Label,
    OccupationIndex,
    core_words,
    get_index,
)
from placement.taxonomy.text.occupation_words import (
    ACADEMIC_HEAD_WORDS,
    ACADEMIC_UNITS,
    ASSISTANT_WORDS,
    CONFUSABLE,
    DATA_ENTRY_WORDS,
    DEPARTMENT_FIELDS,
    EMPLOYER_TAIL_WORDS,
    ENGINEER_WORDS,
    ENGINEERING_BRANCHES,
    ENGLISH_HEADS,
    FIELD_MANAGERS,
    FIELD_SUPERVISORS,
    FILLER_WORDS,
    GENERIC_MANAGERS,
    GOVERNMENT_WORDS,
    ICT_FIELD_PREFIXES,
    ICT_SALES_FIELDS,
    INSTRUCTOR_WORDS,
    LECTURER_WORDS,
    MANAGER_WORDS,
    MANAGER_WORDS_FIRST,
    MILITARY_WORDS,
    OPERATOR_WORDS,
    OTHER_ENGINEER_WORDS,
    PROFESSIONAL_NOUNS,
    ROLE_WORDS,
    SALES_WORDS,
    SECTOR_PRIORS,
    SUPERVISOR_WORDS,
    TEACHER_WORDS,
    TEACHING_LEVELS,
    TEACHING_WORDS,
    TECHNICAL_SALES_FIELDS,
    TUTOR_WORDS,
    UNLIKELY_BESIDE,
    VAGUE_HEADS,
    VAGUE_MODIFIERS,
    canonical,
    kbli_section,
)

MAX_WORDS = 12
BRACKET_SCORE = 0.88
TAIL_SCORE = 0.9
# "Relationship manager", "account manager": sellers and loan officers (3322, 3312) who manage
# no one, by the alias table's convention.
NOT_MANAGING = frozenset({"relationship", "account"})
# The groups of people who sell: a bracket naming one of them may say which seller it is.
SELLING_CODES = ("52", "332", "333", "243", "1221", "1420")
# Titles whose first reading says little about the work: a description may name the job.
VAGUE_CODES = frozenset({"4110", "3341", "9329", "8189", "3322", "1219", "2149", "4419", "9629"})
DESCRIPTION_MIN_MENTIONS = 2
# A description decides between the title's own readings only when they are this close; a
# clearer first reading is never overturned by the job words of the ad's text.
DESCRIPTION_TIE = 0.06
DESCRIPTION_CLEAR = 0.9  # a whole job name: the description never overturns it
# The headings of an ad's sections. Only the duties say what the job is: the requirements
# ("mampu mengoperasikan komputer", "berpengalaman di bidang sales", "SIM C"), the benefits and the
# company's blurb name other jobs and fields. A line is a heading when it is short and either
# ends with ":" or starts with one of these words.
DUTY_HEADING = re.compile(
    r"tanggung\s*jawab|deskripsi\s+(?:pekerjaan|kerja|tugas|jabatan)|uraian\s+(?:tugas|pekerjaan)"
    r"|rincian\s+(?:tugas|pekerjaan)|job\s*desc|job\s+summary|jobdesk|responsibilit|duties"
    r"|\btugas\b|what\s+you(?:'ll|\s+will)\s+do|your\s+role|the\s+role|about\s+the\s+(?:role|job)"
    r"|^keahlian$|^skills?$"
)
OTHER_HEADING = re.compile(
    r"kualifikasi|qualification|requirement|persyaratan|\bsyarat|keahlian|skill|kemampuan"
    r"|benefit|tunjangan|insentif|fasilitas|keuntungan|kompensasi|gaji|salary|we\s+offer"
    r"|waktu\s+(?:bekerja|kerja)|jam\s+kerja|working\s+hours|penempatan|lokasi|location"
    r"|tentang\s+(?:kami|perusahaan)|about\s+(?:us|the\s+company)|profil\s+perusahaan"
    r"|cara\s+(?:melamar|mendaftar)|how\s+to\s+apply|nice\s+to\s+have|preferred|diutamakan"
)
HEADING_MAX_LENGTH = 60
# The words whose own reading is a generic manager (1219 / 1120).
GENERIC_MANAGER_LABELS = frozenset(
    {
        "manager",
        "assistant manager",
        "head",
        "kepala",
        "direktur",
        "director",
        "kepala bagian",
        "section head",
    }
)
# Brackets that name a field or a language, not a job.
BRACKET_FIELDS = frozenset("it ti hr hrd ga sdm".split())  # noqa: SIM905
BRACKET_LANGUAGE = re.compile(r"\b(?:speaker|speaking|bahasa|language)\b")
# The supervisor of clerks (ISCO-08 3341): the head of an office's admin staff.
OFFICE_SUPERVISOR = "3341"
MIN_SCORE = 0.42  # below this a suggestion is noise ("drop table x")
NEIGHBOURS_UP_TO = 3  # a shorter list is completed with the first group's neighbours
# A vague title's first reading from part of its words only ("Officer" -> "ICT officer") is no
# evidence: the head word's most usual job comes first then, with this score.
VAGUE_FIRST_SCORE = 0.8
# The other reading of a manager title must come from the title's own words, this good.
MANAGER_OTHER_MIN = 0.6
VAGUE_WHOLE_MIN = 0.85
# An assistant, junior or deputy manager ("Data Analyst Assistant Manager", "Jr Manager Pajak").
JUNIOR_MANAGER = re.compile(
    r"\b(?:assistant|asisten|assisten|asst|junior|jr|deputy|wakil)\.?\s+(?:manager|manajer|mgr)\b"
)
# The ad's department, category or function (`context`): a code it names gains this much, a
# code of a field it names this much; weaker than the title's own words (a whole-title match
# scores 1.0, a part of the title 0.5-0.9).
CONTEXT_CODE_BONUS = 0.03
CONTEXT_FIELD_BONUS = 0.02
CONTEXT_MAX_LENGTH = 300
CONTEXT_PARTS = re.compile(r"[/|,;()\[\]]|\s-\s")
# A confusable partner no word of the title names replaces a third reading only below this share
# of the first reading's score.
UNSUPPORTED_PARTNER_BELOW = 0.7
# A partner the title's words support replaces the third reading when it scores at least this
# share of the third's score.
SUPPORTED_PARTNER_SHARE = 0.85


@dataclass
class Suggestion:
    """One ranked KBJI unit group for a title, with the evidence for it."""

    code: str
    title_id: str
    title_en: str
    score: float
    reason_kind: str  # alias | alias_part | kbji | kbji_job | isco | esco | description | context
    reason_label: str
    job_code: str = ""
    job_title: str = ""
    reason_label_en: str = ""  # when the label is a group title: its English title
    reason_rank: int = 0  # the code's place among the matched label's codes (0: its first)

    def title(self, language: str = "id") -> str:
        return _in_language(self.title_id, self.title_en, language)

    def reason(self) -> str:
        """The evidence in the active language (Indonesian by default)."""
        from django.utils.translation import get_language, gettext

        label = self.reason_label
        if self.reason_label_en and (get_language() or "id")[:2] == "en":
            label = self.reason_label_en
        # The label's second or third code says so, not the first code's reason again.
        if self.reason_rank and self.reason_kind == "alias":
            return gettext("Another usual reading of the job name “%(label)s”") % {"label": label}
        if self.reason_rank and self.reason_kind == "alias_part":
            text = gettext("Another usual reading of the job name “%(label)s” in the title")
            return text % {"label": label}
        if self.reason_rank:
            return gettext("Another reading of “%(label)s”") % {"label": label}
        texts = {
            "alias": gettext("Common job name “%(label)s”"),
            "alias_part": gettext("Contains the common job name “%(label)s”"),
            "kbji": gettext("Close to the KBJI title “%(label)s”"),
            "kbji_job": gettext("Close to the KBJI job “%(label)s”"),
            "isco": gettext("Close to the ISCO-08 title “%(label)s”"),
            "esco": gettext("Close to the ESCO occupation “%(label)s”"),
            "description": gettext("The description mentions “%(label)s”"),
            "neighbour": gettext("Often named together with “%(label)s”"),
            "vague": gettext("A usual job behind the vague title word “%(label)s”"),
            "context": gettext("“%(label)s” read with the ad's department"),
        }
        return texts.get(self.reason_kind, texts["alias"]) % {"label": label}


def _in_language(title_id: str, title_en: str, language: str) -> str:
    return title_en if language[:2] == "en" and title_en else title_id


def occupation_title(code: str, title_id: str, language: str) -> str:
    """A KBJI code's title as the suggestions give it in `language`: on English pages its ISCO-08
    unit group's English title where the crosswalk gives one, else (and in Indonesian, and for
    6-level jobs, which have no English title) the KBJI title."""
    title_en = get_index().titles_en.get(code, "") if language[:2] == "en" else ""
    return _in_language(title_id, title_en, language)


@dataclass
class _Candidate:
    score: float = 0.0
    kind: str = ""
    label: str = ""
    job_code: str = ""
    channels: set[str] = field(default_factory=set)
    rank: int = 0  # the code's place among the label's codes

    def offer(self, score: float, kind: str, label: str, job_code: str = "", rank: int = 0) -> None:
        self.channels.add(kind.split("_")[0])
        if score > self.score:
            self.score, self.kind, self.label, self.rank = score, kind, label, rank
            if job_code:
                self.job_code = job_code


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
            score * RANK_WEIGHT[rank],
            kind,
            label.display,
            label.job_code if rank == 0 else "",
            rank,
        )


def _title_candidates(
    index: OccupationIndex, text: str, similar: list[tuple[int, float]]
) -> dict[str, _Candidate]:
    candidates: dict[str, _Candidate] = {}
    words = text.split()[:MAX_WORDS]
    core = core_words(words)
    labels = index.labels
    # 2. Whole title, title without fillers, words in any order. A bare role word left once the
    # fillers are gone ("Senior Associate", "Program Officer") is no job name by itself: it must
    # not take the meaning of one label that happens to share it ("junior associate" = lawyer).
    lookups = [(" ".join(words), index.exact, 1.0)]
    if not (len(core) == 1 and core[0] in ROLE_WORDS):
        lookups += [(" ".join(core), index.exact, 0.98), (" ".join(sorted(core)), index.bag, 0.95)]
    for key, table, score in lookups:
        ids = table.get(key, ())[:6]
        # ESCO's synonyms of the whole title ("general manager" of a hospital, of a sports
        # centre) come right after our alias's own readings of it, not between them.
        ours = [RANK_WEIGHT[len(labels[i].codes[:3]) - 1] for i in ids if labels[i].source == ALIAS]
        for i in ids:
            if ours and labels[i].source == ESCO_ALT:
                weight = min(SOURCE_WEIGHT[ESCO_ALT], min(ours) - 0.01)
                _offer_label(candidates, labels[i], score * weight / SOURCE_WEIGHT[ESCO_ALT], True)
            else:
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
            score = 0.5 + 0.35 * coverage + head
            if end - start == 1 and phrase in ROLE_WORDS:
                score -= 0.12  # "supervisor" alone in "Asset Management Supervisor"
            for i in index.exact[phrase][:4]:
                _offer_label(candidates, labels[i], score, False)
    # 4. Character n-grams.
    for i, cosine in similar:
        if cosine < 0.35:
            break
        label = labels[i]
        _offer_label(candidates, label, 0.97 * cosine, cosine > 0.999)
    return candidates


def description_duties(description: str) -> str:
    """The part of an ad's description that says what the job is: its duties sections when it
    has headings ("Tanggung Jawab", "Job Description", "Responsibilities"), else the text before
    its first other section ("Kualifikasi", "Requirements", "Benefit", "Tentang Perusahaan"),
    else the whole text (a description without headings)."""
    lines = (description or "").splitlines()
    kinds: list[str] = []  # per line: "duty", "other" (a heading) or "" (text)
    for line in lines:
        text = line.strip().strip("*#-•:=_ \t").strip().lower()
        kind = ""
        if 0 < len(text) <= HEADING_MAX_LENGTH:
            # "Kualifikasi:", "**Job Description**", "TANGGUNG JAWAB PEKERJAAN"; a duty that
            # names a place ("Mengecek lokasi proyek") is no heading.
            colon = line.rstrip().rstrip("*_ ").endswith(":")
            if colon or len(text.split()) <= 4:
                for name, pattern in (("duty", DUTY_HEADING), ("other", OTHER_HEADING)):
                    if (pattern.search if colon else pattern.match)(text):
                        kind = name
                        break
        kinds.append(kind)
    if "duty" in kinds:
        kept, keep = [], False
        for line, kind in zip(lines, kinds, strict=True):
            keep = (kind == "duty") if kind else keep
            if keep and not kind:
                kept.append(line)
        return "\n".join(kept)
    if "other" in kinds:
        return "\n".join(lines[: kinds.index("other")])
    return description or ""


def _description_codes(
    index: OccupationIndex, description: str, echo: frozenset[str] = frozenset()
) -> dict[str, tuple[int, str]]:
    """Codes named by known job phrases in the description's duties, with how often and the
    phrase; a phrase made only of `echo` words (the title's own) is skipped when given."""
    duties = description_duties(description[:6000])
    words = canonical(fold(clean_input(duties, max_length=3000))).split()[:400]
    found: dict[str, tuple[int, str]] = {}
    for start in range(len(words)):
        for end in range(min(len(words), start + 4), start, -1):
            phrase = " ".join(words[start:end])
            if phrase not in index.phrases or (end - start == 1 and len(phrase) < 5):
                continue
            best = index.labels[index.exact[phrase][0]]
            if best.source != ALIAS:  # only the words people use, not every ESCO label
                continue
            if echo and echo.issuperset(words[start:end]):
                break  # the title's own words again: no new evidence
            code = best.codes[0]
            count, first = found.get(code, (0, phrase))
            found[code] = (count + 1, first)
            break
    return found


def _prepare(index: OccupationIndex, title: str) -> list[str]:
    """The title's folded, canonical variants (whole, then head without brackets/dash tails);
    first the head with its noise words when that is a job name ("Kepala Cabang")."""
    variants = [canonical(v) for v in title_variants(title)]
    if len(variants) > 1 and set(variants[-1].split()) <= ROLE_WORDS | FILLER_WORDS:
        # "Senior Associate - Partnership Operations": the head is a grade, the job is after it.
        variants.pop()
    if variants:
        kept = canonical(title_with_noise_words(title))
        if kept not in variants and _is_alias(index, [kept]):
            variants.insert(0, kept)
            # "Area Manager", "Kepala Cabang": the job name; the bare role word left once the
            # noise word is gone ("manager") adds only generic readings.
            variants = [kept] + [
                v for v in variants[1:] if not set(v.split()) <= ROLE_WORDS | FILLER_WORDS
            ]
        # "Store Manager at Castanea Print Shop", "Sales Trainee Academy by X", "Data Analyst for
        # Y Group": a job name followed by the employer or a programme's name.
        words = variants[-1].split()
        cut = next((i for i, word in enumerate(words) if word in EMPLOYER_TAIL_WORDS), 0)
        head = " ".join(words[:cut])
        if cut and head not in variants and (cut > 1 or _is_alias(index, [head])):
            variants.insert(0, head)
    return variants


def _bracket_labels(index: OccupationIndex, title: str) -> list[Label]:
    """Known job names that fill a bracket of the title: "Sales Representative (SPG)" -> SPG."""
    found = []
    for inner in title_brackets(title or ""):
        text = canonical(inner)
        if text in BRACKET_FIELDS or BRACKET_LANGUAGE.search(text):
            continue  # "Dosen Sistem Informasi (IT)", "Recruiter (Mandarin Speaker)": a field
        ids = index.exact.get(text) or index.exact.get(" ".join(core_words(text.split())))
        if ids and index.labels[ids[0]].source == ALIAS:
            found.append(index.labels[ids[0]])
    return found


def _title_context(index: OccupationIndex, title: str) -> dict[str, object]:
    """What `_rank` reads from the raw title besides its variants: the job names in brackets,
    the alternatives of "A / B" and every word (levels and branches hide in brackets)."""
    alternatives = []
    for part in title_alternatives(title or ""):
        text = canonical(part)
        ids = index.exact.get(text) or index.exact.get(" ".join(core_words(text.split())))
        if not ids or index.labels[ids[0]].source != ALIAS:
            alternatives = []  # only when every part is a job name
            break
        alternatives.append(index.labels[ids[0]])
    # A job name after " - " when the head is none ("Engineering Product - Drafter").
    tails = []
    head = title_variants(title or "")[-1:]
    if head and not _is_alias(index, [canonical(head[0])]):
        for part in title_tails(title or ""):
            text = canonical(part)
            ids = index.exact.get(text) or index.exact.get(" ".join(core_words(text.split())))
            if ids and index.labels[ids[0]].source == ALIAS:
                tails.append(index.labels[ids[0]])
    return {
        "brackets": _bracket_labels(index, title),
        "alternatives": alternatives,
        "tails": tails,
        "words": canonical(fold(clean_input(title or "", max_length=300))).split(),
        "junior_manager": bool(
            JUNIOR_MANAGER.search(fold(clean_input(title or "", max_length=300)))
        ),
    }


def _is_alias(index: OccupationIndex, variants: list[str]) -> bool:
    """Whether the title (or its head) is, word for word, one of the aliases."""
    for text in variants:
        for key in (text, " ".join(core_words(text.split()))):
            ids = index.exact.get(key)
            if ids and index.labels[ids[0]].source == ALIAS:
                return True
    return False


def suggest_occupations(
    title: str,
    *,
    description: str = "",
    sector: str = "",
    context: str = "",
    limit: int = 5,
) -> list[Suggestion]:
    """Ranked KBJI unit groups for a job title; `[]` when the title has nothing to code.

    `context`: the ad's department, category or function as the job board gives it ("Finance
    And Accounting", "Akuntansi / Perpajakan"): it reorders the title's close readings and
    decides between a vague title's usual jobs, never more than the title's own words."""
    index = get_index()
    variants = _prepare(index, title)
    needs_search = variants and not _is_alias(index, variants)
    similar = index.similar([variants[-1]])[0] if needs_search else []
    return _rank(
        index,
        variants,
        similar,
        description=description,
        sector=sector,
        context=_context_codes(context),
        limit=limit,
        **_title_context(index, title),
    )


def suggest_many(
    titles: Sequence[str],
    *,
    limit: int = 3,
    chunk: int = 512,
    contexts: Sequence[str] | None = None,
) -> list[list[Suggestion]]:
    """`suggest_occupations` for many titles at once (imports): one matrix product per chunk;
    `contexts`, when given, holds each title's department or category (or "")."""
    index = get_index()
    results: list[list[Suggestion]] = []
    for start in range(0, len(titles), chunk):
        prepared = [_prepare(index, t) for t in titles[start : start + chunk]]
        # A title that is a known alias as a whole needs no n-gram search (most real titles).
        needs = [i for i, v in enumerate(prepared) if v and not _is_alias(index, v)]
        near = dict(zip(needs, index.similar([prepared[i][-1] for i in needs]), strict=True))
        for i, variants in enumerate(prepared):
            found = _title_context(index, titles[start + i])
            department = _context_codes(contexts[start + i] if contexts else "")
            results.append(
                _rank(index, variants, near.get(i, []), limit=limit, context=department, **found)
            )
    return results


def _rank(
    index: OccupationIndex,
    variants: list[str],
    similar: list[tuple[int, float]],
    *,
    description: str = "",
    sector: str = "",
    context: tuple[dict[str, float], tuple[str, ...]] = ({}, ()),
    limit: int = 5,
    brackets: Sequence[Label] = (),
    alternatives: Sequence[Label] = (),
    tails: Sequence[Label] = (),
    words: Sequence[str] = (),
    junior_manager: bool = False,
) -> list[Suggestion]:
    candidates: dict[str, _Candidate] = {}
    vague_word, vague_readings = _vague_readings(variants)
    raised: set[str] = set()  # jobs a vague title's description names (second reading)
    named_in_description: dict[str, tuple[int, str]] = {}
    if variants and all(word in FILLER_WORDS for word in variants[0].split()):
        variants = []  # "Internship Program": nothing to code ("Staff" alone: only its readings)
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
    # A job name in brackets says which job the head means ("Sales Representative (SPG)",
    # "Project Support (Assistant Formulator)"); a head that is itself a job name still leads.
    # Not the product a seller sells or a manager manages ("Sales Manager (HVAC)").
    head_words = set(variants[0].split()) if variants else set()
    selling = bool(head_words & SALES_WORDS)
    is_manager = bool(variants) and _is_manager_title(variants[0].split())
    for label in brackets:
        code = label.codes[0]
        if (selling and not code.startswith(SELLING_CODES)) or (
            is_manager and not code.startswith("1")
        ):
            continue
        _offer_label(candidates, label, BRACKET_SCORE, False)
    # "Sales / Business Development": each alternative is a job name, the first the likeliest.
    for position, label in enumerate(alternatives[:3]):
        _offer_label(candidates, label, 0.97 - 0.02 * position, True)
    # A job name after " - " whose head names no job: the job, ahead of the head's field words.
    for label in tails[:1]:
        _offer_label(candidates, label, TAIL_SCORE, False)
    if not candidates and not description and not vague_readings:
        return []
    # 5. Description and sector: nudges, never more than the title's own evidence.
    if description:
        best = max((c.score for c in candidates.values()), default=0.0)
        found = named_in_description = _description_codes(index, description)
        top_code = max(candidates, key=lambda c: candidates[c].score) if candidates else ""
        title_core = core_words(variants[0].split()) if variants else []
        vague = (top_code in VAGUE_CODES or not variants) and len(title_core) <= 2
        # A title of a vague head word ("Staff Admin", "Operator") or of none ("Staff") says
        # least: its description may name a job none of its words does. A title whose first
        # reading is only a broad group ("Marketing", "Account Representative") keeps to jobs
        # its own words read.
        open_title = bool(vague_readings) or not variants
        all_title_words = set(words) | head_words
        top_score = candidates[top_code].score if top_code else 0.0
        if not open_title and top_code:
            # "Implementation Sales": an alias of the whole title already lists its usual readings.
            whole = candidates[top_code].kind != "alias_part" and top_score >= VAGUE_WHOLE_MIN
            vague = vague and not whole
        if vague:
            # A vague title ("Staff Admin", "Staff Operasional", "Staff" alone) whose description
            # names the job ("stok barang di gudang"): that job comes second, after the title's
            # own reading. A phrase holding a title word ("admin gudang" for "Staff Admin") first.
            title_words = head_words
            best = max(best, VAGUE_FIRST_SCORE)

            def _weight(item: tuple[str, tuple[int, str]]) -> tuple[bool, int, str]:
                code, (count, phrase) = item
                return (not title_words & set(phrase.split()), -count, code)

            named = sorted(found.items(), key=_weight)
            for rank, (code, (count, phrase)) in enumerate(named[:2]):
                score = best - 0.05 - 0.01 * rank
                if not open_title:
                    score = min(score, top_score - 0.01)  # second, after the title's own
                strong = count >= DESCRIPTION_MIN_MENTIONS or title_words & set(phrase.split())
                if not open_title:  # a job the title's words read too
                    strong = strong and (
                        code in candidates or all_title_words & set(phrase.split())
                    )
                if strong and code != top_code:
                    candidate = candidates.setdefault(code, _Candidate())
                    candidate.offer(score, "description", phrase)
                    candidate.channels.add("description")
                    raised.add(code)
        for code, (count, phrase) in found.items():
            if code in raised:
                continue
            bonus = 0.03 * min(count, 3)
            if code in candidates:
                gap = top_score - candidates[code].score
                clear = (
                    top_score >= DESCRIPTION_CLEAR
                    or gap > DESCRIPTION_TIE
                    or count < DESCRIPTION_MIN_MENTIONS  # one mention decides no tie
                )
                # The description names the first reading too ("admin gudang" once, "admin
                # proyek" four times), or names the other only in words the title does not
                # hold ("pemasaran" for "Sales Properti"): no reason to prefer the other.
                clear = clear or top_code in found or not all_title_words & set(phrase.split())
                if not vague and code == top_code:
                    # A clear title's first reading needs no lift; one would only push the
                    # others below what the ranking reads as weak (a third reading given away).
                    continue
                if (not vague or not open_title) and code != top_code and clear:
                    # A clear title's first reading stands: the description only orders the
                    # title's other readings ("Admin Gudang Proyek" whose ad names the office).
                    candidates[code].score += max(0.0, min(bonus, gap - 0.01))
                    continue
                candidates[code].score += bonus
                candidates[code].channels.add("description")
            else:
                score = 0.4 + bonus if best < 0.6 else min(0.4 + bonus, best - 0.1)
                candidates[code] = _Candidate(score, "description", phrase)
    priors = SECTOR_PRIORS.get(kbli_section(sector), ())
    context_codes, context_fields = context
    if is_manager and not _is_alias(index, variants):
        # "Kepala Gudang", "Head of Finance": the manager of the field the other words name.
        for code, candidate in list(candidates.items()):
            manager = _field_manager(code)
            if manager and manager not in GENERIC_MANAGERS:
                offered = candidates.setdefault(manager, _Candidate())
                offered.offer(candidate.score * 0.92 + 0.06, candidate.kind, candidate.label)
        # The field itself is the next most likely reading ("Data Analyst Assistant Manager" may
        # be an analyst), ahead of the "manager" word's generic groups.
        field_best = max(
            (c.score for code, c in candidates.items() if not code.startswith("1")), default=0.0
        )
        for code in GENERIC_MANAGERS & candidates.keys():
            generic = candidates[code]
            if field_best > 0.55 and canonical(fold(generic.label)) in GENERIC_MANAGER_LABELS:
                generic.score = min(generic.score, field_best - 0.01)
    if _is_supervisor_title(variants) and not _is_alias(index, variants):
        # "Supervisor Sewing", "Warehouse Lead": the supervisor of the field the other words name.
        best = max((c.score for c in candidates.values()), default=0.0)
        # The bare role word's own reading ("supervisor" = office supervisor) comes after it.
        generic = max(
            (c.score for c in candidates.values() if canonical(fold(c.label)) in SUPERVISOR_WORDS),
            default=0.0,
        )
        for code, candidate in list(candidates.items()):
            supervisor = _field_code(FIELD_SUPERVISORS, code)
            if supervisor and supervisor != code and candidate.score >= best - 0.15:
                offered = candidates.setdefault(supervisor, _Candidate())
                score = max(candidate.score + 0.03, generic + 0.01)
                offered.offer(score, candidate.kind, candidate.label)
    _technical_sales(candidates, variants, context[1])
    if context[1]:
        _job_of_department(candidates, context[1], is_manager)
    _by_level_or_branch(candidates, words)
    for code, candidate in candidates.items():
        if len(candidate.channels) > 1:
            candidate.score += 0.02
        if is_manager and code.startswith("1") and code not in GENERIC_MANAGERS:
            candidate.score += 0.1
        if priors and code.startswith(priors):
            candidate.score += 0.03
        if code in context_codes:
            candidate.score += CONTEXT_CODE_BONUS * context_codes[code]
        elif context_fields and code.startswith(context_fields):
            candidate.score += CONTEXT_FIELD_BONUS
    # After the bonuses: a role word's reading must lead whatever the field's bonuses were.
    _by_role_and_field(candidates, words, is_manager)
    military = not MILITARY_WORDS.isdisjoint(words)
    government = not GOVERNMENT_WORDS.isdisjoint(words)
    ranked = sorted(
        (
            (code, c)
            for code, c in candidates.items()
            if c.score >= MIN_SCORE
            and (military or not code.startswith("0"))
            and (government or not code.startswith("111"))
        ),
        key=lambda item: (-item[1].score, item[0]),
    )
    if vague_readings:
        preferred = _by_context(vague_readings, context)
        # The department names one of the usual jobs, and not the title's own first reading.
        decided = (
            bool(ranked)
            and context[0].get(preferred[0], 0.0) == 1.0
            and ranked[0][0] not in context[0]
        )
        if not decided and ranked and named_in_description:
            # The description names one of the usual jobs more often than the first reading
            # (at least twice), in words other than the title's ("Staff Operasional" whose
            # duties are packing): it decides among them.
            echo = frozenset(words) | head_words
            named = _description_codes(index, description, echo)
            counts = {c: named.get(c, (0, ""))[0] for c in vague_readings}
            most = max(vague_readings, key=lambda c: counts[c])
            first_count = named.get(ranked[0][0], (0, ""))[0]
            # A head or manager of the field stays one ("Kepala Operasional" whose ad says
            # "operasional" often is no operations clerk).
            kind_kept = not is_manager or most.startswith("1")
            if (
                kind_kept
                and counts[most] >= DESCRIPTION_MIN_MENTIONS
                and counts[most] > first_count
            ):
                preferred = (most, *(c for c in preferred if c != most))
                decided = most != ranked[0][0]
        ranked = _with_vague_readings(ranked, vague_word, preferred, raised, decided)
    elif is_manager:
        ranked = _with_both_manager_readings(ranked)
    if junior_manager and not PROFESSIONAL_NOUNS.isdisjoint(words):
        ranked = _with_professional_first(ranked)
    ranked = _without_unlikely_reading(ranked)
    title_words = {w for variant in variants for w in variant.split()}
    names_head = bool(title_words & (MANAGER_WORDS | MANAGER_WORDS_FIRST))
    ranked = _with_confusable_reading(ranked, names_head)
    limit = max(1, min(limit, 20))
    if ranked and len(ranked) < min(limit, NEIGHBOURS_UP_TO):
        # A short list ("kasir": 5230, 4211) is completed with the first group's neighbours.
        first_code, first = ranked[0]
        for code in index.neighbours.get(first_code, ()):
            if len(ranked) >= min(limit, NEIGHBOURS_UP_TO):
                break
            if all(code != known for known, _ in ranked):
                score = round(first.score * 0.5, 3)
                ranked.append((code, _Candidate(score, "neighbour", first_code)))
    results = []
    for position, (code, candidate) in enumerate(ranked[:limit]):
        job_code = candidate.job_code if candidate.job_code.startswith(code) else ""
        if not job_code and position == 0 and variants:
            job_code = _job_for(index, code, similar, variants[0].split())
        # A neighbour's label is the first group's code: its reason names that group.
        neighbour = candidate.kind == "neighbour"
        label = index.titles_id.get(candidate.label, "") if neighbour else candidate.label
        results.append(
            Suggestion(
                code=code,
                title_id=index.titles_id.get(code, ""),
                title_en=index.titles_en.get(code, ""),
                score=round(min(candidate.score, 1.0), 3),
                reason_kind=candidate.kind,
                reason_label=index.titles_id.get(candidate.label, "")
                if neighbour
                else candidate.label,
                reason_label_en=index.titles_en.get(candidate.label, "") if neighbour else "",
                reason_rank=candidate.rank,
                job_code=job_code,
                job_title=index.job_titles.get(job_code, ""),
            )
        )
    return results


@functools.lru_cache(maxsize=2048)
def _context_codes(context: str) -> tuple[dict[str, float], tuple[str, ...]]:
    """The codes a department, category or function names ("Staff Accounting": 3313, with the
    weight of its rank) and the code prefixes of the fields its words name (`DEPARTMENT_FIELDS`).
    Cached: an import's rows share a handful of departments."""
    text = clean_input(context or "", max_length=CONTEXT_MAX_LENGTH)
    if not text:
        return {}, ()
    index = get_index()
    codes: dict[str, float] = {}
    fields: list[str] = []
    for part in CONTEXT_PARTS.split(text):
        words = canonical(fold(part)).split()[:MAX_WORDS]
        if not words:
            continue
        for word in words:
            fields += [p for p in DEPARTMENT_FIELDS.get(word, ()) if p not in fields]
        core = core_words(words)
        ids = index.exact.get(" ".join(words)) or index.exact.get(" ".join(core))
        if all(word in DEPARTMENT_FIELDS for word in core) and (len(core) < 2 or not ids):
            continue  # a department ("Administrasi", "Sales"): its fields only, no job
        if not ids:  # a job name inside the part ("Tutor / Instruktur" -> "instruktur")
            ids = [
                index.exact[phrase][0]
                for size in (3, 2, 1)
                for start in range(len(words) - size + 1)
                if (phrase := " ".join(words[start : start + size])) in index.phrases
                and index.labels[index.exact[phrase][0]].source == ALIAS
                and (size > 1 or len(phrase) >= 5)
            ][:1]
        for i in ids[:1]:
            for rank, code in enumerate(index.labels[i].codes[:2]):
                codes[code] = max(codes.get(code, 0.0), RANK_WEIGHT[rank])
    return codes, tuple(fields)


def _job_of_department(
    candidates: dict[str, _Candidate], fields: tuple[str, ...], is_manager: bool
) -> None:
    """A title whose best reading is a generic manager (1219, 1120; "Area Manager", "Kepala
    Bagian", "Business Partner") in a department that names its jobs: a manager title is that
    department's manager (sales: 1221), just ahead of the generic ones; another title gets the
    department's first job (HR: 2423) just after its own reading."""
    if not candidates:
        return
    best_code = max(candidates, key=lambda code: (candidates[code].score, code))
    if best_code not in GENERIC_MANAGERS | ({"1420"} if is_manager else set()):
        return
    best = candidates[best_code]
    if is_manager:
        code = next((p for p in fields if len(p) == 4 and p.startswith("1")), "")
        score = best.score + 0.01
    else:
        # The department's first job when it names one group ("HR": 2423), not a later one
        # when its first is a whole field ("Marketing": 243x, then 2641 only fourth).
        code = next((p for p in fields if not p.startswith("1")), "")
        code = code if len(code) == 4 else ""
        score = best.score - 0.01
    if code and code != best_code:
        candidates.setdefault(code, _Candidate()).offer(score, "context", best.label)


def _by_context(
    readings: tuple[str, ...], context: tuple[dict[str, float], tuple[str, ...]]
) -> tuple[str, ...]:
    """A vague title's usual readings, those the ad's department supports first ("Staff Admin"
    in a warehouse: stock clerk first)."""
    codes, fields = context
    if not codes and not fields:
        return readings
    return tuple(
        sorted(readings, key=lambda code: -codes.get(code, 0.5 if code.startswith(fields) else 0))
    )


def _vague_readings(variants: Sequence[str]) -> tuple[str, tuple[str, ...]]:
    """The head word and usual groups of a vague title ("Staff Admin", "Helper Operasional",
    "Crew"), or `("", ())` when a word of the title names a field ("Admin Gudang")."""
    if not variants:
        return "", ()
    core = core_words(variants[0].split())
    key = " ".join(core)
    if key in VAGUE_HEADS:
        return key, VAGUE_HEADS[key]
    # A supervisor word with another word is the supervisor of those workers ("Lead Operator"):
    # only alone is it vague.
    # "Manager" is vague alone only ("Administrative Manager" manages the office).
    heads = [
        word
        for word in core
        if word in VAGUE_HEADS and word not in SUPERVISOR_WORDS and word != "manager"
    ]
    # "Administration Head", "Kepala Admin": the head word names the job, a manager's.
    heads.sort(key=lambda word: word not in MANAGER_WORDS and word not in MANAGER_WORDS_FIRST)
    if not heads or any(w not in heads and w not in VAGUE_MODIFIERS for w in core):
        return "", ()
    # Several vague words ("Admin Operasional"): their readings in turn, each list's first ones
    # before any list's later ones.
    readings: list[str] = []
    for rank in range(3):
        for word in heads:
            code = VAGUE_HEADS[word][rank]
            if code not in readings:
                readings.append(code)
    # "Kepala Admin", "Admin Head": the head of clerks is their office supervisor (ISCO-08 3341
    # supervises major group 4), as the alias "kepala admin" reads it, next to the manager.
    manager = heads[0] in MANAGER_WORDS or heads[0] in MANAGER_WORDS_FIRST
    if manager and any(VAGUE_HEADS[word][0].startswith("4") for word in heads[1:]):
        others = [code for code in readings[1:] if code != OFFICE_SUPERVISOR]
        readings = [readings[0], OFFICE_SUPERVISOR, *others]
    return heads[0], tuple(readings)


def _with_vague_readings(
    ranked: list[tuple[str, _Candidate]],
    word: str,
    readings: Sequence[str],
    raised: set[str],
    decided: bool = False,
) -> list[tuple[str, _Candidate]]:
    """A vague title's list: its first reading, the jobs its description names, then the head
    word's other usual jobs (distinct readings, not near-duplicates of the first), then the rest.
    The first reading stays the coder's when it matched the whole title, unless the ad's
    department `decided` for another of the usual readings (the first of `readings`)."""
    by_code = dict(ranked)
    whole = bool(ranked) and ranked[0][1].kind != "alias_part"
    if whole and ranked[0][1].score >= VAGUE_WHOLE_MIN and not decided:
        first_code, first = ranked[0]
    else:
        first_code = readings[0]
        first = by_code.get(first_code) or _Candidate(0.0, "vague", word)
        first.score = max(first.score, VAGUE_FIRST_SCORE, ranked[0][1].score if ranked else 0.0)
    order = [(first_code, first)]
    order += [(code, c) for code, c in ranked if code in raised and code != first_code]
    for code in readings:
        if all(code != known for known, _ in order):
            candidate = by_code.get(code) or _Candidate(0.0, "vague", word)
            order.append((code, candidate))
    order += [(code, c) for code, c in ranked if all(code != known for known, _ in order)]
    for (_, previous), (_, candidate) in itertools.pairwise(order):
        # Scores follow the order: each reading a little below the one before it.
        candidate.score = min(max(candidate.score, previous.score - 0.03), previous.score - 0.01)
    return order


def _with_both_manager_readings(
    ranked: list[tuple[str, _Candidate]],
) -> list[tuple[str, _Candidate]]:
    """A manager title is read two ways by convention: the manager of the field (1xxx) and the
    field's own professional or associate (2xxx/3xxx, "Brand Manager" = 2431). When the first
    three hold only one kind, the best of the other kind the title's words give takes the third
    place."""
    top, rest = ranked[:3], ranked[3:]
    if len(top) < 3:
        return ranked
    managers = sum(code.startswith("1") for code, _ in top)
    if managers not in (0, 3):
        return ranked
    other = next(
        (
            i
            for i, (code, c) in enumerate(rest)
            if code.startswith("1") == (managers == 0)
            and c.kind not in ("description", "neighbour")
            and c.score >= MANAGER_OTHER_MIN
        ),
        None,
    )
    if other is None:
        return ranked
    moved = rest.pop(other)
    moved[1].score, top[2][1].score = top[2][1].score, top[2][1].score - 0.001
    return [*top[:2], moved, top[2], *rest]


def _with_confusable_reading(
    ranked: list[tuple[str, _Candidate]], is_manager: bool = True
) -> list[tuple[str, _Candidate]]:
    """When the first reading is one of a conventional confusion (`CONFUSABLE`: web developer
    2512 / 2513, business analyst 2511 / 2421, senior accountant 2411 / 3313) and none of its
    partners is in the first three, the partner the title's words support nearly as well as the
    third reading takes the third place; with no such partner, the first listed takes it from a
    weak third reading only, and a clerk or worker not from a reading the alias table writes for
    the whole title ("Group Head of Distribution": no stock clerk). The confusions of managers
    (hotel or restaurant manager) are those of a title naming a head only: "Admin Restaurant"
    keeps its own third reading."""
    if not ranked or (ranked[0][0].startswith("1") and not is_manager):
        return ranked
    partners = CONFUSABLE.get(ranked[0][0], ())
    top = [code for code, _ in ranked[:3]]
    if not partners or any(code in top for code in partners):
        return ranked
    by_code = dict(ranked)
    third = ranked[2][1].score if len(ranked) > 2 else 0.0
    # A partner the title's words support nearly as well as the third reading.
    supported = [
        code
        for code in partners
        if code in by_code and by_code[code].score >= SUPPORTED_PARTNER_SHARE * third
    ]
    if supported:
        partner = max(supported, key=lambda code: by_code[code].score)
        moved = by_code[partner]
    elif len(ranked) < 3 or (
        ranked[2][1].score < UNSUPPORTED_PARTNER_BELOW * ranked[0][1].score
        and not (ranked[2][1].kind == "alias" and partners[0][0] in "456789")
    ):
        # No word of the title names a partner: it takes the place of a weak third reading only.
        partner = partners[0]
        moved = _Candidate(0.0, "neighbour", ranked[0][0])
    else:
        return ranked
    rest = [(code, c) for code, c in ranked[1:] if code != partner]
    # Its score between the second's and the next one's, so the list stays in order.
    ceiling = rest[0][1].score if rest else ranked[0][1].score - 0.01
    floor = rest[1][1].score + 0.001 if len(rest) > 1 else ceiling * 0.5
    moved.score = min(ceiling, max(moved.score, floor))
    return [ranked[0], *rest[:1], (partner, moved), *rest[1:]]


def _without_unlikely_reading(
    ranked: list[tuple[str, _Candidate]],
) -> list[tuple[str, _Candidate]]:
    """A second or third reading the first rules out (`UNLIKELY_BESIDE`: an early-childhood
    teacher beside a subject teacher) gives its place to the first of its likelier alternatives
    not already in the first three."""
    swaps = UNLIKELY_BESIDE.get(ranked[0][0]) if ranked else None
    if not swaps:
        return ranked
    top = [code for code, _ in ranked[:3]]
    result = list(ranked)
    for position in (1, 2):
        if position >= len(result):
            break
        code, candidate = result[position]
        other = next((alt for alt in swaps.get(code, ()) if alt not in top), None)
        if other is None:
            continue
        found = next((c for known, c in ranked if known == other), None)
        moved = found or _Candidate(0.0, "neighbour", ranked[0][0])
        moved.score = max(moved.score, candidate.score)
        result = [(k, c) for k, c in result if k != other]
        result[position] = (other, moved)
        result.insert(3, (code, candidate))  # still offered, after the first three
        top = [k for k, _ in result[:3]]
    return result


def _with_professional_first(
    ranked: list[tuple[str, _Candidate]],
) -> list[tuple[str, _Candidate]]:
    """An assistant, junior or deputy manager whose title names a professional's job ("Data
    Analyst Assistant Manager" = 2511, "Asst. Manager Tax Accountant" = 2411) is first that
    professional (a grade, not a post managing a department), then the manager. A department's
    name ("Asisten Manajer Keuangan", "Assistant Manager Sales") leaves the manager first."""
    if not ranked or not ranked[0][0].startswith("1"):
        return ranked
    first = ranked[0][1]
    found = next(
        (
            i
            for i, (code, c) in enumerate(ranked[1:3], start=1)
            if code.startswith("2")
            and c.kind not in ("description", "neighbour", "context")
            and c.score >= max(MANAGER_OTHER_MIN, first.score - 0.35)
        ),
        None,
    )
    if found is None:
        return ranked
    code, moved = ranked[found]
    moved.score = max(moved.score, first.score + 0.001)
    return [(code, moved), *(item for i, item in enumerate(ranked) if i != found)]


def _is_manager_title(words: list[str]) -> bool:
    if not words:
        return False
    first, last = words[0], words[-1]
    if last == "manager" and len(words) > 1 and words[-2] in NOT_MANAGING:
        return False  # "SME Relationship Manager", "Key Account Manager": sellers, by convention
    return (
        first in MANAGER_WORDS
        or first in MANAGER_WORDS_FIRST
        or (len(words) > 1 and last in MANAGER_WORDS)
        or "head of" in " ".join(words)
    )


def _technical_sales(
    candidates: dict[str, _Candidate], variants: list[str], fields: tuple[str, ...] = ()
) -> None:
    """A seller of technical, medical or ICT goods is 2433 / 2434 (ISCO-08), ahead of the
    generic sales representative (3322) the selling words alone would give; the goods may be
    named by the title or by the ad's department (`fields`: "IT", "Kesehatan & Medis")."""
    words = set(variants[0].split()) if variants else set()
    best = candidates.get("3322")
    if not words & SALES_WORDS or best is None or words & MANAGER_WORDS:
        return
    code = "2434" if words & ICT_SALES_FIELDS else "2433" if words & TECHNICAL_SALES_FIELDS else ""
    if not code and fields:
        code = "2434" if "25" in fields else "2433" if "22" in fields else ""
    if code:
        top = max(c.score for c in candidates.values())
        candidates.setdefault(code, _Candidate()).offer(
            max(best.score, top) + 0.03, best.kind, best.label
        )


def _by_level_or_branch(candidates: dict[str, _Candidate], words: Sequence[str]) -> None:
    """A school teacher is coded by the level taught ("English Teacher (SD)" = 2341), an
    engineer by the branch ("Project Engineer (Electrical)" = 2151), ahead of the unspecified
    reading of the words alone."""
    if not candidates or not words:
        return
    present = set(words)
    code = ""
    if present & TEACHER_WORDS and not present & TUTOR_WORDS:
        joined = " ".join(words).replace("high school", "highschool")
        code = next((TEACHING_LEVELS[w] for w in joined.split() if w in TEACHING_LEVELS), "")
    elif present & ENGINEER_WORDS and not present & (OTHER_ENGINEER_WORDS | SALES_WORDS):
        branches = {ENGINEERING_BRANCHES[w] for w in present if w in ENGINEERING_BRANCHES}
        code = branches.pop() if len(branches) == 1 else ""
    if code:
        best = max(candidates.values(), key=lambda c: c.score)
        candidates.setdefault(code, _Candidate()).offer(best.score + 0.03, best.kind, best.label)


def _by_role_and_field(
    candidates: dict[str, _Candidate], words: Sequence[str], is_manager: bool
) -> None:
    """A role word with a field word: a lecturer of any subject is a university teacher (2310),
    the head of a study programme an education manager (1345); an instructor, trainer or mentor
    of an ICT field is an ICT trainer (2356: "Python Instructor"), an assistant of a teacher a
    teachers' aide (5312: "Asisten Guru TK"), an operator of data or a computer a data entry
    clerk (4132: "Data Operator"), ahead of the field's own reading (an engineer, a developer, a
    teacher, a machine operator)."""
    if not candidates or not words:
        return
    present = set(words)
    if is_manager and not present & ACADEMIC_HEAD_WORDS:
        return
    best = max(candidates.values(), key=lambda c: c.score)

    def field(prefixes: tuple[str, ...]) -> bool:
        return any(
            code.startswith(prefixes) and c.score >= best.score - 0.25
            for code, c in candidates.items()
        )

    code = ""
    if present & ACADEMIC_HEAD_WORDS and ACADEMIC_UNITS.search(" ".join(words)):
        # The head of a study programme or faculty: an education manager, then a lecturer.
        candidates.setdefault("2310", _Candidate()).offer(best.score + 0.02, best.kind, best.label)
        code = "1345"
    elif present & LECTURER_WORDS:
        code = "2310"
    elif present & INSTRUCTOR_WORDS and not present & TEACHER_WORDS and field(ICT_FIELD_PREFIXES):
        code = "2356"
    elif present & ASSISTANT_WORDS and present & TEACHING_WORDS:
        code = "5312"
    elif present & OPERATOR_WORDS and present & DATA_ENTRY_WORDS:
        code = "4132"
    if code:
        candidates.setdefault(code, _Candidate()).offer(best.score + 0.03, best.kind, best.label)


def _is_supervisor_title(variants: list[str]) -> bool:
    words = variants[0].split() if variants else []
    return len(words) > 1 and (words[0] in SUPERVISOR_WORDS or words[-1] in SUPERVISOR_WORDS)


def _field_code(table: dict[str, str], code: str) -> str:
    """The code `table` gives the longest prefix of `code`, or `""`."""
    for size in (4, 3, 2):
        found = table.get(code[:size])
        if found:
            return found
    return ""


def _field_manager(code: str) -> str:
    return _field_code(FIELD_MANAGERS, code)


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
