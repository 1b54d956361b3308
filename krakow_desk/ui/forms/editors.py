"""Field editors of the record forms.

Every editor is a Qt widget with three methods the form relies on: ``value()`` (what goes to the
services), ``set_value(v)`` (what the stored record holds) and ``problem()`` (a cheap local check,
``None`` when nothing is obviously wrong). Text that cannot be parsed is passed on unchanged, so
that the services, which remain the authority, name the field and the problem themselves.
"""

import re
from datetime import date
from decimal import Decimal
from enum import Enum
from functools import lru_cache
from typing import Any, Iterable, Optional
from zoneinfo import available_timezones

from babel import Locale
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QCompleter, QGridLayout, QLineEdit, QPlainTextEdit, QWidget,
)

from krakow_desk.domain.fuzzydate import FuzzyDate, FuzzyDateError
from krakow_desk.i18n import _, language
from krakow_desk.labels import choices, label, language_names

_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")
_WHOLE = re.compile(r"^[+-]?\d+$")
_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _compact(text: str) -> str:
    # People write "2 952 301" or "2 952 301" (no-break space) for big numbers.
    return "".join(text.split()).replace("\u202f", "")


class LineField(QLineEdit):
    """One line of free text."""

    def value(self) -> Optional[str]:
        return self.text().strip() or None

    def set_value(self, value: Any) -> None:
        self.setText("" if value is None else str(value))
        self.setCursorPosition(0)

    def problem(self) -> Optional[str]:
        return None


class NumberField(LineField):
    """A number; a decimal comma is as good as a point (Polish writes 50,06)."""

    def __init__(self, whole: bool = False, money: bool = False, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.whole, self.money = whole, money
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("0" * 16) + 16)

    def value(self) -> Any:
        text = _compact(self.text())
        if not text:
            return None
        if self.whole and _WHOLE.match(text):
            return int(text)
        if not self.whole and _NUMBER.match(text):
            # Amounts stay decimal: 0.10 must not become 0.1000000000000000055511151231257827.
            return Decimal(text.replace(",", ".")) if self.money else float(text.replace(",", "."))
        return self.text().strip()   # the services say what is wrong with it

    def set_value(self, value: Any) -> None:
        if value is None:
            text = ""
        elif self.whole or (isinstance(value, (float, Decimal)) and value == int(value)):
            text = str(int(value))
        elif isinstance(value, Decimal):
            text = str(value).replace(".", ",") if language() == "pl" else str(value)
        else:
            text = repr(float(value))
            if language() == "pl":
                text = text.replace(".", ",")
        self.setText(text)

    def problem(self) -> Optional[str]:
        text = _compact(self.text())
        if not text:
            return None
        if self.whole:
            return None if _WHOLE.match(text) else _("is not a whole number")
        return None if _NUMBER.match(text) else _("is not a number")


class DateField(LineField):
    """A date as YYYY-MM-DD; with ``partial`` also YYYY-MM or YYYY (sources often say only "2004")."""

    def __init__(self, partial: bool = True, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.partial = partial
        self.setPlaceholderText(_("YYYY-MM-DD"))
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("0000-00-00") + 28)
        self.setToolTip(_("A date as YYYY-MM-DD; where only the month or the year is known, "
                          "YYYY-MM or YYYY") if partial else _("A date as YYYY-MM-DD"))

    def set_value(self, value: Any) -> None:
        if isinstance(value, FuzzyDate):
            value = value.iso()
        elif isinstance(value, date):
            value = value.isoformat()
        super().set_value(value)

    def problem(self) -> Optional[str]:
        text = self.text().strip()
        if not text:
            return None
        if self.partial:
            try:
                FuzzyDate.parse(text)
            except FuzzyDateError:
                return _("is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")
            return None
        try:
            if not _FULL_DATE.match(text):
                raise ValueError
            date.fromisoformat(text)
        except ValueError:
            return _("is not a date (YYYY-MM-DD)")
        return None


class TextArea(QPlainTextEdit):
    """Several lines of free text. Tab moves on to the next field, as in every other field."""

    editingFinished = Signal()

    def __init__(self, parent: Optional[QWidget] = None, lines: int = 4, grow: bool = False) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        height = self.fontMetrics().lineSpacing() * lines + 12
        if grow:   # the one big field of a page takes the room left over
            self.setMinimumHeight(height)
        else:
            self.setFixedHeight(height)

    def focusOutEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        super().focusOutEvent(event)
        self.editingFinished.emit()

    def value(self) -> Any:
        return self.toPlainText().strip() or None

    def set_value(self, value: Any) -> None:
        self.setPlainText("" if value is None else str(value))

    def problem(self) -> Optional[str]:
        return None


class LinesField(TextArea):
    """A list of short texts, one per line (aliases, e-mail addresses, phone numbers)."""

    def value(self) -> list[str]:
        return [line.strip() for line in self.toPlainText().splitlines() if line.strip()]

    def set_value(self, value: Any) -> None:
        self.setPlainText("\n".join(value or []))


class LanguagesField(LineField):
    """ISO 639-1 codes separated by commas or spaces: "pl, en, uk"."""

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(_("e.g. pl, en, uk"))

    def codes(self) -> list[str]:
        return [code.lower() for code in re.split(r"[\s,;]+", self.text()) if code]

    def value(self) -> list[str]:
        return self.codes()

    def set_value(self, value: Any) -> None:
        self.setText(", ".join(value or []))

    def names(self) -> str:
        """The languages' names in the current language, for a hint under the field."""
        return language_names(self.codes())

    def problem(self) -> Optional[str]:
        known = Locale.parse("en").languages
        unknown = [code for code in self.codes() if len(code) != 2 or code not in known]
        if unknown:
            return _("not a language code: {codes}").format(codes=", ".join(unknown))
        return None


class ChoiceField(QComboBox):
    """One value of a vocabulary (an enum), labelled in the current language."""

    def __init__(self, enum_cls: type[Enum], optional: bool = False,
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        if optional:
            self.addItem(label(None), None)
        for member, text in choices(enum_cls):
            self.addItem(text, member)

    def value(self) -> Any:
        return self.currentData()

    def set_value(self, value: Any) -> None:
        index = self.findData(value)
        self.setCurrentIndex(max(index, 0))

    def problem(self) -> Optional[str]:
        return None


class SearchField(QComboBox):
    """Pick one of many (countries, partners, institutions, time zones) by typing part of its name.

    Text that matches no item is passed on as typed: a country code such as "UA" is accepted by
    the services, and anything else gets their message at the field.
    """

    def __init__(self, items: Iterable[tuple[Any, str]], optional: bool = True,
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(16)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        if optional:
            self.addItem("", None)
        for value, text in items:
            self.addItem(text, value)
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.lineEdit().editingFinished.connect(self._settle)
        self.editingFinished = self.lineEdit().editingFinished

    def _match(self) -> int:
        text = self.currentText().strip().casefold()
        if not text:
            return -1
        for index in range(self.count()):
            data = self.itemData(index)
            if self.itemText(index).casefold() == text or (
                    isinstance(data, str) and data.casefold() == text):
                return index
        return -1

    def _settle(self) -> None:
        # Typing "ua" or "ukraina" ends on the item itself, so the field shows the full name.
        index = self._match()
        if index >= 0 and index != self.currentIndex():
            self.setCurrentIndex(index)

    def value(self) -> Any:
        index = self._match()
        if index >= 0:
            return self.itemData(index)
        return self.currentText().strip() or None

    def set_value(self, value: Any) -> None:
        index = self.findData(value) if value is not None else -1
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setCurrentIndex(-1)
            self.setEditText("" if value is None else str(value))
        self.lineEdit().setCursorPosition(0)

    def problem(self) -> Optional[str]:
        if self.currentText().strip() and self._match() < 0:
            return _("is not in the list; pick one of the suggestions")
        return None


@lru_cache(maxsize=1)
def time_zones() -> list[str]:
    return sorted(available_timezones())


class CheckField(QCheckBox):
    def value(self) -> bool:
        return self.isChecked()

    def set_value(self, value: Any) -> None:
        self.setChecked(bool(value))

    def problem(self) -> Optional[str]:
        return None


class CheckGrid(QWidget):
    """Several values of a vocabulary (cooperation domains) as check boxes in columns, so that all
    of them are seen at once."""

    editingFinished = Signal()   # never emitted: nothing here can be malformed

    def __init__(self, enum_cls: type[Enum], columns: int = 3, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.order = list(enum_cls)
        self.boxes: dict[Any, QCheckBox] = {}
        self.loaded: list[Any] = []
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        items = choices(enum_cls)
        per_column = -(-len(items) // columns)
        for index, (member, text) in enumerate(items):   # down the columns, as one reads a list
            box = QCheckBox(text, self)
            self.boxes[member] = box
            grid.addWidget(box, index % per_column, index // per_column)

    def value(self) -> list[Any]:
        # Values already stored keep their order, so an untouched record compares equal.
        order = self.loaded + [member for member in self.order if member not in self.loaded]
        return [member for member in order if self.boxes[member].isChecked()]

    def set_value(self, value: Any) -> None:
        self.loaded = [member for member in value or [] if member in self.boxes]
        wanted = set(value or [])
        for member, box in self.boxes.items():
            box.setChecked(member in wanted)

    def problem(self) -> Optional[str]:
        return None
