"""Small widgets the pages share: a record's heading, a read-only fact sheet and a related-records table."""

from html import escape
from typing import Any, Callable, Optional, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QStackedWidget, QTableView,
    QTextBrowser, QVBoxLayout, QWidget,
)

from krakow_desk.ui.pages.base import EmptyState
from krakow_desk.ui.table_model import Column, RecordTableModel


def fit_columns(view: QTableView, most: int, least: int = 0) -> None:
    """Columns as wide as their contents, within bounds; the last one stretches anyway."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for column in range(header.count() - 1):
        header.resizeSection(column, min(max(header.sectionSize(column), least), most))


# Boxes above a record or a form: yellow for what needs a look, green for what went well.
WARNING_COLOUR = "#8a5300"
WARNING_STYLE = (f"color: {WARNING_COLOUR}; background: #fff4d6; border: 1px solid #e0b44a; border-radius: 3px;"
                 " padding: 6px;")
NOTICE_STYLE = "color: #1d4f2a; background: #e3f4e6; border: 1px solid #8cc79a; border-radius: 3px; padding: 6px;"


def value_label(text: str, parent: Optional[QWidget] = None) -> QLabel:
    """Record text shown as plain text (never interpreted as markup) and selectable."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                  | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    return label


def message_box(style: str, parent: Optional[QWidget] = None, selectable: bool = True) -> QLabel:
    """A hidden box for a warning or a notice (``WARNING_STYLE``, ``NOTICE_STYLE``), in plain text.
    Not ``selectable`` in a form, where a selectable label would take a place in the Tab order."""
    if selectable:
        box = value_label("", parent)
    else:
        box = QLabel(parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setWordWrap(True)
    box.setStyleSheet(style)
    box.hide()
    return box


class DetailHeader(QWidget):
    """A record's heading: its name, large and bold, a line of facts under it, and the record's
    actions at the top right (``add_button``)."""

    def __init__(self, parent: Optional[QWidget] = None, scale: float = 1.4, wrap: bool = True) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(wrap)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * scale)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = value_label("", self)
        names = QVBoxLayout()
        names.addWidget(self.title)
        names.addWidget(self.subtitle)
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.addLayout(names, 1)

    def add_button(self, text: str) -> QPushButton:
        button = QPushButton(text, self)
        self._row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        return button


Rows = Sequence[tuple[str, str]]


class FactSheet(QTextBrowser):
    """Read-only facts as a small HTML document: sections of 'label: value' rows and tables.

    A text document wraps long values (notes, assessments) at any width, where word-wrapped
    labels in a form layout get clipped. Every value is escaped: record text is never markup.
    """

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.viewport().setAutoFillBackground(False)

    @staticmethod
    def rows_html(title: str, rows: Rows) -> str:
        shown = [(name, value) for name, value in rows if value]
        if not shown:
            return ""
        cells = "".join(
            f"<tr><td align='right' style='color:#5a5a5a; padding:2px 10px 2px 0'>{escape(name)}:</td>"
            f"<td style='padding:2px 0'>{escape(value).replace(chr(10), '<br>')}</td></tr>"
            for name, value in shown)
        return f"<h3 style='margin-top:10px'>{escape(title)}</h3><table cellspacing='0'>{cells}</table>"

    @staticmethod
    def table_html(title: str, headers: Sequence[str], rows: Sequence[Sequence[str]], empty: str) -> str:
        html = f"<h3 style='margin-top:10px'>{escape(title)}</h3>"
        if not rows:
            return html + f"<p>{escape(empty)}</p>"
        head = "".join(f"<th align='left' style='padding:2px 12px 2px 0'>{escape(h)}</th>" for h in headers)
        body = "".join("<tr>" + "".join(f"<td style='padding:2px 12px 2px 0'>{escape(c)}</td>" for c in row)
                       + "</tr>" for row in rows)
        return f"{html}<table cellspacing='0'><tr>{head}</tr>{body}</table>"

    def set_sections(self, *parts: str, columns: int = 1) -> None:
        """Show HTML parts (from rows_html/table_html) in one column, or split over two."""
        parts = tuple(part for part in parts if part)
        if columns == 2 and len(parts) > 1:
            half = (len(parts) + 1) // 2
            left, right = "".join(parts[:half]), "".join(parts[half:])
            html = (f"<table width='100%' cellspacing='0'><tr><td width='50%' valign='top' "
                    f"style='padding-right:16px'>{left}</td><td width='50%' valign='top'>{right}</td></tr></table>")
        else:
            html = "".join(parts)
        self.setHtml(html)


class RelatedTable(QStackedWidget):
    """A table of records, or a sentence saying there are none."""

    sig_open = Signal(str)
    """The key of a record the user activated (double click or Enter)."""

    def __init__(self, columns: Sequence[Column[Any]], key: Callable[[Any], str], empty_title: str,
                 empty_text: str, parent: Optional[QWidget] = None, compact: bool = False) -> None:
        super().__init__(parent)
        self.compact = compact
        self.model: RecordTableModel[Any] = RecordTableModel(columns, key, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.view.activated.connect(lambda index: self.sig_open.emit(key(self.model.record(index.row()))))
        if compact:
            # One quiet line where several lists share a page (the agenda).
            self.empty: QWidget = value_label(empty_text, self)
            self.empty.setStyleSheet("color: #5a5a5a; padding: 2px 0 8px 0;")
        else:
            self.empty = EmptyState(empty_title, empty_text, self)
        self.addWidget(self.view)
        self.addWidget(self.empty)

    def set_records(self, records: Sequence[Any]) -> None:
        self.model.set_records(records)
        self.setCurrentWidget(self.view if records else self.empty)
        if self.compact:
            # Exactly the header and the rows: a list of two is two lines tall, not three.
            rows = self.view.verticalHeader().defaultSectionSize() * len(records)
            header = self.view.horizontalHeader().sizeHint().height()
            height = header + rows + 2 * self.view.frameWidth()
            if self.view.horizontalScrollBar().isVisible():
                height += self.view.horizontalScrollBar().sizeHint().height()
            self.setFixedHeight(min(height, 320) if records else self.empty.sizeHint().height())
        if records:
            fit_columns(self.view, most=320)

    def select_key(self, key: str) -> bool:
        row = self.model.row_of(key)
        if row >= 0:
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))
        return row >= 0


def section(title: str, widget: QWidget, parent: Optional[QWidget] = None) -> QWidget:
    """A bold caption over a widget."""
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    caption = QLabel(title, box)
    font = caption.font()
    font.setBold(True)
    caption.setFont(font)
    layout.addWidget(caption)
    layout.addWidget(widget, 1)
    return box
