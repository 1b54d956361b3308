"""The tables inside the visit form: partners, participants (from the register or typed), and
programme items with times of day; each says when it changes, so checks rerun as the user types."""

import re
from datetime import date, time
from typing import Any, Optional

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from krakow_desk.domain.enums import Side
from krakow_desk.i18n import _
from krakow_desk.ui.forms.editors import ChoiceField, DateField, LanguagesField, LineField, NumberField, SearchField
from krakow_desk.ui.forms.rows import Column, Row, RowsEditor

_TIME = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?$")


def mark_clash(widget: QWidget, on: bool) -> None:
    """Tint (or untint) a programme cell involved in a clash; a warning, not an error."""
    if bool(widget.property("clash")) == on:
        return
    widget.setProperty("clash", on)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class TimeField(LineField):
    """A time of day as HH:MM; "9:30", "9.30" and "9" are understood too."""

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(_("HH:MM"))
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("00:00") + 28)
        self.setToolTip(_("A time of day as HH:MM, e.g. 9:30 or 14:00"))

    def parsed(self) -> Optional[time]:
        match = _TIME.match(self.text().strip())
        if not match:
            return None
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        return time(hour, minute) if hour < 24 and minute < 60 else None

    def value(self) -> Any:
        text = self.text().strip()
        if not text:
            return None
        return self.parsed() or text       # the services name what is wrong with it

    def set_value(self, value: Any) -> None:
        if isinstance(value, time):
            value = value.strftime("%H:%M")
        super().set_value(value)

    def problem(self) -> Optional[str]:
        if self.text().strip() and self.parsed() is None:
            return _("is not a time of day (HH:MM)")
        return None


class PersonPick(SearchField):
    """Someone from the register, or a name typed for a person not recorded there."""

    def problem(self) -> Optional[str]:
        return None

    def picked(self) -> Optional[str]:
        index = self._match()
        return self.itemData(index) if index >= 0 else None


class WatchedRows(RowsEditor):
    """Rows that say when anything in them changes, so that checks can rerun as the user types."""

    sig_edited = Signal()
    """A cell changed, or a row came or went."""

    def add_row(self, base: Optional[dict[str, Any]] = None) -> Row:
        row = super().add_row(base)
        for cell in row.cells.values():
            changed = getattr(cell, "currentTextChanged", None) or getattr(cell, "textChanged")
            changed.connect(lambda *_args: self.sig_edited.emit())
        self.sig_edited.emit()
        return row

    def remove_row(self, row: Row) -> None:
        super().remove_row(row)
        self.sig_edited.emit()


class PartnersEditor(WatchedRows):
    """The partners a visit concerns, one per row; ``value()`` is their keys."""

    def __init__(self, items: list[tuple[str, str]], parent: Optional[QWidget] = None) -> None:
        super().__init__([Column("partner", _("Partner"), lambda: SearchField(items), 1)],
                         _("Add a partner"), _("No partner: a group not tied to one partner."), parent)

    def _relayout(self) -> None:
        super()._relayout()
        self.headers[0].hide()     # the form's label says it already

    def value(self) -> list[str]:   # type: ignore[override]
        rows = super().value()
        kept = [(row["partner"], position) for row, position in zip(rows, self.value_rows) if row["partner"]]
        self.value_rows = [position for _key, position in kept]
        return [key for key, _position in kept]

    def set_value(self, value: Any) -> None:
        super().set_value([{"partner": key} for key in value or []])


class ParticipantsEditor(WatchedRows):
    """The delegation and Krakow's hosts. The first column picks a person from the register or
    takes a typed name; the row is stored with ``person`` or ``name`` accordingly."""

    def __init__(self, people: list[tuple[str, str]], parent: Optional[QWidget] = None) -> None:
        self.people_keys = {key for key, _name in people}
        super().__init__([
            Column("person", _("Person"), lambda: PersonPick(people), 2),
            Column("side", _("Side"), lambda: ChoiceField(Side)),
            Column("role", _("Role"), LineField, 3),
            Column("precedence", _("Precedence"), lambda: NumberField(whole=True)),
            Column("languages", _("Languages"), LanguagesField, 1),
        ], _("Add a participant"), _("No participants recorded."), parent)
        for column in self.columns:
            if column.name == "precedence":
                self.headers[self.columns.index(column)].setToolTip(_("1 comes first; empty: the person's own"))

    def add_row(self, base: Optional[dict[str, Any]] = None) -> Row:
        row = super().add_row(base)
        if base and not base.get("person") and base.get("name"):
            row.cells["person"].set_value(base["name"])  # type: ignore[attr-defined]
        precedence = row.cells["precedence"]
        precedence.setMaximumWidth(precedence.fontMetrics().horizontalAdvance("0" * 5) + 16)
        return row

    def value(self) -> list[dict[str, Any]]:
        rows = super().value()
        for row, position in zip(rows, self.value_rows):
            base = self.rows[position].base
            chosen = row.get("person")
            if chosen is not None and chosen in self.people_keys:
                if base.get("person") != chosen:
                    row["name"] = None           # the register's name, not an old typed one
            else:
                row["person"], row["name"] = None, chosen
        return rows

    def show_error(self, item: int, column: Optional[str], message: str) -> QWidget:
        # A missing name is a problem of the first column, where the name is typed.
        return super().show_error(item, "person" if column == "name" else column, message)


class ProgrammeEditor(WatchedRows):
    """Programme items; a new row starts on the day of the row above it."""

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__([
            Column("day", _("Day"), lambda: DateField(partial=False)),
            Column("start", _("From"), TimeField),
            Column("end", _("To"), TimeField),
            Column("place", _("Place"), LineField, 3),
            Column("activity", _("Activity"), LineField, 4),
            Column("responsible", _("Responsible"), LineField, 2),
            Column("notes", _("Notes"), LineField, 2),
        ], _("Add a programme item"), _("No programme items yet."), parent)

    def buttons_row(self) -> QHBoxLayout:
        """The row holding "Add…", for more buttons beside it."""
        outer = self.layout()
        for index in range(outer.count()):
            row = outer.itemAt(index).layout()
            if isinstance(row, QHBoxLayout) and row.indexOf(self.add_button) >= 0:
                return row
        raise LookupError("no button row")

    def _add_clicked(self) -> None:
        previous = self.rows[-1].cells["day"].text() if self.rows else ""  # type: ignore[attr-defined]
        row = self.add_row()
        if previous:
            row.cells["day"].setText(previous)  # type: ignore[attr-defined]
            row.fresh = {name: cell.value() for name, cell in row.cells.items()}  # type: ignore[attr-defined]
        row.cells["start" if previous else "day"].setFocus()

    def sort_rows(self) -> None:
        """By day, then start time; items without a day or a time go after those with one."""
        def order(row: Row) -> tuple:
            day_text = row.cells["day"].text().strip()  # type: ignore[attr-defined]
            try:
                day: Optional[date] = date.fromisoformat(day_text) if day_text else None
            except ValueError:
                day = None
            start = row.cells["start"].parsed()  # type: ignore[attr-defined]
            return (day is None, day or date.min, start is None, start or time.min)
        ordered = sorted(self.rows, key=order)
        if ordered != self.rows:
            self.rows = ordered
            self.clear_errors()
            self._relayout()
            self.sig_edited.emit()
