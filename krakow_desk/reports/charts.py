"""Charts for the reports, drawn with ReportLab graphics on the reports' own fonts.

A graphics ``String`` has one font and ReportLab's default for it is Helvetica (no ł, ś, ż, and
unembedded, which PDF/A forbids), so every piece of text here goes through ``label()``: it splits
the text into runs, each in a font of the shipped set that has its characters (a Georgian or
Chinese partner name prints, not boxes), puts right-to-left text in visual order, and shortens
text that would not fit with "…".

- ``bar_chart(rows, width, height, title=None)``: horizontal bars, one per (label, value), the
  value printed at the bar's end; ``bar_chart_height(n)`` is a comfortable height for n rows.
- ``month_chart(counts, month_names, width, height, series_names=None)``: columns per month, one
  series or several side by side (visits, letters, events), with a legend for several;
  ``short_month_names()`` gives the labels in the current language.
- ``no_data(width, text=None)``: the small box either chart gives when there is nothing to draw.
"""

import math
from typing import Callable, Optional, Sequence, Union

from reportlab.graphics.shapes import Drawing, Group, Line, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from krakow_desk.formatting import format_decimal, format_number
from krakow_desk.i18n import _
from krakow_desk.reports import fonts
from krakow_desk.reports.styles import ACCENT, INK, MUTED, RULE
from krakow_desk.reports.text import _runs, clean, visual

Number = Union[int, float]

# Series colours: Krakow's blue first; the others stay distinct when photocopied in grey.
SERIES_COLOURS = (ACCENT, colors.HexColor("#8FB0DA"), colors.HexColor("#D9822B"), colors.HexColor("#9AA3AD"))
GRID = colors.HexColor("#E1E6EE")
LABEL_SIZE = 7.5
ELLIPSIS = "…"


# -- text --------------------------------------------------------------------------------------

def _pieces(text: str, face: str) -> list[tuple[str, str]]:
    """(font, text) runs of one line as drawn: every run in a font that has its characters."""
    line = visual(" ".join(clean(text).split()))
    return [(font or face, run) for font, run in _runs(line, face)] if line else []


def text_width(text: str, size: float = LABEL_SIZE, face: str = fonts.REGULAR) -> float:
    """How wide ``label(text, ...)`` is drawn (before any shortening)."""
    return sum(stringWidth(run, font, size) for font, run in _pieces(text, face))


def fit(text: str, max_width: Optional[float], size: float = LABEL_SIZE, face: str = fonts.REGULAR) -> str:
    """The text, shortened with "…" at the end where it is wider than ``max_width``."""
    text = " ".join(clean(text).split())
    if max_width is None or text_width(text, size, face) <= max_width:
        return text
    low, high = 0, len(text)
    while low < high:   # the longest prefix that fits with the ellipsis
        middle = (low + high + 1) // 2
        if text_width(text[:middle].rstrip() + ELLIPSIS, size, face) <= max_width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + ELLIPSIS if low else ""


def label(x: float, y: float, text: str, size: float = LABEL_SIZE, anchor: str = "start",
          face: str = fonts.REGULAR, colour: colors.Color = INK, max_width: Optional[float] = None) -> Group:
    """Text on one line at (x, baseline y), anchored "start", "middle" or "end", in the shipped
    fonts (each run in a font that has it), shortened with "…" beyond ``max_width``."""
    fonts.register_fonts()
    pieces = _pieces(fit(text, max_width, size, face), face)
    widths = [stringWidth(run, font, size) for font, run in pieces]
    total = sum(widths)
    left = x - (total if anchor == "end" else total / 2 if anchor == "middle" else 0)
    group = Group()
    for (font, run), width in zip(pieces, widths):
        group.add(String(left, y, run, fontName=font, fontSize=size, fillColor=colour, textAnchor="start"))
        left += width
    return group


def new_drawing(width: float, height: float) -> Drawing:
    """An empty drawing whose starting font is ours: ReportLab otherwise sets Helvetica when it
    starts to draw any drawing, and Helvetica then sits in the PDF, unembedded."""
    fonts.register_fonts()
    canvas = Drawing(width, height)
    canvas.initialFontName = fonts.REGULAR
    canvas.initialFontSize = LABEL_SIZE
    return canvas


def no_data(width: float, text: Optional[str] = None) -> Drawing:
    """A low box saying there is nothing to chart (instead of an empty or broken chart)."""
    height = 28
    drawing = new_drawing(width, height)
    drawing.add(Rect(0.5, 0.5, width - 1, height - 1, strokeColor=RULE, strokeWidth=0.5,
                     fillColor=None, strokeDashArray=[2, 2]))
    drawing.add(label(width / 2, height / 2 - 3, text or _("No data to show"), 8, "middle",
                      colour=MUTED, max_width=width - 8))
    return drawing


def _title(drawing: Drawing, title: Optional[str], width: float, height: float) -> float:
    """Draws the title on the drawing's top line; returns the height left below it."""
    if not title:
        return height
    drawing.add(label(0, height - 9, title, 9, face=fonts.BOLD, colour=ACCENT, max_width=width))
    return height - 16


def nice_step(top: float, ticks: int = 5) -> float:
    """A round step (1, 2 or 5 times a power of ten) giving at most ``ticks`` steps up to ``top``."""
    if top <= 0:
        return 1
    raw = top / ticks
    power = 10 ** math.floor(math.log10(raw))
    for multiple in (1, 2, 5, 10):
        if multiple * power >= raw:
            step = multiple * power
            break
    return max(step, 1) if float(top).is_integer() else step


def _format(value: Number) -> str:
    """Whole numbers as they are, fractions with one decimal (below 100) in the report's language."""
    if isinstance(value, float) and not value.is_integer() and abs(value) < 100:
        return format_decimal(value, 1)
    return format_number(value)


# -- bar chart ---------------------------------------------------------------------------------

def bar_chart_height(rows: int, title: bool = False) -> float:
    """A comfortable height for a bar chart of ``rows`` rows (14 pt a row)."""
    return max(rows, 1) * 14 + (16 if title else 0) + 4


def bar_chart(rows: Sequence[tuple[str, Number]], width: float, height: float,
              title: Optional[str] = None, value_format: Optional[Callable[[Number], str]] = None) -> Drawing:
    """Horizontal bars, one per (label, value), in the given order; the value at each bar's end.

    Labels (partner names in any script) stand right-aligned left of the bars, shortened with "…"
    beyond 40 % of the width. Rows share the height: ``bar_chart_height(len(rows))`` fits them
    at a comfortable size; a smaller height shrinks the text down to 5 pt. ``value_format``
    prints the values (e.g. as money); by default whole numbers, fractions with one decimal."""
    if not rows:
        return no_data(width)
    drawing = new_drawing(width, height)
    top = _title(drawing, title, width, height)
    row_height = min(top / len(rows), 22)
    size = max(5.0, min(LABEL_SIZE, row_height * 0.72))
    bar = max(1.0, min(row_height * 0.62, 12))

    labels = [clean(name) for name, _value in rows]
    values = [max(0, value or 0) for _name, value in rows]
    shown = [(value_format or _format)(value) for value in values]
    label_width = min(max(text_width(text, size) for text in labels) + 1, width * 0.4)
    value_width = max(stringWidth(text, fonts.REGULAR, size) for text in shown) + 4
    x0 = label_width + 6
    span = max(width - x0 - value_width, 1)
    biggest = max(values) or 1

    drawing.add(Line(x0, top, x0, top - row_height * len(rows), strokeColor=MUTED, strokeWidth=0.5))
    for index, (text, value, value_text) in enumerate(zip(labels, values, shown)):
        middle = top - row_height * (index + 0.5)
        baseline = middle - size * 0.35
        drawing.add(label(label_width, baseline, text, size, "end", max_width=label_width))
        length = span * value / biggest
        if length > 0:
            drawing.add(Rect(x0, middle - bar / 2, length, bar, fillColor=ACCENT, strokeColor=None))
        drawing.add(label(x0 + length + 3, baseline, value_text, size, colour=INK))
    return drawing


# -- columns by month --------------------------------------------------------------------------

def short_month_names() -> list[str]:
    """The twelve months' short names in the current language ("sty" … "gru", "Jan" … "Dec")."""
    from babel.dates import get_month_names   # Babel is already loaded by krakow_desk.formatting
    from krakow_desk.formatting import _locale
    return list(get_month_names("abbreviated", context="stand-alone", locale=_locale()).values())


def _series(counts: Sequence) -> list[list[Number]]:
    if counts and all(isinstance(value, (int, float)) or value is None for value in counts):
        return [[value or 0 for value in counts]]
    return [[value or 0 for value in series] for series in counts]


def month_chart(counts: Sequence, month_names: Sequence[str], width: float, height: float,
                series_names: Optional[Sequence[str]] = None, title: Optional[str] = None) -> Drawing:
    """Columns for the months: ``counts`` is one series of 12 numbers, or a list of series (one
    per kind: visits, letters, events…) drawn side by side in each month, named in a legend by
    ``series_names``. ``month_names`` label the columns (short names: "sty", "Jan"). Numbers
    stand above the columns where they fit. Nothing but zeros gives ``no_data``."""
    series = _series(counts)
    months = max((len(one) for one in series), default=0)
    if not months or not any(value for one in series for value in one):
        return no_data(width)
    drawing = new_drawing(width, height)
    top = _title(drawing, title, width, height)
    names = list(series_names or [])
    if len(series) > 1 and names:   # the legend: a swatch and the name for each series
        x = 0.0
        for index, name in enumerate(names[:len(series)]):
            colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
            drawing.add(Rect(x, top - 7, 7, 7, fillColor=colour, strokeColor=None))
            drawing.add(label(x + 10, top - 6.5, name, LABEL_SIZE, max_width=width / len(series) - 14))
            x += min(text_width(name) + 24, width / len(series))
        top -= 14

    biggest = max(value for one in series for value in one)
    step = nice_step(biggest, 4)
    ceiling = step * math.ceil(biggest / step)
    axis_width = stringWidth(_format(ceiling), fonts.REGULAR, 6.5) + 4
    x0, y0 = axis_width + 2, 12.0
    plot_height = max(top - y0 - 10, 10)   # room above for the numbers on the tallest column
    plot_width = width - x0
    scale = plot_height / ceiling

    tick = 0.0
    while tick <= ceiling + step / 2:   # horizontal grid with its numbers on the left
        y = y0 + tick * scale
        drawing.add(Line(x0, y, width, y, strokeColor=GRID if tick else MUTED, strokeWidth=0.5))
        drawing.add(label(axis_width, y - 2.2, _format(tick), 6.5, "end", colour=MUTED))
        tick += step

    slot = plot_width / months
    group_width = slot * 0.78
    column = group_width / len(series)
    size = min(6.5, max(4.5, column * 0.8))
    for month in range(months):
        left = x0 + slot * month + (slot - group_width) / 2
        for index, one in enumerate(series):
            value = one[month] if month < len(one) else 0
            x = left + column * index
            if value > 0:
                colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
                drawing.add(Rect(x + 0.3, y0, column - 0.6, value * scale, fillColor=colour, strokeColor=None))
                text = _format(value)
                # the number above its column, smaller where needed; left out if it cannot fit
                text_size = size
                while text_size > 4.5 and stringWidth(text, fonts.REGULAR, text_size) > column + 1:
                    text_size -= 0.5
                if stringWidth(text, fonts.REGULAR, text_size) <= column + 2:
                    drawing.add(label(x + column / 2, y0 + value * scale + 1.5, text, text_size, "middle"))
        name = month_names[month] if month < len(month_names) else str(month + 1)
        drawing.add(label(x0 + slot * (month + 0.5), 2, name, 6.5, "middle", colour=MUTED, max_width=slot))
    return drawing
