"""What a reader makes of a file: records as the file gives them, and the problems it found.

Every importer (CSV, XLSX, vCard, iCalendar, in ``exchange``) turns a file into ``FileContents``
and nothing else; the import plan (``services.import_plan``) then checks each record against the
database, matches it to an existing one (by key, by name, by likely duplicate) and decides what
would change. The types live here, below the readers, so that the plan needs no reader.
"""

from dataclasses import dataclass, field
from typing import Any, Optional

from krakow_desk.domain.schema import Dataset
from krakow_desk.i18n import _


@dataclass(frozen=True)
class Incoming:
    """One record read from a file, before it is checked against the database.

    ``values`` holds only the fields the file gives (a partial record: a field the file does not
    have keeps its stored value on update). Values are plain Python — str, int, float, Decimal,
    bool, datetime.date, datetime.time, list[str], or lists of dicts for nested rows — in the
    shape of the record models in ``domain.schema``; a ``key`` is there only when the file says it.
    """
    kind: str                      # a record kind's name: "partner", "person", "visit", ...
    values: dict[str, Any]
    line: int                      # 1-based: the row of a CSV or sheet, the first line of a vCard or event
    sheet: Optional[str] = None    # the worksheet of an XLSX file
    label: str = ""                # how a person recognises the row in a preview (a name, a title)


@dataclass(frozen=True)
class Problem:
    """A row the reader could not take, and why, in the reader's words (naming the field); or,
    with ``rejected`` false, a warning about something left out (an unknown column)."""
    line: int
    message: str
    sheet: Optional[str] = None
    rejected: bool = True
    label: str = ""                # the row's name or title, where the reader or the plan knows it

    def where(self) -> str:
        return place(self.line, self.sheet)


def place(line: int, sheet: Optional[str] = None) -> str:
    """Where a row is, as a person finds it: 'line 12', or 'sheet Partners, row 12'."""
    if sheet:
        return _("sheet {sheet}, row {line}").format(sheet=sheet, line=line)
    return _("line {line}").format(line=line)


@dataclass
class FileContents:
    """A whole file as read: its format, its records and the problems met on the way."""
    format: str                                   # "json", "csv", "xlsx", "vcard", "ical"
    records: list[Incoming] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    dataset: Optional[Dataset] = None             # the dataset JSON is read whole, not as rows
