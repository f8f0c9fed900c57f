"""Bar charts drawn on the server as inline SVG, always with the same figures as a table.

Why not pygal (3.1.3 was evaluated): it always writes an inline <script> with its config, even
with ``js=[]``; it styles through an inline <style> block, which a strict CSP style-src blocks;
it has no role or ARIA markup; it tells series apart by colour alone; and it lays out text in a
fixed 800×600 viewBox, so at 320 px its 10 px axis labels shrink to about 4 px. Patching each of
these after it renders would take more code than this renderer.

The layout suits narrow screens. Bars run horizontally, and each category label gets its own
line above its bars, so labels stay level and whole however many categories there are.
x positions are percentages of the container and y positions are em. The chart follows the
container's width, and its text keeps the page's size (and grows with zoom) instead of
shrinking inside a viewBox. Value labels sit just past the bar ends, in room kept free for them
at the narrowest width a chart is shown in.
"""

import dataclasses
import hashlib
import math
from collections.abc import Callable, Sequence
from typing import NamedTuple

from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

Number = int | float
Formatter = Callable[[Number], str]

# Each has at least 7:1 contrast against white, well above the 3:1 needed for graphics.
COLOURS = ("#0a4f8f", "#8a3b00", "#5a2f8f", "#0d5c3a", "#a11a1a", "#4a4a55")
INK = "#1b1b1f"
# Each series after the first also gets a fill pattern, so colour is never the only difference.
TILES = (
    "",
    '<path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke="{colour}" stroke-width="2"/>',
    '<circle cx="3" cy="3" r="1.6" fill="{colour}"/>',
    '<path d="M0,0 L6,6 M6,0 L0,6" stroke="{colour}" stroke-width="1.4"/>',
    '<path d="M0,3 H6" stroke="{colour}" stroke-width="2"/>',
    '<path d="M3,0 V6" stroke="{colour}" stroke-width="2"/>',
)
# A 320 px screen less the page's padding and a card's border. Glyph width is a generous
# estimate at the chart's font size, so that labels fit even when the guess is off.
NARROWEST_PX = 256
CHAR_PX = 9
LABEL_CHARS = 28
MISSING = "–"
ROW_EM, BAR_EM, GAP_EM = 1.5, 1.1, 0.6


class Cell(NamedTuple):
    column: str
    value: str


class Row(NamedTuple):
    label: str
    cells: tuple[Cell, ...]


@dataclasses.dataclass(frozen=True)
class Chart:
    """What the partial web/partials/chart.html shows: the SVG and the table beside it."""

    id: str
    title: str
    category_label: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    svg: SafeString

    @property
    def is_empty(self) -> bool:
        return not self.svg


def bar_chart(
    *,
    title: str,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[Number | None]]],
    unit: str = "",
    value_format: Formatter | None = None,
    stacked: bool = False,
    category_label: str | None = None,
    html_id: str | None = None,
) -> Chart:
    """Bars per category: one series, several side by side, or several stacked.

    ``unit`` is appended by the default number format, which shows whole numbers as such and
    others with one decimal ("12 %", "-3,5 dagar"); a ``value_format`` replaces that format,
    unit and all. ``html_id`` must be unique on the page; by default it is
    derived from the content. Without any value the chart is empty and the partial says so.
    """
    title = str(title)
    categories = [str(category) for category in categories]
    names = [str(name) or _("Value") for name, _values in series]
    columns = [[_finite(value) for value in values] for _name, values in series]
    for name, values in zip(names, columns, strict=True):
        if len(values) != len(categories):
            raise ValueError(f"Series {name!r} has {len(values)} values for {len(categories)} categories.")
    fmt = value_format or _number_format(unit)
    chart_id = (
        html_id
        or "chart-" + hashlib.blake2s(repr((title, categories, names, columns)).encode(), digest_size=5).hexdigest()
    )
    headers = (*names, _("Total")) if stacked and len(names) > 1 else tuple(names)
    rows = []
    for index, category in enumerate(categories):
        values = [values[index] for values in columns]
        if len(headers) > len(names):
            values.append(_total(values))
        cells = (
            Cell(header, _("no value") if v is None else fmt(v)) for header, v in zip(headers, values, strict=True)
        )
        rows.append(Row(category, tuple(cells)))
    drawable = any(value is not None for values in columns for value in values)
    svg = _svg(chart_id, title, categories, names, columns, fmt, stacked) if drawable else SafeString("")
    return Chart(chart_id, title, str(category_label or _("Category")), headers, tuple(rows), svg)


def _finite(value: Number | None) -> Number | None:
    return value if value is not None and math.isfinite(value) else None


def _total(values: Sequence[Number | None]) -> Number | None:
    present = [value for value in values if value is not None]
    return sum(present) if present else None


def _number_format(unit: str) -> Formatter:
    def fmt(value: Number) -> str:
        text = number_format(
            value, decimal_pos=0 if float(value).is_integer() else 1, use_l10n=True, force_grouping=True
        )
        return f"{text}\u00a0{unit}" if unit else text

    return fmt


class Bar(NamedTuple):
    series: int
    start: Number
    end: Number
    inside: str | None  # a stacked segment's value, shown inside it when there is room


class Label(NamedTuple):
    at: Number  # the bar end it belongs to; it goes before a negative end and after any other
    text: str


Line = tuple[list[Bar], list[Label]]


def _lines(values: list[Number | None], stacked: bool, fmt: Formatter) -> list[Line]:
    """A category's bar rows: one per series side by side, or one holding the whole stack."""
    if not stacked:
        return [
            (
                [Bar(series, 0, value, None)] if value else [],
                [Label(value or 0, MISSING if value is None else fmt(value))],
            )
            for series, value in enumerate(values)
        ]
    bars, up, down = [], 0, 0
    for series, value in enumerate(values):
        if value and value > 0:
            bars.append(Bar(series, up, up + value, fmt(value)))
            up += value
        elif value:
            bars.append(Bar(series, down, down + value, fmt(value)))
            down += value
    labels = [Label(end, fmt(end)) for end in (up, down) if end]
    if not labels:
        labels = [Label(0, MISSING if all(value is None for value in values) else fmt(0))]
    return [(bars, labels)]


def _svg(chart_id, title, categories, names, columns, fmt, stacked) -> SafeString:
    stacked = stacked and len(names) > 1
    groups = [_lines([values[index] for values in columns], stacked, fmt) for index in range(len(categories))]
    lines = [line for group in groups for line in group]
    labels = [label for _bars, line_labels in lines for label in line_labels]
    ends = [0] + [label.at for label in labels] + [bar.start for bars, _labels in lines for bar in bars]
    low, high = min(ends), max(ends)
    high = high if high > low else 1
    left = _room([label.text for label in labels if label.at < 0])
    right = _room([label.text for label in labels if label.at >= 0])

    def x(value: Number) -> float:
        return 100 * (left + (value - low) / (high - low) * (1 - left - right))

    parts, y = [], 0.0
    if len(names) > 1:
        for series, name in enumerate(names):
            parts.append(
                format_html(
                    '<rect x="0" y="{}em" width="1.75em" height="1em" fill="{}" stroke="{}" stroke-width="1.5"/>'
                    '<text x="2.25em" y="{}em" fill="{}">{}</text>',
                    _em(y + 0.25),
                    _fill(chart_id, series),
                    _colour(series),
                    _em(y + 1.1),
                    INK,
                    _cut(name, LABEL_CHARS - 4),  # after the swatch
                )
            )
            y += ROW_EM
        y += GAP_EM
    for category, group in zip(categories, groups, strict=True):
        parts.append(
            format_html(
                '<text x="0" y="{}em" fill="{}" font-weight="600">{}</text>', _em(y + 1.15), INK, _cut(category)
            )
        )
        y += ROW_EM
        top = y
        for bars, line_labels in group:
            parts.extend(
                _rect(chart_id, bar, x(min(bar.start, bar.end)), x(max(bar.start, bar.end)), y) for bar in bars
            )
            parts.extend(_value_label(x(label.at), y, label) for label in line_labels)
            y += ROW_EM
        parts.append(
            format_html(
                '<line x1="{0}%" x2="{0}%" y1="{1}em" y2="{2}em" stroke="{3}" stroke-width="1.5"/>',
                f"{x(0):.2f}",
                _em(top),
                _em(y),
                INK,
            )
        )
        y += GAP_EM
    defs = [_pattern(chart_id, series) for series in range(len(names)) if _tile(series)]
    head = format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" width="100%" height="{}em" role="img" '
        'aria-labelledby="{}-title" aria-describedby="{}-desc">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>',
        _em(y),
        chart_id,
        chart_id,
        chart_id,
        title,
        chart_id,
        _("The figures are also in the table next to the chart."),
    )
    # Every part was built by format_html, which escaped each value put into it.
    return mark_safe(head + "<defs>" + "".join(defs) + "</defs>" + "".join(parts) + "</svg>")  # noqa: S308


def _room(texts: list[str]) -> float:
    """The share of the width kept free for the longest of these labels at the narrowest width."""
    if not texts:
        return 0
    return min(0.45, (max(len(text) for text in texts) * CHAR_PX + 8) / NARROWEST_PX)


def _em(value: float) -> str:
    return f"{value:.2f}"


def _colour(series: int) -> str:
    return COLOURS[series % len(COLOURS)]


def _tile(series: int) -> str:
    # Shifted once per round of colours, so a seventh series still differs from the first.
    return TILES[(series + series // len(COLOURS)) % len(TILES)]


def _fill(chart_id: str, series: int) -> str:
    # Pattern ids carry the chart's id: inline SVGs share the page's id namespace.
    return f"url(#{chart_id}-p{series})" if _tile(series) else _colour(series)


def _pattern(chart_id: str, series: int) -> SafeString:
    tile = _tile(series)
    return format_html(
        '<pattern id="{}-p{}" width="6" height="6" patternUnits="userSpaceOnUse">'
        '<rect width="6" height="6" fill="#fff"/>' + tile + "</pattern>",
        chart_id,
        series,
        colour=_colour(series),
    )


def _rect(chart_id: str, bar: Bar, x0: float, x1: float, y: float) -> SafeString:
    rect = format_html(
        '<rect x="{}%" y="{}em" width="{}%" height="{}em" fill="{}" stroke="{}" stroke-width="1.5"/>',
        f"{x0:.2f}",
        _em(y + (ROW_EM - BAR_EM) / 2),
        f"{x1 - x0:.2f}",
        BAR_EM,
        _fill(chart_id, bar.series),
        _colour(bar.series),
    )
    chip = len(bar.inside or "") * CHAR_PX + 6
    if bar.inside is None or (x1 - x0) / 100 * NARROWEST_PX < chip + 4:
        return rect
    # Dark text on a white chip reads on any fill or pattern. The nested svg puts the chip's
    # centre at a percentage and lets its own size be in pixels.
    return rect + format_html(
        '<svg x="{}%" overflow="visible"><rect x="{}" y="{}em" width="{}" height="0.9em" rx="3" fill="#fff"/>'
        '<text x="0" y="{}em" fill="{}" text-anchor="middle">{}</text></svg>',
        f"{(x0 + x1) / 2:.2f}",
        -chip / 2,
        _em(y + 0.3),
        chip,
        _em(y + 1.1),
        INK,
        bar.inside,
    )


def _value_label(at: float, y: float, label: Label) -> SafeString:
    before = label.at < 0
    return format_html(
        '<text x="{}%" dx="{}em" y="{}em" fill="{}" text-anchor="{}">{}</text>',
        f"{at:.2f}",
        "-0.35" if before else "0.35",
        _em(y + 1.1),
        INK,
        "end" if before else "start",
        label.text,
    )


def _cut(label: str, limit: int = LABEL_CHARS) -> str:
    # The table beside the chart has the whole label.
    return label if len(label) <= limit else label[: limit - 1] + "…"
