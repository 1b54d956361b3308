"""The reports' fonts: DejaVu Sans for Latin, Cyrillic, Georgian, Greek, Hebrew and Arabic, Droid
Sans Fallback for Chinese and Japanese — both shipped in resources/fonts and embedded (subset) in
every PDF. ReportLab's built-in Helvetica has no ł, ś or ż, so nothing here ever falls back to it.

Fonts are registered once per process, on first use, under a lock (a report may be built on a
worker thread while another is built on the command line's). Droid Sans Fallback is 4 MB and
read only when a text has a character DejaVu Sans lacks.
"""

import threading
from functools import lru_cache
from typing import Optional

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from krakow_desk.resources import fonts_dir

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"
CJK = "DroidSansFallback"
# The upright faces again under names of their own: inside an oblique paragraph a
# <font name="DejaVuSans"> would be mapped back to the oblique face (ReportLab keeps the
# paragraph's italic flag), and DejaVu Sans Oblique has no Arabic. These names are families of
# one face, so they stay upright; ReportLab shares the face with the main name (embedded once).
UPRIGHT = "KD-Upright"
UPRIGHT_BOLD = "KD-UprightBold"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
    UPRIGHT: "DejaVuSans.ttf",
    UPRIGHT_BOLD: "DejaVuSans-Bold.ttf",
    CJK: "DroidSansFallbackFull.ttf",
}

# Where a face lacks a character, the next font in its chain that has it prints it.
FALLBACKS = {
    REGULAR: (REGULAR, CJK),
    BOLD: (BOLD, UPRIGHT, CJK),
    ITALIC: (ITALIC, UPRIGHT, CJK),
    BOLD_ITALIC: (BOLD_ITALIC, UPRIGHT_BOLD, UPRIGHT, CJK),
}

_lock = threading.RLock()
_registered: set[str] = set()


def _register(name: str) -> TTFont:
    with _lock:
        if name not in _registered:
            pdfmetrics.registerFont(TTFont(name, str(fonts_dir() / _FILES[name])))
            _registered.add(name)
        return pdfmetrics.getFont(name)


def register_fonts() -> None:
    """Register the DejaVu family (idempotent, thread-safe); <b> and <i> in markup pick its faces."""
    with _lock:
        if REGULAR in _registered:
            return
        for name in (BOLD, ITALIC, BOLD_ITALIC, UPRIGHT, UPRIGHT_BOLD, REGULAR):
            _register(name)
        pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC,
                                      boldItalic=BOLD_ITALIC)


@lru_cache(maxsize=None)
def coverage(name: str) -> frozenset[int]:
    """The code points the font has glyphs for (registers it: the CJK font only when asked)."""
    register_fonts()
    return frozenset(_register(name).face.charToGlyph)


def font_for(char: str, face: str) -> Optional[str]:
    """The first font of ``face``'s chain that has ``char``; None when none has it."""
    code = ord(char)
    for name in FALLBACKS.get(face, (face,)):
        if code in coverage(name):
            return name
    return None
