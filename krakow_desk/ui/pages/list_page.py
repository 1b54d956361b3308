"""A registry section: filter bar, sortable table, detail pane, and the create/edit/delete actions.

Subclasses say which records to load, which columns and filters to show, and which detail
widget to use; loading runs off the GUI thread.
"""

from typing import Any, Callable, Generic, Iterable, Optional, Sequence, TypeVar

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLineEdit, QPushButton, QSplitter,
    QTableView, QVBoxLayout, QWidget,
)

from krakow_desk.domain.text import fold
from krakow_desk.i18n import _
from krakow_desk.services.collection import Changes
from krakow_desk.services.desk import Desk
from krakow_desk.ui.pages.base import Page
from krakow_desk.ui.table_model import KEY_ROLE, Column, RecordTableModel
from krakow_desk.ui.tasks import run_task
from krakow_desk.ui.widgets import fit_columns

R = TypeVar("R")


class FilterCombo(QComboBox):
    """'All …' followed by the values; ``value()`` is None for 'All'."""

    def __init__(self, everything: str, items: Sequence[tuple[Any, str]], parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self._fill(everything, items)
        # Narrow in the bar, so that a row of filters fits a small screen; the open list is as
        # wide as its longest entry.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(10)

    def showPopup(self) -> None:
        self.view().setMinimumWidth(self.view().sizeHintForColumn(0) + 24)
        super().showPopup()

    def value(self) -> Any:
        return self.currentData()

    def select(self, value: Any) -> None:
        index = self.findData(value)
        self.setCurrentIndex(max(index, 0))

    def refill(self, everything: str, items: Iterable[tuple[Any, str]]) -> None:
        """Replace the values with those that occur, keeping the user's choice (no signal: the
        filter it stands for has not changed)."""
        chosen = self.value()
        self.blockSignals(True)
        self.clear()
        self._fill(everything, items)
        self.select(chosen)
        self.blockSignals(False)

    def _fill(self, everything: str, items: Iterable[tuple[Any, str]]) -> None:
        self.addItem(everything, None)
        for value, text in items:
            self.addItem(text, value)


def set_names(combos: Sequence[tuple[FilterCombo, str]]) -> None:
    """Give each filter its name, as a tooltip and for screen readers (the 'All …' text is not one)."""
    for combo, name in combos:
        combo.setToolTip(name)
        combo.setAccessibleName(name)


class ListPage(Page, Generic[R]):
    kind: str = ""                      # the record kind, as the services and forms name it

    sig_loaded = Signal()
    """The records are in the table (after the first load and after each refresh)."""

    def __init__(self, desk: Desk, parent: Optional[QWidget] = None) -> None:
        super().__init__(desk, parent)
        self.kinds = frozenset({self.kind})
        self._loaded = False
        self._loading = False
        self._sized = False
        self._wanted_key: Optional[str] = None
        self.model: RecordTableModel[R] = RecordTableModel(self.columns(), self.key_of, self)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setPlaceholderText(_("Filter this list (Ctrl+F)…"))
        self.filter_edit.setMinimumWidth(160)
        self._filter_timer = QTimer(self, singleShot=True, interval=120)
        self._filter_timer.timeout.connect(self.apply_filters)
        self.filter_edit.textChanged.connect(lambda _text: self._filter_timer.start())
        self.combos: list[tuple[FilterCombo, Callable[[R, Any], bool]]] = []

        self.new_button = QPushButton(_("&New"), self)
        self.new_button.setToolTip(_("New record (Ctrl+N)"))
        self.edit_button = QPushButton(_("E&dit…"), self)
        self.edit_button.setToolTip(_("Edit the selected record (Enter)"))
        self.delete_button = QPushButton(_("De&lete…"), self)
        self.delete_button.setToolTip(_("Delete the selected record (Delete)"))
        self.new_button.clicked.connect(self.new_record)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)

        self.bar = QHBoxLayout()
        self.bar.addWidget(self.filter_edit, 1)
        self.bar.addSpacing(12)
        for button in (self.new_button, self.edit_button, self.delete_button):
            self.bar.addWidget(button)
        self.filter_bar = QHBoxLayout()
        for combo, test in self.filters():
            combo.setParent(self)
            combo.currentIndexChanged.connect(self.apply_filters)
            self.combos.append((combo, test))
            self.filter_bar.addWidget(combo, 1)
        self.filter_bar.addStretch(0 if self.combos else 1)

        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(lambda _index: self.edit_selected())

        self.detail = self.make_detail()
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([480, 720])
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addLayout(self.bar)
        if self.combos:
            layout.addLayout(self.filter_bar)
        layout.addWidget(self.splitter, 1)
        self._update_buttons()

    # --- what subclasses provide -----------------------------------------------------------

    def columns(self) -> Sequence[Column[R]]:
        raise NotImplementedError

    def key_of(self, record: R) -> str:
        return record.key  # type: ignore[attr-defined]

    def load(self) -> list[R]:
        """Runs on a worker thread: read what the list shows."""
        raise NotImplementedError

    def filters(self) -> list[tuple[FilterCombo, Callable[[R, Any], bool]]]:
        return []

    def search_text(self, record: R) -> str:
        """What the filter box matches against (folded)."""
        return " ".join(column.text(record) for column in self.model.columns)

    def make_detail(self) -> QWidget:
        raise NotImplementedError

    def show_detail(self, record: Optional[R]) -> None:
        raise NotImplementedError

    # --- loading ---------------------------------------------------------------------------

    def activate(self) -> None:
        if not self._loaded and not self._loading:
            self.refresh()

    def refresh(self) -> None:
        if self._loading:
            return
        self._loading = True
        selected = self.selected_key()
        if selected and not self._wanted_key:
            self._wanted_key = selected
        run_task(self.load, self._loaded_records, self._load_failed, owner=self)

    def _loaded_records(self, records: list[R]) -> None:
        self._loading = False
        self._loaded = True
        self.model.set_records(records)
        if records and not self._sized:
            # Once: later loads keep the widths the user may have dragged.
            self._sized = True
            fit_columns(self.table, most=280, least=60)
        self._reselect()
        self._announce()
        self.sig_loaded.emit()

    def _load_failed(self, error: BaseException) -> None:
        self._loading = False
        self.sig_error.emit(error)

    # --- filtering -------------------------------------------------------------------------

    def apply_filters(self) -> None:
        wanted = fold(self.filter_edit.text())
        tests = [(test, combo.value()) for combo, test in self.combos if combo.value() is not None]
        if not wanted and not tests:
            predicate = None
        else:
            words = wanted.split()

            def predicate(record: R) -> bool:
                if words:
                    text = fold(self.search_text(record))
                    if not all(word in text for word in words):
                        return False
                return all(test(record, value) for test, value in tests)
        selected = self.selected_key()
        self.model.set_filter(predicate)
        self._wanted_key = selected
        self._reselect()
        self._announce()

    # --- selection and details -------------------------------------------------------------

    def selected_key(self) -> Optional[str]:
        rows = self.table.selectionModel().selectedRows()
        return self.model.data(rows[0], KEY_ROLE) if rows else None

    def selected_record(self) -> Optional[R]:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def select_key(self, key: str) -> bool:
        row = self.model.row_of(key)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().select(
            index, self.table.selectionModel().SelectionFlag.ClearAndSelect
            | self.table.selectionModel().SelectionFlag.Rows)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def _reselect(self) -> None:
        key, self._wanted_key = self._wanted_key, None
        if key and self.select_key(key):
            return
        if self.model.rowCount() and not self.table.selectionModel().hasSelection():
            self.select_key(self.key_of(self.model.record(0)))
        elif not self.model.rowCount():
            self.show_detail(None)
            self._update_buttons()

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.show_detail(self.selected_record())
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.table.selectionModel().hasSelection()
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def open_record(self, kind: str, key: str) -> bool:
        if kind != self.kind:
            return False
        if not self._loaded:
            self._wanted_key = key
            self.activate()
            return True
        if not self.select_key(key):
            # Filtered out: clear the filters rather than pretend the record is not there.
            self.filter_edit.clear()
            for combo, _test in self.combos:
                combo.setCurrentIndex(0)
            self.apply_filters()
            self.select_key(key)
        return True

    # --- actions ---------------------------------------------------------------------------

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def new_record(self) -> None:
        self._run_form(None)

    def edit_selected(self) -> None:
        key = self.selected_key()
        if key:
            self._run_form(key)

    def _run_form(self, key: Optional[str], initial: Optional[dict] = None, kind: Optional[str] = None,
                  keep: Optional[str] = None) -> None:
        """Open the form for ``kind`` (default: this page's); afterwards select ``keep`` or the saved record."""
        from krakow_desk.ui.forms import FORMS
        form = FORMS[kind or self.kind](self.desk, key, self, **({"initial": initial} if initial else {}))
        accepted = form.exec()
        changes, saved_key = form.changes, form.saved_key
        form.deleteLater()
        if accepted:
            self._wanted_key = keep or saved_key
            self._after_write(changes)

    def delete_selected(self) -> None:
        key = self.selected_key()
        if not key:
            return
        from krakow_desk.ui.forms import confirm_delete
        changes = confirm_delete(self.desk, self.kind, key, self)
        if changes:
            self._after_write(changes)

    def _after_write(self, changes: Changes) -> None:
        self.sig_changed.emit(changes)
        self.refresh()

    # --- status ----------------------------------------------------------------------------

    def _announce(self) -> None:
        self.sig_status.emit(self.status_text())

    def count_text(self, n: int) -> str:
        raise NotImplementedError

    def status_text(self) -> str:
        if not self._loaded:
            return _("Loading…")
        total, matching = self.model.total, self.model.matching
        if matching == total:
            return self.count_text(total)
        return _("{shown} of {total}").format(shown=self.count_text(matching), total=total)

    def save_state(self) -> dict:
        return {"key": self.selected_key(), "splitter": self.splitter.saveState()}

    def restore_state(self, state: dict) -> None:
        if state.get("splitter") is not None:
            self.splitter.restoreState(state["splitter"])
        if state.get("key"):
            self._wanted_key = state["key"]

