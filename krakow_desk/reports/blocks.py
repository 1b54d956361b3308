"""Building blocks every report is made of: headings, facts (label: value), tables whose cells
wrap and whose heading row repeats on each page, warning and notice boxes, "nothing recorded".

Everything takes plain user text and escapes it (text.para); cells may also be ready flowables.
"""

from typing import Iterable, Optional, Sequence, Union

from reportlab.lib import colors
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from krakow_desk.reports import fonts
from krakow_desk.reports.styles import (
    ACCENT, CELL_PADDING, FRAME_WIDTH, HEADER_FILL, NOTICE_FILL, RULE, WARNING_EDGE, WARNING_FILL, ZEBRA_FILL, styles,
)
from krakow_desk.reports.text import markup, para, rich

Cell = Union[str, None, Flowable]


def table_style(commands: list) -> TableStyle:
    """A TableStyle on the shipped font: without FONTNAME a table sets Helvetica for its cells,
    which then sits in the PDF unembedded (PDF/A forbids it) even when every cell is a Paragraph."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR), *commands])


def heading(text: str, level: int = 1) -> list[Flowable]:
    """A heading that never stands alone at the foot of a page: it starts a new page unless
    there is room for it and a few lines after it. (keepWithNext would instead move the heading
    together with a whole table, leaving most of a page empty.)"""
    st = styles()
    style = st.h1 if level <= 1 else st.h2
    return [CondPageBreak(style.spaceBefore + style.leading + 4 * st.cell.leading + 8), para(text, style)]


def section(title: str, *content: Flowable) -> list[Flowable]:
    """A heading and its content."""
    return [*heading(title), *content]


def note(text: str) -> Paragraph:
    """A quiet line: "None recorded.", a source, an explanation."""
    return para(text, styles().small)


def body(text: str) -> Paragraph:
    return para(text, styles().body)


def labelled(label: str, value: str) -> Paragraph:
    """"Label: value" in one paragraph, the label in bold."""
    return rich(f"<b>{markup(label, fonts.BOLD)}:</b> {markup(value)}", styles().body)


def _cell(value: Cell, style) -> Flowable:  # noqa: ANN001
    if isinstance(value, Flowable):
        return value
    return para("" if value is None else value, style)


def facts(rows: Iterable[tuple[str, Cell]], label_width: float = 42 * 2.835,
          width: float = FRAME_WIDTH) -> Optional[Table]:
    """A two-column list of facts; rows without a value are left out (None when none is left)."""
    st = styles()
    data = [[para(label, st.label), _cell(value, st.cell)] for label, value in rows
            if value not in (None, "") and not (isinstance(value, str) and not value.strip())]
    if not data:
        return None
    table = Table(data, colWidths=[label_width, width - label_width], hAlign="LEFT", splitInRow=1)
    table.setStyle(table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]))
    return table


def data_table(headings: Sequence[str], rows: Sequence[Sequence[Cell]], widths: Sequence[float],
               right: Sequence[int] = (), bold: Sequence[int] = ()) -> Table:
    """A table with a heading row repeated on every page, wrapped cells, light zebra stripes.

    ``widths`` are fractions of the frame's width (they are scaled to add up to it); ``right`` and
    ``bold`` list the columns whose cells are right-aligned (numbers) or bold (names)."""
    st = styles()
    total = sum(widths)
    col_widths = [FRAME_WIDTH * w / total for w in widths]

    def style_for(column: int):  # noqa: ANN202
        if column in right:
            return st.cell_right
        return st.cell_bold if column in bold else st.cell

    data = [[para(text, st.cell_head_right if column in right else st.cell_head) for column, text in enumerate(headings)]]
    data += [[_cell(value, style_for(column)) for column, value in enumerate(row)] for row in rows]
    table = Table(data, colWidths=col_widths, repeatRows=1, hAlign="LEFT", splitInRow=1)
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PADDING - 0.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
    ]
    commands += [("BACKGROUND", (0, row), (-1, row), ZEBRA_FILL) for row in range(2, len(data), 2)]
    table.setStyle(table_style(commands))
    return table


BOX_PADDING = 8
BOX_INNER_WIDTH = FRAME_WIDTH - 2 * BOX_PADDING


def grid(rows: Sequence[Sequence[Cell]], widths: Sequence[float], width: float = FRAME_WIDTH) -> Table:
    """Rows without a heading or lines (inside a box, say); ``widths`` are fractions of ``width``."""
    st = styles()
    total = sum(widths)
    data = [[_cell(value, st.cell) for value in row] for row in rows]
    table = Table(data, colWidths=[width * w / total for w in widths], hAlign="LEFT", splitInRow=1)
    table.setStyle(table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table


def _box(content: Sequence[Flowable], fill: colors.Color, edge: colors.Color) -> Table:
    # splitInRow: a long list of warnings may run over a page break rather than fail
    table = Table([[list(content)]], colWidths=[FRAME_WIDTH], hAlign="LEFT", splitInRow=1)
    table.setStyle(table_style([
        ("BACKGROUND", (0, 0), (-1, -1), fill),
        ("LINEBEFORE", (0, 0), (0, -1), 3, edge),
        ("LEFTPADDING", (0, 0), (-1, -1), BOX_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), BOX_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    return table


def warning_box(title: str, lines: Iterable[str]) -> Flowable:
    """A box that catches the eye: clashes, a gift that repeats one given before, an unmet need."""
    st = styles()
    content: list[Flowable] = [rich(f"<b>⚠ {markup(title, fonts.BOLD)}</b>", st.warning)]
    content += [rich(f"•&nbsp;{markup(line)}", st.warning) for line in lines]
    return KeepTogether([Spacer(1, 2), _box(content, WARNING_FILL, WARNING_EDGE), Spacer(1, 4)])


def notice_box(title: str, content: Sequence[Flowable]) -> Flowable:
    """A calm box for what must not be overlooked (dietary and accessibility needs)."""
    st = styles()
    heading_ = rich(f"<b>{markup(title, fonts.BOLD)}</b>", st.cell_head)
    return KeepTogether([Spacer(1, 2), _box([heading_, *content], NOTICE_FILL, ACCENT),
                         Spacer(1, 4)])
