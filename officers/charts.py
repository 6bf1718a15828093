"""Small server-rendered SVG charts for the dashboards.

No inline style attributes (the CSP forbids them): colours come from CSS classes (`chart-bar-1`,
`chart-bar-2`, ...), sizes from presentation attributes. Every chart is shown with a table of the
same numbers next to it: the SVG is the picture, the table the record (and what screen readers
and printouts use).
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH = 600
FONT = 12


def _number(value: float) -> str:
    return f"{int(value):,}".replace(",", ".")


def _short(label: str, limit: int) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _open(chart_id: str, title: str, description: str, height: int) -> str:
    return (
        f'<svg class="chart" role="img" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" '
        f'height="{height}" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'xmlns="http://www.w3.org/2000/svg" font-size="{FONT}">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>'
    )


def column_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
) -> SafeString:
    """Vertical columns per category (e.g. month), one column per series, with a legend."""
    height, base, left, legend = 250, 205, 8, 24
    top = max([v for _name, values in series for v in values] + [0]) or 1
    slot = (WIDTH - 2 * left) / max(len(categories), 1)
    width = max((slot * 0.8) / max(len(series), 1), 2)
    parts = [_open(chart_id, title, description, height)]
    x = left
    for index, (name, _values) in enumerate(series, start=1):
        parts.append(
            f'<rect class="chart-bar-{index}" x="{x}" y="4" width="12" height="12"/>'
            f'<text x="{x + 16}" y="15">{escape(name)}</text>'
        )
        x += 32 + 7 * len(name)
    parts.append(
        f'<line class="chart-axis" x1="{left}" y1="{base}" x2="{WIDTH - left}" y2="{base}"/>'
    )
    for row, label in enumerate(categories):
        start = left + row * slot + slot * 0.1
        for index, (_name, values) in enumerate(series, start=1):
            value = values[row] if row < len(values) else 0
            h = value / top * (base - legend - 24)
            cx = start + (index - 1) * width
            parts.append(
                f'<rect class="chart-bar-{index}" x="{cx:.1f}" y="{base - h:.1f}" '
                f'width="{width - 1:.1f}" height="{h:.1f}"/>'
            )
            if value:
                parts.append(
                    f'<text class="chart-value" x="{cx + width / 2:.1f}" y="{base - h - 3:.1f}" '
                    f'text-anchor="middle" font-size="10">{escape(_number(value))}</text>'
                )
        parts.append(
            f'<text x="{start + slot * 0.4:.1f}" y="{base + 16}" text-anchor="middle">'
            f"{escape(_short(str(label), 7))}</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text is escaped above


def bar_chart(
    *, chart_id: str, title: str, description: str, items: Sequence[tuple[str, float]]
) -> SafeString:
    """Horizontal bars, one per item, with the value at the end of each bar."""
    label_width, value_room, bar, gap = 190, 60, 16, 6
    height = max(len(items), 1) * (bar + gap) + 8
    top = max([v for _label, v in items] + [0]) or 1
    scale = (WIDTH - label_width - value_room) / top
    parts = [_open(chart_id, title, description, height)]
    for row, (label, value) in enumerate(items):
        y = 4 + row * (bar + gap)
        width = value * scale
        parts.append(
            f'<text x="{label_width - 8}" y="{y + bar - 4}" text-anchor="end">'
            f"{escape(_short(str(label), 28))}</text>"
            f'<rect class="chart-bar-1" x="{label_width}" y="{y}" width="{width:.1f}" '
            f'height="{bar}"/>'
            f'<text class="chart-value" x="{label_width + width + 4:.1f}" y="{y + bar - 4}">'
            f"{escape(_number(value))}</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text is escaped above
