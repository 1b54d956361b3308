"""Rows of a sheet ↔ records: what CSV and XLSX share once the cells are read or before they are
written. A header row names the columns (in Polish, English or as the dataset's field names)."""

from typing import Any, Iterable, Optional, Sequence

from pydantic import BaseModel

from krakow_desk.domain.text import fold
from krakow_desk.exchange.columns import (
    TABLE_KINDS, CellError, Column, cell_text, cell_value, columns, header_map, kind_of_sheet,
    parse_cell,
)
from krakow_desk.exchange.incoming import MAX_FIELD_CHARS, MAX_RECORDS, Incoming, Problem
from krakow_desk.i18n import _
from krakow_desk.services.errors import DatasetError
from krakow_desk.services.matching import record_label


def header_row(kind: str) -> list[str]:
    return [column.header(kind) for column in columns(kind)]


def text_rows(kind: str, records: Iterable[BaseModel]) -> Iterable[list[str]]:
    """Each record as CSV cells, in the header's order."""
    cols = columns(kind)
    for record in records:
        yield [cell_text(column, getattr(record, column.field)) for column in cols]


def value_rows(kind: str, records: Iterable[BaseModel]) -> Iterable[list[Any]]:
    """Each record as typed spreadsheet cells, in the header's order."""
    cols = columns(kind)
    for record in records:
        yield [cell_value(column, getattr(record, column.field)) for column in cols]


def guess_kind(headers: Sequence[Any], name: str = "") -> Optional[str]:
    """The kind a sheet holds: by its name, else the kind whose columns its headers match best."""
    by_name = kind_of_sheet(name) if name else None
    if by_name:
        return by_name
    folded = {fold(str(header)) for header in headers if header is not None and str(header).strip()}
    scores = {kind: len(folded & set(header_map(kind))) for kind in TABLE_KINDS}
    best = max(scores.values(), default=0)
    # A tie ('name', 'country') goes to the kind listed first: partners before institutions.
    return next(kind for kind, score in scores.items() if score == best) if best > 0 else None


def read_rows(kind: str, rows: Iterable[tuple[int, Sequence[Any]]],
              sheet: Optional[str] = None) -> tuple[list[Incoming], list[Problem]]:
    """Records from a header row and the rows under it, each row with its line number; a bad cell
    rejects its row with a reason naming the column, and the other rows are still read. Blank
    rows are skipped."""
    records: list[Incoming] = []
    problems: list[Problem] = []
    iterator = iter(rows)
    first = next(iterator, None)
    if first is None:
        return records, problems
    first_line, headers = first
    known = header_map(kind)
    mapping: list[Optional[Column]] = []
    seen: dict[str, str] = {}
    for header in headers:
        text = "" if header is None else str(header).strip()
        column = known.get(fold(text)) if text else None
        if text and column is None:
            problems.append(Problem(first_line, _("column '{header}' is not a field of this kind; "
                                                  "it was left out").format(header=text), sheet, rejected=False))
        elif column is not None and column.field in seen:
            problems.append(Problem(first_line, _("columns '{first}' and '{second}' are the same "
                                                  "field; the second was left out").format(
                first=seen[column.field], second=text), sheet, rejected=False))
            column = None
        elif column is not None:
            seen[column.field] = text
        mapping.append(column)
    if not seen:
        raise DatasetError(_("no column of the header names a field (the first row must name "
                             "the columns, e.g. '{example}')").format(example=header_row(kind)[1]))
    for line, row in iterator:
        if len(records) >= MAX_RECORDS:
            raise DatasetError(_("more than {limit} rows: too many to import at once").format(
                limit=MAX_RECORDS))
        if all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in row):
            continue
        values: dict[str, Any] = {}
        failure = None
        for column, cell in zip(mapping, row):
            if column is None:
                continue
            if isinstance(cell, str) and len(cell) > MAX_FIELD_CHARS:
                failure = _("{column}: longer than {limit} characters").format(
                    column=column.header(kind), limit=MAX_FIELD_CHARS)
                break
            try:
                values[column.field] = parse_cell(column, cell)
            except CellError as error:
                failure = f"{column.header(kind)}: {error}"
                break
        if failure:
            problems.append(Problem(line, failure, sheet))
            continue
        if len(row) > len(mapping) and any(cell not in (None, "") for cell in row[len(mapping):]):
            problems.append(Problem(line, _("the row has more cells than the header has columns; "
                                            "the extra cells were left out"), sheet, rejected=False))
        if values.get("key") is None:
            values.pop("key", None)
        records.append(Incoming(kind, values, line, sheet, record_label(kind, values)))
    return records, problems
