"""The taxonomy picker: choose skills, occupations, industries or regions by searching.

Without JavaScript it is a search box with a "Search" button that re-renders the form with results
as radio buttons or checkboxes (the view must not save when `is_picker_search(request.POST)`). With
JavaScript (static/js/picker.js) the box suggests as you type, from /api/v1/taxonomy/<kind>/?q=.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from placement.taxonomy.text.occupations import suggest_occupations

# kind -> (API path, the JSON key that holds the value)
KINDS = {
    "skills": ("/api/v1/taxonomy/skills/", "id"),
    "occupations": ("/api/v1/taxonomy/occupations/", "id"),
    "industries": ("/api/v1/taxonomy/industries/", "id"),
    "regions": ("/api/v1/taxonomy/regions/", "code"),
    "districts": ("/api/v1/taxonomy/regions/", "code"),
}
SEARCH_SUFFIX = "_search"
QUERY_SUFFIX = "_q"


def is_picker_search(data: Mapping) -> bool:
    """True when the form was submitted by a picker's "Search" button, not to be saved."""
    return any(key.endswith(SEARCH_SUFFIX) for key in data)


def option_label(obj: Model) -> str:
    """How a reference row reads in a picker: Indonesian skill labels, codes before titles (an
    occupation's in the page's language, as the suggestions give it)."""
    label = getattr(obj, "label", None)
    if label:
        return label
    title = getattr(obj, "display_title", None) or getattr(obj, "title", None)
    if title:
        return f"{obj.code} {title}"
    return str(obj)


class TaxonomyPicker(forms.Widget):
    template_name = "components/picker.html"

    def __init__(
        self,
        *,
        kind: str,
        multiple: bool,
        api_params: str = "",
        limit: int = 15,
        attrs: dict | None = None,
    ) -> None:
        super().__init__(attrs)
        if kind not in KINDS:
            raise ValueError(f"Unknown picker kind {kind!r}")
        self.kind = kind
        self.multiple = multiple
        self.api_params = api_params
        self.limit = limit
        self.queryset: QuerySet | None = None
        self.query = ""
        # Occupations only: suggest groups from another field's words (the vacancy's job title).
        self.suggest_field = ""
        self.suggest_url = ""
        self.suggest_from = ""
        # What else the coder reads when the form has it: the job's description, the KBLI code.
        self.suggest_description = ""
        self.suggest_sector = ""

    def value_from_datadict(self, data, files, name: str):
        self.query = (data.get(name + QUERY_SUFFIX) or "").strip()[:100]
        # Pressing "Search" lists the results to choose from; sending the form takes the typed row.
        searching = (name + SEARCH_SUFFIX) in data
        if self.multiple:
            values = data.getlist(name) if hasattr(data, "getlist") else data.get(name)
            values = list(values or []) if isinstance(values, list | tuple) else values
            typed = None if searching else self.typed_match()
            if typed is not None and isinstance(values, list) and typed not in values:
                values.append(typed)
            return values
        return data.get(name) or (None if searching else self.typed_match())

    def typed_match(self) -> str | None:
        """The row the typed words name when nobody ticked it: the only result of the search, or
        the only one whose whole name was typed (so "Kota Palangka Raya" picks that city)."""
        if len(self.query) < 2 or self.queryset is None:
            return None
        try:
            found = list(self.queryset.search(self.query)[:20])
        except (ValueError, TypeError, ValidationError):
            return None
        if len(found) == 1:
            return str(found[0].pk)
        typed = self.query.casefold()
        exact = [
            row
            for row in found
            if typed
            in {
                option_label(row).casefold(),
                str(getattr(row, "title", "") or "").casefold(),
                str(getattr(row, "name", "") or "").casefold(),
                str(getattr(row, "code", "") or "").casefold(),
            }
        ]
        return str(exact[0].pk) if len(exact) == 1 else None

    def value_omitted_from_data(self, data, files, name: str) -> bool:
        return name not in data and (name + QUERY_SUFFIX) not in data

    def _selected_ids(self, value) -> list[str]:
        if value in (None, "", []):
            return []
        values = value if isinstance(value, list | tuple) else [value]
        return [str(v.pk if isinstance(v, Model) else v) for v in values if v not in (None, "")]

    def get_context(self, name: str, value, attrs) -> dict:
        context = super().get_context(name, value, attrs)
        queryset = self.queryset
        selected_ids = self._selected_ids(value)
        selected, results = [], []
        found_any = False
        if queryset is not None:
            if selected_ids:
                try:
                    chosen = {str(o.pk): o for o in queryset.filter(pk__in=selected_ids)}
                except (ValueError, TypeError, ValidationError):
                    chosen = {}
                selected = [(pk, option_label(chosen[pk])) for pk in selected_ids if pk in chosen]
            if self.query:
                chosen_ids = {pk for pk, _label in selected}
                # Occupations understand everyday words ("sopir", "admin gudang"), best first.
                search = getattr(queryset, "search_words", queryset.search)
                found = list(search(self.query)[: self.limit + len(chosen_ids)])
                # A search that only found what is already chosen did find something.
                found_any = bool(found)
                results = [
                    (str(o.pk), option_label(o)) for o in found if str(o.pk) not in chosen_ids
                ]
                results = results[: self.limit]
        suggestions = []
        if self.suggest_field and queryset is not None and not selected:
            suggestions = occupation_suggestions(
                queryset,
                self.suggest_from,
                description=self.suggest_description,
                sector=self.suggest_sector,
            )
        api_path, value_key = KINDS[self.kind]
        context["widget"].update(
            {
                "suggest_field": self.suggest_field,
                "suggest_url": self.suggest_url,
                "suggestions": suggestions,
                "suggest_from": self.suggest_from,
            }
        )
        context["widget"].update(
            {
                "kind": self.kind,
                "multiple": self.multiple,
                "input_type": "checkbox" if self.multiple else "radio",
                "query": self.query,
                "selected": selected,
                "results": results,
                "nothing_found": bool(self.query) and not found_any,
                "api_url": api_path,
                "api_params": self.api_params,
                "value_key": value_key,
            }
        )
        return context


def suggest_from_title(
    form: forms.Form,
    *,
    field: str = "occupation",
    title_field: str = "job_title",
    sector_field: str = "",
    description_field: str = "",
) -> None:
    """Let `form`'s occupation picker suggest the KBJI groups of the job title typed in
    `title_field` (without JavaScript through its "Suggest from the job title" button), read
    with the line of business (`sector_field`: a KBLI code or section letter) and the job's
    description when the form has them. The view must not save on `is_picker_search`."""

    def value(name: str) -> str:
        if not name:
            return ""
        raw = form.data.get(form.add_prefix(name)) if form.is_bound else form.initial.get(name)
        return str(raw or "")

    widget = form.fields[field].widget
    widget.suggest_field = title_field
    widget.suggest_from = value(title_field)[:200]
    widget.suggest_sector = value(sector_field)[:10]
    widget.suggest_description = value(description_field)[:5000]
    suggest_as_typed(
        form,
        field=field,
        title_field=title_field,
        sector_field=sector_field,
        description_field=description_field,
    )


def suggest_as_typed(
    form: forms.Form,
    *,
    field: str = "occupation",
    title_field: str,
    sector_field: str = "",
    description_field: str = "",
    sector: str = "",
    include: tuple[str, ...] = (),
) -> None:
    """With JavaScript (htmx), refresh the occupation picker's suggestions as the job title in
    `title_field` is typed, from the one suggestions view (placement/taxonomy/views.py). The
    description and line of business are sent when the form has them (`sector`: a KBLI code to
    use when the form has none; `include`: more htmx selectors to send)."""
    name = form.add_prefix(field)
    values = {"name": name, "title_field": form.add_prefix(title_field)}
    selectors = [f"[name={name}]:checked"]
    if description_field:
        values["description_field"] = form.add_prefix(description_field)
        selectors.append(f"[name={values['description_field']}]")
    if sector_field:
        values["sector_field"] = form.add_prefix(sector_field)
        selectors.append(f"[name={values['sector_field']}]")
    if sector:
        values["sector"] = sector
    selectors.extend(include)
    form.fields[title_field].widget.attrs.update(
        {
            "hx-get": reverse("occupation_suggestions"),
            # Only when the words change: a blur after ticking a suggestion keeps the list.
            "hx-trigger": "input changed delay:400ms",
            "hx-include": ", ".join(selectors),
            "hx-vals": json.dumps(values),
            "hx-target": f"#{name}-suggestions",
            "hx-swap": "outerHTML",
            "hx-sync": "this:replace",
        }
    )
    form.fields[field].widget.suggest_url = reverse("occupation_suggestions")


def occupation_suggestions(
    queryset: QuerySet, words: str, limit: int = 3, *, description: str = "", sector: str = ""
) -> list[dict]:
    """The KBJI groups (rows of `queryset`) the occupation coder suggests for `words` (a job
    title), helped by the job's description and the employer's KBLI code or section if known."""

    words = (words or "").strip()[:200]
    if not words:
        return []
    found = suggest_occupations(
        words, description=(description or "")[:1500], sector=sector or "", limit=limit
    )
    rows = {o.code: o for o in queryset.filter(code__in=[s.code for s in found])}
    return [
        {"value": str(rows[s.code].pk), "label": option_label(rows[s.code]), "reason": s.reason()}
        for s in found
        if s.code in rows
    ]


def missing_choice_error(widget: TaxonomyPicker) -> ValidationError | None:
    """Why a required picker has no choice, in the person's terms: words were typed (or a job
    title suggested groups) but nothing was ticked. None when the plain "required" message fits.
    """
    if widget.query and widget.queryset is not None:
        search = getattr(widget.queryset, "search_words", widget.queryset.search)
        try:
            found = bool(list(search(widget.query)[:1]))
        except (ValueError, TypeError, ValidationError):
            found = False
        if found:
            message = _("Tick one of the results for “%(words)s”, or search with other words.")
        else:
            message = _("Nothing found for “%(words)s”. Search with other words.")
        return ValidationError(message, code="required", params={"words": widget.query})
    suggested = widget.suggest_field and widget.queryset is not None and widget.suggest_from
    if suggested and occupation_suggestions(
        widget.queryset,
        widget.suggest_from,
        description=widget.suggest_description,
        sector=widget.suggest_sector,
    ):
        return ValidationError(
            _("Tick one of the suggestions, or search for another."), code="required"
        )
    return None


class _PickerFieldMixin:
    """The picker's fields explain a missing choice (see `missing_choice_error`)."""

    def clean(self, value):
        try:
            return super().clean(value)
        except ValidationError as error:
            if getattr(error, "code", None) != "required":
                raise
            raise missing_choice_error(self.widget) or error from None


class TaxonomyChoiceField(_PickerFieldMixin, forms.ModelChoiceField):
    """Choose one reference row with the picker."""

    def __init__(self, *, kind: str, queryset: QuerySet, api_params: str = "", **kwargs) -> None:
        kwargs.setdefault(
            "widget", TaxonomyPicker(kind=kind, multiple=False, api_params=api_params)
        )
        super().__init__(queryset=queryset, **kwargs)
        self.widget.queryset = queryset

    def _set_queryset(self, queryset) -> None:
        super()._set_queryset(queryset)
        self.widget.queryset = self._queryset

    queryset = property(forms.ModelChoiceField._get_queryset, _set_queryset)


class TaxonomyMultipleChoiceField(_PickerFieldMixin, forms.ModelMultipleChoiceField):
    """Choose several reference rows with the picker, at most `max_choices`."""

    def __init__(
        self,
        *,
        kind: str,
        queryset: QuerySet,
        max_choices: int | None = None,
        api_params: str = "",
        **kwargs,
    ) -> None:
        kwargs.setdefault("widget", TaxonomyPicker(kind=kind, multiple=True, api_params=api_params))
        super().__init__(queryset=queryset, **kwargs)
        self.widget.queryset = queryset
        self.max_choices = max_choices

    def _set_queryset(self, queryset) -> None:
        super()._set_queryset(queryset)
        self.widget.queryset = self._queryset

    queryset = property(forms.ModelMultipleChoiceField._get_queryset, _set_queryset)

    def clean(self, value):
        result = super().clean(value)
        if result is not None and isinstance(value, list | tuple):
            # Keep the order the person gave: the first wanted job is the one wanted most.
            position = {str(v): i for i, v in reversed(list(enumerate(value)))}
            result = sorted(result, key=lambda row: position.get(str(row.pk), len(position)))
        if self.max_choices is not None and result is not None and len(result) > self.max_choices:
            raise ValidationError(
                ngettext_lazy(
                    "Choose at most %(count)d item.",
                    "Choose at most %(count)d items.",
                    "count",
                )
                % {"count": self.max_choices},
                code="max_choices",
            )
        return result


PICKER_NO_RESULTS = _("Nothing found. Try another word.")
