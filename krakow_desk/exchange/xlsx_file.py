"""XLSX workbooks: a sheet per record kind, with real dates and numbers, a frozen header row and
columns wide enough to read; and reading them back, refusing what could only be an attack.

An XLSX file is a ZIP archive of XML. Before openpyxl opens one, its directory is checked: a few
hundred kilobytes that unpack to gigabytes (a ZIP bomb) are refused without unpacking anything,
and openpyxl parses the XML through defusedxml, so entity expansion ("billion laughs") fails too.
"""

import datetime as dt
import io
from itertools import chain
import re
import zipfile
from pathlib import Path
from typing import Any, Mapping, Optional

from pydantic import BaseModel

from krakow_desk.exchange.columns import kind_of_sheet, sheet_name
from krakow_desk.exchange.incoming import FileContents, Problem, read_bytes
from krakow_desk.exchange.tabular import guess_kind, header_row, read_rows, value_rows
from krakow_desk.i18n import _
from krakow_desk.services.errors import DatasetError

MAX_UNPACKED_BYTES = 400 * 1024 * 1024
MAX_RATIO = 150            # real sheets compress 5–20 times; bombs a thousand times and more
MAX_ENTRIES = 10_000
# XML 1.0 cannot hold these control characters at all: they are written as U+FFFD.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
DATE_FORMAT = "yyyy-mm-dd"
TIME_FORMAT = "hh:mm"


def _width(header: str, values: list[Any]) -> float:
    longest = max([len(header)] + [len(str(v).split("\n", 1)[0]) for v in values if v is not None])
    return float(min(max(longest + 2, 10), 60))


def _sheet(book: Any, kind: str, records: list[BaseModel]) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(sheet_name(kind))
    headers = header_row(kind)
    rows = list(value_rows(kind, records))
    for index, header in enumerate(headers):
        sample = [row[index] for row in rows[:500]]
        sheet.column_dimensions[get_column_letter(index + 1)].width = _width(header, sample)
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header_cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=header)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        sheet.append([_cell(sheet, value) for value in row])


def _cell(sheet: Any, value: Any) -> Any:
    from openpyxl.cell import WriteOnlyCell
    if isinstance(value, str):
        return _ILLEGAL.sub("\ufffd", value)
    if isinstance(value, (dt.date, dt.time)):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = TIME_FORMAT if isinstance(value, dt.time) else DATE_FORMAT
        return cell
    return value


def xlsx_bytes(collections: Mapping[str, list[BaseModel]]) -> bytes:
    """A workbook with one sheet per kind given (kind → records), in the order given."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for kind, records in collections.items():
        _sheet(book, kind, records)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_xlsx(collections: Mapping[str, list[BaseModel]], path: Path) -> None:
    from krakow_desk.exchange.ical import write_file
    write_file(path, xlsx_bytes(collections))


def _check_archive(data: bytes, path: Path) -> None:
    try:
        _check_parts(data, path)
    except DatasetError:
        raise
    except Exception as error:  # a damaged archive fails in zipfile and zlib in many ways
        raise DatasetError(_("{path} is not an XLSX workbook this program can read ({reason})").format(
            path=path, reason=type(error).__name__)) from None


def _check_parts(data: bytes, path: Path) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise DatasetError(_("{path} is not an XLSX workbook").format(path=path)) from None
    with archive:
        entries = archive.infolist()
        if len(entries) > MAX_ENTRIES:
            raise DatasetError(_("{path} holds too many parts to be a workbook").format(path=path))
        unpacked = sum(entry.file_size for entry in entries)
        packed = sum(entry.compress_size for entry in entries) or 1
        if unpacked > MAX_UNPACKED_BYTES or (unpacked > 10 * 1024 * 1024 and unpacked / packed > MAX_RATIO):
            raise DatasetError(_("{path} would unpack to {size} MB: refused as a ZIP bomb, "
                                 "not a workbook").format(path=path, size=unpacked // (1024 * 1024)))
        if "[Content_Types].xml" not in archive.namelist():
            raise DatasetError(_("{path} is not an XLSX workbook").format(path=path))
        for entry in entries:
            # No part of a real workbook declares a DTD; one that does is after entity expansion.
            if entry.filename.endswith((".xml", ".rels")):
                with archive.open(entry) as part:
                    head = part.read(4096).upper()
                    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                        raise DatasetError(_("{path} declares XML entities, which no workbook "
                                             "does: refused").format(path=path))


def read_xlsx(path: Path, kind: Optional[str] = None) -> FileContents:
    """The records of every sheet that holds a known kind (by its name or its columns)."""
    data = read_bytes(path)
    _check_archive(data, path)
    import openpyxl

    contents = FileContents("xlsx")
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except DatasetError:
        raise
    except Exception as error:  # openpyxl raises many kinds for a broken file; all mean the same
        raise DatasetError(_("{path} is not an XLSX workbook this program can read ({reason})").format(
            path=path, reason=type(error).__name__)) from None
    try:
        for sheet in book.worksheets:
            rows = ((index, row) for index, row in enumerate(sheet.iter_rows(values_only=True), start=1))
            first = next(rows, None)
            if first is None:
                continue
            sheet_kind = kind_of_sheet(sheet.title) or guess_kind(first[1])
            if kind is not None:   # told what the file holds: a lone sheet is that, others must say so
                sheet_kind = kind if len(book.worksheets) == 1 or sheet_kind == kind else None
            if sheet_kind is None:
                contents.problems.append(Problem(1, _("this sheet does not hold records this program "
                                                      "knows; it was left out"), sheet.title, rejected=False))
                continue
            records, problems = read_rows(sheet_kind, chain([first], rows), sheet.title)
            contents.records += records
            contents.problems += problems
    except DatasetError:
        raise
    except Exception as error:
        raise DatasetError(_("{path} is not an XLSX workbook this program can read ({reason})").format(
            path=path, reason=type(error).__name__)) from None
    finally:
        book.close()
    return contents
