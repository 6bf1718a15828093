"""Sorting and exporting the officer's lists, the same way on every list.

- `?sort=<key>` (ascending) or `?sort=-<key>` (descending) orders a list by one whitelisted column;
  anything else is ignored and the list keeps its default order. The primary key always breaks
  ties, so paging never repeats or skips a row. The column headers are plain links (no
  JavaScript) and the sorted one carries `aria-sort`.
- `?export=csv` or `?export=xlsx` returns the filtered, sorted list as a file, built from the same
  scoped queryset as the page (out-of-region rows cannot appear), at most `EXPORT_CAP` rows, with
  every text cell that a spreadsheet could read as a formula neutralised
  (`placement.reports.exports`). Each export is written to the audit log.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils import timezone

from placement.accounts.audit import audit
from placement.reports import exports

EXPORT_CAP = 10_000
EXPORT_FORMATS = ("csv", "xlsx")


def query_without(request: HttpRequest, *names: str) -> QueryDict:
    """The request's query parameters without `names` (a copy to change or `urlencode()`): what
    the list's links keep, e.g. its filters and sort without the page."""
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query


@dataclass(frozen=True)
class Column:
    label: str
    sort: tuple[str, ...] = ()  # the fields to order by; empty for a column that does not sort
    numeric: bool = False


@dataclass(frozen=True)
class Header:
    label: str
    url: str | None
    aria_sort: str | None  # "ascending" / "descending" on the sorted column only
    arrow: str
    numeric: bool = False


class Sorting:
    """The sortable columns of one list (`columns` in display order, keyed by `?sort=` value)."""

    def __init__(self, columns: dict[str, Column]) -> None:
        self.columns = columns

    def current(self, request: HttpRequest) -> tuple[str, bool]:
        """(key, descending) of a valid `?sort=`, else ("", False)."""
        value = (request.GET.get("sort") or "").strip()
        descending = value.startswith("-")
        key = value[1:] if descending else value
        column = self.columns.get(key)
        if column is None or not column.sort:
            return "", False
        return key, descending

    def apply(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        """`queryset` ordered by the requested column (primary key last), else unchanged."""
        key, descending = self.current(request)
        if not key:
            return queryset
        sign = "-" if descending else ""
        fields = [f"{sign}{field}" for field in self.columns[key].sort]
        return queryset.order_by(*fields, f"{sign}pk")

    def headers(self, request: HttpRequest) -> list[Header]:
        key, descending = self.current(request)
        query = query_without(request, "page", "export")
        result = []
        for name, column in self.columns.items():
            if not column.sort:
                result.append(Header(column.label, None, None, "", column.numeric))
                continue
            sorted_here = name == key
            query["sort"] = f"-{name}" if sorted_here and not descending else name
            aria = ("descending" if descending else "ascending") if sorted_here else None
            arrow = ("▼" if descending else "▲") if sorted_here else ""
            result.append(
                Header(column.label, "?" + query.urlencode(), aria, arrow, column.numeric)
            )
        return result


def export_format(request: HttpRequest) -> str:
    """The requested export format ("" for the page itself)."""
    value = request.GET.get("export", "")
    return value if value in EXPORT_FORMATS else ""


def export_query(request: HttpRequest) -> str:
    """The page's query without page and export, for the download links."""
    return query_without(request, "page", "export").urlencode()


def export(
    request: HttpRequest,
    *,
    fmt: str,
    name: str,
    title: str,
    object_type: str,
    headers: Sequence[object],
    queryset: QuerySet | Sequence[object],
    row: Callable[[object], Sequence[object]],
) -> HttpResponse:
    """The list as a CSV or XLSX file (at most EXPORT_CAP rows), audited. `queryset` is the page's
    own scoped queryset, or the rows a page computed (a report's lines)."""
    objects = list(queryset[:EXPORT_CAP])
    rows: Iterable[Sequence[object]] = [row(obj) for obj in objects]
    sheet = exports.Sheet(title=title, headers=[str(h) for h in headers], rows=rows)
    content = exports.SHEET_WRITERS[fmt]([sheet])
    audit(
        actor=request.user,
        action="export",
        object_type=object_type,
        count=len(objects),
        format=fmt,
    )
    return exports.download(content, fmt, f"{name}-{timezone.localdate():%Y%m%d}")
