"""Reading and writing one record type: get, list, create, update, delete — validated, atomic."""

from collections import namedtuple
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Generic, Iterable, Literal, Mapping, TypeVar

import sqlalchemy as sa
from pydantic import ValidationError
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from krakow_desk.domain.fuzzydate import FuzzyDate
from krakow_desk.domain.schema import Record
from krakow_desk.domain.tables import metadata
from krakow_desk.domain.text import is_key
from krakow_desk.services.errors import (
    Conflict, DeskError, DuplicateKey, InUse, NotFound, UnknownReference, from_validation,
)
from krakow_desk.services.mapping import KeyCache, apply, gc_paused
from krakow_desk.services.shapes import Kind
from krakow_desk.store import history, search_index

if TYPE_CHECKING:
    from krakow_desk.services.desk import Desk

M = TypeVar("M", bound=Record)
Outcome = Literal["created", "updated", "unchanged"]


@dataclass(frozen=True)
class Changes:
    """What a write changed, so that views can decide whether to refresh."""
    created: tuple[tuple[str, str], ...] = ()
    updated: tuple[tuple[str, str], ...] = ()
    deleted: tuple[tuple[str, str], ...] = ()

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(kind for kind, _ in self.created + self.updated + self.deleted)

    def __bool__(self) -> bool:
        return bool(self.created or self.updated or self.deleted)


@dataclass(frozen=True)
class Saved(Generic[M]):
    record: M
    changes: Changes = field(default_factory=Changes)
    version: int = 1   # the stored version now: pass it back as expected_version next time


@dataclass(frozen=True)
class Versioned(Generic[M]):
    """A record as read for editing, with the version a later save must still find."""
    record: M
    version: int


@lru_cache(maxsize=None)
def _brief_type(kind: str, fields: tuple[str, ...]) -> type:
    return namedtuple(f"{kind.title()}Brief", ("key", *fields))  # type: ignore[misc]


def validate(kind: Kind, data: Any) -> Record:
    """Accept a model or a plain mapping; either way re-check every rule."""
    raw = data.model_dump() if isinstance(data, Record) else data
    key = raw.get("key") if isinstance(raw, Mapping) else None
    try:
        return kind.shape.model.model_validate(raw)
    except ValidationError as error:
        raise from_validation(kind.name, error, key) from None


def referencing_tables(table: type, rules: tuple[str, ...]) -> list[tuple[sa.Table, sa.Column]]:
    """Columns elsewhere whose foreign keys to ``table`` have one of these ON DELETE rules."""
    result = []
    for other in metadata.sorted_tables:
        for column in other.columns:
            for fk in column.foreign_keys:
                if fk.column.table is table.__table__ and (fk.ondelete or "RESTRICT").upper() in rules:
                    result.append((other, column))
    return result


def restricting_tables(table: type) -> list[tuple[sa.Table, sa.Column]]:
    """Columns elsewhere whose foreign keys forbid deleting a row of ``table``."""
    return referencing_tables(table, ("RESTRICT", "NO ACTION"))


class Collection(Generic[M]):
    """The records of one kind. Every call opens and closes its own session."""

    def __init__(self, desk: "Desk", kind: Kind) -> None:
        self.desk, self.kind = desk, kind
        self.table = kind.shape.table

    # --- reading -------------------------------------------------------------------------

    def get(self, key: str) -> M:
        with self.desk.session() as session:
            row = self._row(session, key)
            return self.kind.shape.models_of(session, [row], KeyCache(session))[0]  # type: ignore[return-value]

    def get_versioned(self, key: str) -> Versioned[M]:
        """The record and its version, read together, for a form that will save it back."""
        with self.desk.session() as session:
            row = self._row(session, key)
            record = self.kind.shape.models_of(session, [row], KeyCache(session))[0]
            return Versioned(record, row.version)  # type: ignore[arg-type]

    def find(self, key: str) -> M | None:
        try:
            return self.get(key)
        except NotFound:
            return None

    def all(self, without: Iterable[str] = ()) -> list[M]:
        """Every record, by key. ``without``: child collections a list does not show, left
        empty rather than read (a visit's programme, a person's affiliations)."""
        with self.desk.session() as session:
            return self.list_in(session, without=without)

    def list_in(self, session: Session, keys: KeyCache | None = None, without: Iterable[str] = ()) -> list[M]:
        """Every record, by key: read in bulk as plain rows and built without re-validation
        (everything stored was validated on its way in; see Shape.models_of)."""
        shape = self.kind.shape
        with gc_paused():
            rows = session.execute(shape.select_rows().order_by(self.table.key)).all()
            return shape.models_of(session, rows, keys or KeyCache(session), trusted=True,  # type: ignore[return-value]
                                   without=without)

    def briefs(self, *fields: str) -> list[Any]:
        """The key and just these fields (plain columns or partial dates) of every record, by
        key, as light read-only tuples: for a list that names other records — a gift's visit
        by its date and title — without reading 20,000 of them whole."""
        shape = self.kind.shape
        brief = _brief_type(self.kind.name, fields)
        columns = [self.table.key]
        for name in fields:
            if name in shape.fuzzy:
                columns += [getattr(self.table, name), getattr(self.table, f"{name}_precision")]
            elif name in shape.scalars:
                columns.append(getattr(self.table, name))
            else:
                raise ValueError(f"{self.kind.name}.{name} is not a column of its own")
        fuzzy = [name in shape.fuzzy for name in fields]
        result = []
        with self.desk.session() as session, gc_paused():
            for row in session.execute(sa.select(*columns).order_by(self.table.key)):
                values, at = [row[0]], 1
                for is_fuzzy in fuzzy:
                    if is_fuzzy:
                        values.append(FuzzyDate(row[at], row[at + 1]) if row[at] else None)
                        at += 2
                    else:
                        value = row[at]
                        values.append((value.strip() or None) if value.__class__ is str else value)
                        at += 1
                result.append(brief._make(values))
        return result

    def count(self) -> int:
        with self.desk.session() as session:
            return session.scalar(sa.select(sa.func.count()).select_from(self.table)) or 0

    def dependents(self, key: str) -> dict[str, int]:
        """Records that would stop this one from being deleted, counted by table."""
        with self.desk.session() as session:
            row = self._row(session, key)
            return self._dependents(session, row)

    def cascading(self, key: str) -> dict[str, int]:
        """Rows that deleting this record deletes with it (ON DELETE CASCADE), counted by table.

        Direct children only: none of today's cascading tables has cascading children of its own.
        """
        with self.desk.session() as session:
            row = self._row(session, key)
            return self._count_referencing(session, row, ("CASCADE",))

    def detaching(self, key: str) -> dict[str, int]:
        """Rows that stay but lose their link to this record when it is deleted (ON DELETE SET NULL)."""
        with self.desk.session() as session:
            row = self._row(session, key)
            return self._count_referencing(session, row, ("SET NULL",))

    # --- writing -------------------------------------------------------------------------

    def create(self, data: M | Mapping[str, Any]) -> Saved[M]:
        record = validate(self.kind, data)
        with self.desk.writing() as session:
            record = self.completing(session, record)
            keys = KeyCache(session)
            self.write(session, keys, record, existing=None)
            row = self._row(session, record.key)
            saved = self.kind.shape.models_of(session, [row], keys)[0]
        return Saved(saved, Changes(created=((self.kind.name, record.key),)), row.version)  # type: ignore[arg-type]

    def update(self, key: str, data: M | Mapping[str, Any], expected_version: int | None = None) -> Saved[M]:
        """Save ``data`` over the record. With ``expected_version`` (from ``get_versioned`` or the
        last ``Saved``), a record someone else saved meanwhile is not overwritten: ``Conflict``."""
        record = validate(self.kind, data)
        with self.desk.writing() as session:
            keys = KeyCache(session)
            row = self._row(session, key)
            if expected_version is not None and row.version != expected_version:
                theirs = self.kind.shape.models_of(session, [row], keys)[0]
                raise Conflict(self.kind.name, key, record, theirs, row.version,
                               history.last_change(session, self.kind.name, row.id))
            outcome = self.write(session, keys, record, existing=row)
            saved = self.kind.shape.models_of(session, [row], keys)[0]
        changes = Changes(updated=((self.kind.name, record.key),)) if outcome == "updated" else Changes()
        return Saved(saved, changes, row.version)  # type: ignore[arg-type]

    def delete(self, key: str) -> Changes:
        with self.desk.writing() as session:
            row = self._row(session, key)
            blocking = self._dependents(session, row)
            if blocking:
                raise InUse(self.kind.name, key, blocking)
            before = self.kind.shape.models_of(session, [row], KeyCache(session))[0]
            history.append(session, actor=self.desk.actor, kind=self.kind.name, record_key=key,
                           record_id=row.id, action="deleted",
                           changes=history.diff(before.model_dump(), None))
            with search_index.deleting(session, self.kind.name, row.id):
                session.delete(row)
        return Changes(deleted=((self.kind.name, key),))

    def completing(self, session: Session, record: Record) -> Record:
        """A new record as it will be saved: what the program fills in itself (a letter's
        reference number), first thing in the creating transaction."""
        return record

    def write(self, session: Session, keys: KeyCache, record: Record, existing: Any,
              defer_self_ref: bool = False) -> Outcome:
        """Insert or update one validated record inside the caller's transaction.

        A record equal to what is stored is left alone: no rows are touched.
        """
        shape, name = self.kind.shape, self.kind.name
        before = shape.models_of(session, [existing], keys)[0] if existing is not None else None
        if before is not None and before == record:
            return "unchanged"
        if existing is None or existing.key != record.key:
            if keys.id_of(self.table, record.key) is not None:
                raise DuplicateKey(name, record.key)
        logged = record   # the history shows the record as asked for, self-reference included
        if defer_self_ref and self.kind.self_ref:
            record = record.model_copy(update={self.kind.self_ref: None})
        values = shape.columns_of(record, keys, name, record.key)
        row = existing if existing is not None else self.table(**values)
        if existing is None:
            session.add(row)
        else:
            apply(row, values)
            row.version = row.version + 1
        try:
            session.flush()
        except IntegrityError as error:
            raise DeskError(f"{name} '{record.key}': the database refused it ({error.orig})") from None
        if existing is None:
            keys.remember(self.table, record.key, row.id)
        else:
            keys.forget(self.table)  # the key itself may have changed
        shape.save_children(session, row.id, record, keys, name, record.key)
        search_index.changed(session, name, row.id)  # indexed in the same transaction as the write
        history.append(session, actor=self.desk.actor, kind=name, record_key=record.key,
                       record_id=row.id, action="created" if before is None else "updated",
                       changes=history.diff(before.model_dump() if before else None, logged.model_dump()))
        return "created" if existing is None else "updated"

    def set_self_ref(self, session: Session, keys: KeyCache, record: Record) -> None:
        """Second pass of an import: point records at others of their own kind."""
        ref = next(r for r in self.kind.shape.refs if r.field == self.kind.self_ref)
        target = getattr(record, ref.field)
        target_id = None
        if target is not None:
            target_id = keys.id_of(self.table, target)
            if target_id is None:
                raise UnknownReference(self.kind.name, record.key, ref.field, ref.target_kind, target)
        row = session.get(self.table, keys.id_of(self.table, record.key))
        setattr(row, ref.column, target_id)

    # --- helpers -------------------------------------------------------------------------

    def _row(self, session: Session, key: str) -> Any:
        if not is_key(key):   # no record has it, and the database may not even hold such text
            raise NotFound(self.kind.name, str(key))
        row = session.scalar(sa.select(self.table).where(self.table.key == key))
        if row is None:
            raise NotFound(self.kind.name, key)
        return row

    def _dependents(self, session: Session, row: Any) -> dict[str, int]:
        return self._count_referencing(session, row, ("RESTRICT", "NO ACTION"))

    def _count_referencing(self, session: Session, row: Any, rules: tuple[str, ...]) -> dict[str, int]:
        counts: dict[str, int] = {}
        for other, column in referencing_tables(self.table, rules):
            if other is self.table.__table__:
                continue
            # Most references hold the row's id; a source is referred to by its key.
            target = next(fk.column.name for fk in column.foreign_keys if fk.column.table is self.table.__table__)
            count = session.scalar(sa.select(sa.func.count()).select_from(other)
                                   .where(column == getattr(row, target)))
            if count:
                counts[other.name] = counts.get(other.name, 0) + count
        return counts
