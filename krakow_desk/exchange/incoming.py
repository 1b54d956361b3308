"""What every reader shares: the types it returns (``FileContents``, ``Incoming``, ``Problem``,
defined in ``services.incoming``), the limits, and reading a file's bytes and text safely.

A reader never writes, never touches the database, and raises ``DatasetError`` (a ``DeskError``)
only when the file as a whole cannot be read — not a file of that kind, too large, a ZIP bomb, an
encoding it cannot make out. A bad row is a ``Problem`` with its line, and the rest is read.
"""

from pathlib import Path

from krakow_desk.i18n import _
from krakow_desk.services.errors import DatasetError
from krakow_desk.services.incoming import FileContents, Incoming, Problem, place  # noqa: F401 (the readers' interface)

# No office file comes near these; a file past them is a mistake or an attack.
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_FIELD_CHARS = 100_000
MAX_RECORDS = 200_000


def read_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The file's bytes, or a DatasetError a person can read (missing, a folder, too large)."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise DatasetError(_("{path} is too large to import ({size} MB; at most {limit} MB)").format(
                path=path, size=size // (1024 * 1024), limit=limit // (1024 * 1024)))
        with path.open("rb") as handle:
            return handle.read(limit + 1)
    except FileNotFoundError:
        raise DatasetError(_("no file {path}").format(path=path)) from None
    except IsADirectoryError:
        raise DatasetError(_("{path} is a folder, not a file to import").format(path=path)) from None
    except OSError as error:
        raise DatasetError(_("cannot read {path}: {reason}").format(path=path, reason=error.strerror)) from None


def decode_text(data: bytes, path: Path) -> str:
    """Text in the encodings office files come in: UTF-8 (with or without a BOM), UTF-16 with
    its BOM, and Windows-1250 (Polish Excel's CSV) when the bytes are not UTF-8."""
    if data.startswith(b"\xef\xbb\xbf"):
        encodings = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ["utf-16"]
    else:
        encodings = ["utf-8", "cp1250"]
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            break  # UTF-16 without a BOM, or a binary file: not text we can read
        return text
    raise DatasetError(_("{path} is not text in an encoding this program reads "
                         "(UTF-8, UTF-16 with a byte-order mark, Windows-1250)").format(path=path))
