"""What an attached file is, judged by its content, and the text that can be read from it.

The store accepts PDF, DOCX, ODT, JPEG, PNG, TIFF and plain text. Binary types are recognised by
their signature (magic bytes, and for DOCX/ODT what the ZIP container holds); the file's name only
decides for plain text, which has no signature, and may not contradict the content (a ".pdf"
holding a Word file is refused: someone picked the wrong file or it is damaged).

Text extraction never raises: a malformed, encrypted or image-only PDF simply has no text.
"""

import codecs
import logging
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Callable, Optional
from xml.etree import ElementTree

log = logging.getLogger(__name__)

TEXT_LIMIT = 1_000_000        # characters of text kept per document
HEAD_BYTES = 64 * 1024        # what signature checks and the plain-text check look at
_XML_LIMIT = 64 * 1024 * 1024  # uncompressed bytes of a DOCX/ODT body we are willing to parse


@dataclass(frozen=True)
class FileType:
    name: str          # as people call it: "PDF", "DOCX"
    media_type: str
    extension: str     # of the stored file, so that the system viewer knows what it is
    family: str        # types a file name may confuse without being refused (.jpg holding a PNG)


PDF = FileType("PDF", "application/pdf", ".pdf", "pdf")
DOCX = FileType("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                ".docx", "docx")
ODT = FileType("ODT", "application/vnd.oasis.opendocument.text", ".odt", "odt")
JPEG = FileType("JPEG", "image/jpeg", ".jpg", "image")
PNG = FileType("PNG", "image/png", ".png", "image")
TIFF = FileType("TIFF", "image/tiff", ".tif", "image")
TEXT = FileType("TXT", "text/plain", ".txt", "text")
TYPES = (PDF, DOCX, ODT, JPEG, PNG, TIFF, TEXT)
BY_MEDIA_TYPE = {kind.media_type: kind for kind in TYPES}
BY_EXTENSION = {".pdf": PDF, ".docx": DOCX, ".odt": ODT, ".jpg": JPEG, ".jpeg": JPEG, ".jpe": JPEG,
                ".png": PNG, ".tif": TIFF, ".tiff": TIFF, ".txt": TEXT, ".text": TEXT}

_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def claimed_type(name: str) -> Optional[FileType]:
    """The type a file name claims by its extension (either slash counts as a separator)."""
    suffix = PurePath(name.replace("\\", "/")).suffix.lower()
    return BY_EXTENSION.get(suffix)


def _head(path: Path) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(HEAD_BYTES)


def _zip_type(path: Path) -> Optional[FileType]:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                info = archive.getinfo("mimetype")
                if info.file_size <= 200 and archive.read(info).strip() == _ODT_MIMETYPE:
                    return ODT
            if "word/document.xml" in names and "[Content_Types].xml" in names:
                return DOCX
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, NotImplementedError):
        return None
    return None


def looks_like_text(head: bytes) -> bool:
    """Plain text: UTF-16 with its byte-order mark, or 8-bit text without NULs or stray controls."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if not head or b"\x00" in head:
        return False
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13, 27))
    return controls * 100 <= len(head)


def detect(path: Path, name: str) -> Optional[FileType]:
    """The accepted type of the file at ``path`` (its content) — or None if it is none of them.

    ``name`` is the name the person gave the file; it only matters for plain text.
    """
    head = _head(path)
    if b"%PDF-" in head[:1024]:
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return TIFF
    if head.startswith(b"PK\x03\x04"):
        return _zip_type(path)
    if claimed_type(name) is TEXT and looks_like_text(head):
        return TEXT
    return None


# --- text ---------------------------------------------------------------------------------

Cancelled = Callable[[], bool]


def _clean(text: str, limit: int) -> Optional[str]:
    text = text.replace("\x00", "").strip()   # PostgreSQL text cannot hold NUL
    return text[:limit] or None


def _pdf_text(path: Path, limit: int, cancelled: Optional[Cancelled]) -> Optional[str]:
    from pypdf import PdfReader   # imported here: only attaching a PDF pays for it

    parts: list[str] = []
    size = 0
    with open(path, "rb") as handle:   # a file object: pypdf reads what it needs, not all of it
        reader = PdfReader(handle)
        if reader.is_encrypted and not reader.decrypt(""):
            return None   # needs a password: the file is kept, without text
        for page in reader.pages:
            if cancelled is not None and cancelled():
                raise InterruptedError
            try:
                text = page.extract_text() or ""
            except Exception as error:  # noqa: BLE001 — one bad page does not lose the others
                log.info("no text from a page of %s: %s", path.name, error)
                continue
            parts.append(text)
            size += len(text)
            if size >= limit:
                break
    return _clean("\n\n".join(parts), limit)


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


_SPACES = ("s", "tab", "line-break", "br")   # empty elements standing for white space


def _odf_text(element: ElementTree.Element) -> str:
    """An ODF paragraph's text: its own, its spans' and their tails, spacing elements as spaces."""
    parts = [element.text or ""]
    for child in element:
        parts.append(" " if _local(child.tag) in _SPACES else _odf_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _xml_text(path: Path, member: str, limit: int) -> Optional[str]:
    """The text of a DOCX (``w:t`` runs) or ODT (``text:p``/``text:h``) body, a line per paragraph.

    Parsed incrementally and cleared paragraph by paragraph; expat (2.4+) refuses entity bombs.
    """
    word = member.startswith("word/")
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
        if info.file_size > _XML_LIMIT:
            return None   # a ZIP bomb, or a body too big to be worth indexing
        parts: list[str] = []
        size = 0
        with archive.open(info) as stream:
            for _event, element in ElementTree.iterparse(stream, events=("end",)):
                tag = _local(element.tag)
                if word and tag == "t":
                    text = element.text or ""
                elif word and tag in _SPACES:
                    text = " "
                elif tag == "p" or not word and tag == "h":
                    text = "\n" if word else _odf_text(element) + "\n"
                    element.clear()   # keeps memory flat on long documents
                else:
                    continue
                parts.append(text)
                size += len(text)
                if size >= limit:
                    break
    return _clean("".join(parts), limit)


def _plain_text(path: Path, limit: int) -> Optional[str]:
    with open(path, "rb") as handle:
        data = handle.read(limit * 4)
    encoding = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig"
    try:
        # Incremental, so that a character cut at the end of what was read is no error.
        return _clean(codecs.getincrementaldecoder(encoding)().decode(data, final=False), limit)
    except UnicodeDecodeError:
        # Not UTF-8: Polish offices' older files are Windows-1250.
        return _clean(data.decode("cp1250", errors="replace"), limit)


def extract_text(path: Path, kind: FileType, limit: int = TEXT_LIMIT,
                 cancelled: Optional[Cancelled] = None) -> Optional[str]:
    """The file's text for search, at most ``limit`` characters; None when there is none.

    Raises InterruptedError when ``cancelled()`` says so; never fails otherwise.
    """
    try:
        if kind is PDF:
            return _pdf_text(path, limit, cancelled)
        if kind is DOCX:
            return _xml_text(path, "word/document.xml", limit)
        if kind is ODT:
            return _xml_text(path, "content.xml", limit)
        if kind is TEXT:
            return _plain_text(path, limit)
    except InterruptedError:
        raise
    except Exception as error:  # noqa: BLE001 — damaged files are kept, just without text
        log.info("no text from %s: %s", path.name, error)
    return None
