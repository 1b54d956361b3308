"""A read-only detail pane: a heading, sections of facts (and, given the desk, the record's change
history in a second tab), and buttons for the record's actions."""

from typing import Any, Optional, Sequence

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTabWidget, QVBoxLayout, QWidget

from krakow_desk.i18n import _
from krakow_desk.ui.pages.base import EmptyState
from krakow_desk.ui.widgets import DetailHeader, FactSheet, Rows


class RecordDetail(QWidget):
    def __init__(self, section_titles: Sequence[str], parent: Optional[QWidget] = None,
                 desk: Any = None, kind: str = "") -> None:
        super().__init__(parent)
        self.section_titles = list(section_titles)
        self.header = DetailHeader(self)
        self.title, self.subtitle = self.header.title, self.header.subtitle
        self.sheet = FactSheet(self)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self.content = QWidget(self)
        column = QVBoxLayout(self.content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.header)
        self.history = None
        self.tabs: Optional[QTabWidget] = None
        if desk is not None and kind:
            from krakow_desk.ui.history_view import HistoryPanel
            self.history = HistoryPanel(desk, kind, self)
            self.tabs = QTabWidget(self)
            self.tabs.setDocumentMode(True)
            self.tabs.addTab(self.sheet, _("Details"))
            self.tabs.addTab(self.history, _("History"))
            column.addWidget(self.tabs, 1)
        else:
            column.addWidget(self.sheet, 1)
        column.addLayout(self.buttons)
        self.nothing = EmptyState(_("Nothing selected"), _("Choose a record from the list."), self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.content)
        layout.addWidget(self.nothing)
        self.show_nothing()

    def add_button(self, text: str) -> QPushButton:
        button = QPushButton(text, self)
        self.buttons.insertWidget(self.buttons.count() - 1, button)
        return button

    def show_nothing(self) -> None:
        self.content.hide()
        self.nothing.show()
        if self.history is not None:
            self.history.show_record(None)

    def show_record(self, title: str, subtitle: str, sections: Sequence[Rows], key: Optional[str] = None) -> None:
        """Show a record's facts; ``key`` names it for the History tab."""
        if self.history is not None:
            self.history.show_record(key)
        self.nothing.hide()
        self.content.show()
        self.title.setText(title)
        self.subtitle.setText(subtitle)
        self.subtitle.setVisible(bool(subtitle))
        self.sheet.set_sections(*(FactSheet.rows_html(name, rows)
                                  for name, rows in zip(self.section_titles, sections)))

    def text(self) -> str:
        """What the pane shows, as plain text (for tests and copying)."""
        return "\n".join((self.title.text(), self.subtitle.text(), self.sheet.toPlainText()))
