"""A field for several records out of many (partners of an event, people a letter concerns)."""

from typing import Any, Optional, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QSizePolicy, QVBoxLayout, QWidget

from krakow_desk.domain.text import fold


class CheckPicker(QWidget):
    """Several records out of many: a filter line over a list of check boxes, and the chosen ones
    named underneath. Typing part of a name (without diacritics) narrows the list; Space or a click
    ticks; Enter in the filter line ticks the only record left, Down goes on into the list.
    Subclasses name the records (``summary``) and may order and mark them (``ordered``, ``_add``)."""

    editingFinished = Signal()   # never emitted: nothing here can be malformed
    sig_changed = Signal()
    """The set of chosen records changed."""

    def __init__(self, items: Sequence[tuple[str, str]], placeholder: str, rows: int,
                 also: Optional[dict[str, str]] = None, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.items = list(items)
        self.names = dict(items)
        self.also = also or {}      # more words a record is found by (a partner's country's name)
        self.loaded: list[str] = []
        self.filter = QLineEdit(self)
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(placeholder)
        self.list = QListWidget(self)
        self.list.setUniformItemSizes(True)
        self.list.setMinimumHeight(self.fontMetrics().height() * rows)
        # The one tall field of its page: it takes the room the page has to spare.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.chosen = QLabel(self)
        self.chosen.setWordWrap(True)
        self.chosen.setTextFormat(Qt.TextFormat.PlainText)
        self.chosen.setProperty("role", "hint")
        self.filter.textChanged.connect(self._narrow)
        self.filter.installEventFilter(self)
        self.list.itemChanged.connect(self._changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.chosen)
        self.setFocusProxy(self.filter)
        self._fill(set())

    # --- what subclasses provide -----------------------------------------------------------

    def summary(self, names: list[str]) -> str:
        """The line under the list, naming the chosen records (none when ``names`` is empty)."""
        raise NotImplementedError

    def ordered(self) -> list[str]:
        """The keys of ``items`` in the order the list shows them."""
        return [key for key, _name in self.items]

    def _add(self, key: str, name: str) -> QListWidgetItem:
        item = QListWidgetItem(name, self.list)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setData(Qt.ItemDataRole.UserRole + 1, fold(f"{name} {key} {self.also.get(key, '')}"))
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
        return item

    # --- the list --------------------------------------------------------------------------

    def _fill(self, checked: set[str]) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        # Stored keys no record has any more come last: shown, so that they can be unticked.
        unknown = [key for key in self.loaded if key not in self.names]
        for key in self.ordered() + unknown:
            item = self._add(key, self.names.get(key, key))
            item.setCheckState(Qt.CheckState.Checked if key in checked else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self._narrow(self.filter.text())
        self._summarise()

    def _items(self) -> list[QListWidgetItem]:
        return [self.list.item(row) for row in range(self.list.count())]

    def _narrow(self, text: str) -> None:
        words = fold(text).split()
        for item in self._items():
            haystack = item.data(Qt.ItemDataRole.UserRole + 1)
            item.setHidden(not all(word in haystack for word in words))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        # Enter in the filter line ticks the record found; it must not reach the dialog, where it
        # would press Save.
        if (watched is self.filter and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):  # type: ignore[attr-defined]
            self._tick_single()
            return True
        if (watched is self.filter and event.type() == QEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_Down):  # type: ignore[attr-defined]
            self.list.setFocus()      # on into the list, where Space ticks
            return True
        return super().eventFilter(watched, event)

    def _tick_single(self) -> None:
        shown = [item for item in self._items() if not item.isHidden()]
        if len(shown) == 1:
            item = shown[0]
            item.setCheckState(Qt.CheckState.Unchecked if item.checkState() == Qt.CheckState.Checked
                               else Qt.CheckState.Checked)
            self.filter.clear()

    def _changed(self, _item: QListWidgetItem) -> None:
        self._summarise()
        self.sig_changed.emit()

    def _summarise(self) -> None:
        self.chosen.setText(self.summary([self.names.get(key, key) for key in self.value()]))

    # --- the editor's methods --------------------------------------------------------------

    def value(self) -> list[str]:
        checked = {item.data(Qt.ItemDataRole.UserRole) for item in self._items()
                   if item.checkState() == Qt.CheckState.Checked}
        # Keys already stored keep their order, so an untouched record compares equal.
        order = self.loaded + [item.data(Qt.ItemDataRole.UserRole) for item in self._items()
                               if item.data(Qt.ItemDataRole.UserRole) not in self.loaded]
        return [key for key in order if key in checked]

    def set_value(self, value: Any) -> None:
        self.loaded = list(value or [])
        self._fill(set(self.loaded))
        self.sig_changed.emit()

    def problem(self) -> Optional[str]:
        return None
