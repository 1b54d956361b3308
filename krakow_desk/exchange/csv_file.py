"""CSV files of one record kind, as a Polish office's Excel writes and reads them.

Written in UTF-8 with a byte-order mark (so Excel does not take it for Windows-1250), with ``;``
between cells (the list separator of Polish Windows, where ``,`` is the decimal comma) and every
text cell that a spreadsheet would run as a formula neutralised. Read in UTF-8, UTF-16 or
Windows-1250, with ``;``, ``,`` or a tab between cells.
"""

import csv
import io
from itertools import chain
from pathlib import Path
from typing import Iterable, Iterator, Optional, Sequence

from pydantic import BaseModel

from krakow_desk.exchange.incoming import MAX_FIELD_CHARS, FileContents, decode_text, read_bytes
from krakow_desk.exchange.tabular import guess_kind, header_row, read_rows, text_rows
from krakow_desk.i18n import _
from krakow_desk.services.errors import DatasetError

DELIMITER = ";"


def csv_text(kind: str, records: Iterable[BaseModel]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=DELIMITER, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header_row(kind))
    writer.writerows(text_rows(kind, records))
    return buffer.getvalue()


def write_csv(kind: str, records: Iterable[BaseModel], path: Path) -> None:
    from krakow_desk.exchange.ical import write_file
    write_file(path, csv_text(kind, records).encode("utf-8-sig"))


def _delimiter(text: str) -> str:
    header = text.split("\n", 1)[0]
    counts = {delimiter: header.count(delimiter) for delimiter in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else DELIMITER


def _numbered(reader: "csv._reader") -> Iterator[tuple[int, Sequence[str]]]:
    line = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise DatasetError(_("the file is not CSV a program can read (line {line}: {reason})").format(
                line=reader.line_num, reason=error)) from None
        yield line, row
        line = reader.line_num + 1


def read_csv(path: Path, kind: Optional[str] = None) -> FileContents:
    """The records of a CSV file; ``kind`` is guessed from the header (or the file's name) if not given."""
    text = decode_text(read_bytes(path), path)
    limit = csv.field_size_limit()
    csv.field_size_limit(MAX_FIELD_CHARS + 1)
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=False)
        rows = _numbered(reader)
        first = next(rows, None)
        if first is None:
            raise DatasetError(_("{path} is empty").format(path=path))
        kind = kind or guess_kind(first[1], "") or guess_kind(first[1], path.stem)
        if kind is None:
            raise DatasetError(_("cannot tell what {path} holds from its columns; say which records "
                                 "they are (--kind)").format(path=path))
        records, problems = read_rows(kind, chain([first], rows))
    finally:
        csv.field_size_limit(limit)
    return FileContents("csv", records, problems)
