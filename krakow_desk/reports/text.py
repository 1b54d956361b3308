"""User text into ReportLab paragraphs, printed exactly as typed.

Paragraph text is ReportLab's mini-XML: a name with ``<b>`` or ``&`` in it would be read as markup
(or raise, or silently lose text), so every piece of data goes through ``markup()``, which escapes
it, turns line breaks into <br/>, and wraps runs of characters the paragraph's face lacks
(Chinese, Japanese; Arabic in the oblique faces) in <font> tags naming a font that has them.

Right-to-left text (Arabic, Hebrew) is put in visual order here, line by line, by the Unicode
bidirectional algorithm (python-bidi), after arabic-reshaper has given Arabic letters their joined
forms (presentation forms, which DejaVu Sans has). ReportLab's own shaping (uharfbuzz) joins the
letters but orders right-to-left runs only with its separate ``rlbidi`` package, which is not on
PyPI, and it shapes a word with the font of its first character, so mixed runs came out wrong.
Limitation: a right-to-left run that wraps onto a second line is ordered as one line — fine for
names and places, which is what the reports print in Arabic.
"""

import re
import unicodedata
from typing import Iterable, Optional, Union
from xml.sax.saxutils import escape

import arabic_reshaper
from bidi import get_display
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from krakow_desk.reports import fonts

# C0/C1 controls other than the line breaks print as boxes or upset the parser; tabs read as spaces.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x0b|\x0c")
_RTL_CLASSES = {"R", "AL"}


def clean(text: object) -> str:
    """Any value as printable text: None is "", tabs are spaces, controls are gone, line breaks "\n"."""
    if text is None:
        return ""
    text = _LINE_BREAKS.sub("\n", str(text)).replace("\t", " ")
    return _CONTROLS.sub("", text)


def _runs(line: str, face: str) -> Iterable[tuple[Optional[str], str]]:
    """(font, text) runs of one line: font None where the face has the characters itself.

    Spaces and the like stay in the run they are in, so "南京 市" is one run, not three."""
    covered = fonts.coverage(face)
    if all(ord(char) in covered for char in line):
        yield None, line   # the common case, checked quickly: the face has every character
        return
    current: Optional[str] = None
    start = 0
    for index, char in enumerate(line):
        if char.isspace() or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue  # joins whatever run it is in (combining marks stay with their letter)
        font = fonts.font_for(char, face)
        wanted = None if font in (None, face) else font
        if wanted != current:
            if index > start:
                yield current, line[start:index]
            current, start = wanted, index
    if start < len(line):
        yield current, line[start:]


def has_rtl(text: str) -> bool:
    """Whether the text has right-to-left letters (Arabic, Hebrew)."""
    return any(ord(char) >= 0x0590 and unicodedata.bidirectional(char) in _RTL_CLASSES for char in text)


def visual(line: str) -> str:
    """One line in the order it is drawn left to right: Arabic joined, right-to-left runs reversed,
    brackets mirrored; the base direction comes from the line's first strong letter."""
    if not has_rtl(line):
        return line
    return get_display(arabic_reshaper.reshape(line))


def markup(text: object, face: str = fonts.REGULAR) -> str:
    """Paragraph markup that prints ``text`` literally in ``face`` (one of the DejaVu faces)."""
    lines = []
    for line in clean(text).split("\n"):
        line = visual(line)
        parts = []
        for font, run in _runs(line, face):
            run = escape(run)
            parts.append(f'<font name="{font}">{run}</font>' if font else run)
        lines.append("".join(parts))
    return "<br/>".join(lines)


def _face(style: ParagraphStyle) -> str:
    return style.fontName if style.fontName in fonts.FALLBACKS else fonts.REGULAR


def para(text: object, style: ParagraphStyle) -> Paragraph:
    """A paragraph of user text, printed as typed (escaped, every script in a font that has it)."""
    return rich(markup(text, _face(style)), style)


def rich(xml: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph from markup already built with ``markup()`` (for labels in <b> and the like).

    Only text that went through ``markup()`` may be in ``xml``."""
    fonts.register_fonts()
    return Paragraph(xml, style)


def capitalised(text: str) -> str:
    """The first letter in upper case (labels are lower case: "official visit")."""
    return text[:1].upper() + text[1:]


def join(*parts: Union[str, None], separator: str = ", ") -> str:
    """Plain text parts joined, the empty ones left out (for "Kraków, Poland" and the like)."""
    return separator.join(part for part in (clean(p).strip() for p in parts) if part)
