"""The public vacancy search: full-text words plus region, occupation, education and wage filters.

How a query is read (`plan_query`, pure Python, the "Real words" data):
- filler words ("lowongan", "loker", "kerja", "dicari") are dropped;
- place names and regency aliases ("Jakarta Selatan", "Cikarang") become a location filter through
  the place resolver (`placement.taxonomy.text.places`), unless the visitor chose a region;
- each remaining word may also be written as its synonyms: the one-word occupation aliases of the
  same KBJI unit group (sopir/supir/driver, satpam/security, SPG/pramuniaga, kasir/cashier), and a
  query that is an occupation alias also finds vacancies coded with that occupation.

PostgreSQL: whole words (no stemming, the 'simple' configuration, so "perawat" never matches
"perawatan") against a weighted vector (title A, description C) stored per vacancy (a trigger
keeps `search_vector`; GIN index `vacancy_search_vector_gin`), ordered by `ts_rank_cd` plus a
bonus for the occupation code, then by recency. Only when no vacancy has the whole words are they
tried as prefixes ("forkl" finds "forklift"). When that finds nothing either, the words are taken
as typos, each on its own: a word that is a job word (the words of the occupation aliases) or that
some ad holds is kept, any other becomes the job word it most likely meant: one slip of the finger
away ("kasr" -> "kasir", the one more ads use when several are), else the most similar by pg_trgm
("perawt" -> "perawat", "sopier" -> "sopir", which then brings "driver"); so "kasr minimarket"
finds cashier jobs at minimarkets. If that still finds nothing, titles are matched by trigram word
similarity (the `vacancy_title_trgm` index). SQLite (development): each word must appear as a
whole word in the title or the description, title matches first; typos are corrected the same
way, with difflib in place of pg_trgm.

Size: the query plan, the PostgreSQL and SQLite searches and the typo correction are one feature
read and tested together; the open-vacancy figures of the public pages sit beside it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from django import forms
from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity
from django.core.cache import cache
from django.db import connection
from django.db.models import Case, Count, F, FloatField, Q, QuerySet, Sum, Value, When
from django.db.models.functions import Coalesce, Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from employers.models import SEARCH_CONFIG, Vacancy, positions_left
from employers.rules import MAX_WAGE
from placement.migrants.rules import adults_only_q
from placement.taxonomy.models import EducationLevel, Occupation, Province, Regency
from placement.taxonomy.text import places
from placement.taxonomy.text.normalize import PLACE_WORD_EXCEPTIONS, fold
from placement.taxonomy.text.occupation_index import read_data_file as read_taxonomy_file
from placement.taxonomy.text.occupation_words import SPELLING, canonical

MAX_WORDS = 8
MAX_SYNONYMS = 8
STATS_CACHE_SECONDS = 60
# How much a vacancy coded with the searched occupation adds to its text rank (a title hit is ~1).
OCCUPATION_BONUS = 0.5
# A misspelt word becomes the nearest job word at least this similar (pg_trgm `similarity`:
# "sopier"/"sopir" 0.44, "perawt"/"perawat" 0.5); titles match a typo from this word similarity.
TYPO_SIMILARITY = 0.4
TITLE_WORD_SIMILARITY = 0.5
TYPO_RATIO = 0.8  # difflib's ratio for the same on SQLite ("sopier"/"sopir" 0.91)
# What the full-text search reads: the stored SEARCH_VECTOR (benchmarks/bench_search.py puts the
# expression back here to time the old per-row rebuild against it).
DOCUMENT = F("search_vector")
# Job words looked at as what a typo meant (one slip away wins whatever its similarity: short
# words share few trigrams, "kasr"/"kasir" 0.375).
TYPO_CANDIDATE_SIMILARITY = 0.25
TYPO_CANDIDATES = 8
_WORD = re.compile(r"[^\W_]+")
_PLAIN_WORD = re.compile(r"[a-z0-9]+")

#: Words of a job search that say nothing about the job ("lowongan kerja kasir" = "kasir").
FILLER_WORDS = frozenset(
    """lowongan loker lowker lokers kerja bekerja pekerjaan kerjaan dicari cari mencari dibutuhkan
    butuh membutuhkan info informasi job jobs vacancy vacancies hiring rekrutmen rekrut
    penerimaan di ke untuk yang dan daerah wilayah area kota kabupaten kab""".split()  # noqa: SIM905
)


def search_words(q: str) -> list[str]:
    """The words of a query: letters and digits only, lower-cased, at most eight."""
    return [w.lower() for w in _WORD.findall(q or "")][:MAX_WORDS]


@lru_cache(maxsize=1)
def _aliases() -> dict[str, tuple[str, ...]]:
    """Occupation alias (folded) -> its ranked KBJI unit groups, from `occupation_aliases.csv`."""
    table: dict[str, tuple[str, ...]] = {}
    for row in read_taxonomy_file("occupation_aliases.csv"):
        text = canonical(fold(row["alias"]))
        codes = tuple(row["kbji_codes"].split())
        if text and codes:
            table.setdefault(text, codes)
    return table


@lru_cache(maxsize=1)
def _one_word_aliases_by_group() -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for text, codes in _aliases().items():
        if _PLAIN_WORD.fullmatch(text):
            groups.setdefault(codes[0], []).append(text)
    return groups


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[str, ...]:
    """Job words a typo is corrected to: every word of the occupation aliases (3+ letters)."""
    words = {w for text in _aliases() for w in text.split()}
    return tuple(sorted(w for w in words if len(w) >= 3 and _PLAIN_WORD.fullmatch(w)))


def one_slip(a: str, b: str) -> bool:
    """Whether `b` is `a` with one slip of the finger: a letter missing, extra, wrong or two
    neighbours swapped (Damerau-Levenshtein distance 1: "kasr" -> "kasir", "sopier" -> "sopir")."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long = (a, b) if len(a) < len(b) else (b, a)
    at = next((i for i in range(len(short)) if short[i] != long[i]), len(short))
    return short[at:] == long[at + 1 :]


def _typo_candidates(word: str) -> list[tuple[str, float]]:
    """Job words that may be what a misspelt word meant, most similar first (pg_trgm on
    PostgreSQL, difflib's ratio on SQLite)."""
    vocabulary = _vocabulary()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT v, similarity(%s, v) AS s FROM unnest(%s::text[]) AS v "
                "WHERE similarity(%s, v) >= %s ORDER BY s DESC, length(v), v LIMIT %s",
                [word, list(vocabulary), word, TYPO_CANDIDATE_SIMILARITY, TYPO_CANDIDATES],
            )
            return [(v, float(similarity)) for v, similarity in cursor.fetchall()]
    found = difflib.get_close_matches(word, vocabulary, n=TYPO_CANDIDATES, cutoff=0.6)
    return [(v, difflib.SequenceMatcher(None, word, v).ratio()) for v in found]


def _nearest_word(word: str, frequency: Callable[[str], int] | None = None) -> str | None:
    """The job word a misspelt word most likely meant, or None when none is close enough.

    A job word one slip away ("kasr" -> "kasir") is taken even when short words share few
    trigrams; among several the one more ads use ("gdang": "gudang", not "udang"). Otherwise the
    most similar job word at TYPO_SIMILARITY (pg_trgm) or TYPO_RATIO (difflib) or more.
    """
    candidates = _typo_candidates(word)
    slips = [v for v, _similarity in candidates if one_slip(word, v)]
    if len(slips) > 1 and frequency is not None:
        slips.sort(key=lambda v: -frequency(v))  # stable: equally used ones stay by similarity
    if slips:
        return slips[0]
    floor = TYPO_SIMILARITY if connection.vendor == "postgresql" else TYPO_RATIO
    return candidates[0][0] if candidates and candidates[0][1] >= floor else None


def correct_typos(
    plan: SearchPlan,
    *,
    found_alone: Callable[[Term], bool] = lambda term: False,
    frequency: Callable[[str], int] | None = None,
) -> SearchPlan | None:
    """The plan with each unknown word replaced by the job word it most likely meant (with its
    synonyms and occupation), or None when no word changes.

    Each word is judged on its own: a job word, a number or a word some ad holds
    (`found_alone`) is kept ("minimarket" in "kasr minimarket"), every other word is corrected
    (`_nearest_word`), so one typo among several words does not lose the whole query."""
    known = set(_vocabulary())
    words = []
    for term in plan.terms:
        word = term.words[0]
        if word in known or word.isdigit() or found_alone(term):
            words.append(word)
        else:
            words.append(_nearest_word(word, frequency) or word)
    if words == [term.words[0] for term in plan.terms]:
        return None
    whole = " ".join(words)
    codes = [_aliases()[whole][0]] if whole in _aliases() else []
    return replace(plan, terms=[synonyms(w) for w in words], occupation_codes=codes)


class Term(NamedTuple):
    """One word of the query: its spellings (found anywhere) and its synonyms (in titles only)."""

    words: tuple[str, ...]
    synonyms: tuple[str, ...] = ()


def synonyms(word: str) -> Term:
    """`word` with its spellings, and the one-word aliases of its occupation that read back.

    Two aliases are synonyms when the other's first KBJI unit group is among this one's first two
    and the other lists this one's first ("spg" 5242 5223 / "pramuniaga" 5223 5222 5242), so a
    broad word like "admin" does not pull in every clerical title. Synonyms count in the title
    only: "keamanan" in a description is not a security guard job.
    """

    def spellings(text: str) -> list[str]:
        # The coder folds spellings together ("supir" is read as "sopir"); ads use them all.
        return [text, *(variant for variant, same in SPELLING.items() if same == text)]

    codes = _aliases().get(word)
    found: list[str] = []
    if codes:
        for code in codes[:2]:
            for other in _one_word_aliases_by_group().get(code, []):
                if other != word and other not in found and codes[0] in _aliases()[other]:
                    found.append(other)
    own = spellings(word)
    extra = [v for other in found[:MAX_SYNONYMS] for v in spellings(other) if v not in own]
    return Term(tuple(own), tuple(dict.fromkeys(extra)))


@dataclass
class SearchPlan:
    """What a query asks for: word alternatives (all must match), places, occupations."""

    terms: list[Term] = field(default_factory=list)
    regencies: list[str] = field(default_factory=list)
    provinces: list[str] = field(default_factory=list)
    occupation_codes: list[str] = field(default_factory=list)
    place_words: list[str] = field(default_factory=list)


def _is_occupation_words(words: list[str], first: int, last: int) -> bool:
    """Whether the place named by words[first:last] is part of an occupation ("tukang batu")."""
    table = _aliases()
    for start in range(max(0, first - 2), first + 1):
        for end in range(last, min(len(words), last + 2) + 1):
            if (start, end) != (first, last) and " ".join(words[start:end]) in table:
                return True
    return False


def plan_query(q: str, *, with_places: bool = True) -> SearchPlan:
    """Read a search box: filler dropped, places to filters, words with their synonyms."""
    plan = SearchPlan()
    words = [w for w in (canonical(fold(w)) for w in search_words(q)) if w]
    words = [w for w in " ".join(words).split() if w]
    if with_places and words:
        for found in places.resolve(" ".join(words)):
            matched = found.matched.split()
            n = len(matched)
            at = next((i for i in range(len(words) - n + 1) if words[i : i + n] == matched), -1)
            if at < 0 or (n == 1 and matched[0] in PLACE_WORD_EXCEPTIONS and len(words) > 1):
                continue
            if _is_occupation_words(words, at, at + n):
                continue
            p = found.place
            if p.level == "province":
                plan.provinces.append(p.code)
            elif p.regency_code:
                plan.regencies.append(p.regency_code)
            else:
                continue  # remote, the whole country: not a filter
            plan.place_words.extend(matched)
            del words[at : at + n]
    words = [w for w in words if w not in FILLER_WORDS]
    plan.terms = [synonyms(w) for w in words]
    whole = " ".join(words)
    if whole in _aliases():
        plan.occupation_codes = [_aliases()[whole][0]]
    return plan


def _tsquery(terms: list[Term], *, prefix: bool) -> SearchQuery:
    # The words only hold letters and digits (`search_words`), so the raw syntax is safe; ":A"
    # restricts a synonym to the title (weight A of the stored vector).
    star = "*" if prefix else ""
    parts = []
    for term in terms:
        alternatives = [f"{w}:{star}" if star else w for w in term.words]
        alternatives += [f"{w}:A{star}" for w in term.synonyms]
        parts.append("(" + " | ".join(alternatives) + ")")
    return SearchQuery(" & ".join(parts), search_type="raw", config=SEARCH_CONFIG)


def _pattern(words: tuple[str, ...]) -> str:
    return r"\b(" + "|".join(re.escape(w) for w in words) + r")\b"


def _whole_word(term: Term) -> Q:
    found = Q(title__iregex=_pattern(term.words)) | Q(description__iregex=_pattern(term.words))
    return found | Q(title__iregex=_pattern(term.synonyms)) if term.synonyms else found


def _occupation_filter(plan: SearchPlan) -> Q:
    """Vacancies coded with the occupation the query names (an empty Q when it names none)."""
    if not plan.occupation_codes:
        return Q()
    ids = list(
        Occupation.objects.filter(
            Q(code__in=plan.occupation_codes) | Q(code__startswith=f"{plan.occupation_codes[0]}.")
        ).values_list("pk", flat=True)
    )
    return Q(occupation_id__in=ids) if ids else Q()


def _bonus(occupations: Q):
    if not occupations:
        return Value(0.0)
    return Case(When(occupations, then=Value(OCCUPATION_BONUS)), default=Value(0.0))


def _by_words(vacancies: QuerySet[Vacancy], plan: SearchPlan) -> QuerySet[Vacancy]:
    """Filter and order by the words of the plan (PostgreSQL full text, SQLite whole words)."""
    if connection.vendor == "postgresql":
        return _full_text(vacancies, plan)
    found = _whole_words(vacancies, plan)
    if not found.exists():
        corrected = correct_typos(
            plan,
            found_alone=lambda term: _whole_words(vacancies, SearchPlan(terms=[term])).exists(),
            frequency=lambda word: _whole_words(
                vacancies, SearchPlan(terms=[Term((word,))])
            ).count(),
        )
        if corrected is not None:
            return _whole_words(vacancies, corrected)
    return found


def _whole_words(vacancies: QuerySet[Vacancy], plan: SearchPlan) -> QuerySet[Vacancy]:
    """SQLite: every word whole in the title or the description; title matches first."""
    occupations = _occupation_filter(plan)
    words = Q()
    title = Q()
    for term in plan.terms:
        words &= _whole_word(term)
        title &= Q(title__iregex=_pattern(term.words + term.synonyms))
    in_title = Case(When(title, then=Value(1.0)), default=Value(0.0), output_field=FloatField())
    return (
        vacancies.filter(words | occupations)
        .annotate(rank=in_title + _bonus(occupations))
        .order_by("-rank", "-published_at", "-id")
    )


def _full_text(vacancies: QuerySet[Vacancy], plan: SearchPlan) -> QuerySet[Vacancy]:
    """PostgreSQL: whole words, else prefixes, else typos corrected, else title trigrams."""
    documents = vacancies.alias(document=DOCUMENT)
    attempts = [(plan, False), (plan, True)]
    corrected = None
    for candidate, prefix in attempts:
        occupations = _occupation_filter(candidate)
        query = _tsquery(candidate.terms, prefix=prefix)
        matched = Q(document=query) | occupations
        if documents.filter(matched).exists():
            break
        if prefix and corrected is None:
            corrected = correct_typos(
                plan,
                found_alone=lambda term: documents.filter(
                    document=_tsquery([term], prefix=True)
                ).exists(),
                frequency=lambda word: documents.filter(
                    document=_tsquery([Term((word,))], prefix=False)
                ).count(),
            )
            if corrected is not None:
                attempts.append((corrected, False))
    else:
        return _title_trigrams(vacancies, plan)
    rank = SearchRank(F("document"), query, cover_density=True) + _bonus(occupations)
    return documents.filter(matched).annotate(rank=rank).order_by("-rank", "-published_at", "-id")


def _title_trigrams(vacancies: QuerySet[Vacancy], plan: SearchPlan) -> QuerySet[Vacancy]:
    """Titles holding a word like each of the query's (pg_trgm `<%`, the trigram GIN index)."""
    with connection.cursor() as cursor:  # the `<%` operator reads its threshold from here
        cursor.execute(
            "SELECT set_config('pg_trgm.word_similarity_threshold', %s, false)",
            [str(TITLE_WORD_SIMILARITY)],
        )
    found = vacancies.alias(lower_title=Lower("title"))
    rank = Value(0.0, output_field=FloatField())
    for term in plan.terms:
        found = found.filter(lower_title__trigram_word_similar=term.words[0])
        rank = rank + TrigramWordSimilarity(term.words[0], Lower("title"))
    return found.annotate(rank=rank).order_by("-rank", "-published_at", "-id")


def search_vacancies(
    *,
    q: str = "",
    province: str = "",
    regency: str = "",
    group: str = "",
    education: EducationLevel | None = None,
    wage: int | None = None,
    abroad: bool = True,
) -> QuerySet[Vacancy]:
    """Published vacancies matching the words and filters, most relevant first, then newest
    (`abroad=False` leaves out work closed to minors, abroad included: for a seeker under 18)."""
    vacancies = Vacancy.objects.published()
    if not abroad:
        vacancies = vacancies.exclude(adults_only_q())
    plan = plan_query(q, with_places=not (regency or province))
    if regency:
        vacancies = vacancies.filter(regency_id=regency)
    elif province:
        vacancies = vacancies.filter(regency__province_id=province)
    elif plan.regencies or plan.provinces:
        where = Q(regency_id__in=plan.regencies) | Q(regency__province_id__in=plan.provinces)
        employer_where = Q(employer__regency_id__in=plan.regencies) | Q(
            employer__regency__province_id__in=plan.provinces
        )
        vacancies = vacancies.filter(where | (Q(regency__isnull=True) & employer_where))
    if group:
        vacancies = vacancies.filter(occupation__code__startswith=group)
    if education is not None:
        # Vacancies open to someone with this education: the minimum is at or below it.
        vacancies = vacancies.filter(min_education__rank__lte=education.rank)
    if wage:
        vacancies = vacancies.annotate(top_wage=Coalesce("wage_max", "wage_min")).filter(
            top_wage__gte=wage
        )
    vacancies = vacancies.select_related("employer", "regency", "occupation", "min_education")
    if plan.terms:
        return _by_words(vacancies, plan)
    return vacancies.order_by("-published_at", "-id")


NATION = "00"


def open_vacancies_located(on: date | None = None):
    """The open vacancies with `where`: the regency they count in (the work location, else the
    company's regency). Every count of open vacancies by region groups this query."""
    return Vacancy.objects.open(on).annotate(where=Coalesce("regency_id", "employer__regency_id"))


def open_vacancies_by_region(on: date | None = None) -> dict[str, dict[str, int]]:
    """Open vacancies and open positions today, by region: {"00" | "62" | "62.71": {...}}.

    The one count of "open vacancies" and "open positions" (placement/reports/figures.py states
    the definitions): `Vacancy.objects.open()` and its positions left, located at the work
    location, else at the company's regency. One grouped query over the open vacancies, rolled up
    to provinces and the nation, cached for a minute and shared by the home page, `/statistik/`
    and the dashboards, so they print the same numbers.
    """
    day = on or timezone.localdate()

    def compute() -> dict[str, dict[str, int]]:
        rows = (
            open_vacancies_located(day)
            .values("where")
            .annotate(vacancies=Count("id"), positions=Sum(positions_left()))
            .order_by()
        )
        totals: dict[str, dict[str, int]] = {}
        for row in rows:
            code = row["where"] or ""
            for region in {code, code.split(".")[0], NATION} - {""}:
                counts = totals.setdefault(region, {"vacancies": 0, "positions": 0})
                counts["vacancies"] += row["vacancies"]
                counts["positions"] += row["positions"] or 0
        return totals

    return cache.get_or_set(f"employers:open-by-region:{day}", compute, STATS_CACHE_SECONDS)


def open_vacancy_figures(region_code: str = NATION, on: date | None = None) -> dict[str, int]:
    """{"vacancies": n, "positions": n} open today in a region ("00" the nation)."""
    return open_vacancies_by_region(on).get(region_code, {"vacancies": 0, "positions": 0})


def headline_stats() -> dict[str, int]:
    """Open vacancies and open positions right now, nation-wide (cached for a minute)."""
    return open_vacancy_figures(NATION)


class VacancySearchForm(forms.Form):
    """The search box and filters of the home page (GET); bad values are ignored, not fatal."""

    q = forms.CharField(
        label=_("Job title or keyword"),
        max_length=200,
        required=False,
        widget=forms.SearchInput(attrs={"autocomplete": "off"}),
    )
    province = forms.ChoiceField(label=_("Province"), required=False)
    regency = forms.ChoiceField(label=_("Regency or city"), required=False)
    group = forms.ChoiceField(label=_("Type of work"), required=False)
    education = forms.ModelChoiceField(
        label=_("Your education"),
        queryset=EducationLevel.objects.all(),
        required=False,
        empty_label=_("Any"),
        to_field_name="code",
        help_text=_("Shows vacancies open to this level."),
    )
    wage = forms.IntegerField(
        label=_("Monthly wage at least (Rp)"),
        min_value=0,
        max_value=MAX_WAGE,
        required=False,
        widget=forms.NumberInput(attrs={"class": "input-width-10", "step": "100000"}),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        provinces = Province.objects.values_list("code", "name")
        self.fields["province"].choices = [("", _("All provinces")), *provinces]
        province = (self.data.get("province") or "").strip()
        regencies = (
            list(Regency.objects.filter(province_id=province).values_list("code", "name"))
            if re.fullmatch(r"\d{2}", province, re.ASCII)
            else []
        )
        self.fields["regency"].choices = [("", _("All regencies and cities")), *regencies]
        self.has_regencies = bool(regencies)
        groups = Occupation.objects.current().filter(level=1).values_list("code", "title")
        self.fields["group"].choices = [("", _("All types of work")), *groups]

    def filters(self) -> dict:
        """The valid filters as keyword arguments of `search_vacancies`."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "q": data.get("q") or "",
            "province": data.get("province") or "",
            "regency": data.get("regency") or "",
            "group": data.get("group") or "",
            "education": data.get("education"),
            "wage": data.get("wage"),
        }
