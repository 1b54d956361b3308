"""Which reader or writer a file needs, for the command line and the window alike."""

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from krakow_desk.exchange.columns import PLURALS, TABLE_KINDS
from krakow_desk.exchange.incoming import FileContents
from krakow_desk.i18n import _
from krakow_desk.services.errors import DatasetError

if TYPE_CHECKING:
    from krakow_desk.services.desk import Desk

EXPORT_FORMATS = ("json", "csv", "xlsx", "vcard", "ical")
SUFFIXES = {".json": "json", ".csv": "csv", ".tsv": "csv", ".txt": "csv", ".xlsx": "xlsx",
            ".xlsm": "xlsx", ".vcf": "vcard", ".vcard": "vcard", ".ics": "ical", ".ical": "ical"}
SUFFIX_OF = {"json": ".json", "csv": ".csv", "xlsx": ".xlsx", "vcard": ".vcf", "ical": ".ics"}


def format_of(path: Path) -> str:
    """The file's format by its name, else by its first bytes."""
    by_name = SUFFIXES.get(path.suffix.lower())
    if by_name:
        return by_name
    try:
        with path.open("rb") as handle:
            head = handle.read(512)
    except OSError:
        head = b""
    text = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if text.startswith(b"{"):
        return "json"
    if text.upper().startswith(b"BEGIN:VCARD"):
        return "vcard"
    if text.upper().startswith(b"BEGIN:VCALENDAR"):
        return "ical"
    return "csv"


def check_kind(kind: Optional[str]) -> Optional[str]:
    """A kind named by a person ('partners', 'osoby', 'person') as its record kind's name."""
    if kind is None:
        return None
    from krakow_desk.exchange.columns import kind_of_sheet
    found = kind_of_sheet(kind)
    if found is None:
        raise DatasetError(_("'{kind}' is not a kind of record a spreadsheet holds (one of: {kinds})").format(
            kind=kind, kinds=", ".join(PLURALS[k] for k in TABLE_KINDS)))
    return found


def read_file(path: Path, kind: Optional[str] = None) -> FileContents:
    """A file to import, read by the reader its format needs."""
    fmt = format_of(path)
    if fmt == "json":
        from krakow_desk.exchange import dataset_json
        return FileContents("json", dataset=dataset_json.read(path))
    if fmt == "csv":
        from krakow_desk.exchange.csv_file import read_csv
        return read_csv(path, check_kind(kind))
    if fmt == "xlsx":
        from krakow_desk.exchange.xlsx_file import read_xlsx
        return read_xlsx(path, check_kind(kind))
    if fmt == "vcard":
        from krakow_desk.exchange.vcard import read_vcards
        return read_vcards(path)
    from krakow_desk.exchange.ical_import import read_calendar
    return read_calendar(path)


@dataclass(frozen=True)
class Exported:
    path: Path
    format: str
    counts: dict[str, int]        # records written, per kind
    notes: tuple[str, ...] = ()   # what a person should know (entries left out)

    def summary(self) -> list[str]:
        if not self.counts:
            return list(self.notes)
        lines = [_("Exported to {path}").format(path=self.path)]
        from krakow_desk.services.shapes import KINDS
        plurals = {kind.name: kind.plural for kind in KINDS}   # translated as the import's report says them
        for kind, count in self.counts.items():
            lines.append(f"  {_(plurals[kind])}: {count}")
        return lines + list(self.notes)


def export_file(desk: "Desk", fmt: str, path: Path, kind: Optional[str] = None) -> Exported:
    """Write the database (or one kind of its records) to ``path`` in ``fmt``."""
    kind = check_kind(kind)
    if fmt == "csv":
        if kind is None:
            raise DatasetError(_("a CSV file holds one kind of record: say which (e.g. partners)"))
        from krakow_desk.exchange.csv_file import write_csv
        records = getattr(desk, PLURALS[kind]).all()
        _write(lambda: write_csv(kind, records, path), path)
        return Exported(path, fmt, {kind: len(records)})
    if fmt == "xlsx":
        from krakow_desk.exchange.xlsx_file import write_xlsx
        kinds = [kind] if kind else list(TABLE_KINDS)
        collections = {name: getattr(desk, PLURALS[name]).all() for name in kinds}
        _write(lambda: write_xlsx(collections, path), path)
        return Exported(path, fmt, {name: len(records) for name, records in collections.items()})
    if fmt == "vcard":
        from krakow_desk.exchange.vcard import write_vcards
        count = _write(lambda: write_vcards(desk, path), path)
        return Exported(path, fmt, {"person": count})
    if fmt == "ical":
        from krakow_desk.exchange.ical import write_calendar
        result = _write(lambda: write_calendar(desk, path), path)
        return Exported(path, fmt, {}, tuple(result.summary(str(path))))
    if fmt == "json":
        from krakow_desk.exchange import dataset_json
        from krakow_desk.services.dataset import export_dataset
        dataset = export_dataset(desk)
        _write(lambda: dataset_json.write(dataset, path), path)
        from krakow_desk.services.shapes import KINDS
        return Exported(path, fmt, {kind.name: len(getattr(dataset, kind.plural)) for kind in KINDS
                                    if getattr(dataset, kind.plural)})
    raise DatasetError(_("'{format}' is not a format this program writes (one of: {formats})").format(
        format=fmt, formats=", ".join(EXPORT_FORMATS)))


def _write(write, path: Path):  # noqa: ANN001, ANN202
    try:
        return write()
    except OSError as error:
        raise DatasetError(_("cannot write {path}: {reason}").format(
            path=path, reason=error.strerror or error)) from None
