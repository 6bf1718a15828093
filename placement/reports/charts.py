"""Small server-rendered SVG charts: accessible inline <svg> with a title and a description.

No inline style attributes (the CSP forbids them): colours come from CSS classes in
static/css/site.css (`.chart-bar`, `.chart-bar-2`, ...) and sizes from presentation attributes.
Every chart on a page has its numbers in a table next to it; the SVG is the picture, the table the
record.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH = 640
LABEL_WIDTH = 230
VALUE_ROOM = 70
FONT = 12


def _fmt(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    return f"{value:,.1f}".replace(",", "_").replace(".", ",").replace("_", ".")


def _short(label: str, limit: int = 30) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _open(chart_id: str, title: str, description: str, height: float, extra: str = "") -> str:
    return (
        f'<svg class="chart{extra}" role="img" viewBox="0 0 {WIDTH} {height:.0f}" '
        f'width="{WIDTH}" height="{height:.0f}" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'xmlns="http://www.w3.org/2000/svg" font-size="{FONT}">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>'
    )


def bar_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    items: Sequence[tuple[str, float]],
    formatter: Callable[[float], str] = _fmt,
) -> SafeString:
    """Horizontal bars, one per item, with the value at the end of each bar."""
    return grouped_bar_chart(
        chart_id=chart_id,
        title=title,
        description=description,
        categories=[label for label, _v in items],
        series=[("", [value for _l, value in items])],
        formatter=formatter,
    )


def grouped_bar_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    formatter: Callable[[float], str] = _fmt,
) -> SafeString:
    """Horizontal bars grouped by category, one bar per series (a legend when several)."""
    bar, gap = 14, 10
    legend = 24 if len(series) > 1 else 0
    group = bar * len(series) + gap
    height = legend + group * max(len(categories), 1) + 8
    top = max([v for _n, values in series for v in values] + [0]) or 1
    scale = (WIDTH - LABEL_WIDTH - VALUE_ROOM) / top
    parts = [_open(chart_id, title, description, height)]
    if legend:
        x = LABEL_WIDTH
        for index, (name, _values) in enumerate(series, start=1):
            parts.append(
                f'<rect class="chart-bar chart-bar-{index}" x="{x}" y="4" width="12" height="12"/>'
                f'<text x="{x + 16}" y="15">{escape(name)}</text>'
            )
            x += 24 + 8 * len(name)
    for row, label in enumerate(categories):
        y = legend + row * group + 4
        parts.append(
            f'<text class="chart-label" x="{LABEL_WIDTH - 8}" '
            f'y="{y + bar * len(series) / 2 + 4:.0f}" text-anchor="end">'
            f"{escape(_short(str(label)))}</text>"
        )
        for index, (_name, values) in enumerate(series, start=1):
            value = values[row] if row < len(values) else 0
            width = max(value * scale, 0)
            by = y + (index - 1) * bar
            parts.append(
                f'<rect class="chart-bar chart-bar-{index}" x="{LABEL_WIDTH}" y="{by}" '
                f'width="{width:.1f}" height="{bar - 2}"/>'
                f'<text class="chart-value" x="{LABEL_WIDTH + width + 4:.1f}" '
                f'y="{by + bar - 4}">{escape(formatter(value))}</text>'
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text is escaped above


def column_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    items: Sequence[tuple[str, float]],
    formatter: Callable[[float], str] = _fmt,
) -> SafeString:
    """Vertical columns (e.g. one per month) with the value above each column."""
    height, base, left = 240, 200, 10
    top = max([v for _l, v in items] + [0]) or 1
    slot = (WIDTH - 2 * left) / max(len(items), 1)
    width = max(slot * 0.7, 2)
    parts = [_open(chart_id, title, description, height)]
    parts.append(
        f'<line class="chart-axis" x1="{left}" y1="{base}" x2="{WIDTH - left}" y2="{base}"/>'
    )
    for index, (label, value) in enumerate(items):
        h = value / top * (base - 30)
        x = left + index * slot + (slot - width) / 2
        parts.append(
            f'<rect class="chart-bar chart-bar-1" x="{x:.1f}" y="{base - h:.1f}" '
            f'width="{width:.1f}" height="{h:.1f}"/>'
            f'<text class="chart-value" x="{x + width / 2:.1f}" y="{base - h - 4:.1f}" '
            f'text-anchor="middle">{escape(formatter(value))}</text>'
            f'<text class="chart-label" x="{x + width / 2:.1f}" y="{base + 16}" '
            f'text-anchor="middle">{escape(_short(str(label), 8))}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text is escaped above
