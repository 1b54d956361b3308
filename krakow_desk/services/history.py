"""The change history as people read it: one record's changes, the whole log, the chain check."""

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, Optional

import sqlalchemy as sa

from krakow_desk.domain import tables as t
from krakow_desk.i18n import N_, _
from krakow_desk.services.errors import kind_name
from krakow_desk.services.shapes import KINDS
from krakow_desk.store import history as chain

if TYPE_CHECKING:
    from krakow_desk.services.desk import Desk

ACTIONS = {
    "created": N_("created"), "updated": N_("changed"), "deleted": N_("deleted"),
    "attached": N_("document attached"), "detached": N_("document removed"),
    "erased": N_("personal data erased"), "generated": N_("demonstration data added"),
    "restored": N_("restored from a backup"),
}
PROBLEMS = {
    "hash": N_("history entry {id} does not match its hash: it was altered after it was written"),
    "link": N_("history entry {id} does not follow the entry before it: entries were removed or inserted"),
    "content": N_("history entry {id} holds other changes than it was written with"),
    "gap": N_("history entry {id} is out of sequence: entries before it are missing"),
    "head": N_("the last history entries were removed or replaced"),
    "redaction": N_("history entry {id} is marked as erased, but no erasure names it"),
}
_TABLES = {kind.name: kind.shape.table for kind in KINDS}


def action_name(action: str) -> str:
    text = ACTIONS.get(action)
    return _(text) if text else action


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    at: datetime           # aware, UTC
    actor: str
    kind: str
    key: str
    action: str
    changes: tuple[FieldChange, ...]
    redacted: bool

    @property
    def kind_name(self) -> str:
        return kind_name(self.kind)

    @property
    def action_name(self) -> str:
        return action_name(self.action)

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "at": self.at.isoformat(), "actor": self.actor, "kind": self.kind,
                "key": self.key, "action": self.action, "redacted": self.redacted,
                "changes": {c.field: [c.old, c.new] for c in self.changes}}


def _entry(row: Any) -> HistoryEntry:
    try:
        raw = json.loads(row.changes)
    except ValueError:
        raw = {}
    changes = tuple(FieldChange(name, *(value if isinstance(value, list) and len(value) == 2 else [None, value]))
                    for name, value in sorted(raw.items())) if isinstance(raw, dict) else ()
    at = datetime.strptime(row.at, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc)
    return HistoryEntry(row.id, at, row.actor, row.kind, row.record_key, row.action, changes,
                        bool(row.redacted))


class History:
    """``desk.history``: reading the log and checking its chain."""

    def __init__(self, desk: "Desk") -> None:
        self.desk = desk

    def of(self, kind: str, key: str) -> list[HistoryEntry]:
        """The changes to one record, newest first."""
        table = _TABLES.get(kind)
        with self.desk.session() as session:
            record_id = session.scalar(sa.select(table.id).where(table.key == key)) if table else None
            log = t.ChangeLog
            where = (log.record_id == record_id) if record_id is not None else (log.record_key == key)
            rows = session.execute(sa.select(log.__table__).where(log.kind == kind, where)
                                   .order_by(log.id.desc())).all()
        return [_entry(row) for row in rows]

    def log(self, limit: int = 200, before: Optional[int] = None, kind: Optional[str] = None,
            actor: Optional[str] = None) -> list[HistoryEntry]:
        """The whole log, newest first, a page at a time (``before``: the last id already shown)."""
        log = t.ChangeLog
        query = sa.select(log.__table__).order_by(log.id.desc()).limit(max(1, min(limit, 5000)))
        if before is not None:
            query = query.where(log.id < before)
        if kind:
            query = query.where(log.kind == kind)
        if actor:
            query = query.where(log.actor == actor)
        with self.desk.session() as session:
            return [_entry(row) for row in session.execute(query).all()]

    def count(self) -> int:
        with self.desk.session() as session:
            return session.scalar(sa.select(sa.func.count()).select_from(t.ChangeLog)) or 0

    def actors(self) -> list[str]:
        with self.desk.session() as session:
            return sorted(session.scalars(sa.select(t.ChangeLog.actor).distinct()))

    def verify(self) -> list[str]:
        """What is wrong with the chain, in words; empty when every entry is as written."""
        with self.desk.session() as session:
            problems = chain.verify(session)
        return [_(PROBLEMS[p.what]).format(id=p.entry_id) for p in problems]
