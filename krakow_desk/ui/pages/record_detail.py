"""A read-only detail pane: a heading, sections of facts, and buttons for the record's actions."""

from typing import Optional, Sequence

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from krakow_desk.i18n import _
from krakow_desk.ui.pages.base import EmptyState
from krakow_desk.ui.widgets import DetailHeader, FactSheet, Rows


class RecordDetail(QWidget):
    def __init__(self, section_titles: Sequence[str], parent: Optional[QWidget] = None) -> None:
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

    def show_record(self, title: str, subtitle: str, sections: Sequence[Rows]) -> None:
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
