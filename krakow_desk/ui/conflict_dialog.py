"""Someone saved the record while it was open in a form: who and when, both versions side by
side for the fields that differ, and the choice — keep mine, take theirs, or go back to editing."""

from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from krakow_desk.i18n import _
from krakow_desk.services.errors import Conflict, kind_name
from krakow_desk.store.history import json_value
from krakow_desk.ui.history_text import field_label, full_text, iso_local_text, short_text
from krakow_desk.ui.widgets import WARNING_STYLE

KEEP_MINE, TAKE_THEIRS, BACK_TO_EDITING = 1, 2, 3
SKIPPED = {"key"}


def differing_fields(conflict: Conflict) -> list[str]:
    """The fields whose stored value differs from the one the form tried to save, in the model's order."""
    mine, theirs = conflict.mine.model_dump(), conflict.theirs.model_dump()
    return [name for name in mine if name not in SKIPPED and json_value(mine[name]) != json_value(theirs.get(name))]


def who_and_when(conflict: Conflict) -> str:
    if conflict.by is None:
        return _("Someone else saved this {kind} after you opened it.").format(kind=kind_name(conflict.kind))
    return _("{actor} saved this {kind} on {at}, after you opened it.").format(
        actor=conflict.by.actor, kind=kind_name(conflict.kind), at=iso_local_text(conflict.by.at))


class ConflictDialog(QDialog):
    """``exec()`` returns KEEP_MINE, TAKE_THEIRS or BACK_TO_EDITING (also on Esc: nothing is lost).

    ``untouched`` names the fields the user did not change in the form: keeping mine keeps the
    other person's values there, and the table says so."""

    def __init__(self, conflict: Conflict, untouched: frozenset[str] = frozenset(),
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.conflict = conflict
        self.setWindowTitle(_("The record was changed meanwhile"))
        self.heading = heading = QLabel(who_and_when(conflict) + " " + _("Nothing has been saved yet."), self)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        heading.setStyleSheet(WARNING_STYLE)
        fields = differing_fields(conflict)
        intro = QLabel(_("The fields that differ between their version and yours:") if fields else
                       _("Their version and yours hold the same values."), self)
        intro.setWordWrap(True)
        self.table = QTableWidget(len(fields), 3, self)
        self.table.setHorizontalHeaderLabels([_("Field"), _("Their version (saved)"), _("Your version")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        # One line a field, cut short where long: the tooltip has each value whole.
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        mine, theirs = json_value(conflict.mine.model_dump()), json_value(conflict.theirs.model_dump())
        kind = conflict.kind
        for row, name in enumerate(fields):
            label = QTableWidgetItem(field_label(kind, name))
            bold = QFont(label.font())
            bold.setBold(True)
            label.setFont(bold)
            self.table.setItem(row, 0, label)
            for column, value in ((1, theirs.get(name)), (2, mine.get(name))):
                item = QTableWidgetItem(short_text(value, kind, name))
                item.setToolTip(full_text(value, kind, name))
                self.table.setItem(row, column, item)
            if name in untouched:
                item = self.table.item(row, 2)
                item.setForeground(QColor("#7a7a7a"))
                item.setText(_("{value} (you did not change this: theirs is kept)").format(value=item.text()))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setVisible(bool(fields))
        rows = self.table.verticalHeader().length()
        # As tall as its rows (up to a screenful of them), no empty band under a short list.
        self.table.setFixedHeight(min(rows, 360) + header.sizeHint().height() + 2 * self.table.frameWidth() + 6)

        self.buttons = QDialogButtonBox(self)
        self.keep_button = self.buttons.addButton(_("&Keep mine"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.keep_button.setToolTip(_("Save your version over theirs (their changes to fields you did not "
                                      "touch are kept)"))
        self.theirs_button = self.buttons.addButton(_("&Take theirs"), QDialogButtonBox.ButtonRole.DestructiveRole)
        self.theirs_button.setToolTip(_("Discard your changes and show their version in the form"))
        self.back_button = self.buttons.addButton(_("&Back to editing"), QDialogButtonBox.ButtonRole.RejectRole)
        self.back_button.setToolTip(_("Keep your values in the form, with theirs shown beside each field "
                                      "that differs; saving then saves over their version"))
        self.keep_button.clicked.connect(lambda: self.done(KEEP_MINE))
        self.theirs_button.clicked.connect(lambda: self.done(TAKE_THEIRS))
        self.back_button.clicked.connect(lambda: self.done(BACK_TO_EDITING))
        self.back_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)
        self.resize(860, self.sizeHint().height())

    def reject(self) -> None:
        self.done(BACK_TO_EDITING)

    def rows(self) -> list[tuple[str, str, str]]:
        """(field, theirs, mine) as shown (for tests)."""
        return [tuple(self.table.item(r, c).text() for c in range(3))  # type: ignore[misc]
                for r in range(self.table.rowCount())]

    def text(self) -> str:
        return "\n".join(" | ".join(row) for row in self.rows())


def ask(conflict: Conflict, untouched: frozenset[str], parent: Optional[QWidget] = None) -> int:
    dialog = ConflictDialog(conflict, untouched, parent)
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()

