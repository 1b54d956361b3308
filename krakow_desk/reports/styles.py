"""The reports' look in one place: page, colours, paragraph and table styles.

Every style is on the shipped Unicode font (fonts.REGULAR and its faces); nothing uses
ReportLab's built-in Helvetica, which prints boxes for ł, ś and ż.
"""

from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from krakow_desk.reports import fonts

PAGE_SIZE = A4
LEFT_MARGIN = RIGHT_MARGIN = 18 * mm
TOP_MARGIN = 24 * mm        # room for the running header
BOTTOM_MARGIN = 20 * mm     # room for the footer
FRAME_WIDTH = PAGE_SIZE[0] - LEFT_MARGIN - RIGHT_MARGIN

# Krakow's blue, a quiet grey for secondary text, and tints that still read when photocopied.
INK = colors.HexColor("#1A1A1A")
ACCENT = colors.HexColor("#1F3F73")
MUTED = colors.HexColor("#5F6670")
RULE = colors.HexColor("#B9C2CF")
HEADER_FILL = colors.HexColor("#E3E9F2")
ZEBRA_FILL = colors.HexColor("#F5F7FA")
WARNING_FILL = colors.HexColor("#FFF3E0")
WARNING_EDGE = colors.HexColor("#D9822B")
WARNING_INK = colors.HexColor("#8A4B0F")
NOTICE_FILL = colors.HexColor("#EEF3FA")

BODY_SIZE = 9.5
CELL_SIZE = 8.5
CELL_PADDING = 3


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle        # the report's title on its first page
    subtitle: ParagraphStyle     # the line under it (partner, dates)
    h1: ParagraphStyle           # a section
    h2: ParagraphStyle           # a part of a section (a programme day, a partner)
    body: ParagraphStyle
    small: ParagraphStyle        # notes, sources, "nothing recorded"
    label: ParagraphStyle        # a fact's name beside its value
    cell: ParagraphStyle         # table cells
    cell_bold: ParagraphStyle
    cell_right: ParagraphStyle   # numbers, amounts
    cell_head: ParagraphStyle    # table column headings
    cell_head_right: ParagraphStyle
    warning: ParagraphStyle      # text inside a warning box
    header: ParagraphStyle       # running header and footer
    header_right: ParagraphStyle


@lru_cache(maxsize=1)
def styles() -> Styles:
    fonts.register_fonts()
    body = ParagraphStyle("kd-body", fontName=fonts.REGULAR, fontSize=BODY_SIZE, leading=BODY_SIZE * 1.32,
                          textColor=INK, alignment=TA_LEFT, spaceAfter=3)
    cell = ParagraphStyle("kd-cell", parent=body, fontSize=CELL_SIZE, leading=CELL_SIZE * 1.25, spaceAfter=0)
    header = ParagraphStyle("kd-header", parent=body, fontSize=7.5, leading=9.5, textColor=MUTED, spaceAfter=0)
    return Styles(
        title=ParagraphStyle("kd-title", parent=body, fontName=fonts.BOLD, fontSize=18, leading=22,
                             textColor=ACCENT, spaceAfter=2),
        subtitle=ParagraphStyle("kd-subtitle", parent=body, fontSize=11, leading=14, textColor=MUTED,
                                spaceAfter=8),
        h1=ParagraphStyle("kd-h1", parent=body, fontName=fonts.BOLD, fontSize=12.5, leading=15.5,
                          textColor=ACCENT, spaceBefore=12, spaceAfter=5),
        h2=ParagraphStyle("kd-h2", parent=body, fontName=fonts.BOLD, fontSize=10.5, leading=13,
                          textColor=INK, spaceBefore=8, spaceAfter=3),
        body=body,
        small=ParagraphStyle("kd-small", parent=body, fontSize=8, leading=10.5, textColor=MUTED),
        label=ParagraphStyle("kd-label", parent=cell, textColor=MUTED),
        cell=cell,
        cell_bold=ParagraphStyle("kd-cell-bold", parent=cell, fontName=fonts.BOLD),
        cell_right=ParagraphStyle("kd-cell-right", parent=cell, alignment=TA_RIGHT),
        cell_head=ParagraphStyle("kd-cell-head", parent=cell, fontName=fonts.BOLD, textColor=ACCENT),
        cell_head_right=ParagraphStyle("kd-cell-head-right", parent=cell, fontName=fonts.BOLD, textColor=ACCENT,
                                       alignment=TA_RIGHT),
        warning=ParagraphStyle("kd-warning", parent=cell, fontSize=9, leading=11.5, textColor=WARNING_INK),
        header=header,
        header_right=ParagraphStyle("kd-header-right", parent=header, alignment=TA_RIGHT),
    )
