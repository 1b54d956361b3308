"""Moving records between the validated models (keys) and the tables (ids).

A ``Shape`` says how one model maps onto one table: which fields refer to other records by key,
which are partial dates (a date column plus a precision column), and which child collections
hang off it. Reading works in bulk — children and keys for many rows in one query each — so a
list or an export costs a handful of queries, not one per row.
"""

import gc
import operator
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Optional

import sqlalchemy as sa
from sqlalchemy.orm import Session
from sqlmodel import SQLModel

from krakow_desk.domain.enums import Precision
from krakow_desk.domain.fuzzydate import FuzzyDate
from krakow_desk.domain.schema import Record
from krakow_desk.domain.tables import Source
from krakow_desk.services.errors import UnknownReference


_set = object.__setattr__     # as pydantic sets a model's internals


class KeyCache:
    """Key ↔ id look-ups for one session, loaded a table at a time — or, for a read of a few
    records (a partner's page), just the keys those records point at."""

    FEW = 1000       # more ids than this: read the whole table's keys at once

    def __init__(self, session: Session) -> None:
        self.session = session
        self._ids: dict[type, dict[str, int]] = {}
        self._keys: dict[type, dict[int, str]] = {}
        self._some_keys: dict[type, dict[int, str]] = {}

    def _load(self, table: type) -> None:
        rows = self.session.execute(sa.select(table.id, table.key)).all()
        self._ids[table] = {key: id_ for id_, key in rows}
        self._keys[table] = {id_: key for id_, key in rows}
        self._some_keys.pop(table, None)

    def want_keys(self, table: type, ids: Iterable[Optional[int]]) -> None:
        """Read ahead the keys of these ids: a page about one partner needs a few dozen of
        50,000 letters' keys, not all of them."""
        if table in self._keys:
            return
        some = self._some_keys.setdefault(table, {})
        missing = {id_ for id_ in ids if id_ is not None and id_ not in some}
        if len(missing) > self.FEW:
            self._load(table)
            return
        for chunk in _chunks(sorted(missing)):
            some.update(self.session.execute(sa.select(table.id, table.key).where(table.id.in_(chunk))).all())

    def id_of(self, table: type, key: str) -> Optional[int]:
        if table not in self._ids:
            self._load(table)
        return self._ids[table].get(key)

    def key_of(self, table: type, id_: Optional[int]) -> Optional[str]:
        if id_ is None:
            return None
        if table not in self._keys:
            some = self._some_keys.get(table)
            if some is not None and id_ in some:
                return some[id_]
            self._load(table)
        return self._keys[table].get(id_)

    def remember(self, table: type, key: str, id_: int) -> None:
        if table in self._ids:
            self._ids[table][key] = id_
            self._keys[table][id_] = key

    def forget(self, table: type) -> None:
        self._ids.pop(table, None)
        self._keys.pop(table, None)
        self._some_keys.pop(table, None)


@dataclass(frozen=True)
class Ref:
    """A model field holding another record's key, stored as that record's id."""
    field: str
    column: str
    target: type
    target_kind: str


@dataclass
class Shape:
    table: type
    model: type[Record]
    refs: tuple[Ref, ...] = ()
    fuzzy: tuple[str, ...] = ()
    children: tuple["Child", ...] = ()
    skip: tuple[str, ...] = ()           # model fields handled elsewhere
    scalars: tuple[str, ...] = field(init=False)
    source_fields: tuple[str, ...] = field(init=False)
    _pick: Callable[[Any], tuple] = field(init=False, repr=False)   # the scalars of a Core row
    _order: tuple[str, ...] = field(init=False, repr=False)         # the model's fields, in order
    _plain: bool = field(init=False, repr=False)     # built as model_construct would, only faster
    _texts: tuple[str, ...] = field(init=False, repr=False)         # scalars held in text columns

    def __post_init__(self) -> None:
        table_columns = self.table.__table__.columns
        columns = set(table_columns.keys())
        handled = {r.field for r in self.refs} | set(self.fuzzy) | {c.field for c in self.children}
        handled |= set(self.skip)
        self.scalars = tuple(name for name in self.model.model_fields
                             if name in columns and name not in handled)
        self.source_fields = tuple(
            name for name in self.scalars
            if any(fk.target_fullname == "source.key" for fk in table_columns[name].foreign_keys))
        # select_rows() selects every column in the table's order: scalars picked by position
        in_order = list(table_columns.keys())
        positions = [in_order.index(name) for name in self.scalars]
        self._pick = (operator.itemgetter(*positions) if len(positions) > 1
                      else (lambda row: (row[positions[0]],)) if positions else (lambda row: ()))
        self._texts = tuple(name for name in self.scalars if isinstance(table_columns[name].type, sa.String))
        model = self.model
        self._order = tuple(model.model_fields)
        read = set(self.scalars) | set(self.fuzzy) | {r.field for r in self.refs} | {c.field for c in self.children}
        self._plain = (read == set(self._order) and not model.__pydantic_post_init__
                       and not model.__pydantic_root_model__ and model.model_config.get("extra") != "allow"
                       and all(f.alias is None and f.validation_alias is None for f in model.model_fields.values()))

    # --- writing -------------------------------------------------------------------------

    def columns_of(self, data: Record, keys: KeyCache, kind: str, record_key: Optional[str],
                   prefix: str = "") -> dict[str, Any]:
        values: dict[str, Any] = {name: getattr(data, name) for name in self.scalars}
        for name in self.source_fields:
            require_source(keys, values[name], kind, record_key, prefix + name)
        for name in self.fuzzy:
            fuzzy: Optional[FuzzyDate] = getattr(data, name)
            values[name] = fuzzy.start if fuzzy else None
            values[f"{name}_precision"] = fuzzy.precision if fuzzy else Precision.DAY
        for ref in self.refs:
            target_key = getattr(data, ref.field)
            values[ref.column] = None
            if target_key is not None:
                target_id = keys.id_of(ref.target, target_key)
                if target_id is None:
                    raise UnknownReference(kind, record_key, prefix + ref.field, ref.target_kind,
                                           target_key)
                values[ref.column] = target_id
        return values

    def save_children(self, session: Session, parent_id: int, data: Record, keys: KeyCache,
                      kind: str, record_key: Optional[str]) -> None:
        for child in self.children:
            child.save(session, parent_id, getattr(data, child.field), keys, kind, record_key)

    # --- reading -------------------------------------------------------------------------

    def values_of(self, row: Any, keys: KeyCache) -> dict[str, Any]:
        if isinstance(row, sa.Row):
            values: dict[str, Any] = dict(zip(self.scalars, self._pick(row)))
        else:
            values = {name: getattr(row, name) for name in self.scalars}
        for name in self.fuzzy:
            start = getattr(row, name)
            values[name] = FuzzyDate(start, getattr(row, f"{name}_precision")) if start else None
        for ref in self.refs:
            values[ref.field] = keys.key_of(ref.target, getattr(row, ref.column))
        return values

    def models_of(self, session: Session, rows: list[Any], keys: KeyCache,
                  trusted: bool = False, without: Iterable[str] = ()) -> list[Record]:
        """The records of these rows (ORM objects or Core rows with the table's columns).

        ``trusted``: build the models without re-running validation — for bulk reads of what was
        validated when written (rows come back with the very types the models hold), where the
        validators cost most of a list's or an export's time at 100k records. ``without``: child
        collections not read (they come back empty) — only with ``trusted``, for a list that does
        not show them.
        """
        ids = [row.id for row in rows]
        if len(rows) <= keys.FEW:      # more: each table's keys are read whole when first needed
            for ref in self.refs:
                keys.want_keys(ref.target, (getattr(row, ref.column) for row in rows))
        skipped = set(without)
        assert trusted or not skipped, "a validated read is a whole record"
        loaded = {child.field: child.load(session, ids, keys, trusted) for child in self.children
                  if child.field not in skipped}
        build = self.model.model_validate
        result = []
        for row in rows:
            values = self.values_of(row, keys)
            for name, by_parent in loaded.items():
                values[name] = by_parent.get(row.id, [])
            for name in skipped:
                values[name] = []
            result.append(self.construct(_stripped(values, self._texts)) if trusted else build(values))
        return result

    def construct(self, values: dict[str, Any]) -> Record:
        """The model of stored values, unvalidated: what ``model_construct`` gives, at half its cost
        when the values hold every field (as a read does)."""
        model = self.model
        if not self._plain:
            return model.model_construct(**values)
        record = model.__new__(model)
        ordered = {name: values[name] for name in self._order}
        _set(record, "__dict__", ordered)
        _set(record, "__pydantic_fields_set__", set(ordered))
        _set(record, "__pydantic_extra__", None)
        _set(record, "__pydantic_private__", None)
        return record

    def select_rows(self) -> sa.Select:
        """All the table's columns as plain rows: no ORM objects to build and track."""
        return sa.select(*self.table.__table__.columns)


class Child:
    """A collection hanging off a record, replaced as a whole on every save."""
    field: str

    def load(self, session: Session, parent_ids: list[int], keys: KeyCache,
             trusted: bool = False) -> dict[int, list]:
        raise NotImplementedError

    def save(self, session: Session, parent_id: int, values: list, keys: KeyCache, kind: str,
             record_key: Optional[str]) -> None:
        raise NotImplementedError


def _chunks(ids: list[int], size: int = 500) -> Iterable[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


BULK = 2000


def _by_parent(parent: Any, parent_ids: list[int]) -> tuple[list[Any], Optional[set[int]]]:
    """Where-clauses that cover these parents: IN-lists of 500; or, for a bulk read (a list, an
    export), one query over the whole table, whose rows of other parents the caller drops
    (the set returned) — dozens of IN-queries cost more than the rows they leave out."""
    if len(parent_ids) > BULK:
        return [sa.true()], set(parent_ids)
    return [parent.in_(chunk) for chunk in _chunks(parent_ids)], None


@dataclass
class Values(Child):
    """A sorted list of plain values (domains, aliases) in a link table."""
    field: str
    table: type
    parent_column: str
    value_column: str

    def load(self, session, parent_ids, keys, trusted=False):
        parent = getattr(self.table, self.parent_column)
        value = getattr(self.table, self.value_column)
        result: dict[int, list] = {}
        clauses, wanted = _by_parent(parent, parent_ids)
        for clause in clauses:
            for parent_id, item in session.execute(sa.select(parent, value).where(clause)):
                if wanted is None or parent_id in wanted:
                    result.setdefault(parent_id, []).append(item)
        for items in result.values():
            items.sort(key=str)
        return result

    def save(self, session, parent_id, values, keys, kind, record_key):
        session.execute(sa.delete(self.table).where(getattr(self.table, self.parent_column) == parent_id))
        for item in sorted(set(values), key=str):
            session.add(self.table(**{self.parent_column: parent_id, self.value_column: item}))


@dataclass
class Keys(Child):
    """A sorted list of other records' keys, kept as ids in a link table."""
    field: str
    table: type
    parent_column: str
    value_column: str
    target: type
    target_kind: str

    def load(self, session, parent_ids, keys, trusted=False):
        parent = getattr(self.table, self.parent_column)
        value = getattr(self.table, self.value_column)
        result: dict[int, list] = {}
        clauses, wanted = _by_parent(parent, parent_ids)
        pairs = [pair for clause in clauses for pair in session.execute(sa.select(parent, value).where(clause))
                 if wanted is None or pair[0] in wanted]
        if len(pairs) <= keys.FEW:
            keys.want_keys(self.target, (target_id for _parent, target_id in pairs))
        for parent_id, target_id in pairs:
            result.setdefault(parent_id, []).append(keys.key_of(self.target, target_id))
        for items in result.values():
            items.sort()
        return result

    def save(self, session, parent_id, values, keys, kind, record_key):
        session.execute(sa.delete(self.table).where(getattr(self.table, self.parent_column) == parent_id))
        target_ids = set()
        for index, target_key in enumerate(values):
            target_id = keys.id_of(self.target, target_key)
            if target_id is None:
                raise UnknownReference(kind, record_key, f"{self.field}[{index}]", self.target_kind,
                                       target_key)
            target_ids.add(target_id)
        for target_id in sorted(target_ids):
            session.add(self.table(**{self.parent_column: parent_id, self.value_column: target_id}))


@dataclass
class Rows(Child):
    """An ordered list of sub-records (status history, participants, programme items)."""
    field: str
    shape: Shape
    parent_column: str
    order_column: str = "id"

    def load(self, session, parent_ids, keys, trusted=False):
        table = self.shape.table
        parent = getattr(table, self.parent_column)
        result: dict[int, list] = {}
        model, values_of = self.shape.model, self.shape.values_of
        clauses, wanted = _by_parent(parent, parent_ids)
        rows = [row for clause in clauses
                for row in session.execute(self.shape.select_rows().where(clause).order_by(
                    parent, getattr(table, self.order_column), table.id))
                if wanted is None or getattr(row, self.parent_column) in wanted]
        if len(rows) <= keys.FEW:
            for ref in self.shape.refs:
                keys.want_keys(ref.target, (getattr(row, ref.column) for row in rows))
        for row in rows:
            values = values_of(row, keys)
            item = (self.shape.construct(_stripped(values, self.shape._texts)) if trusted
                    else model.model_validate(values))
            result.setdefault(getattr(row, self.parent_column), []).append(item)
        return result

    def save(self, session, parent_id, values, keys, kind, record_key):
        table = self.shape.table
        session.execute(sa.delete(table).where(getattr(table, self.parent_column) == parent_id))
        has_position = "position" in table.__table__.columns
        for index, item in enumerate(values):
            columns = self.shape.columns_of(item, keys, kind, record_key, f"{self.field}[{index}].")
            columns[self.parent_column] = parent_id
            if has_position:
                columns["position"] = index
            session.add(table(**columns))


_pause = {"count": 0, "was_enabled": True}
_pause_lock = threading.Lock()


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a bulk read builds its records: they hold no cycles, and
    at 100k records the collector's passes over the growing heap cost a third of the read.
    Counted, so that with reads on several threads the last one to end turns it back on."""
    with _pause_lock:
        if _pause["count"] == 0:
            _pause["was_enabled"] = gc.isenabled()
            gc.disable()
        _pause["count"] += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pause["count"] -= 1
            if _pause["count"] == 0 and _pause["was_enabled"]:
                gc.enable()


def _stripped(values: dict[str, Any], texts: tuple[str, ...]) -> dict[str, Any]:
    """What the text validators would make of stored text: trimmed, blank as absent (rows
    written around validation, as the demo's bulk insert does, may keep a trailing space). Every
    text column not validated so is a key, whose pattern admits no space nor blank; lists of text
    (JSON columns: languages, e-mails) are taken as stored."""
    for name in texts:
        value = values[name]
        if value.__class__ is str:
            value = value.strip()
            values[name] = value or None
    return values


def apply(row: SQLModel, values: dict[str, Any]) -> None:
    """Set column values on a row, leaving equal ones untouched (no needless UPDATE)."""
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)


def require_source(keys: KeyCache, source: Optional[str], kind: str, record_key: Optional[str],
                   field: str) -> None:
    """A record may cite only a source the database knows."""
    if source is not None and keys.id_of(Source, source) is None:
        raise UnknownReference(kind, record_key, field, "source", source)
