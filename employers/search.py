"""The public vacancy search: full-text words plus region, occupation, education and wage filters.

PostgreSQL: the words are matched as prefixes against the 'simple' text-search vector of title and
description, which the GIN index `vacancy_search_gin` covers. SQLite (development): every word
must appear in the title or the description (icontains).
"""

from __future__ import annotations

import re

from django import forms
from django.contrib.postgres.search import SearchQuery
from django.core.cache import cache
from django.db import connection
from django.db.models import Count, F, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from employers.models import SEARCH_CONFIG, SEARCH_VECTOR, Vacancy
from employers.rules import MAX_WAGE
from placement.taxonomy.models import EducationLevel, Occupation, Province, Regency

MAX_WORDS = 8
STATS_CACHE_SECONDS = 60
_WORD = re.compile(r"[^\W_]+")


def search_words(q: str) -> list[str]:
    """The words of a query: letters and digits only, lower-cased, at most eight."""
    return [w.lower() for w in _WORD.findall(q or "")][:MAX_WORDS]


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
    """Published vacancies matching the words and filters, newest first (`abroad=False` leaves
    out work abroad: for a seeker under 18)."""
    vacancies = Vacancy.objects.published()
    if not abroad:
        vacancies = vacancies.exclude(is_overseas=True)
    words = search_words(q)
    if words:
        if connection.vendor == "postgresql":
            # Each word as a prefix ("oper" finds "operator"); the words only hold letters/digits.
            query = SearchQuery(
                " & ".join(f"{word}:*" for word in words), search_type="raw", config=SEARCH_CONFIG
            )
            vacancies = vacancies.alias(document=SEARCH_VECTOR).filter(document=query)
        else:
            for word in words:
                vacancies = vacancies.filter(
                    Q(title__icontains=word) | Q(description__icontains=word)
                )
    if regency:
        vacancies = vacancies.filter(regency_id=regency)
    elif province:
        vacancies = vacancies.filter(regency__province_id=province)
    if group:
        vacancies = vacancies.filter(occupation__code__startswith=group)
    if education is not None:
        # Vacancies open to someone with this education: the minimum is at or below it.
        vacancies = vacancies.filter(min_education__rank__lte=education.rank)
    if wage:
        vacancies = vacancies.annotate(top_wage=Coalesce("wage_max", "wage_min")).filter(
            top_wage__gte=wage
        )
    return vacancies.select_related("employer", "regency", "occupation", "min_education").order_by(
        "-published_at", "-id"
    )


def headline_stats() -> dict[str, int]:
    """Open vacancies and open positions right now (cached for a minute)."""

    def compute() -> dict[str, int]:
        totals = Vacancy.objects.published().aggregate(
            vacancies=Count("id"),
            positions=Sum(F("headcount") - F("filled_count") - F("removed_count")),
        )
        return {"vacancies": totals["vacancies"] or 0, "positions": totals["positions"] or 0}

    return cache.get_or_set("employers:headline-stats", compute, STATS_CACHE_SECONDS)


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
