"""A generated report's pages as images: rendered with pdfium on a worker thread, shown in a
scrollable column fitted to its width, and painted onto a printer.

Qt's own PDF module is not part of PySide6-Essentials, hence pypdfium2. Only QImage is made
off the GUI thread (QPixmap must not be); the pixmaps are scaled on the GUI thread.
"""

from typing import Optional, Sequence

import pypdfium2 as pdfium
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

PREVIEW_WIDTH = 1240      # pixels of a rendered page: sharp up to a wide preview, scaled down below
PRINT_DPI_CAP = 300       # more only makes the print job heavier, not the paper sharper
POINTS_PER_INCH = 72


def page_count(data: bytes) -> int:
    document = pdfium.PdfDocument(data)
    try:
        return len(document)
    finally:
        document.close()


def _image(page: "pdfium.PdfPage", scale: float) -> QImage:
    bitmap = page.render(scale=scale, rev_byteorder=True, prefer_bgrx=True)
    try:
        image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                       QImage.Format.Format_RGBX8888 if bitmap.n_channels == 4 else QImage.Format.Format_RGB888)
        return image.copy()   # detach from pdfium's buffer before it is freed
    finally:
        bitmap.close()


def render_for_screen(data: bytes, width: int = PREVIEW_WIDTH) -> list[QImage]:
    """Every page ``width`` pixels wide (for a worker thread)."""
    document = pdfium.PdfDocument(data)
    try:
        images = []
        for index in range(len(document)):
            page = document[index]
            images.append(_image(page, width / page.get_width()))
            page.close()
        return images
    finally:
        document.close()


def render_at_dpi(data: bytes, dpi: int) -> list[QImage]:
    """Every page at ``dpi`` (capped at PRINT_DPI_CAP), for a printer (for a worker thread)."""
    scale = min(max(dpi, 72), PRINT_DPI_CAP) / POINTS_PER_INCH
    document = pdfium.PdfDocument(data)
    try:
        images = []
        for index in range(len(document)):
            page = document[index]
            images.append(_image(page, scale))
            page.close()
        return images
    finally:
        document.close()


def print_images(images: Sequence[QImage], printer: QPrinter) -> bool:
    """Paint one image per sheet, fitted into the printable area keeping its proportions (GUI
    thread). False if the printer could not be opened."""
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        for number, image in enumerate(images):
            if number:
                printer.newPage()
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(area.x() + (area.width() - size.width()) // 2, area.y(), size.width(), size.height())
            painter.drawImage(target, image)
    finally:
        painter.end()
    return True


class PreviewPane(QScrollArea):
    """The pages one under another on a grey ground, each fitted to the pane's width."""

    MARGIN = 16

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.column = QWidget(self)
        self.column.setObjectName("reportPages")
        self.layout_ = QVBoxLayout(self.column)
        self.layout_.setContentsMargins(self.MARGIN, self.MARGIN, self.MARGIN, self.MARGIN)
        self.layout_.setSpacing(self.MARGIN)
        # before the first report: a line saying what to do, not an empty grey slab
        self.hint = QLabel(self.column)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setProperty("role", "hint")
        self.layout_.addWidget(self.hint, 1)
        self.layout_.addStretch(1)
        self.setWidget(self.column)
        self.images: list[QImage] = []
        self.labels: list[QLabel] = []
        self._width = 0

    def set_hint(self, text: str) -> None:
        self.hint.setText(text)

    def page_count(self) -> int:
        return len(self.images)

    def clear(self) -> None:
        self.set_pages([])

    def set_pages(self, images: Sequence[QImage]) -> None:
        for label in self.labels:
            self.layout_.removeWidget(label)
            label.deleteLater()
        self.images, self.labels = list(images), []
        for number, _image in enumerate(self.images):
            label = QLabel(self.column)
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            self.layout_.insertWidget(number, label)
            self.labels.append(label)
        self.hint.setVisible(not self.labels)
        # grey ground around the pages, as readers show paper
        self.column.setStyleSheet("#reportPages { background: #8a8d91; }" if self.labels else "")
        self._width = 0
        self._fit()
        self.verticalScrollBar().setValue(0)

    def _fit(self) -> None:
        width = max(self.viewport().width() - 2 * self.MARGIN, 100)
        if width == self._width:
            return
        self._width = width
        for image, label in zip(self.images, self.labels):
            scaled = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
            label.setPixmap(QPixmap.fromImage(scaled))
            label.setFixedHeight(scaled.height())

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 (Qt's name)
        super().resizeEvent(event)
        self._fit()
