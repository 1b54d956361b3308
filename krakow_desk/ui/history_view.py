"""The change history on screen: a tree of entries (when, who, what) with their field changes
under them, and the History tab of a record page, read off the GUI thread."""

from typing import Any, Optional, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QHeaderView, QLabel, QStackedWidget, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
    QWidget,
)

from krakow_desk.i18n import _, ngettext
from krakow_desk.services.history import HistoryEntry
from krakow_desk.ui.history_text import (
    change_text, field_label, in_form_order, local_time_text, record_kind_name,
)
from krakow_desk.ui.pages.base import EmptyState
from krakow_desk.ui.tasks import run_task

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


class HistoryTree(QTreeWidget):
    """Entries newest first; each one's changed fields as rows under it ('Field: old → new').

    ``with_record`` adds the record's kind and key (the whole log); ``expanded`` shows every
    entry's changes at once (one record's history), otherwise they open on a click."""

    sig_open = Signal(str, str)
    """(kind, key) of the record of an entry the user activated (double click or Enter)."""

    def __init__(self, with_record: bool = False, expanded: bool = True,
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.with_record, self.expanded = with_record, expanded
        headers = [_("When"), _("Who")]
        if with_record:
            headers += [_("Kind of record"), _("Record")]
        headers += [_("What"), _("Changes")]
        self.setHeaderLabels(headers)
        self.changes_column = len(headers) - 1
        self.setRootIsDecorated(not expanded)
        self.setItemsExpandable(not expanded)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.itemActivated.connect(self._activated)

    def set_entries(self, entries: Sequence[HistoryEntry]) -> None:
        self.clear()
        self.add_entries(entries)

    def add_entries(self, entries: Sequence[HistoryEntry]) -> None:
        first = self.topLevelItemCount() == 0
        self.addTopLevelItems([self._item(entry) for entry in entries])
        if self.expanded:
            self.expandAll()
        if first and entries:
            self.fit()

    def fit(self) -> None:
        """Columns as wide as what they hold, within bounds; the changes take the rest."""
        for column in range(self.changes_column):
            self.resizeColumnToContents(column)
            self.setColumnWidth(column, min(max(self.columnWidth(column) + 16, 70), 260))

    def entry(self, item: QTreeWidgetItem) -> Optional[HistoryEntry]:
        while item.parent() is not None:
            item = item.parent()
        return item.data(0, ENTRY_ROLE)

    def entries(self) -> list[HistoryEntry]:
        return [self.topLevelItem(i).data(0, ENTRY_ROLE) for i in range(self.topLevelItemCount())]

    def text(self) -> str:
        """Everything shown, a line per row (for tests and copying)."""
        lines = []
        for i in range(self.topLevelItemCount()):
            top = self.topLevelItem(i)
            lines.append(" | ".join(top.text(c) for c in range(self.columnCount())))
            lines += ["    " + top.child(j).text(self.changes_column) for j in range(top.childCount())]
        return "\n".join(lines)

    def _item(self, entry: HistoryEntry) -> QTreeWidgetItem:
        cells = [local_time_text(entry.at), entry.actor]
        if self.with_record:
            cells += [record_kind_name(entry.kind), entry.key]
        cells += [entry.action_name]
        changes = in_form_order(entry.kind, entry.changes)
        lines = [change_text(entry.kind, entry.action, c.field, c.old, c.new) for c in changes]
        if len(lines) == 1:
            cells.append(lines[0][0])
        else:
            names = ", ".join(field_label(entry.kind, c.field) for c in changes)
            cells.append(ngettext("{n} field: {names}", "{n} fields: {names}", len(lines)).format(
                n=len(lines), names=names) if lines else "")
        item = QTreeWidgetItem(cells)
        item.setData(0, ENTRY_ROLE, entry)
        item.setToolTip(0, entry.at.astimezone().strftime("%Y-%m-%d %H:%M:%S %Z"))
        if entry.redacted:
            item.setToolTip(self.changes_column, _("Personal data in this entry was erased."))
        if len(lines) == 1:
            item.setToolTip(self.changes_column, lines[0][1])
        elif lines:
            item.setToolTip(self.changes_column, "\n".join(text for text, _tip in lines))
            for text, tip in lines:
                child = QTreeWidgetItem([""] * self.changes_column + [text])
                child.setToolTip(self.changes_column, tip)
                item.addChild(child)
        return item

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        entry = self.entry(item)
        if entry is not None:
            self.sig_open.emit(entry.kind, entry.key)


class HistoryPanel(QStackedWidget):
    """The History tab of one record of ``kind``: ``show_record(key)`` chooses the record; its
    history is read when the tab is shown (and again whenever the page shows the record anew)."""

    sig_loaded = Signal()
    """The tab now shows the record's history as stored."""
    sig_error = Signal(object)

    def __init__(self, desk: Any, kind: str, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.desk, self.kind = desk, kind
        self.key: Optional[str] = None
        self._generation = 0
        self._stale = False
        self.tree = HistoryTree(parent=self)
        self.loading = QLabel(_("Loading…"), self)
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty = EmptyState(
            _("No changes recorded"),
            _("Who changes this record, what and when, is recorded here from now on. "
              "Changes made before the history was kept are not listed."), self)
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.tree)
        for widget in (box, self.loading, self.empty):
            self.addWidget(widget)

    def show_record(self, key: Optional[str]) -> None:
        self._generation += 1
        self.key, self._stale = key, True
        if key is None:
            self.tree.clear()
            self.setCurrentWidget(self.empty)
            self._stale = False
        elif self.isVisible():
            self.load()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self.key is not None:
            self.load()

    def load(self) -> None:
        self._stale = False
        self._generation += 1
        generation, kind, key = self._generation, self.kind, self.key
        if self.tree.topLevelItemCount() == 0:
            self.setCurrentWidget(self.loading)
        run_task(lambda: self.desk.history.of(kind, key), lambda entries: self._loaded(generation, entries),
                 lambda error: self._failed(generation, error), owner=self)

    def _loaded(self, generation: int, entries: list[HistoryEntry]) -> None:
        if generation != self._generation:
            return
        self.tree.set_entries(entries)
        self.setCurrentIndex(0 if entries else 2)
        self.sig_loaded.emit()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.loading.setText(_("The change history could not be read."))
        self.setCurrentWidget(self.loading)
        self.sig_error.emit(error)

    def text(self) -> str:
        return self.tree.text() if self.currentIndex() == 0 else ""
