"""One table model for every list: columns described once, rows are service read models.

The model sorts and filters its own row list (a Python sort with a key is far cheaper than a
proxy calling ``lessThan`` per comparison) and hands rows to the view in batches through
``fetchMore``, so a list of 100,000 records paints its first screen without formatting them all.
Cells are formatted on first use and cached.
"""

from dataclasses import dataclass
from typing import Any, Callable, Generic, Optional, Sequence, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from krakow_desk.collation import sort_key
from krakow_desk.formatting import format_short_date
from krakow_desk.i18n import _

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex

KEY_ROLE = Qt.ItemDataRole.UserRole + 1      # the record's natural key
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2   # the read model itself
BATCH = 256


@dataclass(frozen=True)
class Column(Generic[R]):
    header: str                                  # marked with N_, translated when shown
    text: Callable[[R], str]
    sort: Optional[Callable[[R], Any]] = None    # default: the text, collated for the language
    align_right: bool = False


def first_day(value: Any) -> Any:
    """What a date column sorts by: the date, or the first day of a date known to the month or year."""
    return getattr(value, "start", value)


def date_column(header: str, get: Callable[[Any], Any]) -> "Column[Any]":
    """A date (or partial date) shown short, sorted by its first day, undated rows last."""
    return Column(header, lambda r: format_short_date(get(r)), sort=lambda r: first_day(get(r)))


class RecordTableModel(QAbstractTableModel, Generic[R]):
    def __init__(self, columns: Sequence[Column[R]], key: Callable[[R], str],
                 parent: Optional[Any] = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._key = key
        self._all: list[R] = []
        self._visible: list[R] = []
        self._shown = 0                       # rows handed to the view so far
        self._cache: dict[tuple[int, int], str] = {}
        self._predicate: Optional[Callable[[R], bool]] = None
        self._sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder)

    # --- content ---------------------------------------------------------------------------

    def set_records(self, records: Sequence[R]) -> None:
        self.beginResetModel()
        self._all = list(records)
        self._cache.clear()
        self._arrange()
        self.endResetModel()

    def set_filter(self, predicate: Optional[Callable[[R], bool]]) -> None:
        self.beginResetModel()
        self._predicate = predicate
        self._arrange()
        self.endResetModel()

    def record(self, row: int) -> R:
        return self._visible[row]

    def row_of(self, key: str) -> int:
        """The row showing ``key`` (fetching up to it), or -1 when it is filtered out."""
        for row, record in enumerate(self._visible):
            if self._key(record) == key:
                while self._shown <= row:
                    self.fetchMore(QModelIndex())
                return row
        return -1

    @property
    def records(self) -> list[R]:
        """Every record the model holds, filtered out or not."""
        return self._all

    @property
    def total(self) -> int:
        return len(self._all)

    @property
    def matching(self) -> int:
        return len(self._visible)

    def _arrange(self) -> None:
        self._visible = self._ordered()
        self._shown = min(BATCH, len(self._visible))
        self._cache.clear()

    def _ordered(self) -> list[R]:
        rows = [r for r in self._all if self._predicate(r)] if self._predicate else list(self._all)
        column, order = self._sort
        if not 0 <= column < len(self.columns):
            return rows
        descending = order == Qt.SortOrder.DescendingOrder
        spec = self.columns[column]
        if spec.sort is None:
            rows.sort(key=lambda r: sort_key(spec.text(r)), reverse=descending)
            return rows
        # Records without a value (an undated agreement) come last in either direction.
        chosen = spec.sort
        known = [r for r in rows if chosen(r) is not None]
        known.sort(key=chosen, reverse=descending)
        return known + [r for r in rows if chosen(r) is None]

    # --- Qt's side -------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        new = self._ordered()
        position = {id(r): i for i, r in enumerate(new)}
        persistent = self.persistentIndexList()
        targets = [position.get(id(self._visible[i.row()]), -1) if i.row() < len(self._visible) else -1
                   for i in persistent]
        # Rows the selection moves to are handed to the view first: the row count may not change
        # inside a layout change.
        while self._shown <= max(targets, default=-1):
            self.fetchMore(QModelIndex())
        self.layoutAboutToBeChanged.emit()
        self._visible = new
        self._cache.clear()
        for index, row in zip(persistent, targets):
            self.changePersistentIndex(index, self.index(row, index.column()) if row >= 0 else QModelIndex())
        self.layoutChanged.emit()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._shown < len(self._visible)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = min(BATCH, len(self._visible) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.columns)):
            return _(self.columns[section].header)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < self._shown) \
                or not (0 <= index.column() < len(self.columns)):
            return None
        record = self._visible[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            cell = (index.row(), index.column())
            text = self._cache.get(cell)
            if text is None:
                text = self._cache[cell] = self.columns[index.column()].text(record)
            return text
        if role == KEY_ROLE:
            return self._key(record)
        if role == RECORD_ROLE:
            return record
        if role == Qt.ItemDataRole.TextAlignmentRole and self.columns[index.column()].align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
