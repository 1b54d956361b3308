"""Documents attached to records: files in the managed store, rows in ``document``.

``attach`` copies the file into the store first and then records the row in one transaction (with
the record's search entry, so the document's text is searchable at once). A crash between the
two leaves a file without a row — an orphan that ``check_documents`` reports — never a row
without its file. If recording fails, the file goes again unless another row uses the same
content. ``remove`` deletes the row, then the file if no other row uses that content.

Every file is verified (its SHA-256 recomputed) before it is opened; a missing or altered file is
a DeskError naming the document and its record. Long work takes ``progress(done_bytes,
total_bytes)`` and ``cancelled() -> bool`` callables, called from the worker's own thread.
"""

import datetime as dt
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

import sqlalchemy as sa
from sqlalchemy.orm import Session

from krakow_desk.domain import tables as t
from krakow_desk.formatting import NBSP, format_decimal, format_number
from krakow_desk.i18n import _
from krakow_desk.services.collection import Changes
from krakow_desk.services.errors import DeskError, NotFound, kind_name
from krakow_desk.store import history, search_index
from krakow_desk.store.document_types import BY_MEDIA_TYPE, TYPES, extract_text
from krakow_desk.store.documents import (
    Altered, CancelCheck, Cancelled, DocumentStore, Missing, NotAccepted, Progress, TooLarge,
)

if TYPE_CHECKING:
    from krakow_desk.services.desk import Desk

log = logging.getLogger(__name__)

# The records documents can be attached to, and the column of ``document`` pointing at each.
OWNERS: dict[str, tuple[Any, str]] = {
    "agreement": (t.Agreement, "agreement_id"), "visit": (t.Visit, "visit_id"),
    "letter": (t.Letter, "letter_id"), "event": (t.Event, "event_id"), "gift": (t.Gift, "gift_id"),
}
MAX_NAME = 255
ACCEPTED = ", ".join(kind.name for kind in TYPES[:-1])   # "PDF, DOCX, ODT, JPEG, PNG, TIFF"


class DocumentError(DeskError):
    """A document that cannot be attached, found or opened."""


class DocumentMissing(DocumentError):
    def __init__(self, info: "DocumentInfo", path: Path) -> None:
        self.info, self.path = info, path
        super().__init__(_("the file of document '{name}' ({record}) is missing from the document "
                           "store — it should be at {path}").format(
            name=info.original_name, record=info.record, path=path))


class DocumentAltered(DocumentError):
    def __init__(self, info: "DocumentInfo", path: Path) -> None:
        self.info, self.path = info, path
        super().__init__(_("the file of document '{name}' ({record}) has been altered in the document "
                           "store: its content is no longer what was attached ({path})").format(
            name=info.original_name, record=info.record, path=path))


class CancelledByUser(DocumentError):
    pass


@dataclass(frozen=True)
class DocumentInfo:
    """A document as views show it; ``kind``/``key`` name the record it is attached to."""
    id: int
    sha256: str
    original_name: str
    media_type: Optional[str]
    size_bytes: int
    added_at: dt.datetime
    has_text: bool
    kind: str
    key: str

    @property
    def type_name(self) -> str:
        known = BY_MEDIA_TYPE.get(self.media_type or "")
        return known.name if known else (self.media_type or "")

    @property
    def record(self) -> str:
        return f"{kind_name(self.kind)} '{self.key}'"


@dataclass(frozen=True)
class DocumentsCheck:
    """What ``check_documents`` found: files missing or altered, and files no row refers to."""
    checked: int
    missing: list[DocumentInfo] = field(default_factory=list)
    altered: list[DocumentInfo] = field(default_factory=list)
    orphans: list[Path] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.missing or self.altered or self.orphans)

    def problems(self) -> list[str]:
        """One readable line per problem."""
        lines = [_("missing: '{name}' ({record})").format(name=d.original_name, record=d.record)
                 for d in self.missing]
        lines += [_("altered: '{name}' ({record})").format(name=d.original_name, record=d.record)
                  for d in self.altered]
        lines += [_("in the store but not attached to any record: {path}").format(path=p)
                  for p in self.orphans]
        return lines


# --- names and sizes ------------------------------------------------------------------------

def clean_name(name: str) -> str:
    """The name to show for a file: its last path part (either slash), without control or
    format characters (NUL, bidi overrides), at most MAX_NAME characters, extension kept."""
    text = unicodedata.normalize("NFC", str(name))
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf", "Cs"))
    text = re.split(r"[\\/]", text)[-1].strip()
    if text in ("", ".", ".."):
        return _("document")
    if len(text) > MAX_NAME:
        stem, dot, suffix = text.rpartition(".")
        if dot and stem and 0 < len(suffix) <= 16:
            return stem[:MAX_NAME - len(suffix) - 1] + "." + suffix
        return text[:MAX_NAME]
    return text


def format_size(size: int) -> str:
    """"512 B", "1,5 MB" / "1.5 MB" (binary units, as file managers show them)."""
    if size < 1024:
        return f"{format_number(size)}{NBSP}B"
    value = float(size)
    for unit in ("KB", "MB", "GB", "TB"):
        value /= 1024
        if value < 1024 or unit == "TB":
            return f"{format_decimal(value, 1)}{NBSP}{unit}"
    raise AssertionError("unreachable")


# --- reading --------------------------------------------------------------------------------

def store_of(desk: "Desk") -> DocumentStore:
    return desk.document_store


def _owner(kind: str) -> tuple[Any, str]:
    try:
        return OWNERS[kind]
    except KeyError:
        raise DocumentError(_("documents cannot be attached to a {kind}").format(kind=kind_name(kind))) from None


def _record_id(session: Session, kind: str, key: str) -> int:
    table, _column = _owner(kind)
    record_id = session.scalar(sa.select(table.id).where(table.key == key))
    if record_id is None:
        raise NotFound(kind, key)
    return record_id


def _select() -> sa.Select:
    """Documents with the key of the record each is attached to (one outer join per kind)."""
    d = t.Document.__table__
    keys, joined = [], d
    for kind, (table, column) in OWNERS.items():
        owner = table.__table__.alias(f"owner_{kind}")
        joined = joined.outerjoin(owner, owner.c.id == d.c[column])
        keys.append(owner.c.key.label(f"key_{kind}"))
    return (sa.select(d.c.id, d.c.sha256, d.c.original_name, d.c.media_type, d.c.size_bytes,
                      d.c.added_at, d.c.text.is_not(None).label("has_text"), *keys)
            .select_from(joined).order_by(d.c.added_at, d.c.id))


def _info(row: Any) -> DocumentInfo:
    kind, key = next(((kind, row._mapping[f"key_{kind}"]) for kind in OWNERS
                      if row._mapping[f"key_{kind}"] is not None), ("", ""))
    added = row.added_at if row.added_at.tzinfo else row.added_at.replace(tzinfo=dt.timezone.utc)
    return DocumentInfo(row.id, row.sha256, row.original_name, row.media_type, row.size_bytes,
                        added, bool(row.has_text), kind, key)


def documents_of(desk: "Desk", kind: str, key: str) -> list[DocumentInfo]:
    """The documents attached to one record, oldest first."""
    table, column = _owner(kind)
    with desk.session() as session:
        record_id = _record_id(session, kind, key)
        rows = session.execute(_select().where(t.Document.__table__.c[column] == record_id))
        return [_info(row) for row in rows]


def get(desk: "Desk", document_id: int) -> DocumentInfo:
    with desk.session() as session:
        return _get(session, document_id)


def _get(session: Session, document_id: int) -> DocumentInfo:
    row = session.execute(_select().where(t.Document.__table__.c.id == document_id)).first()
    if row is None:
        raise NotFound("document", str(document_id))
    return _info(row)


def text_of(desk: "Desk", document_id: int) -> Optional[str]:
    """The text read from the document when it was attached (None if there was none)."""
    with desk.session() as session:
        _get(session, document_id)
        return session.scalar(sa.select(t.Document.text).where(t.Document.id == document_id))


def open_path(desk: "Desk", document_id: int, progress: Optional[Progress] = None,
              cancelled: Optional[CancelCheck] = None) -> Path:
    """The stored file, verified against its SHA-256; raises DocumentMissing or DocumentAltered."""
    info = get(desk, document_id)
    return _verified(store_of(desk), info, progress, cancelled)


def _verified(store: DocumentStore, info: DocumentInfo, progress: Optional[Progress] = None,
              cancelled: Optional[CancelCheck] = None) -> Path:
    try:
        return store.verify(info.sha256, info.media_type, info.size_bytes, progress, cancelled)
    except Missing as error:
        raise DocumentMissing(info, error.path) from None
    except Altered as error:
        raise DocumentAltered(info, error.path) from None
    except Cancelled:
        raise CancelledByUser(_("checking '{name}' was cancelled").format(name=info.original_name)) from None
    except OSError as error:
        raise DocumentError(_("cannot read the file of document '{name}': {reason}").format(
            name=info.original_name, reason=error.strerror or error)) from None


# --- writing --------------------------------------------------------------------------------

def _refusal(name: str, error: NotAccepted | TooLarge) -> DocumentError:
    if isinstance(error, TooLarge):
        return DocumentError(_("'{name}' cannot be attached: it is {size}, more than the limit of "
                               "{limit}").format(name=name, size=format_size(error.size),
                                                 limit=format_size(error.limit)))
    if error.reason == "empty":
        return DocumentError(_("'{name}' cannot be attached: the file is empty").format(name=name))
    if error.reason == "not-a-file":
        return DocumentError(_("'{name}' cannot be attached: it is not a file").format(name=name))
    if error.reason == "mismatch" and error.claimed and error.detected:
        return DocumentError(_("'{name}' cannot be attached: its name says {claimed}, but it holds "
                               "a {detected} file — it may be the wrong file or damaged").format(
            name=name, claimed=error.claimed.name, detected=error.detected.name))
    return DocumentError(_("'{name}' cannot be attached: only {types} and plain-text files are "
                           "accepted").format(name=name, types=ACCEPTED))


def attach(desk: "Desk", kind: str, key: str, path: str | Path, progress: Optional[Progress] = None,
           cancelled: Optional[CancelCheck] = None, name: Optional[str] = None) -> DocumentInfo:
    """Attach the file at ``path`` to a record; ``name`` (default: the file's) is kept for display."""
    source = Path(path)
    shown = clean_name(source.name if name is None else name)
    _owner(kind)
    with desk.session() as session:
        _record_id(session, kind, key)   # a mistyped key fails before a long copy
    store = store_of(desk)
    try:
        stored = store.put(source, shown, progress, cancelled)
    except (NotAccepted, TooLarge) as error:
        raise _refusal(shown, error) from None
    except Cancelled:
        raise CancelledByUser(_("attaching '{name}' was cancelled").format(name=shown)) from None
    except OSError as error:
        raise DocumentError(_("cannot attach '{name}': {reason}").format(
            name=shown, reason=error.strerror or error)) from None
    try:
        try:
            text = extract_text(stored.path, stored.type, cancelled=cancelled)
        except InterruptedError:
            raise CancelledByUser(_("attaching '{name}' was cancelled").format(name=shown)) from None
        return _record(desk, kind, key, stored, shown, text)
    except BaseException:
        _discard_unused(desk, store, stored.sha256, stored.type.media_type)
        raise


def _record(desk: "Desk", kind: str, key: str, stored: Any, shown: str, text: Optional[str]) -> DocumentInfo:
    _table, column = _owner(kind)
    with desk.writing() as session:
        record_id = _record_id(session, kind, key)   # it may have gone while the file was copied
        same = session.scalar(sa.select(t.Document.original_name).where(
            t.Document.__table__.c[column] == record_id, t.Document.sha256 == stored.sha256))
        if same is not None:
            raise DocumentError(_("'{name}' is already attached to {record} as '{existing}'").format(
                name=shown, record=f"{kind_name(kind)} '{key}'", existing=same))
        row = t.Document(sha256=stored.sha256, original_name=shown, media_type=stored.type.media_type,
                         size_bytes=stored.size, added_at=dt.datetime.now(dt.timezone.utc), text=text)
        setattr(row, column, record_id)
        session.add(row)
        session.flush()
        search_index.changed(session, kind, record_id)   # the document's words belong to the record
        history.append(session, actor=desk.actor, kind=kind, record_key=key, record_id=record_id,
                       action="attached", changes={"document": [None, shown]})
        return _get(session, row.id)


def _referenced(session: Session, sha256: str) -> bool:
    return bool(session.scalar(sa.select(sa.func.count()).select_from(t.Document)
                               .where(t.Document.sha256 == sha256)))


def _discard_unused(desk: "Desk", store: DocumentStore, sha256: str, media_type: Optional[str]) -> None:
    """Delete a stored file unless a row uses it; a failure here only leaves an orphan."""
    try:
        with desk.session() as session:
            if _referenced(session, sha256):
                return
        store.discard(sha256, media_type)
    except Exception as error:  # noqa: BLE001 — check_documents reports what is left over
        log.warning("could not remove unused stored file %s: %s", sha256, error)


def remove(desk: "Desk", document_id: int) -> Changes:
    """Detach a document: its row goes, and its file once no other row uses the same content."""
    with desk.writing() as session:
        info = _get(session, document_id)
        row = session.get(t.Document, document_id)
        record_id = getattr(row, OWNERS[info.kind][1])
        session.delete(row)
        session.flush()
        search_index.changed(session, info.kind, record_id)
        history.append(session, actor=desk.actor, kind=info.kind, record_key=info.key,
                       record_id=record_id, action="detached", changes={"document": [info.original_name, None]})
    _discard_unused(desk, store_of(desk), info.sha256, info.media_type)
    return Changes(updated=((info.kind, info.key),), deleted=(("document", str(document_id)),))


# --- checking -------------------------------------------------------------------------------

def _offset(progress: Optional[Progress], base: int, total: int) -> Optional[Progress]:
    """Progress of one file as progress of the whole check."""
    if progress is None:
        return None
    return lambda done, _size: progress(base + done, total)


def _check_one(store: DocumentStore, info: DocumentInfo, progress: Optional[Progress],
               cancelled: Optional[CancelCheck], missing: list[DocumentInfo],
               altered: list[DocumentInfo]) -> Optional[list[DocumentInfo]]:
    """The list this content's rows belong in (None when the file is intact)."""
    try:
        _verified(store, info, progress, cancelled)
    except DocumentMissing:
        return missing
    except DocumentAltered:
        return altered
    except CancelledByUser:
        raise
    except DocumentError:
        return missing   # there but unreadable: as good as missing for whoever needs it
    return None


def check_documents(desk: "Desk", progress: Optional[Progress] = None,
                    cancelled: Optional[CancelCheck] = None) -> DocumentsCheck:
    """Verify every stored file against its row, and list files no row refers to.

    Reads every byte of the store (progress counts them); raises CancelledByUser if cancelled.
    A file that exists but cannot be read counts as missing.
    """
    with desk.session() as session:
        documents = [_info(row) for row in session.execute(_select())]
    store = store_of(desk)
    total = sum(d.size_bytes for d in documents)
    done = 0
    missing: list[DocumentInfo] = []
    altered: list[DocumentInfo] = []
    verdict: dict[tuple[str, Optional[str]], Optional[list[DocumentInfo]]] = {}
    for info in documents:
        content = (info.sha256, info.media_type)
        if content not in verdict:   # content shared by several rows is read once
            verdict[content] = _check_one(store, info, _offset(progress, done, total), cancelled,
                                          missing, altered)
            done += info.size_bytes
        found = verdict[content]
        if found is not None:
            found.append(info)
    referenced = [store.path_of(sha256, media_type) for sha256, media_type in verdict]
    return DocumentsCheck(len(documents), missing, altered, store.orphans(referenced))


class Documents:
    """``desk.documents``: the functions of this module bound to one desk."""

    def __init__(self, desk: "Desk") -> None:
        self.desk = desk

    def attach(self, kind: str, key: str, path: str | Path, progress: Optional[Progress] = None,
               cancelled: Optional[CancelCheck] = None, name: Optional[str] = None) -> DocumentInfo:
        return attach(self.desk, kind, key, path, progress, cancelled, name)

    def of(self, kind: str, key: str) -> list[DocumentInfo]:
        return documents_of(self.desk, kind, key)

    def get(self, document_id: int) -> DocumentInfo:
        return get(self.desk, document_id)

    def text(self, document_id: int) -> Optional[str]:
        return text_of(self.desk, document_id)

    def open_path(self, document_id: int, progress: Optional[Progress] = None,
                  cancelled: Optional[CancelCheck] = None) -> Path:
        return open_path(self.desk, document_id, progress, cancelled)

    def remove(self, document_id: int) -> Changes:
        return remove(self.desk, document_id)

    def check(self, progress: Optional[Progress] = None,
              cancelled: Optional[CancelCheck] = None) -> DocumentsCheck:
        return check_documents(self.desk, progress, cancelled)
