"""The page every report shares: A4, a running header (the report and what it is about), a footer
(page X of Y, the date printed, the report's language), and writing the file safely.

``build_pdf`` is deterministic: ReportLab's ``invariant`` mode fixes the PDF's internal dates and
identifiers, so the same story gives the same bytes; only the printed date on the page changes.
Every report comes out as PDF/A-2b (``pdfa.to_pdfa``: XMP identification, sRGB output intent,
the PDF's dates set to the printed date, a content-derived ID).
"""

import io
import os
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable, Sequence

from reportlab.pdfgen.canvas import Canvas
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from krakow_desk.formatting import format_date
from krakow_desk.i18n import _, language
from krakow_desk.labels import language_names
from krakow_desk.reports import fonts
from krakow_desk.reports.pdfa import to_pdfa
from krakow_desk.reports.styles import (
    BOTTOM_MARGIN, FRAME_WIDTH, LEFT_MARGIN, PAGE_SIZE, RIGHT_MARGIN, RULE, TOP_MARGIN, styles,
)
from krakow_desk.reports.text import para
from krakow_desk.services.errors import DeskError

PRODUCER = "Krakow Desk"


@dataclass(frozen=True)
class ReportInfo:
    """What the header, the footer and the PDF's properties say about a report."""
    title: str                  # "Protocol briefing" — the kind of report, translated
    subject: str                # what it is about: a visit's title, a partner's name, a year
    language: str = field(default_factory=language)   # the report's language code ("pl", "en")
    printed: date = field(default_factory=date.today)


class _NumberedCanvas(Canvas):
    """Holds the pages back until the end, so each footer can say how many pages there are."""

    def __init__(self, *args: Any, decorate: Callable[[Canvas, int, int], None], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._decorate = decorate
        self._pages: list[dict] = []

    def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._decorate(self, number, total)
            super().showPage()
        super().save()


def _one_line(text: str, style: ParagraphStyle, width: float) -> Paragraph:
    """The text as one line of ``width``, shortened with "…" where it is longer (a header line
    that wrapped would run into the rule under it)."""
    full = para(text, style)
    if full.wrap(width, 100)[1] <= style.leading * 1.1:
        return full
    low, high = 0, len(text)
    while low < high:   # the longest prefix that still fits on one line
        middle = (low + high + 1) // 2
        if para(text[:middle].rstrip() + "…", style).wrap(width, 100)[1] <= style.leading * 1.1:
            low = middle
        else:
            high = middle - 1
    return para(text[:low].rstrip() + "…", style)


def _decorator(info: ReportInfo) -> Callable[[Canvas, int, int], None]:
    st = styles()
    language_name = language_names([info.language])
    printed = _("Printed {date}").format(date=format_date(info.printed))
    in_language = _("Language: {language}").format(language=language_name)
    footer_left = f"{printed} · {in_language}"
    width, height = PAGE_SIZE
    header_y = height - TOP_MARGIN + 6
    footer_y = BOTTOM_MARGIN - 10

    title = _one_line(info.title, st.header, FRAME_WIDTH * 0.35 - 6)
    subject = _one_line(info.subject, st.header_right, FRAME_WIDTH * 0.65)

    def place(canvas: Canvas, flowable: Flowable, x: float, top: float, width_: float) -> None:
        _w, h = flowable.wrapOn(canvas, width_, 40)
        flowable.drawOn(canvas, x, top - h)

    def decorate(canvas: Canvas, page: int, pages: int) -> None:
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        # header: the report on the left, its subject on the right, a hairline under both
        place(canvas, title, LEFT_MARGIN, header_y + 12, FRAME_WIDTH * 0.35)
        place(canvas, subject, LEFT_MARGIN + FRAME_WIDTH * 0.35, header_y + 12, FRAME_WIDTH * 0.65)
        canvas.line(LEFT_MARGIN, header_y, width - RIGHT_MARGIN, header_y)
        # footer: a hairline, then the date and language on the left and the page on the right
        canvas.line(LEFT_MARGIN, footer_y + 2, width - RIGHT_MARGIN, footer_y + 2)
        place(canvas, para(footer_left, st.header), LEFT_MARGIN, footer_y, FRAME_WIDTH * 0.7)
        page_text = _("Page {page} of {pages}").format(page=page, pages=pages)
        place(canvas, para(page_text, st.header_right), LEFT_MARGIN + FRAME_WIDTH * 0.7, footer_y,
              FRAME_WIDTH * 0.3)
        canvas.restoreState()

    return decorate


def build_pdf(story: Sequence[Flowable], info: ReportInfo) -> bytes:
    """The story laid out on the shared page, as PDF bytes. Call it in the report's language
    (``krakow_desk.i18n.using_language``): the header and footer are translated here."""
    fonts.register_fonts()
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=PAGE_SIZE, leftMargin=LEFT_MARGIN, rightMargin=RIGHT_MARGIN,
        topMargin=TOP_MARGIN, bottomMargin=BOTTOM_MARGIN, title=f"{info.title}: {info.subject}",
        subject=info.subject, author=PRODUCER, creator=PRODUCER, lang=info.language, invariant=1,
        initialFontName=fonts.REGULAR, displayDocTitle=1,
    )
    frame = Frame(LEFT_MARGIN, BOTTOM_MARGIN, FRAME_WIDTH, PAGE_SIZE[1] - TOP_MARGIN - BOTTOM_MARGIN,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    decorate = _decorator(info)
    doc.build(list(story), canvasmaker=lambda *a, **k: _NumberedCanvas(*a, decorate=decorate, **k))
    return to_pdfa(buffer.getvalue(), info)   # every report archival: PDF/A-2b (reports.pdfa)


def write_pdf(data: bytes, path: Path) -> None:
    """Write the file whole or not at all: a temporary file beside it, then a rename, so a reader
    (or a failed write) never sees half a PDF. A failure is a DeskError naming the file."""
    path = Path(path)
    temporary: Path | None = None
    try:
        handle = tempfile.NamedTemporaryFile(dir=path.parent or Path("."), prefix=f".{path.name}.",
                                             suffix=".part", delete=False)
        temporary = Path(handle.name)
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except OSError as error:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        reason = error.strerror or str(error)
        raise DeskError(_("Cannot write {path}: {reason}").format(path=path, reason=reason)) from None
