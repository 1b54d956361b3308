"""A small table of nested rows (status periods, affiliations): one editor per cell, add and remove.

A grid of real editors rather than a QTableView with delegates: rows are few, every cell is
reachable with Tab, and a cell in error gets the same red border and message as any field.
"""

from dataclasses import dataclass
from typing import Any, Callable, Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QToolButton, QVBoxLayout, QWidget,
)

from krakow_desk.i18n import _
from krakow_desk.ui.forms.layout import error_label, mark


def _lower(problem: str) -> str:
    # After "Row 2, Until:" the problem goes on the sentence: "… Until: cannot be earlier than …".
    return problem[:1].lower() + problem[1:] if problem[1:2].islower() else problem


@dataclass(frozen=True)
class Column:
    name: str                         # the field of the nested record
    header: str                       # translated
    make: Callable[[], QWidget]       # a new editor (see editors.py)
    stretch: int = 0


@dataclass
class Row:
    base: dict[str, Any]              # the stored row, so fields not shown survive an edit
    cells: dict[str, QWidget]
    number: QLabel
    remove: QToolButton
    fresh: dict[str, Any]             # the values of a row just added, to drop it if left blank


class RowsEditor(QWidget):
    """Rows of a nested list. ``value()`` leaves out rows added and left blank."""

    def __init__(self, columns: list[Column], add_text: str, empty_text: str,
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.rows: list[Row] = []
        self.value_rows: list[int] = []   # row position of each item of the last value()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.grid_host = QWidget(self)
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(6)
        self.headers = [QLabel(column.header, self.grid_host) for column in columns]
        for column, header in zip(columns, self.headers):
            font = header.font()
            font.setBold(True)
            header.setFont(font)
        for position, column in enumerate(columns, start=1):
            self.grid.setColumnStretch(position, column.stretch)
        outer.addWidget(self.grid_host)
        self.empty = QLabel(empty_text, self)
        self.empty.setProperty("role", "hint")
        outer.addWidget(self.empty)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(add_text, self)
        self.add_button.clicked.connect(self._add_clicked)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        self.error = error_label(self)
        outer.addWidget(self.error)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.setFocusProxy(self.add_button)
        self._relayout()

    # --- rows ----------------------------------------------------------------------------

    def add_row(self, base: Optional[dict[str, Any]] = None) -> Row:
        cells = {column.name: column.make() for column in self.columns}
        for name, cell in cells.items():
            cell.setParent(self.grid_host)
            cell.setAccessibleName(next(c.header for c in self.columns if c.name == name))
            finished = getattr(cell, "editingFinished", None)
            if finished is not None:
                finished.connect(lambda cell=cell: self._check_cell(cell))
        remove = QToolButton(self.grid_host)
        remove.setText(_("Remove"))
        remove.setToolTip(_("Remove this row"))
        number = QLabel(self.grid_host)
        row = Row(dict(base or {}), cells, number, remove, {})
        row.fresh = {name: cell.value() for name, cell in cells.items()}  # type: ignore[attr-defined]
        remove.clicked.connect(lambda: self.remove_row(row))
        for name, cell in cells.items():
            if base and name in base:
                cell.set_value(base[name])  # type: ignore[attr-defined]
        self.rows.append(row)
        self._relayout()
        return row

    def remove_row(self, row: Row) -> None:
        self.rows.remove(row)
        for widget in (*row.cells.values(), row.number, row.remove):
            widget.hide()
            widget.deleteLater()
        self.clear_errors()
        self._relayout()
        (self.rows[-1].remove if self.rows else self.add_button).setFocus()

    def _add_clicked(self) -> None:
        row = self.add_row()
        next(iter(row.cells.values())).setFocus()

    def _relayout(self) -> None:
        while self.grid.count():
            self.grid.takeAt(0)
        for position, header in enumerate(self.headers, start=1):
            self.grid.addWidget(header, 0, position)
            header.setVisible(bool(self.rows))
        chain: list[QWidget] = []
        for index, row in enumerate(self.rows, start=1):
            row.number.setText(f"{index}.")
            self.grid.addWidget(row.number, index, 0)
            for position, column in enumerate(self.columns, start=1):
                self.grid.addWidget(row.cells[column.name], index, position)
                chain.append(row.cells[column.name])
            self.grid.addWidget(row.remove, index, len(self.columns) + 1)
            chain.append(row.remove)
        chain.append(self.add_button)
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)
        self.empty.setVisible(not self.rows)

    # --- values --------------------------------------------------------------------------

    def value(self) -> list[dict[str, Any]]:
        result, self.value_rows = [], []
        for position, row in enumerate(self.rows):
            values = {name: cell.value() for name, cell in row.cells.items()}  # type: ignore[attr-defined]
            if not row.base and values == row.fresh:
                continue  # added and left blank: not a row the user meant
            result.append({**row.base, **values})
            self.value_rows.append(position)
        return result

    def set_value(self, value: Any) -> None:
        for row in list(self.rows):
            self.remove_row(row)
        for item in value or []:
            self.add_row(item if isinstance(item, dict) else item.model_dump())

    # --- errors --------------------------------------------------------------------------

    def problem(self) -> Optional[str]:
        """Marks every cell with an obvious mistake; returns the first message, or None."""
        messages = []
        for index, row in enumerate(self.rows, start=1):
            for column in self.columns:
                cell = row.cells[column.name]
                problem = cell.problem()  # type: ignore[attr-defined]
                mark(cell, problem is not None)
                if problem:
                    messages.append(self._where(index, column.header, problem))
        self._show(messages)
        return messages[0] if messages else None

    def _check_cell(self, cell: QWidget) -> None:
        problem = cell.problem()  # type: ignore[attr-defined]
        mark(cell, problem is not None)
        if problem is None and not any(c.property("invalid") for r in self.rows for c in r.cells.values()):
            self._show([])
        elif problem is not None:
            index = next(i for i, r in enumerate(self.rows, start=1) if cell in r.cells.values())
            self._show([self._where(index, cell.accessibleName(), problem)])

    def show_error(self, item: int, column: Optional[str], message: str) -> QWidget:
        """Marks the cell (or the whole row) of item ``item`` of the last value(); returns the
        widget to focus."""
        position = self.value_rows[item] if item < len(self.value_rows) else min(item, len(self.rows) - 1)
        row = self.rows[position]
        if column in row.cells:
            cells = [row.cells[column]]
            header = next(c.header for c in self.columns if c.name == column)
            text = self._where(position + 1, header, message)
        else:
            cells = list(row.cells.values())
            text = _("Row {n}: {problem}").format(n=position + 1, problem=_lower(message))
        for cell in cells:
            mark(cell, True)
        self._show([text])
        return cells[0]

    def clear_errors(self) -> None:
        for row in self.rows:
            for cell in row.cells.values():
                mark(cell, False)
        self._show([])

    def show_message(self, message: str) -> None:
        """A problem with the list as a whole, shown under it."""
        self._show([message])

    @property
    def has_error(self) -> bool:
        return not self.error.isHidden()

    @staticmethod
    def _where(index: int, header: str, problem: str) -> str:
        return _("Row {n}, {column}: {problem}").format(n=index, column=header, problem=_lower(problem))

    def _show(self, messages: list[str]) -> None:
        self.error.setText("\n".join(messages))
        self.error.setVisible(bool(messages))
